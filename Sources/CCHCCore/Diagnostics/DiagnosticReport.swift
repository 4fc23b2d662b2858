import Foundation

/// Formats diagnostics for people (one line each and a summary) and for CI (JSON).
public enum DiagnosticReport {
    /// `path:line:column: severity: message` lines, in the given order.
    public static func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }

    /// The closing line: counts of errors and warnings and of the files they are in.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.location.path)).count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if diagnostics.isEmpty { return "no problems found" }
        return "\(plural(errors, "error")) and \(plural(warnings, "warning")) in \(plural(files, "file"))"
    }

    /// A JSON array of `{file, line, column, severity, message}` objects, for CI annotations.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            let file: String
            let line: Int
            let column: Int
            let severity: String
            let message: String
        }
        let entries = diagnostics.map {
            Entry(file: $0.location.path, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
