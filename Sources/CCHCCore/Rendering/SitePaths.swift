import CCHCFormat

/// Where each page lives in the output, and how one page links to another.
///
/// Links between pages are relative and name `index.html` explicitly, so the site works from a
/// sub-folder of the portal, from any static host and straight from the disk. The sitemap and the
/// feed use absolute URLs under `base_url` with folder-style paths.
public enum SitePaths {
    /// The dashboard.
    public static let dashboard = "index.html"
    /// The list of plans.
    public static let plans = "ke-hoach/index.html"
    /// The list of agencies.
    public static let agencies = "co-quan/index.html"
    /// The list of indices.
    public static let indices = "chi-so/index.html"
    /// All updates, newest first.
    public static let updates = "cap-nhat/index.html"
    /// The downloads page.
    public static let data = "du-lieu/index.html"
    /// The not-found page.
    public static let notFound = "404.html"
    /// The stylesheet.
    public static let stylesheet = "assets/style.css"
    /// The Atom feed of updates.
    public static let feed = "feed.xml"
    /// The sitemap.
    public static let sitemap = "sitemap.xml"

    /// Page `number` of the updates (1 is `cap-nhat/index.html`).
    public static func updates(page number: Int) -> String { number <= 1 ? updates : "cap-nhat/trang-\(number)/index.html" }
    /// A plan's page.
    public static func plan(_ id: PlanID) -> String { "ke-hoach/\(id.rawValue)/index.html" }
    /// An agency's page.
    public static func agency(_ id: AgencyID) -> String { "co-quan/\(id.rawValue)/index.html" }
    /// An index's page.
    public static func index(_ id: IndexID) -> String { "chi-so/\(id.rawValue)/index.html" }
    /// What changed in a reporting period: `ky-bao-cao/2024-q3/index.html`.
    public static func period(_ period: Period) -> String { "ky-bao-cao/\(period.description.lowercased())/index.html" }
    /// A period's report as a printable page: `ky-bao-cao/2024-q3/bao-cao/index.html`.
    public static func periodReport(_ period: Period) -> String { "ky-bao-cao/\(period.description.lowercased())/bao-cao/index.html" }
    /// The embed of the overall completion, for an `<iframe>` on another site.
    public static let embedOverview = "nhung/index.html"
    /// A plan's embed.
    public static func embedPlan(_ id: PlanID) -> String { "nhung/ke-hoach/\(id.rawValue)/index.html" }
    /// An agency's embed.
    public static func embedAgency(_ id: AgencyID) -> String { "nhung/co-quan/\(id.rawValue)/index.html" }
    /// An index's embed.
    public static func embedIndex(_ id: IndexID) -> String { "nhung/chi-so/\(id.rawValue)/index.html" }
    /// The completion ring of an embed (`nhung/…/index.html`) as an SVG file beside it, for `<img>`.
    public static func embedRing(ofEmbed embed: String) -> String { String(embed.dropLast("index.html".count)) + "hoan-thanh.svg" }
    /// The score trend of an index's embed as an SVG file beside it, for `<img>`.
    public static func embedScores(_ id: IndexID) -> String { "nhung/chi-so/\(id.rawValue)/diem.svg" }
    /// A task's page.
    public static func task(_ id: TaskID) -> String { "nhiem-vu/\(id.plan.rawValue)/\(id.local)/index.html" }

    /// The prefix that leads from `page` back to the site root: "" or "../../".
    public static func root(of page: String) -> String {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return String(repeating: "../", count: depth)
    }

    /// The relative link from `page` to `target`, with path segments percent-encoded.
    public static func link(from page: String, to target: String) -> String {
        root(of: page) + encode(target)
    }

    /// The absolute folder-style URL of a page (`…/ke-hoach/x/`).
    public static func absolute(_ target: String, base: String) -> String {
        var path = target
        if path == "index.html" { path = "" } else if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        return base + encode(path)
    }

    /// Percent-encodes each path segment (Vietnamese file names, spaces), keeping `/`.
    public static func encode(_ path: String) -> String {
        func safe(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                return true
            default:
                return false
            }
        }
        // Site paths are slugs: nearly always there is nothing to encode.
        guard !path.utf8.allSatisfy(safe) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count * 3)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            if safe(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension NumberText {
    /// A score with at most two decimals: 85,95; 88.
    func score(_ x: Double) -> String { trimmed(x, digits: 2) }
    /// A share as a percentage with one decimal, "–" when there is none: 84,5%.
    func percent(_ share: Double?) -> String { share.map { percent($0, digits: 1) } ?? "–" }
    /// A date: dd/mm/yyyy (both languages; the portal's readers are Vietnamese).
    func date(_ day: Day) -> String { day.vietnamese }
    /// A rank: 28/63.
    func rank(_ rank: Int, of: Int?) -> String { of.map { "\(rank)/\($0)" } ?? "\(rank)" }
}
