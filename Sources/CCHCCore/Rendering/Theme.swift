import Foundation
import Mustache

/// The templates and assets a site is drawn with: the built-in theme, with any file of the same
/// name in the site's `templates/` folder taking its place.
public struct Theme: Sendable {
    /// The parsed templates, by name (file name without `.mustache`).
    let library: MustacheLibrary
    /// Asset files (CSS, images) by output path under `assets/`.
    let assets: [String: [UInt8]]

    /// The page templates every theme must have.
    static let required = ["layout", "dashboard", "plans", "plan", "agencies", "agency", "indices", "index", "task", "updates", "data", "404"]

    /// Loads the theme for the site at `root`, recording template errors as diagnostics.
    public static func load(siteRoot root: URL, log: inout DiagnosticLog) -> Theme {
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
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                try library.register(source.text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                log.error(SourceLocation(path: source.path, line: error.context.lineNumber, column: error.context.columnNumber),
                          "template error: \(error.error); check the tags on this line")
            } catch {
                log.error(SourceLocation(path: source.path), "template error: \(error)")
            }
        }
        for name in required where sources[name] == nil {
            log.error(SourceLocation(path: "templates/\(name).mustache"), "the theme has no `\(name)` template")
        }
        return Theme(library: library, assets: assets)
    }

    /// Renders a template; nil when it does not exist.
    func render(_ context: [String: Any], template: String) -> String? {
        library.render(context, withTemplate: template)
    }
}
