import Foundation
import Testing

@testable import CCHCCore

/// A fresh temporary folder, removed by the caller.
private func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("cchc-scaffold-\(Slug.make(name))-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root, which is the example site.
private let exampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A copy of the example site (site.yml and content/) in a temporary folder.
private func copyOfExample() throws -> URL {
    let folder = try temporaryFolder("example")
    for item in ["site.yml", "content"] {
        try FileManager.default.copyItem(at: exampleRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
    }
    return folder
}

private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

private func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

struct ScaffoldTests {
    // MARK: new site

    @Test(arguments: [(2024, "Bắc Kạn"), (2026, "Hà Nội"), (2025, nil)] as [(Int, String?)])
    func newSiteBuildsAtOnce(year: Int, province: String?) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try SiteScaffold.write(to: site, options: .init(province: province, year: year))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path))
        let result = try SiteBuild.run(root: site, out: folder.appendingPathComponent("public"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let summary = try #require(result.summary)
        #expect(summary.pages > 10)
        let loaded = try #require(result.loaded)
        #expect(loaded.site.indices.map(\.id.rawValue) == ["dti", "papi", "par-index", "pci", "sipas"])
        #expect(loaded.site.plans.count == 1 && loaded.site.reports.count == 1)
        let kinds = Set(loaded.site.agencies.map(\.kind))
        #expect(kinds.isSuperset(of: [.province, .department, .central]))
        #expect(kinds.contains(year >= 2025 ? .commune : .district))
        #expect(loaded.lookup.indices["papi"]?.max == 80)
        #expect(loaded.lookup.indices["par-index"]?.areas.compactMap(\.max).reduce(0, +) == 100)
    }

    @Test func provinceSetsTitleAndBaseURL() {
        let files = Dictionary(uniqueKeysWithValues: SiteScaffold.files(.init(province: "Bắc Kạn", year: 2024)).map { ($0.path, $0.text) })
        let settings = files["site.yml"]!
        #expect(settings.contains("title: Theo dõi thực hiện các kế hoạch nâng cao chỉ số CCHC tỉnh Bắc Kạn\n"))
        #expect(settings.contains("province: Bắc Kạn\n"))
        #expect(settings.contains("base_url: https://backan.gov.vn/cchc/\n"))
        let city = SiteScaffold.files(.init(province: "Thành phố Đà Nẵng", year: 2026)).first!.text
        #expect(city.contains("CCHC thành phố Đà Nẵng\n") && city.contains("province: Đà Nẵng\n") && city.contains("https://danang.gov.vn/cchc/"))
    }

    @Test func withTemplatesCopiesTheThemeAndStillBuilds() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try SiteScaffold.write(to: site, options: .init(province: "Hà Tĩnh", year: 2024, withTemplates: true))
        for (path, text) in BuiltinTheme.files {
            #expect(try read(site.appendingPathComponent("templates/\(path)")) == text)
        }
        let result = try SiteBuild.run(root: site, out: folder.appendingPathComponent("public"))
        #expect(result.summary != nil, "\(result.diagnostics)")
    }

    @Test func newSiteRefusesANonEmptyFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("keep me", to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: ScaffoldError.self) { try SiteScaffold.write(to: folder, options: .init(year: 2024)) }
        #expect(try read(folder.appendingPathComponent("notes.txt")) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
        // An empty folder is fine.
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try SiteScaffold.write(to: empty, options: .init(year: 2024))
    }

    // MARK: new report

    private func newSite(_ year: Int = 2024) throws -> (folder: URL, site: URL) {
        let folder = try temporaryFolder("site")
        let site = folder.appendingPathComponent("site")
        try SiteScaffold.write(to: site, options: .init(province: "Bắc Kạn", year: year))
        return (folder, site)
    }

    @Test func untouchedReportPassesCheck() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ReportScaffold.write(root: site, agency: "ubnd-huyen-b", period: "2024-Q3", reported: nil)
        #expect(outcome.path == "content/progress/2024-Q3/ubnd-huyen-b.yml")
        #expect(outcome.updates == 3 && outcome.unreported == 3)
        let text = try read(site.appendingPathComponent(outcome.path))
        #expect(text.contains("reported: 2024-09-30\n"))
        #expect(text.contains("not-started | in-progress | done | dropped"))
        let load = SiteLoader.load(root: site)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let report = try #require(load.site?.site.reports.first { $0.path == outcome.path })
        #expect(report.updates.map(\.task.value.local) == ["xay-dung-ke-hoach", "cai-thien-tthc", "cong-khai-thong-tin"])
        #expect(report.updates.allSatisfy { $0.status == .notStarted })
    }

    @Test func filledReportPassesCheckAndCounts() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ReportScaffold.write(root: site, agency: "ubnd-huyen-b", period: "2024-Q3", reported: "2024-09-25")
        let url = site.appendingPathComponent(outcome.path)
        var text = try read(url)
        // Fill in one update as a user would: done, the date, a note and a piece of evidence.
        let entry = "  - task: kh-ubnd-15-2024/cong-khai-thong-tin\n    status: not-started\n    # percent: 0\n    # completed: YYYY-MM-DD\n    # note: …\n"
        #expect(text.contains(entry))
        text = text.replacingOccurrences(
            of: entry,
            with: """
                  - task: kh-ubnd-15-2024/cong-khai-thong-tin
                    status: done
                    percent: 100
                    completed: 2024-09-20
                    note: Đã công khai đủ 4 nội dung tại trụ sở UBND các xã.
                    evidence:
                      - title: Thông báo công khai số 12/TB-UBND
                        url: files/ubnd-huyen-b/12-tb-ubnd.pdf
                      - title: Tin trên cổng thông tin điện tử huyện
                        url: https://example.gov.vn/tin/12

                """)
        try write(text, to: url)
        let evidence = site.appendingPathComponent("content/files/ubnd-huyen-b/12-tb-ubnd.pdf")
        try FileManager.default.createDirectory(at: evidence.deletingLastPathComponent(), withIntermediateDirectories: true)
        try write("%PDF-1.4 sample", to: evidence)
        let load = SiteLoader.load(root: site)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let loaded = try #require(load.site)
        let pair = loaded.derivation.tasks[TaskID("kh-ubnd-15-2024/cong-khai-thong-tin")!]?.pairs.first { $0.agency == "ubnd-huyen-b" }
        #expect(pair?.state == .done)
    }

    @Test func reportKeepsTheLatestStatusAndListsRecurringOccurrences() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The year: the quarterly task's Q2–Q4 (Q1 is done) and the plan task SNV reported at 80%.
        let year = try ReportScaffold.write(root: site, agency: "so-noi-vu", period: "2024", reported: "2024-06-30")
        let text = try read(site.appendingPathComponent(year.path))
        #expect(text.contains("  - task: kh-ubnd-15-2024/xay-dung-ke-hoach\n    status: in-progress\n    percent: 80\n"))
        for quarter in ["2024-Q2", "2024-Q3", "2024-Q4"] { #expect(text.contains("    period: \(quarter)\n")) }
        #expect(!text.contains("period: 2024-Q1"))
        #expect(year.updates == 4 && year.unreported == 3)
        // A month inside a quarter: the quarter that contains it.
        let month = try ReportScaffold.write(root: site, agency: "so-noi-vu", period: "2024-05", reported: nil)
        let monthText = try read(site.appendingPathComponent(month.path))
        #expect(monthText.contains("    period: 2024-Q2\n") && !monthText.contains("period: 2024-Q3"))
        let load = SiteLoader.load(root: site)
        #expect(load.errors.isEmpty, "\(load.diagnostics)")
    }

    @Test func reportRefusesToOverwriteAndExplainsBadInput() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ReportScaffold.write(root: site, agency: "so-tu-phap", period: "2024-Q2", reported: nil)
        let url = site.appendingPathComponent(first.path)
        try write("# edited\n" + (try read(url)), to: url)
        #expect(throws: ScaffoldError.self) { try ReportScaffold.write(root: site, agency: "so-tu-phap", period: "2024-Q2", reported: nil) }
        #expect(try read(url).hasPrefix("# edited\n"))
        do {
            _ = try ReportScaffold.write(root: site, agency: "so-tu-phapp", period: "2024-Q2", reported: nil)
            Issue.record("an unknown agency was accepted")
        } catch let error as ScaffoldError {
            #expect(error.description.contains("unknown agency `so-tu-phapp`") && error.description.contains("`so-tu-phap`"))
        }
        #expect(throws: ScaffoldError.self) { try ReportScaffold.write(root: site, agency: "so-tu-phap", period: "2024-Q5", reported: nil) }
        #expect(throws: ScaffoldError.self) { try ReportScaffold.write(root: site, agency: "so-tu-phap", period: "2024-Q3", reported: "2024-02-30") }
    }

    @Test func reportsForEveryAgencyOfTheExamplePassCheck() throws {
        let site = try copyOfExample()
        defer { try? FileManager.default.removeItem(at: site) }
        let loaded = try #require(SiteLoader.load(root: site).site)
        var written = 0
        for agency in loaded.site.agencies {
            for period in ["2024-Q4", "2024-H2", "2024-11"] {
                let relative = ReportScaffold.path(agency: agency.id, period: Period(period)!)
                if FileManager.default.fileExists(atPath: site.appendingPathComponent(relative).path) { continue }
                let outcome = try ReportScaffold.write(root: site, agency: agency.id.rawValue, period: period, reported: "2024-12-31")
                written += outcome.updates
            }
        }
        #expect(written > 0)
        let load = SiteLoader.load(root: site)
        #expect(load.errors.isEmpty, "\(load.errors)")
    }

    // MARK: new plan

    @Test func defaultPlanIDs() {
        #expect(PlanScaffold.defaultID(number: "386/KH-UBND", issuer: "ubnd-tinh", year: 2024) == "kh-ubnd-386-2024")
        #expect(PlanScaffold.defaultID(number: "120 /KH-SNV", issuer: "so-noi-vu", year: 2024) == "kh-snv-120-2024")
        #expect(PlanScaffold.defaultID(number: "15/QĐ-UBND", issuer: "ubnd-tinh", year: 2025) == "kh-ubnd-tinh-15-qd-ubnd-2025")
    }

    @Test func newPlanPassesCheckAsWrittenAndUncommented() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try PlanScaffold.write(root: site, options: .init(number: "123/KH-UBND", title: "Nâng cao Chỉ số PAPI: năm 2024", issued: "2024-07-01"))
        #expect(outcome.path == "content/plans/kh-ubnd-123-2024.md" && outcome.notes.isEmpty)
        let url = site.appendingPathComponent(outcome.path)
        let text = try read(url)
        for heading in ["## I. Mục đích, yêu cầu", "## II. Nhiệm vụ, giải pháp", "## III. Tổ chức thực hiện"] { #expect(text.contains(heading)) }
        var load = SiteLoader.load(root: site)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        #expect(load.site?.lookup.plans["kh-ubnd-123-2024"]?.title == "Nâng cao Chỉ số PAPI: năm 2024")
        // Uncommenting the example tasks and the indices, as the comments say, gives a valid plan.
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("# tasks:") || line.hasPrefix("#   ") || line.hasPrefix("# indices:") { return String(line.dropFirst(2)) }
            return String(line)
        }.joined(separator: "\n")
        try write(uncommented, to: url)
        load = SiteLoader.load(root: site)
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        let plan = try #require(load.site?.lookup.plans["kh-ubnd-123-2024"])
        #expect(plan.tasks.count == 2)
        #expect(plan.tasks.allSatisfy { task in Occurrences.of(task, issued: plan.issued).allSatisfy { ($0.due ?? plan.issued) >= plan.issued } })
        // Running it again refuses, and the edited file stays.
        #expect(throws: ScaffoldError.self) {
            try PlanScaffold.write(root: site, options: .init(number: "123/KH-UBND", title: "Khác", issued: "2024-07-01"))
        }
        #expect(try read(url) == uncommented)
    }

    @Test func newPlanChecksItsInputs() throws {
        let (folder, site) = try newSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ScaffoldError.self) { try PlanScaffold.write(root: site, options: .init(number: "1/KH-X", title: "T", issuer: "so-noi-vuu")) }
        #expect(throws: ScaffoldError.self) { try PlanScaffold.write(root: site, options: .init(number: "1/KH-X", title: "T", issued: "2024-13-01")) }
        #expect(throws: ScaffoldError.self) { try PlanScaffold.write(root: site, options: .init(number: "1/KH-X", title: "T", id: "Bad Id")) }
        let outcome = try PlanScaffold.write(root: site, options: .init(number: "45/KH-SNV", title: "Kế hoạch của Sở Nội vụ", issuer: "so-noi-vu"))
        #expect(outcome.id == "kh-snv-45-2024" && outcome.notes.count == 1)
        #expect(SiteLoader.load(root: site).errors.isEmpty)
    }
}
