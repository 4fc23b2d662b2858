import CCHCCore
import CCHCTestSupport
import Foundation
import Testing

/// The outside programs the form tests drive, found once.
enum OfficeTools {
    /// Runs a program and returns its exit status and output (stdout and stderr together).
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-tool-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
    }

    /// python3 with openpyxl (scripts/setup installs both).
    static let hasOpenpyxl: Bool = (try? run("python3", ["-c", "import openpyxl"]).status) == 0
    /// The openpyxl script that fills forms as a person would.
    static let fillScript = Package.root.appendingPathComponent("Tests/CLITests/Fixtures/fill_form.py")

    /// Applies `edits` (see fill_form.py) to each (in, out) pair.
    static func fill(_ edits: String, _ pairs: [(URL, URL)]) throws -> String {
        let editsURL = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-edits-\(UUID().uuidString).json")
        try Data(edits.utf8).write(to: editsURL)
        defer { try? FileManager.default.removeItem(at: editsURL) }
        let result = try run("python3", [fillScript.path, editsURL.path] + pairs.flatMap { [$0.0.path, $0.1.path] })
        guard result.status == 0 else { throw ToolFailure(description: "fill_form.py failed: \(result.output)") }
        return result.output
    }

    struct ToolFailure: Error, CustomStringConvertible { var description: String }
}

/// `cchc forms` and `cchc import report` on the example site, with forms filled by openpyxl and
/// saved again by LibreOffice Calc.
@Suite(.serialized)
struct FormsCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-forms-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func formsAreMadeForEveryAgencyWithTasksByteIdenticallyAndNotOverwritten() throws {
        let site = try TemporarySite.example()
        let out = try temporaryFolder(), again = try temporaryFolder()
        let run = try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path])
        #expect(run.exitCode == 0, "\(run)")
        let names = try files(out)
        #expect(names.count > 20 && names.contains("bao-cao-snv-2024-Q3.xlsx") && names.contains("bao-cao-so-kh-dt-2024-Q3.xlsx"), "\(names)")
        #expect(run.stdout.hasPrefix("wrote \(names.count) forms"), "\(run)")
        #expect(try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", again.path]).exitCode == 0)
        for name in names {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)), "\(name) differs")
        }
        let refused = try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path, "--agency", "so-noi-vu"])
        #expect(refused.exitCode == 1 && refused.stderr.contains("pass --force"), "\(refused)")
        let typo = try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path, "--agency", "so-noi-vuu", "--force"])
        #expect(typo.exitCode == 1 && typo.stderr.contains("did you mean `so-noi-vu`?"), "\(typo)")
        // The default folder is bieu-mau/<period>/ in the current folder.
        let here = try temporaryFolder()
        let one = try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--agency", "so-noi-vu"], in: here)
        #expect(one.exitCode == 0, "\(one)")
        #expect(try files(here.appendingPathComponent("bieu-mau/2024-Q3")) == ["bao-cao-snv-2024-Q3.xlsx"])
    }

    @Test(.enabled(if: OfficeTools.hasOpenpyxl, "python3 with openpyxl is missing (scripts/setup --office installs it)"))
    func theDropDownDatesProtectionAndPrintSetupAreInTheFile() throws {
        let site = try TemporarySite.example()
        let out = try temporaryFolder()
        #expect(try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path, "--agency", "so-noi-vu"]).exitCode == 0)
        let form = out.appendingPathComponent("bao-cao-snv-2024-Q3.xlsx")
        let report = try OfficeTools.fill(#"[{"check": true, "cells": ["E9", "J9", "C5", "H9", "C9"]}]"#, [(form, out.appendingPathComponent("copy.xlsx"))])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let validations = try #require(json["validations"] as? [[String: Any]])
        #expect(
            validations.contains {
                $0["type"] as? String == "list" && ($0["formula1"] as? String) == "\"Chưa thực hiện,Đang thực hiện,Hoàn thành,Dừng thực hiện\""
                    && ($0["sqref"] as? String)?.hasPrefix("H9:H") == true
            }, "\(validations)")
        #expect(
            validations.contains { $0["type"] as? String == "whole" && $0["formula1"] as? String == "0" && $0["formula2"] as? String == "100" },
            "\(validations)")
        #expect(validations.contains { $0["type"] as? String == "date" && ($0["sqref"] as? String)?.contains("C5") == true }, "\(validations)")
        let formats = try #require(json["formats"] as? [String: String])
        #expect(formats["E9"] == "dd/mm/yyyy" && formats["J9"] == "dd/mm/yyyy" && formats["C5"] == "dd/mm/yyyy", "\(formats)")
        #expect((json["dates"] as? [String: Bool])?["E9"] == true, "the due date is a real date cell")
        #expect(json["states"] as? [String] == ["visible", "veryHidden"])
        #expect(json["freeze"] as? String == "A9")
        #expect(json["protected"] as? Bool == true && json["hidden_protected"] as? Bool == true)
        #expect(json["orientation"] as? String == "landscape" && json["fit_width"] as? Int == 1)
        let locked = try #require(json["locked"] as? [String: Bool])
        #expect(locked["C9"] == true && locked["H9"] == false && locked["J9"] == false && locked["C5"] == false, "\(locked)")
        #expect(json["font"] as? String == "Times New Roman")
    }

    /// Every agency's form, filled by openpyxl (report date, first row done), imported by the binary.
    @Test(.enabled(if: OfficeTools.hasOpenpyxl, "python3 with openpyxl is missing (scripts/setup --office installs it)"))
    func everyFormOfTheExampleFilledByOpenpyxlImportsAndTheSiteShowsIt() throws {
        let site = try TemporarySite.example()
        let out = try temporaryFolder(), filled = try temporaryFolder()
        #expect(try CCHCBinary.run(["forms", "2024-Q4", site.root.path, "--out", out.path]).exitCode == 0)
        let names = try files(out)
        #expect(names.count > 20)
        let edits = #"""
            [{"cell": "C5", "date": "2024-12-31"}, {"cell": "H9", "text": "Hoàn thành"}, {"cell": "I9", "number": 1, "format": "0%"},
             {"cell": "J9", "date": "2024-12-20"}, {"cell": "K9", "text": "Đã hoàn thành; có báo cáo kèm theo"}]
            """#
        _ = try OfficeTools.fill(edits, names.map { (out.appendingPathComponent($0), filled.appendingPathComponent($0)) })
        let run = try CCHCBinary.run(["import", "report"] + names + [site.root.path, "--force"], in: filled)
        #expect(run.exitCode == 0, "\(run)")
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("wrote ") || $0.hasPrefix("replaced ") }.count == names.count, "\(run)")
        let check = try CCHCBinary.run(["check", site.root.path])
        #expect(check.exitCode == 0 && !check.stderr.contains("error:"), "\(check)")
        // The first row of each form (a task the agency leads, when it leads any) is now done.
        let loaded = try #require(SiteLoader.load(root: site.root).site)
        var leadRows = 0
        for report in loaded.site.reports
        where report.path.hasPrefix("content/progress/2024-Q4/") && report.updates.first?.note == "Đã hoàn thành; có báo cáo kèm theo" {
            let first = report.updates[0]
            #expect(first.status == .done && first.percent == 100 && first.completed == Day(iso: "2024-12-20"))
            let derived = try #require(loaded.derivation.tasks[first.task.value])
            if let pair = derived.pairs.first(where: { $0.agency == report.agency.value && $0.occurrence.period == first.period?.value }) {
                #expect(pair.state.isDone, "\(report.path): \(first.task.value) is \(pair.state)")
                leadRows += 1
            }
        }
        #expect(leadRows > 10, "only \(leadRows) lead rows were checked")
    }

    /// A filled form saved again by LibreOffice Calc as .xlsx and as UTF-8 CSV imports to the same report.
    @Test(
        .enabled(
            if: OfficeTools.hasOpenpyxl && LibreOffice.program != nil,
            "python3/openpyxl or LibreOffice (soffice) is missing (scripts/setup --office installs them)"))
    func aFormSavedAgainByLibreOfficeAsXLSXAndCSVImportsTheSame() throws {
        let site = try TemporarySite.example()
        let out = try temporaryFolder(), work = try temporaryFolder()
        #expect(try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path, "--agency", "so-noi-vu"]).exitCode == 0)
        let name = "bao-cao-snv-2024-Q3.xlsx"
        let original = work.appendingPathComponent("openpyxl"), xlsx = work.appendingPathComponent("xlsx"), csv = work.appendingPathComponent("csv")
        for folder in [original, xlsx, csv] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let edits = #"""
            [{"cell": "C5", "date": "2024-09-25"}, {"cell": "H9", "text": "hoan thanh"}, {"cell": "I9", "clear": true}, {"cell": "J9", "date": "2024-09-20"},
             {"cell": "L9", "text": "Báo cáo kiểm tra\nKết luận"}, {"cell": "M9", "text": "https://example.gov.vn/a.pdf\nhttps://example.gov.vn/b.pdf"},
             {"cell": "K9", "text": "Ghi chú có dấu phẩy, dấu chấm phẩy; và \"ngoặc kép\"\ncó hai dòng"},
             {"cell": "H10", "text": "Đang thực hiện"}, {"cell": "I10", "number": 0.55, "format": "0%"}]
            """#
        _ = try OfficeTools.fill(edits, [(out.appendingPathComponent(name), original.appendingPathComponent(name))])
        _ = try LibreOffice.convert(original.appendingPathComponent(name), to: "xlsx", extension: "xlsx", into: xlsx)
        _ = try LibreOffice.convert(original.appendingPathComponent(name), to: "csv:Text - txt - csv (StarCalc):44,34,76", extension: "csv", into: csv)
        let csvName = "bao-cao-snv-2024-Q3.csv"
        #expect(FileManager.default.fileExists(atPath: csv.appendingPathComponent(csvName).path))
        var reports: [String] = []
        for (folder, file) in [(original, name), (xlsx, name), (csv, csvName)] {
            let run = try CCHCBinary.run(["import", "report", file, site.root.path, "--force"], in: folder)
            #expect(run.exitCode == 0, "\(file) in \(folder.lastPathComponent): \(run)")
            let text = try String(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml"), encoding: .utf8)
            reports.append(text.components(separatedBy: "\n").dropFirst().joined(separator: "\n"))
        }
        #expect(reports[0].contains("status: done") && reports[0].contains("completed: 2024-09-20") && reports[0].contains("percent: 55"), "\(reports[0])")
        #expect(reports[0].contains("url: https://example.gov.vn/b.pdf"), "\(reports[0])")
        #expect(reports[1] == reports[0], "LibreOffice's .xlsx imports differently:\n\(reports[1])\n---\n\(reports[0])")
        #expect(reports[2] == reports[0], "LibreOffice's CSV imports differently:\n\(reports[2])\n---\n\(reports[0])")
        #expect(try CCHCBinary.run(["check", site.root.path]).exitCode == 0)
    }

    @Test func importReportsEveryProblemAndWritesNothing() throws {
        let site = try TemporarySite.example()
        let out = try temporaryFolder()
        #expect(try CCHCBinary.run(["forms", "2024-Q3", site.root.path, "--out", out.path, "--agency", "so-noi-vu"]).exitCode == 0)
        try Data("không phải bảng tính".utf8).write(to: out.appendingPathComponent("rac.xlsx"))
        let before = try Data(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml"))
        let run = try CCHCBinary.run(["import", "report", "bao-cao-snv-2024-Q3.xlsx", "rac.xlsx", site.root.path, "--force"], in: out)
        #expect(run.exitCode == 1, "\(run)")
        #expect(run.stderr.contains("bao-cao-snv-2024-Q3.xlsx:Báo cáo!C5: error: fill in Ngày báo cáo"), "\(run)")
        #expect(run.stderr.contains("rac.xlsx: error: the file is not a Word (.docx) or Excel (.xlsx) document"), "\(run)")
        #expect(run.stdout.contains("nothing was written"), "\(run)")
        #expect(try Data(contentsOf: site.url("content/progress/2024-Q3/so-noi-vu.yml")) == before)
    }
}
