import CCHCFormat
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
        var written: [String: TemplateCheck.Source] = [:]
        let words = language.map { Words($0).table }
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                // Checked as written, so positions are those of the file; rendered with the words put in.
                let template = try Template(parsing: source.text)
                written[name] = TemplateCheck.Source(template: template, path: source.path)
                templates[name] = try words.map { try Template(parsing: inlineWords(source.text, $0)) } ?? template
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
        for warning in TemplateCheck.check(written) { log.warning(warning.location, warning.message) }
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
