import Foundation

/// The templates and assets a site is drawn with: the built-in theme, with any file of the same
/// name in the site's `templates/` folder taking its place.
public struct Theme: Sendable {
    /// The parsed templates, by name (file name without `.mustache`).
    let renderer: TemplateRenderer
    /// Asset files (CSS, images) by output path under `assets/`.
    let assets: [String: [UInt8]]

    /// The page templates every theme must have.
    static let required = ["layout", "dashboard", "plans", "plan", "agencies", "agency", "indices", "index", "task", "updates", "data", "404"]

    /// Loads the theme for the site at `root`, recording template errors as diagnostics.
    ///
    /// With `language`, every `{{words.key}}` is replaced by its (escaped) text before the template
    /// is parsed: the words are fixed for a build, and a national site renders them millions of times.
    public static func load(siteRoot root: URL, language: SiteLanguage? = nil, log: inout DiagnosticLog) -> Theme {
        var sources: [String: (text: String, path: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (name, text) in BuiltinTheme.files {
            if name.hasSuffix(".mustache") {
                sources[String(name.dropLast(".mustache".count))] = (text, "(built-in) templates/\(name)")
            } else {
                assets[name] = Array(text.utf8)
            }
        }
        let folder = root.appendingPathComponent("templates")
        for path in SiteFiles.list(folder, prefix: "templates", recursive: true) {
            let relative = String(path.dropFirst("templates/".count))
            if relative.hasSuffix(".mustache") {
                guard let text = FileReader.text(at: root.appendingPathComponent(path), path: path, log: &log) else { continue }
                sources[String(relative.dropLast(".mustache".count))] = (text, path)
            } else if relative.hasPrefix("assets/"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) {
                assets[relative] = Array(data)
            }
        }
        var templates: [String: Template] = [:]
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                let text = language.map { inlineWords(source.text, Words($0).table) } ?? source.text
                templates[name] = try Template(parsing: text)
            } catch let error as TemplateSyntaxError {
                log.error(
                    SourceLocation(path: source.path, line: error.line, column: error.column),
                    "template error: \(error.message); check the tags on this line")
            } catch {
                log.error(SourceLocation(path: source.path), "template error: \(error)")
            }
        }
        for name in required where sources[name] == nil {
            log.error(SourceLocation(path: "templates/\(name).mustache"), "the theme has no `\(name)` template")
        }
        return Theme(renderer: TemplateRenderer(templates: templates), assets: assets)
    }

    /// `text` with each `{{words.key}}` of a known key replaced by the escaped word.
    static func inlineWords(_ text: String, _ words: [String: String]) -> String {
        guard text.contains("{{words.") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "{{words.") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            if let end = after.range(of: "}}"), let word = words[String(after[..<end.lowerBound])], !after[..<end.lowerBound].contains("{") {
                out += FastHTML.escape(word)
                rest = after[end.upperBound...]
            } else {
                out += rest[start]
                rest = after
            }
        }
        return out + rest
    }

    /// The same theme with its templates in storage of their own (see ``TemplateRenderer/replica()``).
    func replica() -> Theme { Theme(renderer: renderer.replica(), assets: assets) }

    /// Renders a template as UTF-8 bytes, with `capacity` bytes reserved, looking up in `outer` the
    /// names `context` does not have; nil when the template does not exist.
    func renderBytes(_ context: PageMap, inside outer: PageMap? = nil, template: String, capacity: Int = TemplateRenderer.defaultCapacity) -> [UInt8]? {
        renderer.renderBytes(context, inside: outer, template: template, capacity: capacity)
    }
}

/// HTML escaping for templates that scans bytes and returns text without special characters as it is.
///
/// Escapes the same five characters as Mustache implementations do (`&`, `<`, `>`, `"`, `'`).
public enum FastHTML {
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// The bytes `&`, `<`, `>`, `"` and `'`, as bits of a mask (all are below 64).
    private static let special: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool { byte < 64 && special >> byte & 1 != 0 }

    /// Escapes `&`, `<`, `>`, `"` and `'` (for element content and attribute values).
    public static func escape(_ text: String) -> String {
        let needed = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where needsEscape(byte) { return true }
            return false
        }
        guard needed ?? text.utf8.contains(where: needsEscape) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` to `out`, escaped.
    static func escape(_ text: String, into out: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escape($0, into: &out) }
        if done == nil { escape(Array(text.utf8), into: &out) }
    }

    /// Appends the UTF-8 `bytes` to `out`, escaped: runs without special characters are copied whole.
    static func escape(_ bytes: [UInt8], into out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { escape($0, into: &out) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count where needsEscape(bytes[i]) {
            if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            switch bytes[i] {
            case 0x26: out.append(contentsOf: amp)
            case 0x3C: out.append(contentsOf: lt)
            case 0x3E: out.append(contentsOf: gt)
            case 0x22: out.append(contentsOf: quot)
            default: out.append(contentsOf: apos)
            }
            start = i + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }
}
