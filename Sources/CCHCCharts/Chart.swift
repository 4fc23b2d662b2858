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

/// The language of the words a chart prints (Vietnamese by default).
public enum ChartLanguage: String, Sendable, CaseIterable, Hashable {
    /// Vietnamese: decimal comma, dot thousands ("1.234,5").
    case vi
    /// English: decimal dot, comma thousands ("1,234.5").
    case en
}

/// What a chart renders to: the SVG, a table with the same numbers, and a figure holding both.
public struct ChartOutput: Sendable, Hashable {
    /// An inline `<svg>` element with `role="img"`, a `<title>` and a `<desc>`.
    public var svg: String
    /// An HTML `<table>` with a `<caption>` and header cells holding the chart's numbers.
    public var table: String
    /// A `<figure>` with the SVG and the table inside a `<details>` element.
    public var html: String

    /// Makes an output from its three parts.
    public init(svg: String, table: String, html: String) {
        self.svg = svg
        self.table = table
        self.html = html
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
    let language: ChartLanguage
    private func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    var year: String { t("Năm", "Year") }
    var rank: String { t("Xếp hạng", "Rank") }
    var score: String { t("Điểm", "Score") }
    var target: String { t("Mục tiêu", "Target") }
    var noData: String { t("Không có dữ liệu", "No data") }
    var dataTable: String { t("Bảng số liệu", "Data table") }
    var methodBreak: String { t("Đổi phương pháp", "Method change") }
    var methodBreakNote: String { t("Đổi phương pháp từ năm này: không so sánh với các năm trước",
                                    "Method changed this year: not comparable with earlier years") }
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

    /// The root `<svg>` with its title, desc, defs and body.
    static func svg(id: String, kind: String, width: Double, height: Double, title: String, desc: String,
                    defs: [Node] = [], body: [Node], extraClass: String? = nil,
                    size: (String, String)? = nil) -> String {
        var attrs: [(String, String)] = [("xmlns", "http://www.w3.org/2000/svg"),
                                         ("class", "chart chart-\(kind)" + (extraClass.map { " " + $0 } ?? ""))]
        if let size {
            attrs.append(("width", size.0))
            attrs.append(("height", size.1))
        }
        attrs += [("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"),
                  ("aria-labelledby", "\(id)-title \(id)-desc"), ("font-size", n(Style.font))]
        var children: [Node] = [
            .el("title", ["id": "\(id)-title"], [.text(title)]),
            .el("desc", ["id": "\(id)-desc"], [.text(desc)]),
        ]
        if !defs.isEmpty { children.append(.el("defs", [:], defs)) }
        children += body
        return Node.el("svg", attrs: attrs, children).render()
    }

    /// A sentence listing `items`, at most `limit` of them, then a pointer to the table.
    static func list(_ items: [String], words: Words, limit: Int = 24) -> String {
        if items.count <= limit { return items.joined(separator: "; ") + "." }
        return items.prefix(limit).joined(separator: "; ") + "; … (\(words.more))."
    }

    /// A text element.
    static func text(_ s: String, x: Double, y: Double, anchor: String? = nil, size: Double? = nil,
                     fill: String = Palette.ink, weight: String? = nil, cls: String? = nil) -> Node {
        var attrs: [(String, String)] = [("x", n(x)), ("y", n(y))]
        if let anchor { attrs.append(("text-anchor", anchor)) }
        if let size { attrs.append(("font-size", n(size))) }
        if let weight { attrs.append(("font-weight", weight)) }
        if let cls { attrs.append(("class", cls)) }
        attrs.append(("fill", fill))
        return .el("text", attrs: attrs, [.text(s)])
    }

    /// A white box behind a one-line text at (`x`, `y`) so lines under it do not cross the letters.
    static func backdrop(_ s: String, x: Double, y: Double, anchor: String? = nil, size: Double = Style.font) -> Node {
        let w = TextMetrics.width(s, fontSize: size) + 4
        let left = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w + 2 : x - 2
        return .el("rect", ["class": "chart-backdrop", "x": n(left), "y": n(y - size * 0.85), "width": n(w), "height": n(size * 1.15),
                            "fill": "#ffffff"])
    }

    /// A label wrapped to `maxLines` lines of `maxWidth`; if shortened, the full text is kept in a `<title>` of its group.
    /// Returns the node and the number of lines used.
    static func label(_ s: String, x: Double, y: Double, maxWidth: Double, maxLines: Int, anchor: String? = nil,
                      size: Double = Style.font, weight: String? = nil, cls: String = "chart-label",
                      backdrop: Bool = false) -> (Node, Int) {
        let (lines, truncated) = TextMetrics.wrap(s, maxWidth: maxWidth, fontSize: size, maxLines: maxLines)
        var children: [Node] = []
        if truncated { children.append(.el("title", [:], [.text(s)])) }
        for (i, line) in lines.enumerated() {
            if backdrop { children.append(Common.backdrop(line, x: x, y: y + Double(i) * (size + 4), anchor: anchor, size: size)) }
            children.append(text(line, x: x, y: y + Double(i) * (size + 4), anchor: anchor, weight: weight))
        }
        var attrs: [(String, String)] = [("class", cls)]
        if size != Style.font { attrs.append(("font-size", n(size))) }
        return (.el("g", attrs: attrs, children), lines.count)
    }

    /// The "no data" chart: a short SVG saying so, and a table saying so.
    static func noData(id: String, kind: String, title: String, columns: [String], language: ChartLanguage) -> ChartOutput {
        let w = Words(language: language)
        let width = Charts.viewBoxWidth, height = 80.0
        let body: [Node] = [
            .el("rect", ["class": "chart-empty", "x": "0.5", "y": "0.5", "width": n(width - 1), "height": n(height - 1),
                         "fill": "#ffffff", "stroke": Palette.grid, "stroke-dasharray": "4 4"]),
            text(w.noData, x: width / 2, y: height / 2 + 5, anchor: "middle", fill: Palette.muted, cls: "chart-empty-text"),
        ]
        let svg = Common.svg(id: id, kind: kind, width: width, height: height, title: title, desc: w.noData + ".",
                             body: body, extraClass: "chart-no-data")
        var table = Table(caption: title, columns: columns)
        table.empty = w.noData
        let tableHTML = table.render(id: id)
        return ChartOutput(svg: svg, table: tableHTML, html: figure(id: id, kind: kind, svg: svg, table: tableHTML, language: language))
    }

    /// The `<figure>` holding the SVG and the table inside `<details>`.
    static func figure(id: String, kind: String, svg: String, table: String, language: ChartLanguage) -> String {
        var out = "<figure class=\"chart-figure chart-figure-\(kind)\" id=\"\(id)\">\n"
        out += svg
        out += "\n<details class=\"chart-data\"><summary>\(Words(language: language).dataTable)</summary>\n"
        out += table
        out += "\n</details>\n</figure>"
        return out
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

    /// Renders the table with id `<id>-table`.
    func render(id: String) -> String {
        var out = "<table class=\"chart-table\" id=\"\(id)-table\">\n<caption>"
        Escape.append(caption, to: &out, attribute: false)
        out += "</caption>\n<thead><tr>"
        for c in columns {
            out += "<th scope=\"col\">"
            Escape.append(c, to: &out, attribute: false)
            out += "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr><td colspan=\"\(max(columns.count, 1))\">"
            Escape.append(empty ?? "", to: &out, attribute: false)
            out += "</td></tr>\n"
        }
        for row in rows {
            out += "<tr><th scope=\"row\">"
            Escape.append(row.header, to: &out, attribute: false)
            out += "</th>"
            for cell in row.cells {
                switch cell {
                case .text(let s):
                    out += "<td>"
                    Escape.append(s, to: &out, attribute: false)
                case .number(let s):
                    out += "<td class=\"num\">"
                    Escape.append(s, to: &out, attribute: false)
                }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>"
        return out
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
