import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// Loads a site that must be free of diagnostics.
private func loadClean(_ files: [String: String], binary: [String: [UInt8]] = [:]) throws -> LoadedSite {
    let site = try TemporarySite(files, binary: binary)
    let result = SiteLoader.load(root: site.root)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.site, "\(result.diagnostics)")
}

private func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }

/// What the spec's "Reading values" section says is read, and how.
struct LoadingTests {
    // MARK: - Scalars stay text

    @Test func yamlBooleanLookalikesStayText() throws {
        let agencies = """
            - id: no
              name: on
              short: no
              kind: organisation
              aliases: [yes, null, ~, off, "010"]

            """
        let loaded = try loadClean(Fixtures.minimal(["content/agencies.yml": Fixtures.agenciesYML + agencies]))
        let agency = try #require(loaded.lookup.agencies[AgencyID("no")])
        #expect(agency.name == "on")
        #expect(agency.short == "no")
        #expect(agency.aliases == ["yes", "null", "~", "off", "010"])
    }

    @Test func noIsAValidSlugWhereAnIDIsExpected() throws {
        let agencies = Fixtures.agenciesYML + "- id: no\n  name: Tổ chức No\n  kind: organisation\n"
        let plan = Fixtures.planMD.replacingOccurrences(of: "    support: [so-tu-phap]\n", with: "    support: [so-tu-phap, no]\n")
        let loaded = try loadClean(Fixtures.minimal(["content/agencies.yml": agencies, "content/plans/kh-1.md": plan]))
        #expect(loaded.derivation.tasks[TaskID("kh-1/mot-lan")!]?.supports == ["so-tu-phap", "no"])
    }

    @Test(arguments: [("010", 10.0), ("0", 0), ("100", 100), ("99.5", 99.5), ("007.25", 7.25)])
    func plainDecimalsAreRead(_ text: String, _ value: Double) throws {
        let report = Fixtures.reportYML.replacingOccurrences(
            of: "    status: done\n    percent: 100\n    completed: 2024-06-28\n",
            with: "    status: in-progress\n    percent: \(text)\n")
        let loaded = try loadClean(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report]))
        #expect(loaded.site.reports[0].updates[0].percent == value)
    }

    @Test func leadingZeroYearsAndDaysAreDecimal() throws {
        let plan = Fixtures.planMD.replacingOccurrences(of: "    every: month\n", with: "    every: month\n    day: 09\n")
        let loaded = try loadClean(Fixtures.minimal(["content/plans/kh-1.md": plan]))
        #expect(loaded.lookup.tasks[TaskID("kh-1/hang-thang")!]?.day == 9)
    }

    @Test func aTargetRankMayStandWithoutOf() throws {
        let index = Fixtures.indexYML + "targets:\n  - year: 2024\n    rank: 20\n"
        let loaded = try loadClean(Fixtures.minimal(["content/indices/par-index.yml": index]))
        #expect(loaded.site.indices[0].targets.first?.rank == 20)
        #expect(loaded.site.indices[0].targets.first?.of == nil)
    }

    @Test func indexValuesAreRead() throws {
        let index =
            Fixtures.indexYML.replacingOccurrences(of: "max: 100\n", with: "max: 100\nunit: \"%\"\nhigher_is_better: false\npublisher: Bộ Nội vụ\n")
            + "    areas: {chi-dao: 8.10}\n    criteria: {\"1.1\": 1.5}\n"
        let loaded = try loadClean(Fixtures.minimal(["content/indices/par-index.yml": index]))
        let definition = loaded.site.indices[0]
        #expect(definition.unit == "%")
        #expect(definition.higherIsBetter == false)
        #expect(definition.results[0].score == 85.95)
        #expect(definition.results[0].areas["chi-dao"] == 8.1)
        #expect(definition.results[0].criteria["1.1"] == 1.5)
    }

    @Test func vietnameseStatusWordsAreAccepted() throws {
        let report = Fixtures.reportYML.replacingOccurrences(of: "    status: done\n    percent: 100\n", with: "    status: Hoàn thành\n    percent: 100\n")
        let loaded = try loadClean(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report]))
        #expect(loaded.site.reports[0].updates[0].status == .done)
    }

    // MARK: - Encodings and normalisation

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let crlf = "\u{FEFF}" + Fixtures.agenciesYML.replacingOccurrences(of: "\n", with: "\r\n")
        let loaded = try loadClean(Fixtures.minimal(["content/agencies.yml": crlf]))
        #expect(loaded.site.agencies.map(\.name) == ["Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp", "UBND huyện A"])
    }

    @Test func crlfKeepsDiagnosticLinesAndColumns() throws {
        let marked = MarkedText((Fixtures.siteYML + "language: ⟨E⟩fr\n").replacingOccurrences(of: "\n", with: "\r\n"))
        let site = try TemporarySite(Fixtures.minimal(["site.yml": nil]))
        try site.write("site.yml", marked.text)
        let diagnostic = try #require(SiteLoader.load(root: site.root).diagnostics.first)
        #expect(diagnostic.location == SourceLocation(path: "site.yml", line: marked.only!.line, column: marked.only!.column))
    }

    @Test func nfdAgenciesGiveTheSameNamesAndBytesAsNFC() throws {
        let decomposed = nfd(Fixtures.agenciesYML)
        #expect(Array(decomposed.utf8) != Array(Fixtures.agenciesYML.utf8), "the fixture really is NFD")
        let fromNFD = try loadClean(Fixtures.minimal(["content/agencies.yml": decomposed]))
        let fromNFC = try loadClean(Fixtures.minimal)
        #expect(fromNFD.site.agencies == fromNFC.site.agencies)
        for (a, b) in zip(fromNFD.site.agencies, fromNFC.site.agencies) {
            #expect(Array(a.name.utf8) == Array(b.name.utf8))
        }
        #expect(fromNFD.site.agencies[1].name.utf8.count == "Sở Nội vụ".precomposedStringWithCanonicalMapping.utf8.count)
    }

    @Test func nfdColumnsCountCharactersNotScalars() throws {
        // "Đã xong" in NFD has more scalars than characters; the column must count characters.
        let marked = MarkedText(
            "agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates:\n  - task: kh-1/mot-lan\n    status: in-progress\n    note: Ở đây\n    ⟨E⟩percnt: 5\n"
        )
        let site = try TemporarySite(Fixtures.minimal([:]))
        try site.write(
            "content/progress/x.yml",
            nfd(
                "agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates:\n  - task: kh-1/mot-lan\n    status: in-progress\n    note: Ở đây\n    percnt: 5\n"
            ))
        try site.write(
            "content/progress/y.yml",
            nfd("agency: so-noi-vu\nperiod: 2024-Q3\nreported: 2024-09-26\nupdates:\n  - task: kh-1/mot-lan\n    status: in-progress\n    note: Ở đây: ô\n"))
        let diagnostics = SiteLoader.load(root: site.root).diagnostics
        #expect(diagnostics.first?.location == SourceLocation(path: "content/progress/x.yml", line: marked.only!.line, column: marked.only!.column))
        // A YAML syntax error after NFD letters: the column is in characters of the NFC text.
        let syntax = diagnostics.first { $0.location.path == "content/progress/y.yml" }
        #expect(syntax?.location.line == 7)
        let colon = MarkedText("    note: Ở đây⟨E⟩: ô").only!
        #expect(syntax?.location.column == colon.column, "\(String(describing: syntax))")
    }

    @Test(arguments: [
        "content/progress/2024-Q3/Sở Nội vụ.yml", // the file's own name in NFD
        "content/progress/Quý III/so-noi-vu.yml", // a folder's name in NFD
        "content/progress/Quý III/Sở Nội vụ.yml", // both
    ])
    func nfdFolderAndFileNamesOfReportsStillLoad(_ path: String) throws {
        let site = try TemporarySite(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": nil]))
        try site.write(nfd(path), Fixtures.reportYML)
        let result = SiteLoader.load(root: site.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let loaded = try #require(result.site)
        #expect(loaded.site.reports.map(\.path) == [path.precomposedStringWithCanonicalMapping])
        #expect(loaded.derivation.tasks[TaskID("kh-1/mot-lan")!]?.pairs.first?.state == .done)
    }

    @Test func anNFDNamedPlanFileIsJudgedLikeItsNFCName() throws {
        // A plan file name must be a slug; the NFD and NFC spellings of a bad name get the same message.
        func message(_ name: String) throws -> [String] {
            let site = try TemporarySite(Fixtures.minimal([:]))
            try site.write("content/plans/\(name).md", "---\nnumber: 2/KH\ntitle: Hai\nissuer: ubnd-tinh\nissued: 2024-06-08\n---\n")
            return SiteLoader.load(root: site.root).diagnostics.map(\.description)
        }
        let nfc = try message("Kế hoạch 2")
        #expect(nfc.count == 1)
        #expect(try message(nfd("Kế hoạch 2")) == nfc)
    }

    @Test func anNFDSiteFolderLoads() throws {
        let site = try TemporarySite([:])
        let root = site.root.appendingPathComponent(nfd("Bắc Kạn"))
        for (path, text) in Fixtures.minimal {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = SiteLoader.load(root: root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func nfdEvidenceFileNamesMatchNFCLinks() throws {
        let report = Fixtures.reportYML + "    evidence:\n      - title: Báo cáo\n        url: files/snv/Báo cáo quý 3.pdf\n"
        let site = try TemporarySite(
            Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report]),
            binary: [nfd("content/files/snv/Báo cáo quý 3.pdf"): Array("%PDF-1.4\n".utf8)])
        let result = SiteLoader.load(root: site.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let evidence = result.site?.site.reports[0].updates.last?.evidence.first
        #expect(evidence?.url == "files/snv/Báo cáo quý 3.pdf")
        #expect(evidence?.isLocalFile == true)
    }

    // MARK: - Evidence and notes

    @Test func webEvidenceIsKept() throws {
        let report = Fixtures.reportYML + "    evidence:\n      - title: Cổng\n        url: https://backan.gov.vn/a?b=c\n"
        let loaded = try loadClean(Fixtures.minimal(["content/progress/2024-Q3/so-noi-vu.yml": report]))
        let evidence = loaded.site.reports[0].updates.last?.evidence
        #expect(evidence == [Evidence(title: "Cổng", url: "https://backan.gov.vn/a?b=c", isLocalFile: false)])
    }

    @Test func theExampleSiteChecksClean() throws {
        let site = try TemporarySite.example()
        let result = SiteLoader.load(root: site.root)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let loaded = try #require(result.site)
        #expect(loaded.site.plans.count == 3)
        #expect(loaded.asOf == Day(iso: "2024-12-31"))
    }
}
