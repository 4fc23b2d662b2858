import CCHCTestSupport
import Foundation
import Testing
import ZIPFoundation

/// `cchc import plan` run as a person runs it: the real binary on a copy of the example site.
struct ImportPlanCommandTests {
    static let fixtures = Package.root.appendingPathComponent("Tests/CCHCCoreTests/Fixtures/Import")

    /// Every file under content/, path → bytes: what must not change when an import fails.
    static func content(_ site: TemporarySite) -> [String: [UInt8]] { OutputTree.files(under: site.url("content")) }

    @Test func importWritesAPlanThatBuildsAndAReview() throws {
        let site = try TemporarySite.example()
        let run = try CCHCBinary.run(["import", "plan", Self.fixtures.appendingPathComponent("deadline-forms.txt").path, site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.hasPrefix("deadline-forms.txt (text): 11 tasks"), "\(run)")
        #expect(run.stdout.contains("wrote content/plans/kh-ubnd-12-2024.md"))
        let plan = try #require(site.read("content/plans/kh-ubnd-12-2024.md"))
        #expect(plan.hasPrefix("---\nnumber: 12/KH-UBND\n"))
        #expect(plan.contains("    every: month\n    day: 25\n"))
        let check = try CCHCBinary.run(["check", site.root.path])
        #expect(check.exitCode == 0 && check.stdout.hasPrefix("checked 4 plans, "), "\(check)")
        let build = try CCHCBinary.run(["build", site.root.path])
        #expect(build.exitCode == 0, "\(build)")
        #expect(FileManager.default.fileExists(atPath: site.url("public/ke-hoach/kh-ubnd-12-2024/index.html").path))
    }

    @Test func dryRunWritesNothingAndJSONSaysTheSame() throws {
        let site = try TemporarySite.example()
        let before = Self.content(site)
        let run = try CCHCBinary.run([
            "import", "plan", Self.fixtures.appendingPathComponent("so-noi-vu-120-2024.md").path, site.root.path, "--dry-run", "--format", "json",
        ])
        #expect(run.exitCode == 0, "\(run)")
        #expect(Self.content(site) == before)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["written"] as? Bool == false)
        #expect(json["parent"] as? String == "kh-ubnd-386-2024")
        #expect((json["tasks"] as? [[String: Any]])?.count == 9)
        let added = (json["new_agencies"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(added.contains("so-noi-vu-van-phong-so"), "\(added)")
    }

    @Test func unknownAgenciesGoIntoOneMarkedBlockOfAgenciesYml() throws {
        let site = try TemporarySite.example()
        let before = try #require(site.read("content/agencies.yml"))
        let run = try CCHCBinary.run(["import", "plan", Self.fixtures.appendingPathComponent("so-noi-vu-120-2024.md").path, site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        let after = try #require(site.read("content/agencies.yml"))
        #expect(after.hasPrefix(before), "the existing agencies are kept as they were")
        let block = String(after.dropFirst(before.count))
        #expect(block.contains("# ---- Thêm bởi `cchc import plan`"))
        #expect(block.contains("HÃY KIỂM TRA"))
        #expect(block.contains("- id: so-noi-vu-van-phong-so\n  name: Văn phòng Sở Nội vụ\n  kind: organisation"))
        #expect(try CCHCBinary.run(["check", site.root.path]).exitCode == 0)
    }

    @Test func anExistingPlanIsReplacedOnlyWithForce() throws {
        let site = try TemporarySite.example()
        let file = Self.fixtures.appendingPathComponent("deadline-forms.txt").path
        #expect(try CCHCBinary.run(["import", "plan", file, site.root.path]).exitCode == 0)
        try site.write("content/plans/kh-ubnd-12-2024.md", try #require(site.read("content/plans/kh-ubnd-12-2024.md")) + "\nSửa tay.\n")
        let edited = Self.content(site)
        let again = try CCHCBinary.run(["import", "plan", file, site.root.path])
        #expect(again.exitCode == 1, "\(again)")
        #expect(again.stderr.contains("kh-ubnd-12-2024.md already exists; nothing was written. Give --force"), "\(again)")
        #expect(Self.content(site) == edited)
        let forced = try CCHCBinary.run(["import", "plan", file, site.root.path, "--force"])
        #expect(forced.exitCode == 0, "\(forced)")
        #expect(site.read("content/plans/kh-ubnd-12-2024.md")?.contains("Sửa tay.") == false)
    }

    @Test func aDraftsBlanksAreReportedAndNothingIsWritten() throws {
        let site = try TemporarySite.example()
        let before = Self.content(site)
        let draft =
            "UBND TỈNH BẮC KẠN\nSố: /KH-UBND\nBắc Kạn, ngày tháng 6 năm 2024\nKẾ HOẠCH\nThử nghiệm\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Tổng hợp báo cáo trước ngày 20/6/2024.\n"
        try site.write("du-thao.txt", draft)
        let run = try CCHCBinary.run(["import", "plan", site.url("du-thao.txt").path, site.root.path])
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stdout.contains("du-thao.txt:2:1: error: the number is blank (“Số: /KH-UBND”, an unsigned draft); give it with --number"), "\(run)")
        #expect(run.stdout.contains("du-thao.txt:3:1: error: the date “ngày tháng 6 năm 2024” is incomplete"), "\(run)")
        #expect(Self.content(site) == before)
        let given = try CCHCBinary.run(["import", "plan", site.url("du-thao.txt").path, site.root.path, "--number", "99/KH-UBND", "--issued", "2024-06-10"])
        #expect(given.exitCode == 0, "\(given)")
        #expect(site.read("content/plans/kh-ubnd-99-2024.md")?.contains("issued: 2024-06-10") == true)
    }

    /// Files that are not plans, or are hostile: each gets a clear error naming the file, and nothing is written.
    @Test(arguments: [
        ("trong.txt", "", "the file is empty"),
        ("bai-tho.txt", "Mùa thu\nLá vàng rơi trên sân trường.\nGió heo may về.\n", "no assignments were found"),
        ("hong.docx", "PK\u{03}\u{04}rác rưởi không phải zip", "the file is damaged"),
        ("ghi-chu.odt", "x", "cannot import a .odt file"),
        ("cu.doc", "x", "old Word documents (.doc) are not read"),
    ])
    func badFilesAreRefused(_ name: String, _ text: String, _ message: String) throws {
        let site = try TemporarySite.example()
        try site.write(name, text)
        let before = Self.content(site)
        let run = try CCHCBinary.run(["import", "plan", site.url(name).path, site.root.path])
        #expect(run.exitCode == 1 && !run.crashed, "\(run)")
        #expect(run.stderr.contains("\(name): error: \(message)"), "\(run)")
        #expect(Self.content(site) == before)
    }

    static func zip(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    @Test(arguments: [
        (
            "zip-slip",
            [
                ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"),
                ("../../evil.sh", "rm -rf /"),
            ], "points outside the document"
        ),
        (
            "xml-bomb",
            [
                (
                    "word/document.xml",
                    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><d>&c;</d>"
                )
            ], "declares a document type"
        ),
        ("zip-bomb", [("word/document.xml", String(repeating: "0", count: 80 * 1_048_576))], "unpacks to more than 64 MB"),
    ])
    func hostileWordFilesAreRefused(_ name: String, _ parts: [(String, String)], _ message: String) throws {
        let site = try TemporarySite.example()
        let url = site.url("\(name).docx")
        try Self.zip(parts).write(to: url)
        let before = Self.content(site)
        let run = try CCHCBinary.run(["import", "plan", url.path, site.root.path])
        #expect(run.exitCode == 1 && !run.crashed, "\(run)")
        #expect(run.stderr.contains("\(name).docx: error: "), "\(run)")
        #expect(run.stderr.contains(message), "\(run)")
        #expect(Self.content(site) == before)
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("evil.sh").path))
    }

    @Test func aPasswordProtectedWordFileIsNamedAsSuch() throws {
        let site = try TemporarySite.example()
        // Word saves a password-protected .docx as a Compound File holding the encrypted package.
        let cfb = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 1024))
        try cfb.write(to: site.url("mat-khau.docx"))
        let run = try CCHCBinary.run(["import", "plan", site.url("mat-khau.docx").path, site.root.path])
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stderr.contains("mat-khau.docx: error: the file is password-protected or in the old Office 97-2003 format"), "\(run)")
    }

    @Test func aFileNameWithControlCharactersIsNeverEchoedRaw() throws {
        let site = try TemporarySite.example()
        let name = "k\u{1B}]0;pwned\u{07}.txt"
        try site.write(name, "")
        let run = try CCHCBinary.run(["import", "plan", site.url(name).path, site.root.path])
        #expect(run.exitCode == 1)
        #expect(!run.stderr.contains("\u{1B}") && !run.stdout.contains("\u{1B}"), "\(run)")
        #expect(run.stderr.contains("\\u{1b}"), "\(run)")
    }

    @Test func controlCharactersInADocumentNeverReachTheTerminalOrThePlan() throws {
        let site = try TemporarySite.example()
        let text =
            "UBND TỈNH BẮC KẠN\nSố: 7/KH-UBND\nBắc Kạn, ngày 10 tháng 6 năm 2024\nKẾ HOẠCH\nThử \u{1B}]0;x\u{07}nghiệm\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Tổng hợp\u{1B}[2J báo cáo\u{0B} trước ngày 20/6/2024.\n"
        try site.write("dieu-khien.txt", text)
        let run = try CCHCBinary.run(["import", "plan", site.url("dieu-khien.txt").path, site.root.path])
        #expect(run.exitCode == 0, "\(run)")
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"), "\(run)")
        let plan = try #require(site.read("content/plans/kh-ubnd-7-2024.md"))
        // The control characters become spaces; what follows them stays as plain, harmless text.
        #expect(plan.contains("title: Tổng hợp [2J báo cáo trước ngày 20/6/2024\n"), "\(plan)")
        #expect(try CCHCBinary.run(["check", site.root.path]).exitCode == 0)
    }

    /// A PDF printed by LibreOffice from a fixture, read back through `pdftotext -layout`: the
    /// body's six assignments are found; the appendix table is named in the review, not guessed.
    @Test func aPDFIsReadThroughPdftotext() throws {
        let site = try TemporarySite.example()
        let pdf = try LibreOffice.convert(
            Self.fixtures.appendingPathComponent("phu-luc-kh-ubnd-88-2024.html"), to: "pdf", extension: "pdf", into: site.url("pdf"))
        let run = try CCHCBinary.run(["import", "plan", pdf.path, site.root.path, "--format", "json"])
        #expect(run.exitCode == 0, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "PDF")
        #expect(json["number"] as? String == "88/KH-UBND")
        #expect(json["issued"] as? String == "2024-05-15")
        let tasks = try #require(json["tasks"] as? [[String: Any]])
        #expect(
            tasks.map { $0["lead"] as? [String] ?? [] } == [
                ["kind:department", "kind:district"], ["so-tu-phap"], ["so-thong-tin-va-truyen-thong"], ["so-noi-vu"], ["so-noi-vu"], ["uy-ban-mttq-tinh"],
            ])
        #expect(tasks.map { $0["due"] as? String ?? "-" } == ["2024-05-31", "2024-09-30", "-", "-", "2024-12-15", "-"])
        let review = (json["review"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(review.contains { $0.contains("appendix (Phụ lục)") }, "\(review)")
        #expect(try CCHCBinary.run(["check", site.root.path]).exitCode == 0)
    }
}
