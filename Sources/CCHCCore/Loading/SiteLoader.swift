import Foundation

/// A site read, checked and derived: what every command after loading works from.
public struct LoadedSite: Sendable {
    /// The site folder.
    public let root: URL
    /// The content.
    public let site: Site
    /// Lookups over the content.
    public let lookup: SiteLookup
    /// The reporting date used.
    public let asOf: Day
    /// Every derived state and share.
    public let derivation: Derivation
}

/// The outcome of loading: the site when it has no errors, and every diagnostic, sorted.
public struct SiteLoadResult: Sendable {
    /// The loaded site; nil when any error was found.
    public let site: LoadedSite?
    /// Every error and warning, sorted by file and position.
    public let diagnostics: [Diagnostic]
    /// Time spent in each loading stage.
    public var timings = Timings()

    /// The errors only.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warnings only.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a site folder: every file once, in parallel, then the checks across files, then derivation.
///
/// `load` is the list of stages; each is a step of a `LoadPass` (LoadPass.swift), which
/// carries what they share: the diagnostics so far, the timings and the parse cache's contents.
public enum SiteLoader {
    /// Loads the site at `root`; `asOf` (from `--as-of`) overrides every other reporting date.
    ///
    /// With `cache`, a file whose stamp is the one the cache holds is not read again: its parse
    /// result and diagnostics come from the cache, and the cache is brought up to date with this
    /// load. The result is the same as without a cache.
    public static func load(root: URL, asOf override: Day? = nil, cache: ParseCache? = nil) -> SiteLoadResult {
        var pass = LoadPass(root: root, cache: cache)
        let found = pass.findFiles()
        let settings = pass.readSettings(found)
        let agencies = pass.readAgencies(found)
        let content = pass.readContent(found)
        pass.storeInCache()
        guard let settings else { return pass.stopped() }
        let site = assemble(settings: settings, agencies: agencies, content: content, files: found.files)
        let lookup = SiteLookup(site)
        guard let asOf = pass.reportingDate(site, override: override) else { return pass.stopped() }
        return pass.validateAndDerive(site, lookup: lookup, asOf: asOf)
    }

    /// The reporting date rule: `--as-of`, else `as_of`, else the latest `reported`, else the latest `issued`.
    public static func reportingDate(_ site: Site, override: Day?) -> Day? {
        override ?? site.settings.asOf ?? site.reports.filter(\.isComplete).map(\.reported.value).max()
            ?? site.plans.filter(\.isComplete).map(\.issued).max()
    }

    /// The site the files make: the settings, the agencies, what `readContent` read, and the
    /// evidence files with their spellings on disk.
    static func assemble(settings: SiteSettings, agencies: [Agency], content: LoadPass.Content, files: SiteFiles) -> Site {
        Site(
            settings: settings, agencies: agencies, indices: content.indices, plans: content.plans, reports: content.reports,
            files: files.evidence, fileSources: files.diskPaths.filter { $0.key.hasPrefix("files/") })
    }
}
