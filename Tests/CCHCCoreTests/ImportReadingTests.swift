import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Plans imported from documents, compared with a careful human reading of each, written down in
/// `Fixtures/Import/readings.json` (fixtures made for these tests) and `seed-readings.json` (the
/// two real provincial plans of the project's seeds, read as domain.md §5 reads them).
///
/// Every expected task must be found (by the words it starts with), with exactly the lead,
/// support, `due`, `every` and `day` of the reading; no task may be made that the reading does
/// not have. A reading marked `doubt` is compared too, and a difference there is reported
/// without failing. The written plan must then load with no error, as `cchc check` would.
struct ImportReadingTests {
    struct Reading: Decodable {
        struct Task: Decodable {
            var starts: String
            var lead: [String]
            var support: [String]?
            var due: String?
            var every: String?
            var day: Int?
            var doubt: String?
        }
        var number: String?
        var issued: String?
        var issuer: String?
        var parent: String?
        var flags: [String: String]?
        var tasks: [Task]
    }

    static let fixtures = Package.root.appendingPathComponent("Tests/CCHCCoreTests/Fixtures/Import")
    static let seeds = Package.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static var seedsArePresent: Bool { FileManager.default.fileExists(atPath: seeds.path) }

    static func readings(_ name: String) throws -> [(String, Reading)] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
        return try JSONDecoder().decode([String: Reading].self, from: data).sorted { $0.key < $1.key }
    }

    /// What one document gave against its reading.
    struct Score: CustomStringConvertible {
        var file: String
        var expected = 0, found = 0, leadsRight = 0, supportsRight = 0, duesRight = 0, extra = 0
        var problems: [String] = []
        var doubts: [String] = []
        var description: String {
            "\(file): tasks found \(found)/\(expected), leads right \(leadsRight)/\(expected), supports right \(supportsRight)/\(expected), dues right \(duesRight)/\(expected), extra \(extra)"
        }
    }

    static func score(_ result: PlanImport.Result, against reading: Reading, file: String) -> Score {
        var score = Score(file: file, expected: reading.tasks.count)
        let added = Dictionary(uniqueKeysWithValues: result.newAgencies.map { ($0.id, "new:\($0.foundAs)") })
        func named(_ ids: [String]) -> [String] { ids.map { added[$0] ?? $0 }.sorted() }
        var used = Set<Int>()
        var next = 0
        for expected in reading.tasks {
            let key = VietnameseFold.words(expected.starts).joined(separator: " ")
            // In document order: the first unused task at or after the previous match whose title holds the words.
            guard
                let index = result.tasks.indices.first(where: {
                    $0 >= next && !used.contains($0)
                        && VietnameseFold.words(result.tasks[$0].title).joined(separator: " ").contains(key)
                })
            else {
                score.problems.append("not found: “\(expected.starts)” (lead \(expected.lead))")
                continue
            }
            used.insert(index)
            next = index
            score.found += 1
            let task = result.tasks[index]
            let deadline = task.deadline
            let leadOK = named(task.lead) == expected.lead.sorted()
            let supportOK = named(task.support) == (expected.support ?? []).sorted()
            let dueOK = deadline?.due?.description == expected.due && deadline?.every?.rawValue == expected.every && deadline?.day == expected.day
            if leadOK { score.leadsRight += 1 }
            if supportOK { score.supportsRight += 1 }
            if dueOK { score.duesRight += 1 }
            if !(leadOK && supportOK && dueOK) {
                let line =
                    "“\(expected.starts)”: got lead \(named(task.lead)) support \(named(task.support)) due \(deadline?.due?.description ?? "-") every \(deadline?.every?.rawValue ?? "-") day \(deadline?.day.map(String.init) ?? "-"); read lead \(expected.lead) support \(expected.support ?? []) due \(expected.due ?? "-") every \(expected.every ?? "-") day \(expected.day.map(String.init) ?? "-")"
                if let doubt = expected.doubt { score.doubts.append(line + " (doubt: \(doubt))") } else { score.problems.append(line) }
            }
        }
        for (i, task) in result.tasks.enumerated() where !used.contains(i) {
            score.extra += 1
            score.problems.append("made a task the reading does not have: “\(task.title.prefix(80))” (\(task.place))")
        }
        return score
    }

    /// Reads a fixture; HTML goes through LibreOffice to a real .docx first.
    static func document(_ url: URL, scratch: URL) throws -> (SourceDocument, String) {
        if url.pathExtension == "html" {
            let docx = try LibreOffice.convert(url, to: "docx:MS Word 2007 XML", extension: "docx", into: scratch)
            return (try PlanImport.readDocument(docx), docx.lastPathComponent)
        }
        return (try PlanImport.readDocument(url), url.lastPathComponent)
    }

    func check(_ file: String, _ reading: Reading, at url: URL) throws {
        let site = try TemporarySite.example()
        let loaded = try #require(SiteLoader.load(root: site.root).site)
        let (document, name) = try Self.document(url, scratch: site.url("scratch"))
        let flags = reading.flags ?? [:]
        // The header as read (no flags): number, date and issuer.
        let dry = try PlanImport.run(document, file: name, site: loaded, options: .init(dryRun: true))
        #expect(dry.number == reading.number, "\(file)")
        #expect(dry.issued?.iso == reading.issued, "\(file)")
        #expect(dry.issuer == reading.issuer, "\(file)")
        #expect(dry.parent == reading.parent, "\(file)")
        #expect(dry.errors.isEmpty == (reading.number != nil && reading.issued != nil), "\(file): \(dry.errors.map(\.message))")
        // The plan as written, with the flags a person gives for a draft's blanks.
        let result = try PlanImport.run(document, file: name, site: loaded, options: .init(id: flags["id"], number: flags["number"], issued: flags["issued"]))
        #expect(result.written && result.errors.isEmpty, "\(file): \(result.errors.map(\.message))")
        let score = Self.score(result, against: reading, file: file)
        print("import reading: \(score)")
        for doubt in score.doubts { print("import reading: \(file): differs where the reading has a doubt: \(doubt)") }
        #expect(score.problems.isEmpty, Comment(rawValue: "\(score)\n" + score.problems.joined(separator: "\n")))
        let check = SiteLoader.load(root: site.root)
        #expect(check.errors.isEmpty, "\(file): the written plan does not pass cchc check: \(check.errors)")
        #expect(check.site?.site.plans.contains { $0.id.rawValue == result.planID } == true)
    }

    @Test(arguments: try! readings("readings.json").map(\.0))
    func fixture(_ file: String) throws {
        let reading = try #require(try Self.readings("readings.json").first { $0.0 == file }?.1)
        try check(file, reading, at: Self.fixtures.appendingPathComponent(file))
    }

    @Test(.enabled(if: seedsArePresent, "the seeds are in ../shared/seeds, beside the repository"), arguments: try! readings("seed-readings.json").map(\.0))
    func seed(_ file: String) throws {
        let reading = try #require(try Self.readings("seed-readings.json").first { $0.0 == file }?.1)
        try check(file, reading, at: Self.seeds.appendingPathComponent(file))
    }
}
