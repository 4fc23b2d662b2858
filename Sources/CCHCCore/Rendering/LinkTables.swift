/// The `{name, short, href}` of every agency and the `{title, href, plan_number, plan_href}` of
/// every task, made once for each depth of page that links to them.
///
/// A relative link depends only on how deep the linking page is, and at national scale the same
/// agencies and tasks are linked hundreds of thousands of times: each table is made the first
/// time a page of that depth asks, then shared.
final class LinkTables: Sendable {
    /// An immutable table of page values; `[String: Any]` holds only strings here.
    struct Table: @unchecked Sendable {
        let agencies: [AgencyID: [String: Any]]
        let tasks: [TaskID: [String: Any]]
    }

    /// Pages lie at most this deep (`nhiem-vu/<plan>/<task>/index.html` is 3).
    private static let deepest = 3
    private let byDepth: [Once<Table>]

    init(site: Site) {
        byDepth = (0...Self.deepest).map { depth in
            Once {
                let root = String(repeating: "../", count: depth)
                var agencies: [AgencyID: [String: Any]] = [:]
                agencies.reserveCapacity(site.agencies.count)
                for agency in site.agencies { agencies[agency.id] = Self.agency(agency.id, agency, root: root) }
                var tasks: [TaskID: [String: Any]] = [:]
                for plan in site.plans {
                    for task in plan.tasks { tasks[task.id] = Self.task(task.id, task, plan: plan, root: root) }
                }
                return Table(agencies: agencies, tasks: tasks)
            }
        }
    }

    /// `{id, name, short, href}` of an agency (nil when the site has no such agency), linked from a page `root` below the site root.
    static func agency(_ id: AgencyID, _ agency: Agency?, root: String) -> [String: Any] {
        ["id": id.rawValue, "name": agency?.name ?? id.rawValue, "short": agency?.displayShort ?? id.rawValue,
         "href": root + SitePaths.encode(SitePaths.agency(id))]
    }

    /// `{title, href, plan_number, plan_href}` of a task, linked from a page `root` below the site root.
    static func task(_ id: TaskID, _ task: PlanTask?, plan: Plan?, root: String) -> [String: Any] {
        ["title": task?.title ?? id.description, "href": root + SitePaths.encode(SitePaths.task(id)),
         "plan_number": plan?.number ?? id.plan.rawValue, "plan_href": root + SitePaths.encode(SitePaths.plan(id.plan))]
    }

    /// The table for pages at `page`'s depth, or nil for a page deeper than any the site has.
    func table(from page: String) -> Table? {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth < byDepth.count ? byDepth[depth].get() : nil
    }
}
