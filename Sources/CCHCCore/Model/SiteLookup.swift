/// Dictionaries over a loaded site, built once, so validation, derivation and pages never search lists.
public struct SiteLookup: Sendable {
    /// Agencies by id.
    public let agencies: [AgencyID: Agency]
    /// Each agency's position in `agencies.yml`, for display order.
    public let agencyOrder: [AgencyID: Int]
    /// The agencies of each kind, in file order.
    public let agenciesOfKind: [AgencyKind: [AgencyID]]
    /// Indices by id.
    public let indices: [IndexID: IndexDefinition]
    /// Plans by id.
    public let plans: [PlanID: Plan]
    /// Tasks by full id, with their plan's issue date.
    public let tasks: [TaskID: PlanTask]
    /// The plans that name each plan as their parent, in plan order.
    public let children: [PlanID: [PlanID]]
    /// The agencies that name each agency as their `replaced_by`, in file order.
    public let predecessors: [AgencyID: [AgencyID]]

    /// Builds the lookups of `site`.
    public init(_ site: Site) {
        var agencies: [AgencyID: Agency] = [:], order: [AgencyID: Int] = [:], kinds: [AgencyKind: [AgencyID]] = [:]
        for (position, agency) in site.agencies.enumerated() where agencies[agency.id] == nil {
            agencies[agency.id] = agency
            order[agency.id] = position
            if agency.isComplete { kinds[agency.kind, default: []].append(agency.id) }
        }
        var predecessors: [AgencyID: [AgencyID]] = [:]
        for agency in site.agencies {
            if let next = agency.replacedBy { predecessors[next, default: []].append(agency.id) }
        }
        self.predecessors = predecessors
        self.agencies = agencies
        self.agencyOrder = order
        self.agenciesOfKind = kinds
        self.indices = Dictionary(site.indices.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.plans = Dictionary(site.plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tasks: [TaskID: PlanTask] = [:]
        tasks.reserveCapacity(site.taskCount)
        var children: [PlanID: [PlanID]] = [:]
        for plan in site.plans {
            for task in plan.tasks { tasks[task.id] = task }
            if let parent = plan.parent { children[parent.value, default: []].append(plan.id) }
        }
        self.tasks = tasks
        self.children = children
    }

    /// The agencies a list of references stands for, without repeats, in the order written.
    public func expand(_ references: [Located<AgencyReference>]) -> [AgencyID] {
        // One reference, the usual case, needs no de-duplication: a kind's list has each agency once.
        if references.count == 1 {
            switch references[0].value {
            case .agency(let id): return agencies[id] == nil ? [] : [id]
            case .kind(let kind): return agenciesOfKind[kind] ?? []
            }
        }
        var out: [AgencyID] = []
        // A few agencies are told apart by looking through them; a set is made once there are many.
        var seen: Set<AgencyID>?
        func add(_ id: AgencyID) {
            if seen == nil, out.count < 16 {
                if !out.contains(id) { out.append(id) }
                return
            }
            if seen == nil { seen = Set(out) }
            if seen?.insert(id).inserted == true { out.append(id) }
        }
        for reference in references {
            switch reference.value {
            case .agency(let id):
                if agencies[id] != nil { add(id) }
            case .kind(let kind):
                for id in agenciesOfKind[kind] ?? [] { add(id) }
            }
        }
        return out
    }
}
