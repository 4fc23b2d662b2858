/// A Mustache template, parsed once and rendered many times.
///
/// The theme is Mustache (https://mustache.github.io/mustache.5.html): variables `{{x}}`,
/// unescaped `{{{x}}}` and `{{&x}}`, dotted names, `{{.}}`, sections `{{#x}}`, inverted sections
/// `{{^x}}`, comments, partials `{{> name}}` and set delimiters `{{=<% %>=}}`, with the spec's
/// standalone-line rules. Lambdas, template inheritance and pragmas are not supported: page
/// contexts are plain values, so none is needed, and the parser says so when a template uses them.
///
/// Rendering works on ``PageValue``s, the values page builders make: text, HTML, flags, lists and
/// mappings. A general engine asks every value which protocols it conforms to; at national scale
/// those runtime checks were most of the build, so here a value is one enum, told apart by a switch.
struct Template: Sendable {
    /// A name as written in a tag: `.` (the current value), `a.b.c`, or `.a` (no climbing).
    struct Name: Sendable, Equatable {
        var parts: [String]
        /// `.a`: look only in the current value, not in the values around it.
        var anchored: Bool
        var text: String

        var isCurrent: Bool { parts.isEmpty }
    }

    /// What the parser makes: text, tags and sections with their bodies.
    indirect enum Node: Sendable {
        /// Text copied as it is, kept as UTF-8.
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial; `indentation` is set for a standalone tag (its lines are indented by it).
        case partial(String, indentation: String?)
    }

    /// One step of a compiled template. Its parts are positions in the template's tables, so
    /// reading a step copies no reference: rendering a page retains nothing of the template.
    enum Op: Sendable {
        /// The bytes `start..<end` of ``bytes``.
        case text(start: Int, end: Int)
        /// The value of ``names``[`name`].
        case variable(name: Int, escaped: Bool)
        /// A section whose body is the steps after this one, up to `end`.
        case section(name: Int, end: Int, inverted: Bool)
        /// ``partials``[`index`].
        case partial(index: Int)
    }

    /// The steps, in order; a section's body follows it.
    let ops: [Op]
    /// The text of every text step, one after the other.
    let bytes: [UInt8]
    /// The names of variables and sections.
    let names: [Name]
    /// The partials, with the indentation of a standalone tag.
    let partials: [(name: String, indentation: String?)]

    /// Parses `text`; throws ``TemplateSyntaxError`` with the position of the first problem.
    init(parsing text: String) throws {
        var parser = TemplateParser(text)
        var compiler = Compiler()
        compiler.compile(try parser.parseAll())
        ops = compiler.ops
        bytes = compiler.bytes
        names = compiler.names
        partials = compiler.partials
    }

    private init(ops: [Op], bytes: [UInt8], names: [Name], partials: [(name: String, indentation: String?)]) {
        self.ops = ops
        self.bytes = bytes
        self.names = names
        self.partials = partials
    }

    /// The same template in storage of its own, none of it shared with this one (see
    /// ``TemplateRenderer/replica()``).
    func replica() -> Template {
        Template(
            ops: ops.map { $0 }, bytes: bytes.map { $0 },
            names: names.map { Name(parts: $0.parts.map(Template.fresh), anchored: $0.anchored, text: Template.fresh($0.text)) },
            partials: partials.map { (Template.fresh($0.name), $0.indentation.map(Template.fresh)) })
    }

    /// `text` in storage of its own (short texts are kept inline and have none).
    static func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// Flattens parsed nodes into steps and tables.
    private struct Compiler {
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var partials: [(name: String, indentation: String?)] = []

        mutating func compile(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    ops.append(.text(start: bytes.count, end: bytes.count + text.count))
                    bytes.append(contentsOf: text)
                case .variable(let name, let escaped):
                    ops.append(.variable(name: index(of: name), escaped: escaped))
                case .section(let name, let body, let inverted):
                    let at = ops.count
                    ops.append(.text(start: 0, end: 0))
                    compile(body)
                    ops[at] = .section(name: index(of: name), end: ops.count, inverted: inverted)
                case .partial(let name, let indentation):
                    ops.append(.partial(index: partials.count))
                    partials.append((name, indentation))
                }
            }
        }

        private mutating func index(of name: Name) -> Int {
            if let found = names.firstIndex(of: name) { return found }
            names.append(name)
            return names.count - 1
        }
    }
}

/// Why a template cannot be parsed, and where (1-based line and column).
struct TemplateSyntaxError: Error, Sendable, Equatable {
    var message: String
    var line: Int
    var column: Int
}

/// The parser: one pass over the characters, following the standalone-line rules of the spec.
private struct TemplateParser {
    private let chars: [Character]
    private var position = 0
    private var open: [Character] = ["{", "{"]
    private var close: [Character] = ["}", "}"]

    init(_ text: String) { chars = Array(text) }

    private var atEnd: Bool { position >= chars.count }
    private var current: Character? { atEnd ? nil : chars[position] }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()")
    private static let partialCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()/")

    mutating func parseAll() throws -> [Template.Node] {
        try parseBlock(section: nil, newLine: true, openedAt: 0)
    }

    private func error(_ message: String, at offset: Int? = nil) -> TemplateSyntaxError {
        let end = min(offset ?? position, chars.count)
        var line = 1, column = 1
        for c in chars[..<end] {
            if c.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    private static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }

    private mutating func skip(while predicate: (Character) -> Bool) -> String {
        var out = ""
        while let c = current, predicate(c) {
            out.append(c)
            position += 1
        }
        return out
    }

    private func matches(_ delimiter: [Character], at offset: Int) -> Bool {
        guard offset + delimiter.count <= chars.count else { return false }
        for (i, c) in delimiter.enumerated() where chars[offset + i] != c { return false }
        return true
    }

    /// Text up to a line end (left unread) or an opening delimiter (read).
    private mutating func readText() -> String {
        var text = ""
        while let c = current {
            if Self.isNewline(c) { break }
            if c == open[0], matches(open, at: position) {
                position += open.count
                break
            }
            text.append(c)
            position += 1
        }
        return text
    }

    /// True at the end of the template or when only spaces remain on the line (then read up to the next line).
    private mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var ahead = position
        while ahead < chars.count, chars[ahead] == " " || chars[ahead] == "\t" { ahead += 1 }
        if ahead < chars.count, chars[ahead].isNewline {
            position = ahead + 1
            return true
        }
        return false
    }

    private mutating func readClose() throws {
        guard matches(close, at: position) else { throw error("the tag is not closed with `\(String(close))`") }
        position += close.count
    }

    private mutating func readName() throws -> Template.Name {
        let start = position
        _ = skip(while: \.isWhitespace)
        let text = skip(while: Self.nameCharacters.contains)
        _ = skip(while: \.isWhitespace)
        try readClose()
        if text.contains("(") || text.contains(")") {
            throw error("`\(text)`: transforms such as `f(x)` are not supported; format the value in the page context", at: start)
        }
        if text.isEmpty { throw error("the tag has no name", at: start) }
        if text == "." { return Template.Name(parts: [], anchored: false, text: text) }
        let anchored = text.hasPrefix(".")
        let parts = text.split(separator: ".").map(String.init)
        if parts.isEmpty { throw error("`\(text)` is not a name", at: start) }
        return Template.Name(parts: parts, anchored: anchored, text: text)
    }

    private mutating func parseBlock(section: Template.Name?, newLine startsOnNewLine: Bool, openedAt sectionStart: Int) throws -> [Template.Node] {
        var nodes: [Template.Node] = []
        var newLine = startsOnNewLine
        var before = ""
        while !atEnd {
            if newLine { before = skip(while: { $0 == " " || $0 == "\t" }) }
            let text = readText()
            if let c = current, Self.isNewline(c) {
                nodes.append(.text(Array((before + text + String(c)).utf8)))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((before + text).utf8)))
                before = ""
                newLine = false
            }
            guard let kind = current else { break }
            let tagStart = position - open.count
            var standalone = false
            func flushBefore() {
                if !before.isEmpty { nodes.append(.text(Array(before.utf8))) }
                before = ""
            }
            switch kind {
            case "#", "^":
                position += 1
                let name = try readName()
                standalone = newLine && lineFinished()
                if !standalone { flushBefore() }
                let body = try parseBlock(section: name, newLine: standalone, openedAt: tagStart)
                nodes.append(.section(name, body, inverted: kind == "^"))
            case "/":
                position += 1
                let name = try readName()
                guard let section else { throw error("`{{/\(name.text)}}` closes a section that was never opened", at: tagStart) }
                guard name == section else {
                    throw error("`{{/\(name.text)}}` closes `{{#\(section.text)}}`; close the inner section first", at: tagStart)
                }
                if !(newLine && lineFinished()) { flushBefore() }
                return nodes
            case "!":
                position += 1
                while !atEnd, !matches(close, at: position) { position += 1 }
                guard !atEnd else { throw error("the comment is not closed", at: tagStart) }
                position += close.count
                standalone = newLine && lineFinished()
            case "{", "&":
                flushBefore()
                position += 1
                let name = try readName()
                if kind == "{" {
                    guard current == "}" else { throw error("`{{{\(name.text)}}` needs a third `}`") }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case ">":
                position += 1
                _ = skip(while: \.isWhitespace)
                let name = skip(while: Self.partialCharacters.contains)
                _ = skip(while: \.isWhitespace)
                try readClose()
                if !before.isEmpty { nodes.append(.text(Array(before.utf8))) }
                standalone = newLine && lineFinished()
                nodes.append(.partial(name, indentation: standalone ? before : nil))
                before = ""
            case "=":
                position += 1
                _ = skip(while: \.isWhitespace)
                let newOpen = skip(while: { !$0.isWhitespace && $0 != "=" })
                _ = skip(while: \.isWhitespace)
                let newClose = skip(while: { !$0.isWhitespace && $0 != "=" })
                _ = skip(while: \.isWhitespace)
                guard current == "=", !newOpen.isEmpty, !newClose.isEmpty else {
                    throw error("set delimiters as `{{=<% %>=}}`", at: tagStart)
                }
                position += 1
                try readClose()
                open = Array(newOpen)
                close = Array(newClose)
                standalone = newLine && lineFinished()
            case "<", "$":
                throw error("template inheritance (`{{<` and `{{$`) is not supported; use partials", at: tagStart)
            case "%":
                throw error("pragmas (`{{%`) are not supported", at: tagStart)
            default:
                flushBefore()
                nodes.append(.variable(try readName(), escaped: true))
            }
            newLine = standalone
        }
        if let section {
            throw error("the section `{{#\(section.text)}}` is not closed; add `{{/\(section.text)}}`", at: sectionStart)
        }
        return nodes
    }
}

/// Renders parsed templates against page values.
struct TemplateRenderer: Sendable {
    let templates: [String: Template]

    /// The same templates in storage of their own. Reading a value retains it, and when two cores
    /// render pages with the same templates, every retain fights over the same cache line: each
    /// thread that renders pages takes a replica of its own (see ``ReplicaPool``).
    func replica() -> TemplateRenderer {
        var copies: [String: Template] = [:]
        for (name, template) in templates { copies[Template.fresh(name)] = template.replica() }
        return TemplateRenderer(templates: copies)
    }

    /// The values a tag can see: the page's context first, then each section's value inside it.
    private typealias Stack = ContiguousArray<PageValue>

    /// Renders the template `name` with `context`; nil when there is no such template.
    func render(_ context: PageMap, template name: String) -> String? {
        renderBytes(context, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The room a page's buffer starts with: most pages fit in it.
    static let defaultCapacity = 16 * 1024

    /// Renders the template `name` with `context` as UTF-8 bytes; nil when there is no such template.
    ///
    /// Pages are rendered this way: text goes into one byte buffer, escaped as it is copied, and
    /// ``HTMLBytes`` values (a page's body inside the layout) are copied in as they are. `capacity`
    /// is room reserved at the start, so that a big page is not copied each time its buffer grows.
    /// Names not in `context` are looked up in `outer`: the values every page shares are passed
    /// there, so a page's own mapping is not copied to add them.
    func renderBytes(_ context: PageMap, inside outer: PageMap? = nil, template name: String, capacity: Int = defaultCapacity) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var stack: Stack = []
        stack.reserveCapacity(8)
        if let outer { stack.append(.map(outer)) }
        stack.append(.map(context))
        render(template, stack: &stack, indentation: nil, into: &out)
        return out
    }

    /// A template's tables, read in place while it renders.
    private struct Code {
        let template: Template
        let ops: UnsafeBufferPointer<Template.Op>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<Template.Name>
    }

    private func render(_ template: Template, stack: inout Stack, indentation: String?, into out: inout [UInt8]) {
        template.ops.withUnsafeBufferPointer { ops in
            template.bytes.withUnsafeBufferPointer { bytes in
                template.names.withUnsafeBufferPointer { names in
                    let code = Code(template: template, ops: ops, bytes: bytes, names: names)
                    render(code, 0..<ops.count, stack: &stack, indentation: indentation, into: &out)
                }
            }
        }
    }

    /// Renders the steps `range` of `code`, one level: a section's body is rendered by the section.
    private func render(_ code: Code, _ range: Range<Int>, stack: inout Stack, indentation: String?, into out: inout [UInt8]) {
        var i = range.lowerBound
        guard let indentation, !indentation.isEmpty else {
            while i < range.upperBound { i = render(code, at: i, stack: &stack, indentation: indentation, into: &out) }
            return
        }
        // Inside an indented standalone partial: every piece that starts a new line is indented.
        var local: [UInt8] = []
        var piece: [UInt8] = []
        while i < range.upperBound {
            piece.removeAll(keepingCapacity: true)
            i = render(code, at: i, stack: &stack, indentation: indentation, into: &piece)
            if !piece.isEmpty, local.last == UInt8(ascii: "\n") { local.append(contentsOf: indentation.utf8) }
            local.append(contentsOf: piece)
        }
        out.append(contentsOf: local)
    }

    /// Renders the step at `i` (with its body, for a section) and returns the position of the next one.
    private func render(_ code: Code, at i: Int, stack: inout Stack, indentation: String?, into out: inout [UInt8]) -> Int {
        switch code.ops[i] {
        case .text(let start, let end):
            out.append(contentsOf: UnsafeBufferPointer(rebasing: code.bytes[start..<end]))
        case .variable(let name, let escaped):
            guard let value = lookup(code.names[name], in: stack) else { break }
            switch value {
            case .text(let text):
                if escaped { FastHTML.escape(text, into: &out) } else { out.append(contentsOf: text.utf8) }
            case .html(let html):
                if escaped { FastHTML.escape(html.bytes, into: &out) } else { out.append(contentsOf: html.bytes) }
            case .flag(let flag):
                out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list, .maps, .map, .words:
                // A list or a mapping has no text of its own; a template that prints one is wrong.
                break
            }
        case .section(let name, let end, let inverted):
            let body = i + 1..<end
            let value = lookup(code.names[name], in: stack)
            if inverted {
                if value?.isFalsey ?? true { render(code, body, stack: &stack, indentation: indentation, into: &out) }
            } else if let value {
                renderSection(value, code, body, stack: &stack, indentation: indentation, into: &out)
            }
            return end
        case .partial(let index):
            let partial = code.template.partials[index]
            guard let template = templates[partial.name] else { break }
            let inner = partial.indentation.map { (indentation ?? "") + $0 } ?? indentation
            render(template, stack: &stack, indentation: inner, into: &out)
        }
        return i + 1
    }

    private func renderSection(_ value: PageValue, _ code: Code, _ body: Range<Int>, stack: inout Stack, indentation: String?, into out: inout [UInt8]) {
        switch value {
        case .flag(let flag):
            if flag { render(code, body, stack: &stack, indentation: indentation, into: &out) }
        case .maps(let rows):
            for row in rows { renderOnce(.map(row), code, body, stack: &stack, indentation: indentation, into: &out) }
        case .list(let items):
            for item in items { renderOnce(item, code, body, stack: &stack, indentation: indentation, into: &out) }
        case .text, .html, .map, .words:
            renderOnce(value, code, body, stack: &stack, indentation: indentation, into: &out)
        }
    }

    private func renderOnce(_ value: PageValue, _ code: Code, _ body: Range<Int>, stack: inout Stack, indentation: String?, into out: inout [UInt8]) {
        stack.append(value)
        render(code, body, stack: &stack, indentation: indentation, into: &out)
        stack.removeLast()
    }

    private func lookup(_ name: Template.Name, in stack: Stack) -> PageValue? {
        guard let first = name.parts.first else { return stack.last }
        var value: PageValue?
        if name.anchored {
            value = stack.last?.child(first)
        } else {
            // Through the buffer, so each value is looked at where it is rather than copied out.
            value = stack.withUnsafeBufferPointer { frames in
                var i = frames.endIndex
                while i > frames.startIndex {
                    i -= 1
                    if let found = frames[i].child(first) { return found }
                }
                return nil
            }
        }
        guard name.parts.count > 1 else { return value }
        for part in name.parts.dropFirst() {
            guard let parent = value else { return nil }
            value = parent.child(part)
        }
        return value
    }
}

extension PageValue {
    /// Whether an inverted section renders for this value: false, or an empty list.
    fileprivate var isFalsey: Bool {
        switch self {
        case .flag(let flag): return !flag
        case .list(let items): return items.isEmpty
        case .maps(let rows): return rows.isEmpty
        case .text, .html, .map, .words: return false
        }
    }
}

/// HTML already made, as UTF-8 bytes: a page's body in the layout's context. A template copies
/// it into the page as it is (`{{{body}}}`), or escaped (`{{body}}`); as text it reads as the HTML.
struct HTMLBytes: Sendable, Equatable {
    var bytes: [UInt8]
}
