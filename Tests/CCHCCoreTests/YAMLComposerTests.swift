import Foundation
import Testing
import Yams

@testable import CCHCCore

/// The YAML composer on libyaml's events: the same readings as Yams' composer, faster.
///
/// Yams compiles a copy of libyaml into this test binary, beside which `CCHCCore` links Debian's
/// `libyaml-0.so.2`. The `yaml_*` functions defined in the executable are the ones every call in
/// it reaches (the shared library's are never looked up), so here the composer runs on Yams'
/// copy. That is safe: Yams' `yaml.h` declares the same structures as Debian's 0.2.5 (the two
/// headers differ in comments, the order of three includes and one extra function), and its
/// sources are libyaml of mid-2020 with a nesting limit, which the composer now applies itself.
/// `cchc` links only Debian's library, and the tests that run the binary (`BadInputTests`,
/// `HostileFileTests.deepNestingIsRefused`, the CLI tests) read YAML through it.
struct YAMLComposerTests {
    private func parse(_ text: String, lineOffset: Int = 0) -> (node: YAMLNode?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let node = YAMLReader(path: "x.yml", lineOffset: lineOffset).parse(text, log: &log)
        return (node, log.all)
    }

    /// A node tree as text: kinds, strings, plain or not, and every mark.
    private func dump(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): return "\(s.mark.line):\(s.mark.column)\(s.isPlain ? "" : "q")'\(s.string)'"
        case .sequence(let s): return "\(s.mark.line):\(s.mark.column)[" + s.items.map(dump).joined(separator: ",") + "]"
        case .mapping(let m): return "\(m.mark.line):\(m.mark.column){" + m.pairs.map { dump($0.key) + "=" + dump($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// The same dump of Yams' own composition.
    private func dump(_ node: Yams.Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let s): return "\(mark)\(s.style == .plain ? "" : "q")'\(s.string)'"
        case .sequence(let s): return "\(mark)[" + s.map(dump).joined(separator: ",") + "]"
        case .mapping(let m): return "\(mark){" + m.map { dump($0.key) + "=" + dump($0.value) }.joined(separator: ",") + "}"
        case .alias: return "alias"
        }
    }

    private static let samples = [
        "a: 1\nb: [x, 'y', \"z\"]\nc:\n  - d: no\n    e: ~\n  - |\n    block\n    text\n",
        "- id: so-noi-vu\n  name: Sở Nội vụ\n  aliases: [SNV, \"Nội vụ\"]\n- id: no\n  name: on\n",
        "key:\nother: ''\nthird: >\n  folded\n  line\n",
        "base: &b {x: 1, y: 2}\nuse: *b\nlist: &l [1, 2]\nagain: *l\n",
        "{a: b, c: [d, {e: f}]}",
        "# only a comment\n---\nx: 010\n...\n",
        "note: \"Đã xong: 100%\"\nscore: 85.95\nday: 2024-09-26\n",
        "? complex\n: value\n",
        "emoji: \"\\u00e9\\t\"\nempty: []\nnothing: {}\n",
    ]

    @Test(arguments: samples)
    func composesAsYamsDoes(_ text: String) throws {
        let ours = try #require(try YAMLComposer.compose(text))
        let theirs = try #require(try Yams.Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot())
        #expect(dump(ours) == dump(theirs))
    }

    @Test func composesTheExampleSiteAsYamsDoes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let content = root.appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var count = 0
        for case let url as URL in files where url.pathExtension == "yml" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let ours = try YAMLComposer.compose(text).map(dump)
            let theirs = try Yams.Parser(yaml: text, resolver: .basic, encoding: .utf8).singleRoot().map(dump)
            #expect(ours == theirs, "\(url.lastPathComponent)")
            count += 1
        }
        #expect(count > 10)
    }

    @Test func anEmptyOrCommentOnlyFileIsAnEmptyPlainScalar() throws {
        for text in ["", "# nothing here\n", "\n\n"] {
            let (node, diagnostics) = parse(text)
            #expect(diagnostics.isEmpty)
            guard case .scalar(let scalar) = try #require(node) else {
                Issue.record("not a scalar")
                continue
            }
            #expect(scalar.string.isEmpty && scalar.isPlain)
        }
    }

    @Test func aliasesAreReplacedByWhatTheirAnchorNames() throws {
        let node = try #require(try YAMLComposer.compose("a: &x [1, 2]\nb: *x\n"))
        guard case .mapping(let mapping) = node, case .sequence(let b) = mapping.pairs[1].value else {
            Issue.record("unexpected shape: \(dump(node))")
            return
        }
        #expect(b.items.count == 2)
    }

    @Test func anUndefinedAliasIsASyntaxError() {
        let (node, diagnostics) = parse("a: 1\nb: *nowhere\n")
        #expect(node == nil)
        #expect(diagnostics.map(\.description) == ["x.yml:2:4: error: YAML syntax: found undefined alias; check indentation, colons and quotes on this line"])
    }

    @Test func duplicateKeysAreNamedSortedAtTheFirstOccurrenceOfTheFirst() {
        let (node, diagnostics) = parse("top:\n  zeta: 1\n  alpha: 2\n  zeta: 3\n  alpha: 4\n  beta: 5\n", lineOffset: 1)
        #expect(node == nil)
        #expect(diagnostics.map(\.description) == ["x.yml:4:3: error: duplicate key `alpha`, `zeta` in one mapping; keep only one of them"])
    }

    @Test func theSameKeyInTwoMappingsIsFine() {
        let (node, diagnostics) = parse("- task: a\n  status: done\n- task: b\n  status: done\n")
        #expect(node != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func aSecondDocumentIsRejected() {
        let (_, diagnostics) = parse("a: 1\n---\nb: 2\n")
        #expect(
            diagnostics.map(\.description) == [
                "x.yml:2:1: error: YAML syntax: but found another document (expected a single document in the stream at line 1); check indentation, colons and quotes on this line"
            ])
    }

    @Test func aScannerErrorHasItsLineColumnAndContext() {
        let (_, diagnostics) = parse("a: 1\nb: \"open\nc: 2\n", lineOffset: 2)
        #expect(diagnostics.count == 1)
        let message = diagnostics.first?.description ?? ""
        #expect(message.hasPrefix("x.yml:6:1: error: YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 4)"), "\(message)")
    }

    @Test func bytesLibyamlCannotReadAreReported() {
        let (node, diagnostics) = parse("a: \u{1}\n")
        #expect(node == nil)
        #expect(diagnostics.map(\.description) == ["x.yml:1:1: error: cannot read the file as YAML: control characters are not allowed"])
    }

    @Test func composingInParallelGivesTheSameTrees() {
        let texts = Self.samples
        let serial = texts.map { (try? YAMLComposer.compose($0)).flatMap { $0 }.map(dump) }
        let parallel = ConcurrentMap.run(texts.count * 50) { i in (try? YAMLComposer.compose(texts[i % texts.count])).flatMap { $0 }.map(dump) }
        for (i, tree) in parallel.enumerated() { #expect(tree == serial[i % texts.count]) }
    }
}
