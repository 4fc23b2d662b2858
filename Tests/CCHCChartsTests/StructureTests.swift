import Foundation
import Testing

@testable import CCHCCharts

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an XML parse of one SVG or table collected.
final class Collected: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var rootChildren: [String] = []
    var ids: [String] = []
    var references: [String] = []
    /// Text of `<text>` elements outside axis and scale-legend groups.
    var dataTexts: [String] = []
    var allText = ""
    var error: Error?
    private var depth = 0
    private var classStack: [String] = []
    private var inText = 0
    private var currentText = ""

    init(_ markup: String) {
        super.init()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if depth == 0 {
            root = name
            rootAttributes = attributes
        } else if depth == 1 {
            rootChildren.append(name)
        }
        depth += 1
        allText += " "
        classStack.append(attributes["class"] ?? "")
        if let id = attributes["id"] { ids.append(id) }
        for (key, value) in attributes {
            if key == "aria-labelledby" { references += value.split(separator: " ").map(String.init) }
            if value.hasPrefix("url(#") { references.append(String(value.dropFirst(5).dropLast())) }
        }
        if name == "text" {
            inText += 1
            currentText = ""
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        allText += " "
        classStack.removeLast()
        if name == "text" {
            inText -= 1
            let excluded = classStack.contains { $0.contains("chart-axis") || $0.contains("chart-legend-scale") }
            if !excluded { dataTexts.append(currentText) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        allText += string
        if inText > 0 { currentText += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }
}

/// Numbers as printed ("85,95", "1.000", "28"), split on anything else.
func numberTokens(_ s: String) -> Set<String> {
    var tokens = Set<String>()
    var current = ""
    let chars = Array(s)
    for (i, ch) in chars.enumerated() {
        if ch.isASCII && ch.isNumber {
            current.append(ch)
        } else if (ch == "," || ch == ".") && !current.isEmpty && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber {
            current.append(ch)
        } else if !current.isEmpty {
            tokens.insert(current)
            current = ""
        }
    }
    if !current.isEmpty { tokens.insert(current) }
    return tokens
}

@Suite struct StructureTests {
    @Test(arguments: GoldenCases.all.map(\.name))
    func svgIsWellFormedWithUniqueIds(name: String) throws {
        let chart = try #require(GoldenCases.all.first { $0.name == name }).chart
        let output = chart.render()
        let svg = Collected(output.svg)
        #expect(svg.error == nil, "\(name): \(String(describing: svg.error))")
        #expect(svg.root == "svg")
        #expect(svg.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.rootAttributes["role"] == "img")
        #expect(svg.rootAttributes["viewBox"] != nil)
        #expect(svg.rootAttributes["width"].map { $0.hasSuffix("em") } ?? true, "no pixel widths")
        #expect(svg.rootChildren.prefix(2) == ["title", "desc"])
        #expect((svg.rootAttributes["class"] ?? "").hasPrefix("chart chart-"))
        #expect(Set(svg.ids).count == svg.ids.count, "\(name): duplicate ids \(svg.ids)")
        let prefix = Common.sanitize(chart.id)
        for id in svg.ids { #expect(id.hasPrefix(prefix + "-"), "\(name): id \(id) lacks the prefix \(prefix)") }
        for ref in svg.references { #expect(svg.ids.contains(ref), "\(name): reference to missing id \(ref)") }
        #expect(!output.svg.contains("font-family"))
        #expect(!output.svg.contains("NaN") && !output.svg.contains("inf"))
    }

    @Test(arguments: GoldenCases.all.map(\.name))
    func tableHoldsTheNumbersOfTheLabels(name: String) throws {
        let chart = try #require(GoldenCases.all.first { $0.name == name }).chart
        let output = chart.render()
        let table = Collected(output.table)
        #expect(table.error == nil, "\(name): table is not well-formed: \(String(describing: table.error))")
        #expect(table.root == "table")
        #expect(table.rootChildren.first == "caption")
        #expect(output.table.contains("<th scope=\"col\">"))
        let tableNumbers = numberTokens(table.allText)
        let svg = Collected(output.svg)
        for text in svg.dataTexts {
            for token in numberTokens(text) {
                #expect(tableNumbers.contains(token), "\(name): \"\(token)\" (in \"\(text)\") is not in the table")
            }
        }
        // The figure combines both, and its own id does not clash with the inner ones.
        #expect(output.html.hasPrefix("<figure class=\"chart-figure"))
        #expect(output.html.contains(output.svg) && output.html.contains(output.table))
        #expect(output.html.contains("<details class=\"chart-data\"><summary>"))
        let figure = Collected(output.html)
        #expect(figure.error == nil)
        #expect(Set(figure.ids).count == figure.ids.count, "\(name): duplicate ids in the figure")
    }

    @Test func renderingIsDeterministic() {
        for (name, chart) in GoldenCases.all {
            #expect(chart.render() == chart.render(), "\(name)")
        }
    }

    @Test func inputIsEscapedEverywhere() {
        let nasty = "<script>alert('x')</script> A & B \"x\"\u{0001}"
        let charts: [any Chart] = [
            ScoreTrendChart(id: "a\"b<c>", title: nasty, points: [.init(year: 2020, score: 1)], maximum: 10, unit: nasty),
            RankTrendChart(id: "r", title: nasty, points: [.init(year: 2020, rank: 1, of: 2)]),
            AreaBarsChart(id: "a", title: nasty, rows: [.init(name: nasty, score: 1, maximum: 2)], rowHeader: nasty),
            StateBarsChart(id: "s", title: nasty, rows: [.init(name: nasty, counts: [.done: 1])], rowHeader: nasty),
            CompletionRingChart(id: "c", title: nasty, share: 0.5, caption: nasty),
            DeadlineTimelineChart(
                id: "d", title: nasty, tasks: [.init(name: nasty, due: ChartDate(2024, 1, 1), state: .done)],
                reportDate: ChartDate(2024, 1, 2)),
            HeatmapChart(id: "h", title: nasty, columns: [nasty], rows: [.init(name: nasty, shares: [0.5])], rowHeader: nasty),
            SparklineChart(id: "p", title: nasty, points: [.init(year: 2020, value: 1)]),
        ]
        for chart in charts {
            let out = chart.render()
            for markup in [out.svg, out.table, out.html] {
                #expect(!markup.contains("<script"), "\(type(of: chart))")
                #expect(!markup.contains("\u{0001}"))
                #expect(markup.contains("&lt;script&gt;") || markup.contains("&lt;scr"), "\(type(of: chart))")
                #expect(Collected(markup).error == nil, "\(type(of: chart))")
            }
        }
        var attribute: [UInt8] = []
        Escape.append("a&b<c>\"d\"'e'", to: &attribute, attribute: true)
        #expect(String(decoding: attribute, as: UTF8.self) == "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;")
        #expect(Common.sanitize("a\"b c<d>") == "a-b-c-d-")
        #expect(Common.sanitize("") == "chart")
    }

    /// Escaping works on UTF-8 bytes; it must agree with the rule stated on Unicode scalars.
    @Test(arguments: [false, true])
    func escapingBytesAgreesWithEscapingScalars(attribute: Bool) {
        func reference(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += attribute ? "&quot;" : "\""
                case "'": out += attribute ? "&#39;" : "'"
                case "\t", "\n", "\r":
                    if attribute { out += " " } else { out.unicodeScalars.append(scalar) }
                default:
                    if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let texts = [
            "", "plain", "Sở Nội vụ", "a&b<c>\"d\"'e'", "\u{0}\u{1}x\u{1F}\t\n\r\r\n", "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}ﬀ\u{EFFFF}",
            "tail\u{FFFF}", "é\u{301} – … ▲ 😀", String(repeating: "ab&", count: 100), "\u{7F}\u{80}\u{9F}",
        ]
        for text in texts {
            var bytes: [UInt8] = []
            Escape.append(text, to: &bytes, attribute: attribute)
            #expect(String(decoding: bytes, as: UTF8.self) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func longLabelsAreShortenedAndKeptWhole() {
        let name = "Tác động của CCHC đến người dân, tổ chức và các chỉ tiêu phát triển KT-XH của tỉnh và còn dài hơn nữa"
        let (lines, truncated) = TextMetrics.wrap(name, maxWidth: 200, fontSize: 15, maxLines: 2)
        #expect(truncated)
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("…"))
        #expect(lines[1].hasSuffix("hơn nữa"))
        for line in lines { #expect(TextMetrics.width(line, fontSize: 15) <= 200) }
        let longer = name + ", " + name
        let svg = AreaBarsChart(id: "x", title: "t", rows: [.init(name: longer, score: 1, maximum: 2)]).render().svg
        #expect(svg.contains("<title>\(longer)</title>"))
        #expect(svg.contains(">… "))
        let one = TextMetrics.wrap("Trung tâm Phục vụ hành chính công huyện Bà Rịa - Vũng Tàu", maxWidth: 250, fontSize: 15, maxLines: 1)
        #expect(one.truncated && one.lines.count == 1 && one.lines[0].contains("…") && one.lines[0].hasSuffix("Vũng Tàu"))
        #expect(TextMetrics.width(one.lines[0], fontSize: 15) <= 250)
        #expect(TextMetrics.wrap("Sở Nội vụ", maxWidth: 200, fontSize: 15, maxLines: 2) == (["Sở Nội vụ"], false))
    }

    @Test func noDataChartsSaySo() {
        let vi = ScoreTrendChart(id: "e", title: "t", points: [], maximum: 100).render()
        #expect(vi.svg.contains("Không có dữ liệu"))
        #expect(vi.table.contains("Không có dữ liệu"))
        let en = HeatmapChart(id: "e", title: "t", columns: [], rows: [], language: .en).render()
        #expect(en.svg.contains(">No data<"))
    }
}

/// The `<text>` elements of an SVG with their estimated boxes (from `TextMetrics`, as the charts lay them out).
final class TextBoxes: NSObject, XMLParserDelegate {
    struct Box {
        var text: String
        var minX: Double, maxX: Double, minY: Double, maxY: Double
        func overlaps(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    }
    var boxes: [Box] = []
    var viewBox: (width: Double, height: Double) = (0, 0)
    private var sizes: [Double] = []
    private var weights: [Bool] = []
    private var current: (x: Double, y: Double, anchor: String, size: Double, bold: Bool)?
    private var content = ""

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "svg", let vb = attributes["viewBox"] {
            let parts = vb.split(separator: " ").compactMap { Double($0) }
            if parts.count == 4 { viewBox = (parts[2], parts[3]) }
        }
        let size = attributes["font-size"].flatMap(Double.init) ?? sizes.last ?? 15
        let bold = attributes["font-weight"].map { $0 == "bold" } ?? weights.last ?? false
        sizes.append(size)
        weights.append(bold)
        if name == "text" {
            current = (Double(attributes["x"] ?? "0") ?? 0, Double(attributes["y"] ?? "0") ?? 0, attributes["text-anchor"] ?? "start", size, bold)
            content = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { content += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        sizes.removeLast()
        weights.removeLast()
        guard name == "text", let c = current else { return }
        let w = TextMetrics.width(content, fontSize: c.size) * (c.bold ? 1.04 : 1)
        let minX = c.anchor == "middle" ? c.x - w / 2 : c.anchor == "end" ? c.x - w : c.x
        // Ascenders and Vietnamese marks above, dots below.
        boxes.append(Box(text: content, minX: minX, maxX: minX + w, minY: c.y - c.size * 0.95, maxY: c.y + c.size * 0.25))
        current = nil
    }
}

@Suite struct LayoutTests {
    /// Charts whose labels must all be inside the viewBox and apart from each other.
    static var charts: [(String, any Chart)] {
        GoldenCases.all.filter { $0.name.hasPrefix("timeline") || $0.name.hasPrefix("states") || $0.name.hasPrefix("ring") }
            + [
                (
                    "states-long-noun",
                    StateBarsChart(
                        id: "n", title: "t",
                        rows: GoldenCases.agencies.enumerated().map { .init(name: $0.element, counts: GoldenCases.counts($0.offset)) },
                        unitNoun: "lượt nhiệm vụ (nhiệm vụ, cơ quan chủ trì, kỳ)")
                )
            ]
    }

    @Test func labelsStayInsideAndApart() {
        for (name, chart) in Self.charts {
            let t = TextBoxes(chart.render().svg)
            #expect(t.viewBox.width > 0, "\(name)")
            for b in t.boxes {
                #expect(
                    b.minX >= 0 && b.maxX <= t.viewBox.width && b.minY >= 0 && b.maxY <= t.viewBox.height,
                    "\(name): \"\(b.text)\" [\(b.minX), \(b.maxX)] × [\(b.minY), \(b.maxY)] leaves the viewBox \(t.viewBox)")
            }
            for (i, a) in t.boxes.enumerated() {
                for b in t.boxes[(i + 1)...] where a.overlaps(b) {
                    Issue.record("\(name): \"\(a.text)\" overlaps \"\(b.text)\"")
                }
            }
        }
    }

    @Test func stateBarsCountTheCallersNoun() {
        let rows: [StateBarsChart.Row] = [.init(name: "Sở Nội vụ", counts: [.done: 12, .overdue: 1]), .init(name: "Sở Tư pháp", counts: [.done: 1])]
        let byDefault = StateBarsChart(id: "s", title: "t", rows: rows).render().svg
        #expect(byDefault.contains(">13 nhiệm vụ</text>") && byDefault.contains(">1 nhiệm vụ</text>"))
        let english = StateBarsChart(id: "s", title: "t", rows: rows, language: .en).render().svg
        #expect(english.contains(">13 tasks</text>") && english.contains(">1 task</text>"))
        let pairs = StateBarsChart(id: "s", title: "t", rows: rows, unitNoun: "lượt nhiệm vụ").render().svg
        #expect(pairs.contains(">13 lượt nhiệm vụ</text>") && pairs.contains("Sở Nội vụ: 13 lượt nhiệm vụ ("))
        #expect(!pairs.contains(">13 nhiệm vụ<"))
        let assignments = StateBarsChart(id: "s", title: "t", rows: rows, unitNoun: "assignments", language: .en).render().svg
        #expect(assignments.contains(">1 assignments</text>"))
        #expect(StateBarsChart(id: "s", title: "t", rows: rows, unitNoun: " ").render().svg == byDefault)
        #expect(StateBarsChart(id: "s", title: "t", rows: rows, unitNoun: "\tlượt nhiệm vụ \n").render().svg == pairs)
        #expect(StateBarsChart(id: "s", title: "t", rows: rows, unitNoun: "\u{3000}lượt nhiệm vụ\u{A0}").render().svg == pairs)
    }

    @Test func timelineCaptionsThatFitNeitherSideGoBelowTheMarker() {
        let svg = GoldenCases.timelines.first { $0.name == "timeline-mid" }!.chart.render().svg
        let t = TextBoxes(svg)
        let caption = t.boxes.first { $0.text == "31/10/2024 · Hoàn thành quá hạn" }!
        let name = t.boxes.first { $0.text.hasPrefix("Lập danh sách") }!
        #expect(caption.minX >= 12 && caption.minY > name.maxY)
    }

    @Test func lastLinesKeepTwoWords() {
        let name = "Tham mưu thành lập Trung tâm Phục vụ hành chính công cấp tỉnh"
        let (lines, truncated) = TextMetrics.wrap(name, maxWidth: 476, fontSize: 15, maxLines: 2)
        #expect(!truncated && lines == ["Tham mưu thành lập Trung tâm Phục vụ hành chính công", "cấp tỉnh"])
        for line in lines { #expect(TextMetrics.width(line, fontSize: 15) <= 476) }
        #expect(TextMetrics.wrap("Sở Khoa học và Công nghệ", maxWidth: 170, fontSize: 15, maxLines: 2).lines == ["Sở Khoa học và", "Công nghệ"])
        // Two words before the break stay: "Sở" alone would be no better.
        #expect(TextMetrics.wrap("Sở Tư pháp", maxWidth: 60, fontSize: 15, maxLines: 2).lines == ["Sở Tư", "pháp"])
    }
}
