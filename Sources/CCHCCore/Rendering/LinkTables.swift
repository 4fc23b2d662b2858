/// The `{name, short, href}` of every agency and the `{title, href, plan_number, plan_href}` of
/// every task, made once for each depth of page that links to them.
///
/// A relative link depends only on how deep the linking page is, and at national scale the same
/// agencies and tasks are linked hundreds of thousands of times from the pages two and three
/// folders deep (plans, agencies, indices, pages of updates; tasks). Each table is made the first
/// time a page of its depth asks, then shared; the few pages nearer the root make their links.
final class LinkTables: Sendable {
    /// Agencies or tasks by id, never changed once made.
    struct Table<ID: Hashable & Sendable>: Sendable {
        let entries: [ID: PageMap]
        subscript(id: ID) -> PageMap? { entries[id] }
    }

    /// The depths that have tables: `x/y/index.html` and `x/y/z/index.html`.
    private static let depths = 2...3
    private let agencies: [Once<Table<AgencyID>>]
    private let tasks: [Once<Table<TaskID>>]

    init(site: Site) {
        agencies = Self.depths.map { depth in
            Once {
                let root = String(repeating: "../", count: depth)
                var entries: [AgencyID: PageMap] = [:]
                entries.reserveCapacity(site.agencies.count)
                for agency in site.agencies { entries[agency.id] = Self.agency(agency.id, agency, root: root) }
                return Table(entries: entries)
            }
        }
        tasks = Self.depths.map { depth in
            Once {
                let root = String(repeating: "../", count: depth)
                var entries: [TaskID: PageMap] = [:]
                entries.reserveCapacity(site.taskCount)
                for plan in site.plans {
                    for task in plan.tasks { entries[task.id] = Self.task(task.id, task, plan: plan, root: root) }
                }
                return Table(entries: entries)
            }
        }
    }

    /// `{id, name, short, href}` of an agency (nil when the site has no such agency), linked from a page `root` below the site root.
    static func agency(_ id: AgencyID, _ agency: Agency?, root: String) -> PageMap {
        [
            "id": .text(id.rawValue), "name": .text(agency?.name ?? id.rawValue), "short": .text(agency?.displayShort ?? id.rawValue),
            "href": .text(root + SitePaths.encode(SitePaths.agency(id))),
        ]
    }

    /// `{title, href, plan_number, plan_href}` of a task, linked from a page `root` below the site root.
    static func task(_ id: TaskID, _ task: PlanTask?, plan: Plan?, root: String) -> PageMap {
        [
            "title": .text(task?.title ?? id.description), "href": .text(root + SitePaths.encode(SitePaths.task(id))),
            "plan_number": .text(plan?.number ?? id.plan.rawValue), "plan_href": .text(root + SitePaths.encode(SitePaths.plan(id.plan))),
        ]
    }

    /// The agencies' links for pages at `page`'s depth, if that depth has a table.
    func agencies(from page: String) -> Table<AgencyID>? {
        Self.slot(of: page).map { agencies[$0].get() }
    }

    /// The tasks' links for pages at `page`'s depth, if that depth has a table.
    func tasks(from page: String) -> Table<TaskID>? {
        Self.slot(of: page).map { tasks[$0].get() }
    }

    private static func slot(of page: String) -> Int? {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return depths.contains(depth) ? depth - depths.lowerBound : nil
    }
}
