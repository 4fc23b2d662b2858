import CCHCTestSupport
import Foundation
import Testing

/// The examples of `docs/content-format.md`, put together as a site, pass `cchc check` cleanly.
///
/// The document marks each example that is a file with its path in the fence's info string
/// (```` ```yaml title="site.yml" ````); the examples together are one complete site.
struct ContentFormatDocTests {
    /// A fenced block of the document that names the file it is.
    struct Example: CustomStringConvertible {
        /// The file's path in the site, from `title="…"`.
        var path: String
        /// The block's text, with a final line end.
        var text: String
        /// The document's line the block's fence is on, for messages.
        var line: Int

        var description: String { "\(path) (docs/content-format.md:\(line))" }
    }

    /// The marked examples of a Markdown text, in order.
    ///
    /// A fence is three or more backticks; it closes at a line of at least as many backticks and
    /// nothing else, so a four-backtick fence can hold a Markdown file with its own fences.
    static func examples(in markdown: String) -> [Example] {
        var out: [Example] = []
        var open: (fence: String, path: String?, line: Int, lines: [String])?
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = String(line)
            if var block = open {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(block.fence) && trimmed.allSatisfy({ $0 == "`" }) {
                    if let path = block.path {
                        out.append(Example(path: path, text: block.lines.joined(separator: "\n") + "\n", line: block.line))
                    }
                    open = nil
                } else {
                    block.lines.append(text)
                    open = block
                }
                continue
            }
            guard text.hasPrefix("```") else { continue }
            let fence = String(text.prefix { $0 == "`" })
            let info = text.dropFirst(fence.count)
            var path: String?
            if let start = info.range(of: "title=\"") {
                let rest = info[start.upperBound...]
                if let end = rest.firstIndex(of: "\"") { path = String(rest[..<end]) }
            }
            open = (fence, path, number + 1, [])
        }
        return out
    }

    /// The document's examples written into a fresh site, with an empty file for every evidence
    /// path they name under `files/` (the document cannot hold the PDFs themselves).
    static func documentSite(changing change: (inout [String: String]) -> Void = { _ in }) throws -> (TemporarySite, [Example]) {
        let url = Package.root.appendingPathComponent("docs/content-format.md")
        let markdown = try String(contentsOf: url, encoding: .utf8)
        let examples = examples(in: markdown)
        var files: [String: String] = [:]
        for example in examples {
            #expect(files[example.path] == nil, "two examples are the file \(example)")
            files[example.path] = example.text
        }
        for example in examples {
            for line in example.text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("url: files/") else { continue }
                let path = trimmed.dropFirst("url: ".count).prefix { !$0.isWhitespace }
                files["content/" + path] = ""
            }
        }
        change(&files)
        return (try TemporarySite(files), examples)
    }

    @Test func theExamplesMakeACompleteSite() throws {
        let (_, examples) = try Self.documentSite()
        let paths = Set(examples.map(\.path))
        for required in ["site.yml", "content/agencies.yml"] {
            #expect(paths.contains(required), "docs/content-format.md has no example marked title=\"\(required)\"")
        }
        #expect(paths.contains { $0.hasPrefix("content/indices/") }, "no index example")
        #expect(paths.contains { $0.hasPrefix("content/plans/") }, "no plan example")
        #expect(paths.contains { $0.hasPrefix("content/progress/") }, "no progress report example")
        // The project's additions are shown, not only described.
        let text = examples.map(\.text).joined()
        #expect(text.contains("\nnotice: "), "the `notice:` addition has no example")
        #expect(text.range(of: #"targets:.*(\n .*)*\n +of: \d+"#, options: .regularExpression) != nil, "no target with `of`")
    }

    @Test func theExamplesPassCheckWithNoErrorAndNoWarning() throws {
        let (site, examples) = try Self.documentSite()
        let run = try CCHCBinary.run(["check", site.root.path, "--strict"])
        #expect(run.exitCode == 0, "the examples of docs/content-format.md \(examples) do not pass `cchc check --strict`:\n\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(run.stdout.hasPrefix("checked 2 plans, 2 tasks, 1 reports"), "\(run)")
    }

    @Test func anExampleMadeInvalidFailsTheCheck() throws {
        // The same harness sees a broken example: a misspelt key in the report.
        let (site, _) = try Self.documentSite { files in
            let report = files.keys.first { $0.hasPrefix("content/progress/") }!
            files[report] = files[report]!.replacingOccurrences(of: "    percent: 100", with: "    percnt: 100")
        }
        let run = try CCHCBinary.run(["check", site.root.path])
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stderr.contains("did you mean `percent`?"), "\(run)")
    }
}
