/// Writes XML, SVG and HTML straight into a UTF-8 buffer, in document order: no node tree, no string per piece.
///
/// An element is written with `start`, then its attributes, then child elements or `characters`, then `end`. The layout
/// is fixed so output is byte-for-byte stable: every child element goes on a line of its own, indented one space
/// per level; an element holding only text stays on one line; an element with no content is written `<name .../>`.
/// Text and attribute values are always escaped; `raw` writes markup as it is, only for markup this module made.
///
/// A part that can only be written once what comes after it is laid out (a chart's body, before the root's
/// `viewBox` is known; the timeline's grid lines, found while its rows are placed) goes into a *fragment*: a writer
/// made at the depth where `append(_:)` will splice it in.
struct MarkupWriter: ~Copyable {
    /// The UTF-8 bytes written so far.
    private var bytes: ByteBuffer
    /// The elements started and not yet ended, innermost last.
    private var open: [OpenElement] = []
    /// The depth of this writer's top-level elements: 0 for a whole document, more for a fragment.
    private let baseDepth: Int

    private struct OpenElement {
        let name: StaticString
        var content: Content
    }

    /// What an open element holds so far; it decides how the element ends.
    private enum Content {
        /// Nothing yet: the start tag is still open, so attributes may follow.
        case startTag
        /// Child elements, each on its own line.
        case elements
        /// Only text, so the element stays on one line.
        case text
    }

    /// A writer for a document (`depth` 0) or for a fragment whose top-level elements sit at `depth`.
    ///
    /// `capacity` is the number of bytes to reserve, so a chart's markup does not grow the buffer many times.
    init(depth: Int = 0, capacity: Int = 1024) {
        baseDepth = depth
        bytes = ByteBuffer(capacity: capacity)
    }

    /// The markup as a string.
    var string: String { bytes.withBytes { String(decoding: $0, as: UTF8.self) } }

    /// The markup as UTF-8.
    var array: [UInt8] { bytes.array }

    /// The number of bytes written.
    var count: Int { bytes.count }

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.count == 0 }

    /// The depth of the next element started.
    private var depth: Int { baseDepth + open.count }

    // MARK: - Elements

    /// Starts the element `name`; attributes may follow until its first content.
    mutating func start(_ name: StaticString) {
        beginElementContent()
        if depth > 0 { newline(indent: depth) }
        bytes.append(UInt8(ascii: "<"))
        append(name)
        open.append(OpenElement(name: name, content: .startTag))
    }

    /// Writes the attribute `name` with `value` escaped; only right after `start`.
    mutating func attribute(_ name: StaticString, _ value: String) {
        beginAttribute(name)
        Escape.append(value, to: &bytes, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the attribute `name` whose value is `prefix` escaped, then `infix` as it is, then `number` in decimal.
    mutating func attribute(_ name: StaticString, _ prefix: String, _ infix: StaticString, _ number: Int) {
        beginAttribute(name)
        Escape.append(prefix, to: &bytes, attribute: true)
        bytes.append(infix)
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        Coordinate.appendDigits(UInt64(number.magnitude), to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the attribute `name` with `value` as a coordinate (see `Coordinate`); only right after `start`.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        beginAttribute(name)
        Coordinate.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes the attribute `name` with path data; only right after `start`.
    mutating func attribute(_ name: StaticString, _ value: PathData) {
        beginAttribute(name)
        bytes.append(value.bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `text` escaped as character data: the content of the innermost element, which then stays on one line
    /// (or, with no element started, just text, as between the raw tags of a table).
    mutating func characters(_ text: String) {
        if let last = open.indices.last {
            switch open[last].content {
            case .startTag:
                bytes.append(UInt8(ascii: ">"))
                open[last].content = .text
            case .text:
                break
            case .elements:
                assertionFailure("text after child elements of <\(open[last].name)>: mixed content is not laid out")
            }
        }
        Escape.append(text, to: &bytes, attribute: false)
    }

    /// Ends the innermost element.
    mutating func end() {
        let element = open.removeLast()
        switch element.content {
        case .startTag:
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
            return
        case .elements:
            newline(indent: depth)
        case .text:
            break
        }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(element.name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Splices in `fragment`, a writer made at this writer's current depth, as child elements of the innermost element.
    mutating func append(_ fragment: borrowing MarkupWriter) {
        precondition(fragment.open.isEmpty && fragment.baseDepth == depth, "fragment at the wrong depth or unfinished")
        guard !fragment.isEmpty else { return }
        beginElementContent()
        bytes.append(fragment.bytes)
    }

    /// Writes `markup` as it is, outside any element started with `start`.
    mutating func raw(_ markup: StaticString) {
        assert(open.isEmpty, "raw markup inside a started element")
        append(markup)
    }

    /// Writes `value` in decimal digits, outside any element started with `start`.
    mutating func raw(_ value: Int) {
        assert(open.isEmpty, "raw markup inside a started element")
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        Coordinate.appendDigits(UInt64(value.magnitude), to: &bytes)
    }

    // MARK: - Private

    /// Closes the start tag of the innermost element, if still open, before its first child element.
    private mutating func beginElementContent() {
        guard let last = open.indices.last else { return }
        switch open[last].content {
        case .startTag:
            bytes.append(UInt8(ascii: ">"))
            open[last].content = .elements
        case .elements:
            break
        case .text:
            assertionFailure("child element after text in <\(open[last].name)>: mixed content is not laid out")
        }
    }

    private mutating func beginAttribute(_ name: StaticString) {
        assert(open.last?.content == .startTag, "attribute after the content of an element")
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func append(_ s: StaticString) {
        bytes.append(s)
    }
}

/// Escaping for XML and HTML character data and attribute values.
enum Escape {
    /// Appends `text` escaped (`&`, `<`, `>`, and in attributes `"` and `'`, with tabs and line breaks as spaces);
    /// characters XML 1.0 forbids (controls other than tab and line breaks, U+FFFE, U+FFFF) are dropped.
    ///
    /// Works on UTF-8 bytes: every character it changes is ASCII but the two noncharacters, whose encodings
    /// EF BF BE and EF BF BF cannot be part of another character's. Runs of bytes that need nothing are copied whole.
    static func append<Sink: ByteSink & ~Copyable>(_ text: String, to out: inout Sink, attribute: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            var copied = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                guard mayNeedEscaping(byte) else {
                    i += 1
                    continue
                }
                let replacement: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""):
                    guard attribute else {
                        i += 1
                        continue
                    }
                    replacement = "&quot;"
                case UInt8(ascii: "'"):
                    guard attribute else {
                        i += 1
                        continue
                    }
                    replacement = "&#39;"
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    guard attribute else {
                        i += 1
                        continue
                    }
                    replacement = " "
                case 0..<0x20:
                    replacement = nil
                default: // 0xEF
                    guard i + 2 < utf8.count, utf8[i + 1] == 0xBF, utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF else {
                        i += 1
                        continue
                    }
                    replacement = nil
                    length = 3
                }
                out.append(bytes: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                if let replacement { out.append(replacement) }
                i += length
                copied = i
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
    }

    /// The bytes `append` may change: ASCII controls, `"`, `&`, `'`, `<`, `>`, and 0xEF, which starts U+FFFE and U+FFFF.
    /// A mask of the ASCII ones below 64 keeps the test for every other byte to two comparisons.
    @inline(__always)
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        let special: UInt64 = 0xFFFF_FFFF | 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        return byte < 64 ? special >> byte & 1 != 0 : byte == 0xEF
    }
}
