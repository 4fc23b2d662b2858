import CCHCFormat

/// SVG charts drawn in Swift for CCHC report pages: inline `<svg>`, a data table and a `<figure>` combining them.
///
/// Every chart is a `Sendable` value conforming to `Chart`; call `render()` to get a `ChartOutput`.
/// The SVGs have a `viewBox` and no width, so CSS sizes them; a page should style them, e.g.
/// `.chart { width: 100%; height: auto; max-width: 40rem; }` and `.chart-spark { vertical-align: middle; }`.
public enum Charts {
    /// The width of the viewBox of most charts, in SVG user units; fonts are 15 units or more.
    public static let viewBoxWidth: Double = 500

    /// Renders any chart (the same as `chart.render()`).
    public static func render(_ chart: any Chart) -> ChartOutput {
        chart.render()
    }
}

/// What a chart renders to: the SVG, a table with the same numbers, and a figure holding both.
///
/// The parts are kept as the UTF-8 bytes they were written as, all in one run: the figure's bytes, with the SVG and
/// the table where they sit inside it. A page copies the figure's bytes in as they are, and only a caller that asks
/// for a part on its own gets a copy of it.
public struct ChartOutput: Sendable, Hashable {
    /// ``html`` as UTF-8.
    public let htmlBytes: [UInt8]
    /// Where ``svg`` is in `htmlBytes`.
    private let svgRange: Range<Int>
    /// Where ``table`` is in `htmlBytes`.
    private let tableRange: Range<Int>

    /// ``svg`` as UTF-8.
    public var svgBytes: [UInt8] { Array(htmlBytes[svgRange]) }
    /// ``table`` as UTF-8.
    public var tableBytes: [UInt8] { Array(htmlBytes[tableRange]) }

    /// An inline `<svg>` element with `role="img"`, a `<title>` and a `<desc>`.
    public var svg: String { String(decoding: htmlBytes[svgRange], as: UTF8.self) }
    /// An HTML `<table>` with a `<caption>` and header cells holding the chart's numbers.
    public var table: String { String(decoding: htmlBytes[tableRange], as: UTF8.self) }
    /// A `<figure>` with the SVG and the table inside a `<details>` element.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }

    /// The `width` and `height` attributes a standalone file adds (the `viewBox`'s size); nil when
    /// the SVG has its own.
    private let naturalSize: String?

    /// Makes an output from the figure's bytes and where the SVG and the table are in them;
    /// `naturalSize` is the `width` and `height` attributes a standalone file gets (nil: the SVG has them).
    init(html: [UInt8], svg: Range<Int>, table: Range<Int>, naturalSize: String?) {
        precondition(svg.upperBound <= html.count && table.upperBound <= html.count, "part outside the figure")
        htmlBytes = html
        svgRange = svg
        tableRange = table
        self.naturalSize = naturalSize
    }

    /// The font stack a standalone SVG names: a page's inline SVG takes the page's font, but an
    /// `<img>` of a file sees no page style, and the browser's default is a serif face.
    public static let standaloneFonts = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

    /// The SVG as a file of its own, for `<img src="….svg">` on another site: an XML declaration,
    /// and on the root element a width and height (so the image has a size before it is styled)
    /// and a font family. Its text and title are the inline SVG's, escaped the same way.
    public var standaloneSVG: [UInt8] {
        let svg = htmlBytes[svgRange]
        let opening = Array("<svg".utf8)
        precondition(svg.starts(with: opening), "a chart's SVG starts with its root element")
        var attributes = " font-family=\"\(ChartOutput.standaloneFonts)\""
        if let naturalSize { attributes = " " + naturalSize + attributes }
        var out = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg".utf8)
        out.reserveCapacity(svg.count + 200)
        out += attributes.utf8
        out += svg.dropFirst(opening.count)
        out.append(UInt8(ascii: "\n"))
        return out
    }
}

/// A chart that can render itself; `id` prefixes every id inside the output.
public protocol Chart: Sendable {
    /// The caller's slug-like id; characters other than ASCII letters, digits, `-` and `_` become `-`.
    var id: String { get }
    /// Draws the chart.
    func render() -> ChartOutput
}

/// Layout constants shared by the charts.
enum Style {
    /// Base font size in viewBox units (renders ≥ 10 px on a 390 px phone with a 500-unit viewBox).
    static let font: Double = 15
    /// Font size of centred values such as the ring's percentage.
    static let big: Double = 30
    /// Outer padding.
    static let pad: Double = 12
    /// Line height for wrapped labels.
    static let line: Double = 19
}

/// The few words charts print, in each language.
struct Words {
    let language: SiteLanguage
    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var year: String { t("Năm", "Year") }
    var rank: String { t("Xếp hạng", "Rank") }
    var score: String { t("Điểm", "Score") }
    var target: String { t("Mục tiêu", "Target") }
    var noData: String { t("Không có dữ liệu", "No data") }
    var dataTable: String { t("Bảng số liệu", "Data table") }
    var methodBreak: String { t("Đổi phương pháp", "Method change") }
    var methodBreakNote: String {
        t(
            "Đổi phương pháp từ năm này: không so sánh với các năm trước",
            "Method changed this year: not comparable with earlier years")
    }
    func aboveMax(_ max: String) -> String { t("vượt điểm tối đa \(max)", "above the maximum \(max)") }
    func belowMin(_ min: String) -> String { t("dưới điểm tối thiểu \(min)", "below the minimum \(min)") }
    var change: String { t("Thay đổi so với năm trước", "Change from the previous year") }
    var maximum: String { t("Điểm tối đa", "Maximum") }
    var total: String { t("Tổng", "Total") }
    var tasks: String { t("nhiệm vụ", "tasks") }
    var task: String { t("Nhiệm vụ", "Task") }
    var due: String { t("Hạn", "Due") }
    var state: String { t("Tình trạng", "State") }
    var reportDate: String { t("Ngày báo cáo", "Reporting date") }
    var noTasks: String { t("Không có nhiệm vụ", "No tasks") }
    var share: String { t("Tỷ lệ", "Share") }
    var area: String { t("Lĩnh vực", "Area") }
    var agency: String { t("Cơ quan", "Agency") }
    var note: String { t("Ghi chú", "Note") }
    var missing: String { t("không có số liệu", "no data") }
    var value: String { t("Giá trị", "Value") }
    var more: String { t("xem bảng số liệu", "see the data table") }
    var shareOutsideNote: String { t("* Tỷ lệ nằm ngoài 0–100%", "* Share outside 0–100%") }
    var shareOutside: String { t("Tỷ lệ nằm ngoài 0–100%", "Share outside 0–100%") }
    var outsideRange: String { t("nằm ngoài 0–100%", "outside 0–100%") }
    var rankOutsideNote: String { t("* Thứ hạng nằm ngoài khoảng 1…số tỉnh được xếp hạng", "* Rank outside 1…the number ranked") }
    /// A change of rank: "tăng 6 bậc" (a smaller rank number is better), "giảm 2 bậc", "giữ nguyên".
    func rankChange(_ d: Int) -> String {
        d > 0 ? t("tăng \(d) bậc", "up \(d)") : d < 0 ? t("giảm \(-d) bậc", "down \(-d)") : t("giữ nguyên", "unchanged")
    }
    /// A change of score in words: "tăng 0,45", "giảm 1,20", "không đổi".
    func scoreChange(_ d: Double, magnitude: String, zero: Bool) -> String {
        zero ? t("không đổi", "unchanged") : d > 0 ? t("tăng ", "up ") + magnitude : t("giảm ", "down ") + magnitude
    }
    /// A date as the chart prints it: dd/mm/yyyy in Vietnamese, ISO in English.
    func date(_ d: ChartDate) -> String { language == .vi ? d.description : d.iso }
    /// A month tick: "9/2024", "2024-09".
    func month(_ m: Int, _ y: Int) -> String { language == .vi ? "\(m)/\(y)" : "\(y)-\(m < 10 ? "0" : "")\(m)" }
}

/// Helpers shared by the charts.
enum Common {
    /// Makes `raw` safe as an id prefix: ASCII letters, digits, `-`, `_`; anything else becomes `-`.
    static func sanitize(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            let ok = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D || v == 0x5F
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        return out.isEmpty ? "chart" : out
    }

    /// The chart's output: a `<figure>` holding the root `<svg>` (with its title, desc, defs and body) and, inside
    /// `<details>`, `table`.
    ///
    /// `body` is a fragment at depth 1 and `defs` one at depth 2: they are laid out before the root's
    /// `viewBox` is known.
    static func output(
        id: String, kind: String, width: Double, height: Double, title: String, desc: String,
        defs: consuming MarkupWriter? = nil, body: borrowing MarkupWriter, extraClass: String? = nil,
        size: (String, String)? = nil, table: Table, language: SiteLanguage
    ) -> ChartOutput {
        let defsCount = defs?.count ?? 0
        let capacity = body.count + defsCount + 2 * (title.utf8.count + desc.utf8.count) + table.estimatedCount + 768
        var out = MarkupWriter(capacity: capacity)
        out.raw("<figure class=\"chart-figure chart-figure-")
        out.characters(kind)
        out.raw("\" id=\"")
        out.characters(id)
        out.raw("\">\n")
        let svgStart = out.count
        out.start("svg")
        out.attribute("xmlns", "http://www.w3.org/2000/svg")
        out.attribute("class", "chart chart-\(kind)" + (extraClass.map { " " + $0 } ?? ""))
        if let size {
            out.attribute("width", size.0)
            out.attribute("height", size.1)
        }
        out.attribute("viewBox", "0 0 \(n(width)) \(n(height))")
        out.attribute("role", "img")
        out.attribute("aria-labelledby", "\(id)-title \(id)-desc")
        out.attribute("font-size", Style.font)
        // Every shape with an area sets its own fill, so this one reaches only the text: `text` leaves ink out.
        out.attribute("fill", Palette.ink)
        out.start("title")
        out.attribute("id", "\(id)-title")
        out.characters(title)
        out.end()
        out.start("desc")
        out.attribute("id", "\(id)-desc")
        out.characters(desc)
        out.end()
        if let defs, !defs.isEmpty {
            out.start("defs")
            out.append(defs)
            out.end()
        }
        out.append(body)
        out.end()
        let svgEnd = out.count
        out.raw("\n<details class=\"chart-data\"><summary>")
        out.characters(Words(language: language).dataTable)
        out.raw("</summary>\n")
        let tableStart = out.count
        table.write(id: id, into: &out)
        let tableEnd = out.count
        out.raw("\n</details>\n</figure>")
        return ChartOutput(
            html: out.array, svg: svgStart..<svgEnd, table: tableStart..<tableEnd,
            naturalSize: size == nil ? "width=\"\(n(width))\" height=\"\(n(height))\"" : nil)
    }

    /// A sentence listing `items`, at most `limit` of them, then a pointer to the table.
    ///
    /// Only whether there are more than `limit` items matters beyond the first `limit`, so a caller with many may
    /// stop making them after `limit + 1`.
    static func list(_ items: [String], words: Words, limit: Int = 24) -> String {
        if items.count <= limit { return items.joined(separator: "; ") + "." }
        return items.prefix(limit).joined(separator: "; ") + "; … (\(words.more))."
    }

    /// The "no data" chart: a short SVG saying so, and a table saying so.
    static func noData(id: String, kind: String, title: String, columns: [String], language: SiteLanguage) -> ChartOutput {
        let w = Words(language: language)
        let width = Charts.viewBoxWidth, height = 80.0
        var body = MarkupWriter(depth: 1)
        body.rect(
            class: "chart-empty", x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "#ffffff", stroke: Palette.grid,
            dash: "4 4")
        body.text(w.noData, x: width / 2, y: height / 2 + 5, anchor: "middle", fill: Palette.muted, class: "chart-empty-text")
        var table = Table(caption: title, columns: columns)
        table.empty = w.noData
        return Common.output(
            id: id, kind: kind, width: width, height: height, title: title, desc: w.noData + ".",
            body: body, extraClass: "chart-no-data", table: table, language: language)
    }
}

/// An HTML data table: a caption, column headers, a row header per row, and cells.
struct Table {
    /// One cell of a body row.
    enum Cell {
        /// Text, left-aligned.
        case text(String)
        /// A formatted number, in a `num` cell.
        case number(String)
    }

    var caption: String
    var columns: [String]
    var rows: [(header: String, cells: [Cell])] = []
    var empty: String? = nil

    init(caption: String, columns: [String]) {
        self.caption = caption
        self.columns = columns
    }

    /// About how many bytes `write` takes, to reserve room for them.
    var estimatedCount: Int { 256 + rows.count * 128 }

    /// Writes the table, with id `<id>-table`, outside any element of `out`.
    func write(id: String, into out: inout MarkupWriter) {
        out.raw("<table class=\"chart-table\" id=\"")
        out.characters(id)
        out.raw("-table\">\n<caption>")
        out.characters(caption)
        out.raw("</caption>\n<thead><tr>")
        for c in columns {
            out.raw("<th scope=\"col\">")
            out.characters(c)
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        if rows.isEmpty {
            out.raw("<tr><td colspan=\"")
            out.raw(max(columns.count, 1))
            out.raw("\">")
            out.characters(empty ?? "")
            out.raw("</td></tr>\n")
        }
        for row in rows {
            out.raw("<tr><th scope=\"row\">")
            out.characters(row.header)
            out.raw("</th>")
            for cell in row.cells {
                switch cell {
                case .text(let s):
                    out.raw("<td>")
                    out.characters(s)
                case .number(let s):
                    out.raw("<td class=\"num\">")
                    out.characters(s)
                }
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table>")
    }
}

/// Evenly spaced "nice" tick values from `low` to `high` (both included when they are nice).
func niceTicks(low: Double, high: Double, maxCount: Int = 5) -> [Double] {
    let span = high - low
    guard span > 0, span.isFinite else { return [low] }
    let raw = span / Double(max(maxCount - 1, 1))
    var step = 1.0
    while step * 10 <= raw { step *= 10 }
    while step > raw { step /= 10 }
    for m in [1.0, 2, 2.5, 5, 10] where step * m >= raw {
        step *= m
        break
    }
    var ticks: [Double] = []
    var v = (low / step).rounded(.up) * step
    while v <= high + step * 1e-9 {
        ticks.append(abs(v) < step * 1e-9 ? 0 : v)
        v += step
    }
    return ticks
}
