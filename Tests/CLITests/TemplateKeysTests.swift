import Foundation
import Testing

/// Every value the default theme's templates use is documented in docs/templates.md.
///
/// swift-mustache renders a missing key as empty text, silently; this keeps the templates, the
/// page models and the reference in step.
struct TemplateKeysTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The names used by `{{x}}`, `{{{x}}}`, `{{#x}}`, `{{^x}}`, `{{/x}}` (each segment of a dotted name).
    static func names(in template: String) -> Set<String> {
        var out = Set<String>()
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: "{} "))
            rest = rest[close.upperBound...]
            guard let first = tag.first else { continue }
            if "#^/".contains(first) { tag.removeFirst() } else if ">%!".contains(first) { continue }
            let segments = tag.trimmingCharacters(in: .whitespaces).split(separator: ".")
            // `words.*` are the site's words, listed in Words.swift.
            guard segments.first != "words" else { continue }
            for segment in segments { out.insert(String(segment)) }
        }
        return out
    }

    @Test func everyTemplateKeyIsDocumented() throws {
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let folder = Self.repository.appendingPathComponent("templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 12)
        var undocumented: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for name in Self.names(in: text).sorted() where docs.range(of: "(?<![A-Za-z_])\(name)(?![A-Za-z_])", options: .regularExpression) == nil {
                undocumented.append("\(file): \(name)")
            }
        }
        #expect(undocumented.isEmpty, "undocumented template values (add them to docs/templates.md): \(undocumented)")
    }

    @Test func namesAreFoundInEveryKindOfTag() {
        let names = Self.names(in: "{{a}} {{{b.c}}} {{#d}}{{/d}} {{^e}}x{{/e}} {{> partial}} {{words.lead}}")
        #expect(names == ["a", "b", "c", "d", "e"])
    }
}
