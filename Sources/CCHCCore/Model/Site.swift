import CCHCFormat
import Foundation

/// The settings in `site.yml`.
public struct SiteSettings: Sendable, Hashable {
    /// The site's title.
    public var title: String
    /// The province the site reports on.
    public var province: String
    /// The absolute URL of the published site root, always ending in `/`.
    public var baseURL: String
    /// The language of the site's own words.
    public var language: SiteLanguage
    /// The reporting date set in the file, if any.
    public var asOf: Day?
    /// One paragraph about the site.
    public var description: String?
    /// Whether raw HTML in plan text and notes is passed through.
    public var unsafeHTML: Bool
    /// An optional banner shown on every page (a project addition to the spec), e.g. "Dữ liệu minh họa".
    public var notice: String?
    /// How often agencies report (a project addition, `reporting:`; default quarter): the length of
    /// the period whose changes the period pages and the period report show.
    public var reporting: PeriodKind = .quarter
}

/// The kinds of agency the spec knows.
public enum AgencyKind: String, Sendable, Hashable, CaseIterable {
    case province, department, district, commune, central, organisation
}

/// An agency (cơ quan, đơn vị) from `content/agencies.yml`.
public struct Agency: Sendable, Hashable, Identifiable {
    /// Its id.
    public var id: AgencyID
    /// Its full name.
    public var name: String
    /// Its short name, if given.
    public var short: String?
    /// Its kind.
    public var kind: AgencyKind
    /// Other names met in documents.
    public var aliases: [String]
    /// `replaced_by` as written, where it was written: the agency that carries on its work after a
    /// merger or rename.
    public var replacedByReference: Located<AgencyID>?
    /// Where the agency's entry starts.
    public var location: SourceLocation
    /// False when a required key was missing or bad: the agency is known, so references to it
    /// raise no second error, but it belongs to no `kind:` group.
    public var isComplete: Bool = true

    /// The short name when there is one, else the full name.
    public var displayShort: String { short ?? name }

    /// The agency that carries on its work after a merger or rename (the id of `replacedByReference`).
    public var replacedBy: AgencyID? { replacedByReference?.value }
}

/// A reference to agencies: one agency, or every agency of a kind.
public enum AgencyReference: Sendable, Hashable, CustomStringConvertible {
    case agency(AgencyID)
    case kind(AgencyKind)

    /// The text as written: an id or `kind:<kind>`.
    public var description: String {
        switch self {
        case .agency(let id): return id.rawValue
        case .kind(let kind): return "kind:\(kind.rawValue)"
        }
    }
}

/// A value with the place in the source it came from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var location: SourceLocation

    /// Pairs a value with its location.
    public init(_ value: Value, _ location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// Everything read from a site folder.
public struct Site: Sendable {
    /// `site.yml`.
    public var settings: SiteSettings
    /// The agencies in display order.
    public var agencies: [Agency]
    /// The indices, ordered by file name.
    public var indices: [IndexDefinition]
    /// The plans, ordered by file name.
    public var plans: [Plan]
    /// How many tasks the plans set, for tables keyed by task to reserve their room.
    var taskCount: Int { plans.reduce(0) { $0 + $1.tasks.count } }
    /// The progress reports, ordered by path.
    public var reports: [ProgressReport]
    /// The files under `content/files/`, as paths relative to `content/` (`files/x.pdf`), in NFC.
    public var files: [String]
    /// The on-disk spelling (relative to `content/`) of the files whose names are not NFC on disk.
    public var fileSources: [String: String] = [:]

    /// The on-disk URL of an evidence file, for copying.
    public func source(ofFile path: String, root: URL) -> URL {
        root.appendingPathComponent("content").appendingPathComponent(fileSources[path] ?? path)
    }
}
