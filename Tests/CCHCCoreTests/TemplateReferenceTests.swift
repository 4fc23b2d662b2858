import Foundation
import Testing

@testable import CCHCCore

/// `docs/templates.md` is made from the page models: each model's `///` comments are the
/// reference of the values a template may use, and the names listed are the ones the model gives.
///
/// `CCHC_RECORD_GOLDEN=1 swift test --filter TemplateReferenceTests` rewrites the generated part
/// of the document; the test still fails then, so the change is looked at.
struct TemplateReferenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let models = repository.appendingPathComponent("Sources/CCHCCore/Rendering/Models")
    static let document = repository.appendingPathComponent("docs/templates.md")
    static let marker = "<!-- Everything below is generated from Sources/CCHCCore/Rendering/Models by TemplateReferenceTests. -->"

    /// A model as its source declares it.
    struct Declared {
        var name: String
        var doc: String
        var properties: [(name: String, type: String, doc: String, flattened: Bool)]
    }

    /// The structures of the model files, in file order, with their documented stored properties.
    static func declarations() throws -> [Declared] {
        let files = try FileManager.default.contentsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".swift") }.sorted()
        var out: [Declared] = []
        for file in files {
            var doc: [String] = []
            var current: Declared?
            for raw in try String(contentsOf: models.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("///") {
                    doc.append(String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces))
                } else if let match = line.firstMatch(of: /^struct (\w+)\b/) {
                    current = Declared(name: String(match.output.1), doc: doc.joined(separator: " "), properties: [])
                    if line.hasSuffix("{}") {
                        out.append(current!)
                        current = nil
                    }
                    doc = []
                } else if let match = line.firstMatch(of: /^(@Flattened )?var (\w+): (.+)$/) {
                    current?.properties.append((String(match.output.2), String(match.output.3), doc.joined(separator: " "), match.output.1 != nil))
                    doc = []
                } else if raw == "}" {
                    if let done = current { out.append(done) }
                    current = nil
                    doc = []
                } else if !line.hasPrefix("//") {
                    doc = []
                }
            }
        }
        return out
    }

    /// How a property's type reads in the reference.
    static func describe(_ type: String, models: Set<String>) -> String {
        var type = type, optional = false
        if type.hasSuffix("?") {
            type.removeLast()
            optional = true
        }
        var text: String
        if type.hasPrefix("["), type.hasSuffix("]") {
            let item = String(type.dropFirst().dropLast())
            text = item.contains(":") ? "words by name" : "list of " + describe(item, models: models)
        } else {
            switch type {
            case "String": text = "text"
            case "Bool": text = "flag"
            case "HTMLBytes": text = "HTML, `{{{…}}}`"
            default: text = models.contains(type) ? "[\(type)](#\(type.lowercased()))" : type
            }
        }
        return optional ? text + ", optional" : text
    }

    /// The generated part of docs/templates.md.
    static func reference() throws -> String {
        let declared = try declarations()
        let byName = Dictionary(declared.map { ($0.name, $0) }) { first, _ in first }
        let names = Set(byName.keys)
        var out = [marker, ""]
        func section(_ model: Declared, heading: String) {
            out.append("### \(heading)")
            out.append("")
            out.append(model.doc)
            out.append("")
            guard !model.properties.isEmpty else { return }
            out.append("| name | value | what it is |")
            out.append("|---|---|---|")
            for p in model.properties {
                let name = p.flattened ? "the names of [\(p.type)](#\(p.type.lowercased()))" : "`\(templateName(p.name))`"
                out.append("| \(name) | \(p.flattened ? "" : describe(p.type, models: names)) | \(p.doc.replacingOccurrences(of: "|", with: "\\|")) |")
            }
            out.append("")
        }
        out.append("## Page templates")
        out.append("")
        var done: Set<String> = []
        for (template, model) in PageModels.byTemplate {
            let name = String(describing: model)
            guard let declaration = byName[name] else { continue }
            out.append("<a id=\"\(name.lowercased())\"></a>")
            section(declaration, heading: "`\(template)`: \(name)")
            done.insert(name)
        }
        out.append("## The layout and the shared values")
        out.append("")
        for name in ["LayoutValues", "SharedValues"] {
            guard let declaration = byName[name] else { continue }
            out.append("<a id=\"\(name.lowercased())\"></a>")
            section(declaration, heading: name)
            done.insert(name)
        }
        out.append("## Parts")
        out.append("")
        for declaration in declared where !done.contains(declaration.name) {
            out.append("<a id=\"\(declaration.name.lowercased())\"></a>")
            section(declaration, heading: declaration.name)
        }
        return out.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }

    @Test func theDocumentIsMadeFromTheModels() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let head = text.components(separatedBy: Self.marker).first ?? text
        let expected = head + (try Self.reference())
        if ProcessInfo.processInfo.environment["CCHC_RECORD_GOLDEN"] == "1" {
            try expected.write(to: Self.document, atomically: true, encoding: .utf8)
            Issue.record("rewrote docs/templates.md; unset CCHC_RECORD_GOLDEN, look at the diff and commit it")
            return
        }
        #expect(text.contains(Self.marker), "docs/templates.md has no generated part")
        #expect(text == expected, "docs/templates.md is out of date with the page models: run CCHC_RECORD_GOLDEN=1 swift test --filter TemplateReferenceTests")
    }

    @Test func everyPropertyIsDocumented() throws {
        for model in try Self.declarations() {
            #expect(!model.doc.isEmpty, "\(model.name) has no /// comment")
            for p in model.properties { #expect(!p.doc.isEmpty, "\(model.name).\(p.name) has no /// comment") }
        }
    }

    /// The names the reference lists for a model, its flattened parts' names included.
    static func documentedNames(_ name: String, _ byName: [String: Declared]) -> Set<String> {
        var out: Set<String> = []
        for p in byName[name]?.properties ?? [] {
            if p.flattened { out.formUnion(documentedNames(p.type, byName)) } else { out.insert(templateName(p.name)) }
        }
        return out
    }

    @Test func theDocumentedNamesAreTheNamesEachPageGives() throws {
        let byName = Dictionary(try Self.declarations().map { ($0.name, $0) }) { first, _ in first }
        let models: [(String, any TemplateModel.Type)] =
            PageModels.byTemplate.map { (String(describing: $0.model), $0.model) }
            + [("LayoutValues", LayoutValues.self), ("SharedValues", SharedValues.self)]
        for (name, model) in models {
            let shape = TemplateShape.shape(of: model)
            #expect(Set(shape.names.keys) == Self.documentedNames(name, byName), "\(name)")
        }
    }

    @Test func namesAreSnakeCase() {
        #expect(templateName("title") == "title")
        #expect(templateName("hasOverdue") == "has_overdue")
        #expect(templateName("bodyHTML") == "body_html")
        #expect(templateName("noteHTML") == "note_html")
        #expect(templateName("reportedIso") == "reported_iso")
        #expect(templateName("htmlBytesCount") == "html_bytes_count")
        #expect(templateName("HTMLBytes") == "html_bytes")
    }
}
