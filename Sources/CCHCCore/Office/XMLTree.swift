import Foundation

/// A small namespace-aware element tree for the parts of Office documents, read by ``XMLReader``.
///
/// Office parts never carry a document type declaration, so one is refused outright: that closes
/// external entities (XXE) and entity-expansion bombs, and the refusal is an error that names the
/// part rather than text that silently goes missing.
public enum XMLTree {
    /// An element: its namespace and local name, attributes and children in document order.
    public final class Element {
        /// The namespace URI, or "" when the element has none.
        public let namespace: String
        /// The local name, without prefix.
        public let name: String
        /// Attributes by namespace URI and local name.
        public let attributes: [Name: String]
        /// The children, in order.
        public fileprivate(set) var children: [Node] = []

        init(namespace: String, name: String, attributes: [Name: String]) {
            self.namespace = namespace
            self.name = name
            self.attributes = attributes
        }

        /// The child elements, in order.
        public var elements: [Element] {
            children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
        }

        /// The child elements with this name in this namespace.
        public func elements(_ name: String, in namespace: String) -> [Element] {
            elements.filter { $0.name == name && $0.namespace == namespace }
        }

        /// The first child element with this name in this namespace.
        public func first(_ name: String, in namespace: String) -> Element? {
            for case .element(let e) in children where e.name == name && e.namespace == namespace { return e }
            return nil
        }

        /// An attribute's value by namespace and local name ("" for attributes without prefix).
        public func attribute(_ name: String, in namespace: String = "") -> String? {
            attributes[Name(namespace: namespace, name: name)]
        }

        /// All descendant elements with this name in this namespace, in document order.
        public func descendants(_ name: String, in namespace: String) -> [Element] {
            var found: [Element] = []
            func walk(_ element: Element) {
                for case .element(let child) in element.children {
                    if child.name == name && child.namespace == namespace { found.append(child) }
                    walk(child)
                }
            }
            walk(self)
            return found
        }

        /// The text of the element and its descendants, concatenated.
        public var text: String {
            var out = ""
            func walk(_ element: Element) {
                for child in element.children {
                    switch child {
                    case .text(let t): out += t
                    case .element(let e): walk(e)
                    }
                }
            }
            walk(self)
            return out
        }
    }

    /// A child of an element.
    public enum Node {
        case element(Element)
        case text(String)
    }

    /// A namespace-qualified name.
    public struct Name: Hashable, Sendable {
        /// The namespace URI, or "".
        public var namespace: String
        /// The local name.
        public var name: String
    }

    /// Why a part could not be parsed.
    public struct ParseError: Error, Sendable {
        /// What is wrong, with the line when the parser gave one.
        public var reason: String
    }

    /// The deepest nesting accepted (Word's deepest real nesting is a few dozen levels).
    public static let maximumDepth = 256
    /// The most elements one part may hold.
    public static let maximumElements = 4_000_000

    /// Parses a part into its root element.
    public static func parse(_ data: Data) throws(ParseError) -> Element {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16, which the standard allows for parts: re-encode as UTF-8.
            let bigEndian = bytes[0] == 0xFE
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count {
                units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
                i += 2
            }
            bytes = Array(String(decoding: units, as: UTF16.self).utf8)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        var parser = XMLReader(bytes)
        return try parser.document()
    }

    /// A strict, non-validating XML 1.0 reader with namespaces, written for Office parts, which
    /// use a small part of XML: no DTD (refused, so neither external entities nor entity
    /// expansion can happen), the five predefined entities and character references, CDATA,
    /// comments and processing instructions (skipped). Every well-formedness rule those parts
    /// can break is checked: one root, tags that match, quoted and unique attributes, bound
    /// prefixes, valid UTF-8. It is our own rather than Foundation's `XMLParser`, whose libxml2
    /// would tie the release binary to the system's libxml2 and ICU.
    struct XMLReader {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var count = 0
        /// Prefix → namespace URI, innermost declaration last.
        var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace", "": ""]]

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ problem: String) -> ParseError { ParseError(reason: "line \(line): \(problem)") }

        var atEnd: Bool { i >= bytes.count }

        func peek(_ offset: Int = 0) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

        func starts(_ text: StaticString) -> Bool {
            let n = text.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            let p = text.utf8Start
            for k in 0..<n where bytes[i + k] != p[k] { return false }
            return true
        }

        mutating func advance(_ n: Int = 1) {
            for _ in 0..<n where i < bytes.count {
                if bytes[i] == 0x0A { line += 1 }
                i += 1
            }
        }

        mutating func skipSpace() {
            while let c = peek(), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { advance() }
        }

        /// Skips past `end`, or fails with `what` when the input ends first.
        mutating func skip(past end: StaticString, _ what: String) throws(ParseError) {
            while !atEnd {
                if starts(end) {
                    advance(end.utf8CodeUnitCount)
                    return
                }
                advance()
            }
            throw fail("\(what) is never closed")
        }

        /// Comments, processing instructions and space, in the prolog, between elements, at the end.
        mutating func misc() throws(ParseError) {
            while true {
                skipSpace()
                if starts("<!--") {
                    try skip(past: "-->", "a comment")
                } else if starts("<?") {
                    try skip(past: "?>", "a processing instruction")
                } else {
                    return
                }
            }
        }

        mutating func document() throws(ParseError) -> Element {
            try misc()
            if starts("<!DOCTYPE") || starts("<!doctype") {
                throw fail("it declares a document type (<!DOCTYPE …>), which Office files never do; entities are not expanded, so the file is refused")
            }
            guard peek() == UInt8(ascii: "<") else { throw fail(atEnd ? "the part is empty" : "it does not start with an element") }
            let root = try element(depth: 0)
            try misc()
            guard atEnd else { throw fail("there is more after the root element") }
            return root
        }

        static func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x5F || c == 0x2D || c == 0x2E || c >= 0x80
        }

        mutating func name() throws(ParseError) -> String {
            let start = i
            while let c = peek(), Self.isNameByte(c) { advance() }
            guard i > start, !(bytes[start] >= 0x30 && bytes[start] <= 0x39), bytes[start] != 0x2D, bytes[start] != 0x2E else {
                throw fail("a name is missing or malformed")
            }
            return try text(start..<i)
        }

        func text(_ range: Range<Int>) throws(ParseError) -> String {
            guard let s = String(validating: bytes[range], as: UTF8.self) else { throw fail("the text is not valid UTF-8") }
            return s
        }

        /// Text with entity and character references replaced, up to `stop` (not included).
        mutating func content(until stop: UInt8, attribute: Bool) throws(ParseError) -> String {
            var out: [UInt8] = []
            while let c = peek(), c != stop {
                if c == UInt8(ascii: "&") {
                    advance()
                    let start = i
                    while let d = peek(), d != UInt8(ascii: ";"), i - start < 12 { advance() }
                    guard peek() == UInt8(ascii: ";") else { throw fail("an entity reference (&…;) is not closed") }
                    let ref = try text(start..<i)
                    advance()
                    switch ref {
                    case "lt": out.append(UInt8(ascii: "<"))
                    case "gt": out.append(UInt8(ascii: ">"))
                    case "amp": out.append(UInt8(ascii: "&"))
                    case "quot": out.append(UInt8(ascii: "\""))
                    case "apos": out.append(UInt8(ascii: "'"))
                    default:
                        var value: UInt32?
                        if ref.hasPrefix("#x") {
                            value = UInt32(ref.dropFirst(2), radix: 16)
                        } else if ref.hasPrefix("#") {
                            value = UInt32(ref.dropFirst(), radix: 10)
                        } else {
                            throw fail("the entity &\(ref); is not defined (Office files use only the five built-in entities)")
                        }
                        guard let v = value, let scalar = Unicode.Scalar(v), v == 0x9 || v == 0xA || v == 0xD || v >= 0x20 else {
                            throw fail("the character reference &\(ref); is not a valid XML character")
                        }
                        out.append(contentsOf: Array(String(scalar).utf8))
                    }
                } else if attribute && c == UInt8(ascii: "<") {
                    throw fail("an attribute value holds a “<”")
                } else if attribute && (c == 0x09 || c == 0x0A || c == 0x0D) {
                    out.append(0x20)
                    advance()
                } else {
                    out.append(c)
                    advance()
                }
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw fail("the text is not valid UTF-8") }
            return s
        }

        func resolve(_ qualified: String, isAttribute: Bool) throws(ParseError) -> Name {
            let prefix: String, local: String
            if let colon = qualified.firstIndex(of: ":") {
                prefix = String(qualified[..<colon])
                local = String(qualified[qualified.index(after: colon)...])
            } else {
                // Attributes without a prefix are in no namespace; elements take the default one.
                if isAttribute { return Name(namespace: "", name: qualified) }
                prefix = ""
                local = qualified
            }
            for scope in scopes.reversed() {
                if let uri = scope[prefix] { return Name(namespace: uri, name: local) }
            }
            throw fail("the prefix `\(prefix)` of <\(qualified)> is not declared")
        }

        /// An element and everything in it; `i` is at its `<`.
        mutating func element(depth: Int) throws(ParseError) -> Element {
            guard depth < XMLTree.maximumDepth else { throw fail("elements are nested more than \(XMLTree.maximumDepth) deep") }
            count += 1
            guard count <= XMLTree.maximumElements else { throw fail("it holds more than \(XMLTree.maximumElements) elements") }
            advance() // <
            let qualified = try name()
            var raw: [(String, String)] = []
            var declarations: [String: String] = [:]
            var selfClosing = false
            while true {
                let hadSpace = peek().map { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? false
                skipSpace()
                guard let c = peek() else { throw fail("the tag <\(qualified)> is never closed") }
                if c == UInt8(ascii: ">") {
                    advance()
                    break
                }
                if c == UInt8(ascii: "/") {
                    guard peek(1) == UInt8(ascii: ">") else { throw fail("“/” inside the tag <\(qualified)>") }
                    advance(2)
                    selfClosing = true
                    break
                }
                guard hadSpace else { throw fail("attributes of <\(qualified)> must be separated by spaces") }
                let attribute = try name()
                skipSpace()
                guard peek() == UInt8(ascii: "=") else { throw fail("the attribute `\(attribute)` of <\(qualified)> has no value") }
                advance()
                skipSpace()
                guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                    throw fail("the value of `\(attribute)` in <\(qualified)> is not quoted")
                }
                advance()
                let value = try content(until: quote, attribute: true)
                guard peek() == quote else { throw fail("the value of `\(attribute)` in <\(qualified)> is never closed") }
                advance()
                if raw.contains(where: { $0.0 == attribute }) { throw fail("the attribute `\(attribute)` appears twice in <\(qualified)>") }
                raw.append((attribute, value))
                if attribute == "xmlns" {
                    declarations[""] = value
                } else if attribute.hasPrefix("xmlns:") {
                    declarations[String(attribute.dropFirst(6))] = value
                }
            }
            scopes.append(declarations)
            defer { scopes.removeLast() }
            let elementName = try resolve(qualified, isAttribute: false)
            var attributes: [Name: String] = [:]
            for (key, value) in raw where key != "xmlns" && !key.hasPrefix("xmlns:") {
                let resolved = try resolve(key, isAttribute: true)
                if attributes[resolved] != nil { throw fail("the attribute `\(key)` appears twice in <\(qualified)>") }
                attributes[resolved] = value
            }
            let node = Element(namespace: elementName.namespace, name: elementName.name, attributes: attributes)
            if selfClosing { return node }
            while true {
                guard !atEnd else { throw fail("the element <\(qualified)> is never closed") }
                if starts("</") {
                    advance(2)
                    let closing = try name()
                    skipSpace()
                    guard peek() == UInt8(ascii: ">") else { throw fail("the end tag </\(closing)> is malformed") }
                    advance()
                    guard closing == qualified else { throw fail("<\(qualified)> is closed by </\(closing)>") }
                    return node
                } else if starts("<!--") {
                    try skip(past: "-->", "a comment")
                } else if starts("<![CDATA[") {
                    advance(9)
                    let start = i
                    try skip(past: "]]>", "a CDATA section")
                    node.children.append(.text(try text(start..<(i - 3))))
                } else if starts("<?") {
                    try skip(past: "?>", "a processing instruction")
                } else if starts("<!") {
                    throw fail("a declaration (<!…>) inside <\(qualified)>; Office files have none")
                } else if peek() == UInt8(ascii: "<") {
                    node.children.append(.element(try element(depth: depth + 1)))
                } else {
                    let text = try content(until: UInt8(ascii: "<"), attribute: false)
                    if !text.isEmpty { node.children.append(.text(text)) }
                }
            }
        }
    }
}
