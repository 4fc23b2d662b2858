/// A small XML/SVG/HTML node tree: text is escaped when rendered, `.raw` is written as it is.
///
/// Attributes keep the order they are given in, so output is byte-for-byte stable.
indirect enum Node: Sendable {
    /// An element with ordered attributes and children.
    case element(String, [(String, String)], [Node])
    /// Character data, escaped on output.
    case text(String)
    /// Markup written verbatim; only for strings this module built itself.
    case raw(String)

    /// An element from a `KeyValuePairs` literal, which keeps the written order.
    static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Node] = []) -> Node {
        .element(name, attributes.map { ($0.key, $0.value) }, children)
    }

    /// An element whose attributes are built at run time.
    static func el(_ name: String, attrs: [(String, String)], _ children: [Node] = []) -> Node {
        .element(name, attrs, children)
    }

    /// A `<g>` holding `children`.
    static func group(_ attributes: KeyValuePairs<String, String> = [:], _ children: [Node]) -> Node {
        el("g", attributes, children)
    }

    /// Renders the tree; elements go on their own lines, elements holding only text stay on one line.
    func render() -> String {
        var out = ""
        out.reserveCapacity(8192)
        write(into: &out, depth: 0)
        return out
    }

    private var isInline: Bool {
        switch self {
        case .text, .raw: return true
        case .element: return false
        }
    }

    /// Writes the node at indentation `depth`.
    func write(into out: inout String, depth: Int) {
        switch self {
        case .text(let s):
            Escape.append(s, to: &out, attribute: false)
        case .raw(let s):
            out += s
        case .element(let name, let attributes, let children):
            out += "<"
            out += name
            for (key, value) in attributes {
                out += " "
                out += key
                out += "=\""
                Escape.append(value, to: &out, attribute: true)
                out += "\""
            }
            if children.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            let inline = children.allSatisfy { $0.isInline }
            for child in children {
                if !inline {
                    out += "\n"
                    out += String(repeating: " ", count: depth + 1)
                }
                child.write(into: &out, depth: depth + 1)
            }
            if !inline {
                out += "\n"
                out += String(repeating: " ", count: depth)
            }
            out += "</"
            out += name
            out += ">"
        }
    }
}

/// Escaping for XML and HTML character data and attribute values.
enum Escape {
    /// Appends `text` escaped (`&`, `<`, `>`, and in attributes `"` and `'`); characters XML 1.0 forbids are dropped.
    static func append(_ text: String, to out: inout String, attribute: Bool) {
        var clean = true
        for u in text.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 || u < 0x20 || u == 0xEF {
            clean = false
            break
        }
        if clean {
            out += text
            return
        }
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
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// Returns `text` escaped for character data.
    static func text(_ text: String) -> String {
        var out = ""
        append(text, to: &out, attribute: false)
        return out
    }
}
