import Foundation
import Synchronization

/// The parse results of a site's files, kept from one load to the next (`cchc serve`), so a file
/// whose ``FileStamp`` has not changed is neither read nor parsed again.
///
/// Only what one file gives is kept: the parsed value and the diagnostics found while reading it;
/// a file changed in the last seconds is read again next time (two saves within one tick of the
/// file system's clock can leave the same stamp).
/// Everything across files (validation, derivation) runs again on every load, so a load through
/// the cache gives exactly what a load without it gives. Pass the same cache to successive loads
/// of one site folder; a load keeps the entries of the files it found and drops the others. A
/// load works on a copy of the entries and stores the new ones at its end.
public final class ParseCache: Sendable {
    /// What one file gave when it was last read.
    struct Entry: Sendable {
        var stamp: FileStamp
        var parsed: ParsedFile
        var diagnostics: [Diagnostic]
    }

    /// The parsed value of one file, by kind; nil when the file did not parse.
    enum ParsedFile: Sendable {
        case settings(SiteSettings?)
        case agencies([Agency])
        case index(IndexDefinition?)
        case plan(Plan?)
        case report(ProgressReport?)
    }

    /// The entries and the evidence files the reports among them were checked against.
    struct Contents: Sendable {
        var entries: [String: Entry] = [:]
        var evidence: [String] = []
        /// The last listing of the site's files, with the stamps of the folders it walked.
        var listing: (folders: FolderStamps, files: SiteFiles)?
    }

    /// What the cache holds, and what the last load did with it.
    private struct State {
        var contents = Contents()
        var read: [String] = []
        var reused = false
    }

    private let state = Mutex(State())

    /// An empty cache.
    public init() {}

    /// The site-relative paths that the last load read and parsed (the others came from the cache), sorted.
    public var lastRead: [String] { state.withLock { $0.read } }

    /// The site-relative paths of the files the cache holds, sorted.
    public var paths: [String] { state.withLock { $0.contents.entries.keys.sorted() } }

    /// Whether the last load took the listing of the site's files from the cache.
    var lastListingReused: Bool { state.withLock { $0.reused } }

    /// A copy of what the cache holds, for one load to work from.
    func snapshot() -> Contents { state.withLock { $0.contents } }

    /// Replaces the whole cache with what one load found.
    func replace(with new: Contents, read paths: [String], listingReused: Bool) {
        let sorted = paths.sorted()
        state.withLock { state in
            state.contents = new
            state.read = sorted
            state.reused = listingReused
        }
    }
}

extension ParseCache.Entry {
    /// Whether a report read against the evidence files `old` still reads the same now that
    /// `removed` are gone (and perhaps others were added).
    ///
    /// The evidence files matter to a report only where it links one: a linked file that exists
    /// becomes part of the report (`Evidence.url`), a missing one is a diagnostic. So a report
    /// without diagnostics is unaffected by added files, and by removed ones it does not link; a
    /// report with any diagnostic, or that did not parse, is read again.
    func survives(removedEvidence removed: Set<String>) -> Bool {
        guard case .report(let report?) = parsed, diagnostics.isEmpty else { return false }
        if removed.isEmpty { return true }
        return !report.updates.contains { update in update.evidence.contains { $0.isLocalFile && removed.contains($0.url) } }
    }
}
