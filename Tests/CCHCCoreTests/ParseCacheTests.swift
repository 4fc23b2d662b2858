import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// `SiteLoader.load(root:cache:)`: what is read again, and that the result is always a fresh load's.
struct ParseCacheTests {
    static let second = "content/progress/2024-Q3/so-tu-phap.yml"
    static let report = "content/progress/2024-Q3/so-noi-vu.yml"

    /// The tiny site with a second report, from the support agency, so one report can change or go
    /// while another stays.
    static func site() throws -> TemporarySite {
        let text = """
            agency: so-tu-phap
            period: 2024-Q3
            reported: 2024-09-20
            updates:
              - task: kh-1/mot-lan
                status: in-progress
                percent: 50

            """
        return try TemporarySite(Fixtures.minimal([second: text]))
    }

    /// Sets the modification time of everything in the site an hour back, as if nothing had
    /// changed there for a while: the cache keeps no file, and trusts no folder, changed in the
    /// last seconds.
    static func settle(_ site: TemporarySite) throws {
        let old = Date(timeIntervalSinceNow: -3600)
        var items = [site.url("site.yml"), site.url("content")]
        for case let url as URL in FileManager.default.enumerator(at: site.url("content"), includingPropertiesForKeys: nil)! {
            items.append(url)
        }
        for item in items where FileManager.default.fileExists(atPath: item.path) {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: item.path)
        }
    }

    /// Settles the site, then loads it once through `cache`, which reads what settling changed.
    static func settled(_ site: TemporarySite, cache: ParseCache, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try settle(site)
        loadBoth(site, cache: cache, sourceLocation: sourceLocation)
    }

    /// Loads through `cache` and checks the result against a load without a cache.
    @discardableResult
    static func loadBoth(_ site: TemporarySite, cache: ParseCache, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SiteLoadResult {
        let cached = SiteLoader.load(root: site.root, cache: cache)
        let fresh = SiteLoader.load(root: site.root)
        #expect(cached.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
        #expect((cached.site == nil) == (fresh.site == nil), sourceLocation: sourceLocation)
        if let a = cached.site?.site, let b = fresh.site?.site {
            #expect(a.settings == b.settings, sourceLocation: sourceLocation)
            #expect(a.agencies == b.agencies, sourceLocation: sourceLocation)
            #expect(a.indices == b.indices, sourceLocation: sourceLocation)
            #expect(a.plans == b.plans, sourceLocation: sourceLocation)
            #expect(a.reports == b.reports, sourceLocation: sourceLocation)
            #expect(a.files == b.files, sourceLocation: sourceLocation)
            #expect(cached.site?.asOf == fresh.site?.asOf, sourceLocation: sourceLocation)
            #expect(cached.site?.derivation.tasks.mapValues(\.pairs) == fresh.site?.derivation.tasks.mapValues(\.pairs), sourceLocation: sourceLocation)
        }
        return cached
    }

    @Test func aChangedFileIsReadAgainAnUnchangedOneIsNot() throws {
        let site = try Self.site()
        try Self.settle(site)
        let cache = ParseCache()
        Self.loadBoth(site, cache: cache)
        #expect(
            cache.lastRead == [
                "content/agencies.yml", "content/indices/par-index.yml", "content/plans/kh-1.md",
                Self.report, Self.second, "site.yml",
            ])
        #expect(cache.paths == cache.lastRead)

        let again = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty, "nothing changed, nothing is read")
        #expect(again.site?.site.reports.count == 2)

        // One report changes.
        let text = try #require(site.read(Self.second))
        try site.write(Self.second, text.replacingOccurrences(of: "percent: 50", with: "percent: 75"))
        let changed = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == [Self.second])
        let report = try #require(changed.site?.site.reports.first { $0.path == Self.second })
        #expect(report.updates.first?.percent == 75)
        // Changed just now, it is read again until the change is a few seconds old: a second
        // save of the same size within one tick of the clock would leave the same stamp.
        Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == [Self.second])
        #expect(!cache.paths.contains(Self.second))
        try Self.settled(site, cache: cache)
        Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)
        #expect(cache.paths.contains(Self.second))
    }

    @Test func aDeletedFileDisappearsAndANewOneIsRead() throws {
        let site = try Self.site()
        let cache = ParseCache()
        try Self.settled(site, cache: cache)
        let text = try #require(site.read(Self.second))

        try site.remove(Self.second)
        let without = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)
        #expect(!cache.paths.contains(Self.second))
        #expect(without.site?.site.reports.map { $0.path } == [Self.report])

        let moved = "content/progress/2024-Q3/stp-lan-2.yml"
        try site.write(moved, text)
        let back = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == [moved])
        #expect(back.site?.site.reports.map { $0.path } == [Self.report, moved])
    }

    @Test func errorsAndWarningsOfUnchangedFilesStay() throws {
        let site = try Self.site()
        let cache = ParseCache()
        // A per-file error (an unknown key), a cross-file error (an unknown task) and a stray file.
        let text = try #require(site.read(Self.second))
        try site.write(Self.second, text.replacingOccurrences(of: "percent: 50\n", with: "percent: 50\n    colour: red\n"))
        try site.write("content/plans/ghi-chu.txt", "không phải kế hoạch\n")
        let plan = try #require(site.read("content/plans/kh-1.md"))
        try Self.settled(site, cache: cache)
        let broken = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)
        #expect(broken.errors.contains { $0.location.path == Self.second })
        #expect(broken.warnings.contains { $0.location.path == "content/plans/ghi-chu.txt" })

        // The plan changes so the report's task no longer exists: the report is not read again,
        // but its cross-file error is found all the same, and its own error is still there.
        try site.write("content/plans/kh-1.md", plan.replacingOccurrences(of: "id: mot-lan", with: "id: mot-lan-moi"))
        let again = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == ["content/plans/kh-1.md"])
        let before = broken.errors.filter { $0.location.path == Self.second }.count
        let after = again.errors.filter { $0.location.path == Self.second }.count
        #expect(after > before)

        // A file that cannot be decoded: its error is kept while it stays as it is.
        try Data([0x61, 0x67, 0xC3, 0x28, 0x0A]).write(to: site.url("content/indices/hong.yml"))
        try Self.settled(site, cache: cache)
        let undecodable = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)
        #expect(undecodable.errors.contains { $0.location.path == "content/indices/hong.yml" })
    }

    @Test func evidenceFilesComingAndGoingReadTheReportsThatLinkThem() throws {
        let site = try Self.site()
        let cache = ParseCache()
        let linking = "content/progress/2024-Q3/so-noi-vu-bao-cao.yml"
        try site.write(
            linking,
            """
            agency: so-noi-vu
            period: 2024-Q3
            reported: 2024-09-26
            updates:
              - task: kh-1/mot-lan
                status: done
                percent: 100
                completed: 2024-06-28
                evidence:
                  - title: Báo cáo mới
                    url: files/snv/bao-cao-moi.txt

            """)
        try Self.settled(site, cache: cache)
        let missing = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)
        #expect(missing.errors.contains { $0.location.path == linking && $0.message.contains("does not exist") })

        // The file appears: the report that missed it is read again, the others are not.
        try site.write("content/files/snv/bao-cao-moi.txt", "Báo cáo.\n")
        let present = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == [linking])
        #expect(present.errors.isEmpty, "\(present.errors.map(\.description))")

        // Another file appears: no report reads differently.
        try Self.settled(site, cache: cache)
        try site.write("content/files/snv/khac.txt", "Khác.\n")
        Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead.isEmpty)

        // The linked file goes: the report that links it is read again and has the error back.
        try site.remove("content/files/snv/bao-cao-moi.txt")
        let gone = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == [linking])
        #expect(gone.errors.contains { $0.location.path == linking && $0.message.contains("does not exist") })
    }

    @Test func settingsAndAgenciesAreCachedToo() throws {
        let site = try Self.site()
        let cache = ParseCache()
        try Self.settled(site, cache: cache)
        let settings = try #require(site.read("site.yml"))
        try site.write("site.yml", settings.replacingOccurrences(of: "title: ", with: "title: Mới – "))
        let changed = Self.loadBoth(site, cache: cache)
        #expect(cache.lastRead == ["site.yml"])
        #expect(changed.site?.site.settings.title.hasPrefix("Mới – ") == true)

        try site.remove("content/agencies.yml")
        let broken = Self.loadBoth(site, cache: cache)
        #expect(broken.site == nil)
        #expect(!cache.paths.contains("content/agencies.yml"))
    }
}

/// The listing of the site's files is taken from the cache while no folder it walked has changed.
struct ListingCacheTests {
    static func settle(_ site: TemporarySite) throws { try ParseCacheTests.settle(site) }

    @Test func aListingIsReusedUntilAFolderChanges() throws {
        let site = try ParseCacheTests.site()
        let cache = ParseCache()
        ParseCacheTests.loadBoth(site, cache: cache)
        #expect(!cache.lastListingReused)
        // Folders changed just now: listed again every time.
        ParseCacheTests.loadBoth(site, cache: cache)
        #expect(!cache.lastListingReused)

        try Self.settle(site)
        ParseCacheTests.loadBoth(site, cache: cache)
        #expect(!cache.lastListingReused, "the folders' stamps changed")
        ParseCacheTests.loadBoth(site, cache: cache)
        #expect(cache.lastListingReused)
        // A file rewritten in place changes no folder.
        let text = try #require(site.read(ParseCacheTests.second))
        try site.write(ParseCacheTests.second, text.replacingOccurrences(of: "percent: 50", with: "percent: 60"))
        let rewritten = ParseCacheTests.loadBoth(site, cache: cache)
        #expect(cache.lastListingReused && cache.lastRead == [ParseCacheTests.second])
        #expect(rewritten.site?.site.reports.last?.updates.first?.percent == 60)

        // A new file, a new folder, a removed file, a new evidence file: each is listed.
        let added = "content/progress/2024-Q3/stp-moi.yml"
        for change in [
            { try site.write(added, text) },
            { try site.write("content/progress/2024-Q4/so-tu-phap.yml", text.replacingOccurrences(of: "2024-09-20", with: "2024-09-21")) },
            { try site.remove(added) },
            { try site.write("content/files/snv/moi.txt", "Mới.\n") },
            { try site.write("content/plans/ghi-chu.txt", "không phải kế hoạch\n") },
        ] as [() throws -> Void] {
            try Self.settle(site)
            ParseCacheTests.loadBoth(site, cache: cache)
            ParseCacheTests.loadBoth(site, cache: cache)
            #expect(cache.lastListingReused)
            try change()
            let changed = ParseCacheTests.loadBoth(site, cache: cache)
            #expect(!cache.lastListingReused)
            #expect(changed.site?.site.files.contains("files/snv/bao-cao.txt") == true)
        }
    }

    @Test func aSymbolicLinkInTheContentIsListedEveryTime() throws {
        let site = try ParseCacheTests.site()
        try FileManager.default.createSymbolicLink(
            atPath: site.url("content/files/snv/lien-ket.txt").path,
            withDestinationPath: site.url("content/files/snv/bao-cao.txt").path)
        try Self.settle(site)
        let cache = ParseCache()
        let first = ParseCacheTests.loadBoth(site, cache: cache)
        #expect(first.site?.site.files.contains("files/snv/lien-ket.txt") == true)
        ParseCacheTests.loadBoth(site, cache: cache)
        ParseCacheTests.loadBoth(site, cache: cache)
        #expect(!cache.lastListingReused)
    }
}
