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
                for agency in site.agencies {
                    agencies[agency.id] = ["id": agency.id.rawValue, "name": agency.name, "short": agency.displayShort,
                                           "href": root + SitePaths.encode(SitePaths.agency(agency.id))]
                }
                var tasks: [TaskID: [String: Any]] = [:]
                for plan in site.plans {
                    let planHref = root + SitePaths.encode(SitePaths.plan(plan.id))
                    for task in plan.tasks {
                        tasks[task.id] = ["title": task.title, "href": root + SitePaths.encode(SitePaths.task(task.id)),
                                          "plan_number": plan.number, "plan_href": planHref]
                    }
                }
                return Table(agencies: agencies, tasks: tasks)
            }
        }
    }

    /// The table for pages at `page`'s depth, or nil for a page deeper than any the site has.
    func table(from page: String) -> Table? {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depth < byDepth.count ? byDepth[depth].get() : nil
    }
}
