import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small namespace-aware element tree built with Foundation's `XMLParser` (libxml2), for the
/// parts of Office documents.
///
/// Office parts never carry a document type declaration, so one is refused outright: that closes
/// external entities (XXE) and entity-expansion bombs before the parser sees them, and the refusal
/// is an error that names the part rather than text that silently goes missing.
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
        if let problem = prologProblem(data) { throw ParseError(reason: problem) }
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let limit = builder.limitHit { throw ParseError(reason: limit) }
        // Foundation's parser on Linux can answer true after an error, and never complains about
        // an element left open at the end: check both here.
        guard ok, parser.parserError == nil, builder.error == nil, builder.stack.isEmpty, let root = builder.root else {
            let line = parser.lineNumber
            let code = (parser.parserError ?? builder.error).map { ($0 as NSError).code }
            let detail = builder.stack.isEmpty ? "it is not well-formed XML" + (code.map { " (libxml2 error \($0))" } ?? "") : "the element <\(builder.stack.last!.name)> is never closed"
            throw ParseError(reason: "line \(line): \(detail)")
        }
        return root
    }

    /// Looks at what comes before the root element (the XML declaration, comments, processing
    /// instructions) and refuses a document type declaration.
    static func prologProblem(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(64 * 1024))
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func starts(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return i + u.count <= bytes.count && Array(bytes[i..<(i + u.count)]) == u
        }
        func skip(past end: String) -> Bool {
            let u = Array(end.utf8)
            while i + u.count <= bytes.count {
                if Array(bytes[i..<(i + u.count)]) == u { i += u.count; return true }
                i += 1
            }
            return false
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "<"):
                if starts("<?") { guard skip(past: "?>") else { return nil } }
                else if starts("<!--") { guard skip(past: "-->") else { return nil } }
                else if starts("<!") { return "it declares a document type (<!DOCTYPE …>), which Office files never do; entities are not expanded, so the file is refused" }
                else { return nil }
            default: return nil
            }
        }
        return nil
    }

    /// Builds the tree from the parser's events, resolving attribute prefixes itself (the
    /// parser resolves element names only).
    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []
        var prefixes: [String: [String]] = ["xml": ["http://www.w3.org/XML/1998/namespace"]]
        var text = ""
        var count = 0
        var limitHit: String?
        var error: Error?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil { error = parseError }
        }

        func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
            prefixes[prefix, default: []].append(namespaceURI)
        }

        func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
            prefixes[prefix]?.removeLast()
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            flushText()
            count += 1
            if stack.count >= XMLTree.maximumDepth || count > XMLTree.maximumElements {
                limitHit = stack.count >= XMLTree.maximumDepth
                    ? "elements are nested more than \(XMLTree.maximumDepth) deep"
                    : "it holds more than \(XMLTree.maximumElements) elements"
                parser.abortParsing()
                return
            }
            var attributes: [Name: String] = [:]
            for (key, value) in attributeDict {
                if key == "xmlns" || key.hasPrefix("xmlns:") { continue }
                if let colon = key.firstIndex(of: ":") {
                    let prefix = String(key[..<colon])
                    let local = String(key[key.index(after: colon)...])
                    attributes[Name(namespace: prefixes[prefix]?.last ?? prefix, name: local)] = value
                } else {
                    attributes[Name(namespace: "", name: key)] = value
                }
            }
            let element = Element(namespace: namespaceURI ?? "", name: elementName, attributes: attributes)
            if let parent = stack.last { parent.children.append(.element(element)) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            flushText()
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { text += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if !stack.isEmpty { text += String(decoding: CDATABlock, as: UTF8.self) }
        }

        private func flushText() {
            guard !text.isEmpty, let parent = stack.last else { text = ""; return }
            parent.children.append(.text(text))
            text = ""
        }
    }
}
