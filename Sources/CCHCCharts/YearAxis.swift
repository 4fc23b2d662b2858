/// The horizontal year axis shared by the score and rank trends.
struct YearAxis {
    let first: Int
    let last: Int
    let left: Double
    let right: Double

    /// An axis over `years` (which must not be empty) drawn between `left` and `right`.
    init(years: [Int], left: Double, right: Double) {
        first = years.min() ?? 0
        last = years.max() ?? 0
        self.left = left
        self.right = right
    }

    /// Every year from the first to the last.
    var years: ClosedRange<Int> { first...last }

    /// The distance between two neighbouring years (the whole width for a single year).
    var spacing: Double { last == first ? right - left : (right - left) / Double(last - first) }

    /// The x of `year`; a single year sits in the middle.
    func x(_ year: Int) -> Double {
        if last == first { return (left + right) / 2 }
        return left + Double(year - first) * spacing
    }

    /// Every how many years a label of `labelWidth` fits.
    func stride(labelWidth: Double) -> Int {
        if last == first { return 1 }
        var k = 1
        while Double(k) * spacing < labelWidth + 6 { k += 1 }
        return k
    }

    /// Writes the year labels below `baseline`, thinned so they do not overlap; the last year is always labelled.
    func labels(baseline: Double, into svg: inout MarkupWriter) {
        let k = stride(labelWidth: TextMetrics.width("2000", fontSize: Style.font))
        svg.group(class: "chart-axis chart-axis-x") { svg in
            for year in years where (year - first) % k == 0 || year == last {
                if year != last && k > 1 && last - year < k { continue }
                svg.text(String(year), x: x(year), y: baseline, anchor: "middle")
            }
        }
    }
}

/// Where a point's value label goes.
enum LabelSide {
    case above, below, none
}

/// Chooses label sides for points at `xs` so labels of `width` do not overlap: all above, alternating, or thinned.
func labelSides(count: Int, spacing: Double, width: Double) -> [LabelSide] {
    if count == 0 { return [] }
    if spacing >= width + 4 || count == 1 { return Array(repeating: .above, count: count) }
    if spacing * 2 >= width + 4 {
        return (0..<count).map { $0 % 2 == 0 ? .above : .below }
    }
    var k = 2
    while Double(k) * spacing < width + 4 { k += 1 }
    return (0..<count).map { i in (i % k == 0 || i == count - 1) ? .above : .none }
}

/// Path data for a yearly series: `solid` joins runs of consecutive years, `dashed` bridges missing years;
/// no segment joins two years for which `broken` is true.
func seriesPaths(years: [Int], broken: (Int, Int) -> Bool, point: (Int) -> (Double, Double)) -> (solid: PathData, dashed: PathData) {
    var solid = PathData()
    var dashed = PathData()
    var runOpen = false
    for (a, b) in zip(years, years.dropFirst()) {
        if broken(a, b) {
            runOpen = false
            continue
        }
        let pa = point(a), pb = point(b)
        if b == a + 1 {
            if !runOpen { solid.move(pa.0, pa.1) }
            solid.line(pb.0, pb.1)
            runOpen = true
        } else {
            dashed.move(pa.0, pa.1)
            dashed.line(pb.0, pb.1)
            runOpen = false
        }
    }
    return (solid, dashed)
}

extension MarkupWriter {
    /// The line of a yearly series from ``seriesPaths(years:broken:point:)``: dashed over missing years, solid elsewhere.
    mutating func seriesLine(solid: PathData, dashed: PathData) {
        if !dashed.isEmpty {
            path(class: "chart-gap", dashed, fill: "none", stroke: Palette.series, strokeWidth: 2, dash: "2 5", linecap: "round")
        }
        if !solid.isEmpty {
            path(class: "chart-line", solid, fill: "none", stroke: Palette.series, strokeWidth: 3, linejoin: "round")
        }
    }
}
