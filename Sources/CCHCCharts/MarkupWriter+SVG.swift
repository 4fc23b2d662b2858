/// The SVG elements the charts draw, each written with its attributes in one fixed order.
///
/// Numbers are coordinates (see `Coordinate`); colours, classes and dash patterns are strings. A shape's
/// `title` becomes its `<title>` child, the tooltip browsers show.
extension MarkupWriter {
    // MARK: - Structure

    /// A `<g>` whose children `content` writes.
    mutating func group(
        class cls: String, id: String? = nil, fontSize: Double? = nil, fontWeight: String? = nil,
        _ content: (inout MarkupWriter) -> Void
    ) {
        start("g")
        attribute("class", cls)
        if let id { attribute("id", id) }
        if let fontSize { attribute("font-size", fontSize) }
        if let fontWeight { attribute("font-weight", fontWeight) }
        content(&self)
        end()
    }

    /// A `<g>` whose id is numbered: `id.0`, then `id.1`, then `id.2` in decimal (as in "chart-row-3"), written in
    /// parts rather than joined into a string first.
    mutating func group(class cls: String, id: (String, StaticString, Int), _ content: (inout MarkupWriter) -> Void) {
        start("g")
        attribute("class", cls)
        attribute("id", id.0, id.1, id.2)
        content(&self)
        end()
    }

    /// A `<g>` holding the elements of `fragment`, a writer made one level deeper than this one.
    mutating func group(class cls: String, _ fragment: borrowing MarkupWriter) {
        group(class: cls) { $0.append(fragment) }
    }

    /// A `<title>`: the accessible name or tooltip of its parent.
    mutating func title(_ text: String) {
        start("title")
        characters(text)
        end()
    }

    // MARK: - Shapes

    /// A `<rect>`; `x` and `y` are left out when nil (as in pattern tiles).
    mutating func rect(
        class cls: String? = nil, x: Double? = nil, y: Double? = nil, width: Double, height: Double,
        fill: String, stroke: String? = nil, strokeWidth: Double? = nil, dash: String? = nil,
        title: String? = nil
    ) {
        start("rect")
        if let cls { attribute("class", cls) }
        if let x { attribute("x", x) }
        if let y { attribute("y", y) }
        attribute("width", width)
        attribute("height", height)
        paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth, dash: dash)
        finish(title: title)
    }

    /// A `<circle>`.
    mutating func circle(
        class cls: String? = nil, cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double? = nil, dash: String? = nil, title: String? = nil
    ) {
        start("circle")
        if let cls { attribute("class", cls) }
        attribute("cx", cx)
        attribute("cy", cy)
        attribute("r", r)
        paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth, dash: dash)
        finish(title: title)
    }

    /// A `<line>`.
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, strokeWidth: Double? = nil,
        dash: String? = nil
    ) {
        start("line")
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
        paint(fill: nil, stroke: stroke, strokeWidth: strokeWidth, dash: dash)
        end()
    }

    /// A `<path>`.
    mutating func path(
        class cls: String? = nil, _ d: PathData, fill: String? = nil, stroke: String? = nil,
        strokeWidth: Double? = nil, dash: String? = nil, linecap: String? = nil, linejoin: String? = nil,
        title: String? = nil
    ) {
        start("path")
        if let cls { attribute("class", cls) }
        attribute("d", d)
        paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth, dash: dash)
        if let linecap { attribute("stroke-linecap", linecap) }
        if let linejoin { attribute("stroke-linejoin", linejoin) }
        finish(title: title)
    }

    // MARK: - Text

    /// A `<text>` holding `s` at (`x`, `y`). Ink, the default `fill`, is not written: the chart's `<svg>` sets it.
    mutating func text(
        _ s: String, x: Double, y: Double, anchor: String? = nil, size: Double? = nil,
        fill: String = Palette.ink, weight: String? = nil, class cls: String? = nil
    ) {
        start("text")
        attribute("x", x)
        attribute("y", y)
        if let anchor { attribute("text-anchor", anchor) }
        if let size { attribute("font-size", size) }
        if let weight { attribute("font-weight", weight) }
        if let cls { attribute("class", cls) }
        if fill != Palette.ink { attribute("fill", fill) }
        characters(s)
        end()
    }

    /// A white box behind a one-line text at (`x`, `y`) so lines under it do not cross the letters;
    /// `textWidth` is the text's `TextMetrics.width` at `size`, when the caller has it already.
    mutating func backdrop(
        _ s: String, x: Double, y: Double, anchor: String? = nil, size: Double = Style.font,
        textWidth: Double? = nil
    ) {
        let w = (textWidth ?? TextMetrics.width(s, fontSize: size)) + 4
        let left = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w + 2 : x - 2
        rect(class: "chart-backdrop", x: left, y: y - size * 0.85, width: w, height: size * 1.15, fill: "#ffffff")
    }

    /// A label wrapped to `maxLines` lines of `maxWidth`; if shortened, the full text is kept in a `<title>` of its group.
    /// Returns the number of lines used.
    @discardableResult
    mutating func label(
        _ s: String, x: Double, y: Double, maxWidth: Double, maxLines: Int, anchor: String? = nil,
        size: Double = Style.font, weight: String? = nil, class cls: String = "chart-label",
        backdrop: Bool = false
    ) -> Int {
        let wrapped = TextMetrics.wrap(s, maxWidth: maxWidth, fontSize: size, maxLines: maxLines)
        label(s, wrapped: wrapped, x: x, y: y, anchor: anchor, size: size, weight: weight, class: cls, backdrop: backdrop)
        return wrapped.lines.count
    }

    /// A label already wrapped by `TextMetrics.wrap`, for a chart that needs the lines before it draws them.
    mutating func label(
        _ s: String, wrapped: (lines: [String], truncated: Bool), x: Double, y: Double,
        anchor: String? = nil, size: Double = Style.font, weight: String? = nil,
        class cls: String = "chart-label", backdrop: Bool = false
    ) {
        group(class: cls, fontSize: size != Style.font ? size : nil) { svg in
            if wrapped.truncated { svg.title(s) }
            for (i, line) in wrapped.lines.enumerated() {
                let lineY = y + Double(i) * (size + 4)
                if backdrop { svg.backdrop(line, x: x, y: lineY, anchor: anchor, size: size) }
                svg.text(line, x: x, y: lineY, anchor: anchor, weight: weight)
            }
        }
    }

    // MARK: - Private

    private mutating func paint(fill: String?, stroke: String?, strokeWidth: Double?, dash: String?) {
        if let fill { attribute("fill", fill) }
        if let stroke { attribute("stroke", stroke) }
        if let strokeWidth { attribute("stroke-width", strokeWidth) }
        if let dash { attribute("stroke-dasharray", dash) }
    }

    private mutating func finish(title: String?) {
        if let title { self.title(title) }
        end()
    }
}
