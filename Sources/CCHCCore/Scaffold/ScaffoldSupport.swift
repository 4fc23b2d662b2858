import Foundation

/// Errors of the `cchc new` commands: what is wrong and what to do.
public struct ScaffoldError: Error, CustomStringConvertible {
    /// The message.
    public let description: String

    /// An error with a message.
    public init(_ description: String) { self.description = description }
}

/// Small helpers for writing YAML by hand.
enum YAMLText {
    /// `text` as a YAML scalar: plain when that reads back as the same text, else double-quoted.
    static func scalar(_ text: String) -> String {
        if isPlainSafe(text) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether a plain scalar keeps `text` as it is (conservatively).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`~".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.contains("\n") || text.contains("\t") { return false }
        return true
    }

    /// The text on one line, for a YAML comment.
    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

/// Writing the files of a scaffold without overwriting anything.
enum ScaffoldFiles {
    /// Writes `text` to `url`, creating folders; refuses when the file exists.
    static func writeNew(_ text: String, to url: URL, shownAs path: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) {
            throw ScaffoldError("\(path) already exists; cchc new does not overwrite files (edit it, or move it away first)")
        }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
