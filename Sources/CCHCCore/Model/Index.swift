/// An index (PAR Index, SIPAS, PAPI, PCI, DTI …) from `content/indices/<id>.yml`.
public struct IndexDefinition: Sendable, Hashable, Identifiable {
    /// The index id: the file name.
    public var id: IndexID
    /// Its full name.
    public var name: String
    /// Its short name, e.g. "PAR Index".
    public var short: String
    /// Who publishes it.
    public var publisher: String?
    /// The top of the score scale.
    public var max: Double
    /// `điểm` or `%`, if given.
    public var unit: String?
    /// Whether a higher score is better (default true).
    public var higherIsBetter: Bool
    /// The areas, in order.
    public var areas: [IndexArea]
    /// Published results, ordered by year.
    public var results: [IndexResult]
    /// The province's targets, ordered by year.
    public var targets: [IndexTarget]
    /// The file's path.
    public var location: SourceLocation
    /// False when a required key was missing or bad; references to it raise no second error.
    public var isComplete: Bool = true

    /// The area with an id.
    public func area(_ id: String) -> IndexArea? { areas.first { $0.id == id } }

    /// The area holding a criterion code, with the criterion.
    public func criterion(_ code: String) -> (area: IndexArea, criterion: Criterion)? {
        for area in areas {
            if let criterion = area.criteria.first(where: { $0.code == code }) { return (area, criterion) }
        }
        return nil
    }
}

/// An area of an index (lĩnh vực, yếu tố, nội dung, chỉ số thành phần).
public struct IndexArea: Sendable, Hashable, Identifiable {
    /// Its id, unique within the index.
    public var id: String
    /// Its name.
    public var name: String
    /// The area's top score.
    public var max: Double?
    /// `lead` as written, where it was written: the agency that answers for the area.
    public var leadReference: Located<AgencyID>?
    /// Its criteria (TC, TCTP).
    public var criteria: [Criterion]
    /// Where the area's entry starts.
    public var location: SourceLocation

    /// The agency that answers for the area (the id of `leadReference`).
    public var lead: AgencyID? { leadReference?.value }
}

/// A criterion (tiêu chí, tiêu chí thành phần) of an area.
public struct Criterion: Sendable, Hashable {
    /// Its code, e.g. "1.1", unique within the index.
    public var code: String
    /// Its name.
    public var name: String
    /// Its top score.
    public var max: Double?
    /// Where the criterion's entry starts.
    public var location: SourceLocation
}

/// A published result of one year.
public struct IndexResult: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The score.
    public var score: Double?
    /// The rank.
    public var rank: Int?
    /// How many were ranked.
    public var of: Int?
    /// Scores per area id, in the file's order.
    public var areas: [String: Double]
    /// Scores per criterion code.
    public var criteria: [String: Double]
    /// Where the entry starts.
    public var location: SourceLocation
}

/// A target the province aims for in one year.
public struct IndexTarget: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The target score.
    public var score: Double?
    /// The target rank.
    public var rank: Int?
    /// Out of how many, if given.
    public var of: Int?
    /// Targets per area id.
    public var areas: [String: Double]
    /// Targets per criterion code.
    public var criteria: [String: Double]
    /// Where the entry starts.
    public var location: SourceLocation
}
