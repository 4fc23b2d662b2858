import Foundation

/// Reads `content/indices/<id>.yml`.
enum IndexLoader {
    static let keys = ["name", "short", "publisher", "max", "unit", "higher_is_better", "areas", "results", "targets"]
    static let areaKeys = ["id", "name", "max", "lead", "criteria"]
    static let criterionKeys = ["code", "name", "max"]
    static let resultKeys = ["year", "score", "rank", "of", "areas", "criteria"]
    static let targetKeys = ["year", "score", "rank", "of", "areas", "criteria"]
    static let years = 1900...2200

    /// The index defined by one file, or nil with errors recorded.
    static func load(text: String, path: String, log: inout DiagnosticLog) -> IndexDefinition? {
        let fileID = (path as NSString).lastPathComponent.replacingOccurrences(of: ".yml", with: "")
        let fileLocation = SourceLocation(path: path)
        var idOK = true
        if !Slug.isValidID(fileID) {
            log.error(
                fileLocation,
                "the file name `\(fileID).yml` is not a valid index id: rename it to lowercase ASCII letters, digits and `-`"
                    + (Slug.make(fileID).isEmpty ? "" : ", for example `\(Slug.make(fileID)).yml`"))
            idOK = false
        }
        let yaml = YAMLReader(path: path, lineOffset: 0)
        guard let root = yaml.parse(text, log: &log) else { return nil }
        if case .scalar(let scalar) = root, scalar.string.isEmpty {
            log.error(fileLocation, "the file is empty; an index needs at least `name`, `short` and `max`")
            return nil
        }
        guard let map = MappingReader(root, yaml: yaml, allowed: keys, context: "index `\(fileID)`", log: &log) else { return nil }
        let name = map.string("name", required: true, log: &log)
        let short = map.string("short", required: true, log: &log)
        let maximum = map.number("max", required: true, range: 0.000001...1_000_000, log: &log)
        var unit: String?
        if let text = map.string("unit", log: &log) {
            if text.value == "điểm" || text.value == "%" {
                unit = text.value
            } else {
                log.error(text.location, "`unit` must be `điểm` or `\"%\"` (quoted), found `\(text.value)`")
            }
        }
        let higher = map.boolean("higher_is_better", log: &log)

        var areas: [IndexArea] = []
        var areaIDs: [String: SourceLocation] = [:]
        var codes: [String: SourceLocation] = [:]
        for item in map.list("areas", log: &log) ?? [] {
            guard let area = MappingReader(item, yaml: yaml, allowed: areaKeys, context: "an area", log: &log) else { continue }
            let id = area.id("id", required: true, kind: "area id", log: &log)
            let areaName = area.string("name", required: true, log: &log)
            let areaMax = area.number("max", range: 0...1_000_000, log: &log)
            let lead = area.id("lead", kind: "agency id", log: &log)
            var criteria: [Criterion] = []
            for node in area.list("criteria", log: &log) ?? [] {
                guard let criterion = MappingReader(node, yaml: yaml, allowed: criterionKeys, context: "a criterion", log: &log) else { continue }
                let code = criterion.string("code", required: true, log: &log)
                let criterionName = criterion.string("name", required: true, log: &log)
                let criterionMax = criterion.number("max", range: 0...1_000_000, log: &log)
                guard let code, let criterionName else { continue }
                if let first = codes[code.value] {
                    log.error(code.location, "duplicate criterion code `\(code.value)` (first at line \(first.line)); codes are unique within an index")
                    continue
                }
                codes[code.value] = code.location
                criteria.append(Criterion(code: code.value, name: criterionName.value, max: criterionMax?.value, location: criterion.location))
            }
            guard let id, let areaName else { continue }
            if let first = areaIDs[id.value] {
                log.error(id.location, "duplicate area id `\(id.value)` (first at line \(first.line)); give each area its own id")
                continue
            }
            areaIDs[id.value] = id.location
            areas.append(
                IndexArea(
                    id: id.value, name: areaName.value, max: areaMax?.value, leadReference: lead.map { Located(AgencyID($0.value), $0.location) },
                    criteria: criteria, location: area.location))
        }

        var results: [IndexResult] = []
        var resultYears: [Int: SourceLocation] = [:]
        for item in map.list("results", log: &log) ?? [] {
            guard let entry = MappingReader(item, yaml: yaml, allowed: resultKeys, context: "a result", log: &log) else { continue }
            let year = entry.integer("year", required: true, range: years, log: &log)
            let score = entry.number("score", required: true, range: 0...1_000_000, log: &log)
            let rank = entry.integer("rank", range: 1...10_000, log: &log)
            let of = entry.integer("of", range: 1...10_000, log: &log)
            if entry.has("rank") && !entry.has("of") {
                entry.missing("of", log: &log, hint: "a rank needs `of`, how many were ranked (e.g. `of: 63`)")
            }
            if let rank, let of, rank.value > of.value {
                log.error(rank.location, "rank \(rank.value) is larger than `of: \(of.value)`; check both numbers")
            }
            let areaScores = entry.numberMap("areas", range: 0...1_000_000, log: &log) ?? []
            let criterionScores = entry.numberMap("criteria", range: 0...1_000_000, log: &log) ?? []
            guard let year else { continue }
            if let first = resultYears[year.value] {
                log.error(year.location, "a second result for \(year.value) (first at line \(first.line)); keep one result per year")
                continue
            }
            resultYears[year.value] = year.location
            results.append(
                IndexResult(
                    year: year.value, score: score?.value, rank: rank?.value, of: of?.value,
                    areas: Dictionary(areaScores.map { ($0.key.value, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    criteria: Dictionary(criterionScores.map { ($0.key.value, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    location: entry.location))
            checkKeys(areaScores.map(\.key), criterionScores.map(\.key), areas: areas, codes: codes, log: &log)
            if let maximum, let score, score.value > maximum.value {
                log.warning(
                    score.location,
                    "score \(PlainNumber.format(score.value)) is above the index's `max: \(PlainNumber.format(maximum.value))`; check the figure or the maximum"
                )
            }
            checkAreaScores(areaScores, areas: areas, log: &log)
        }

        var targets: [IndexTarget] = []
        var targetYears: [Int: SourceLocation] = [:]
        for item in map.list("targets", log: &log) ?? [] {
            guard let entry = MappingReader(item, yaml: yaml, allowed: targetKeys, context: "a target", log: &log) else { continue }
            let year = entry.integer("year", required: true, range: years, log: &log)
            let score = entry.number("score", range: 0...1_000_000, log: &log)
            let rank = entry.integer("rank", range: 1...10_000, log: &log)
            let of = entry.integer("of", range: 1...10_000, log: &log)
            let areaScores = entry.numberMap("areas", range: 0...1_000_000, log: &log) ?? []
            let criterionScores = entry.numberMap("criteria", range: 0...1_000_000, log: &log) ?? []
            guard let year else { continue }
            if let first = targetYears[year.value] {
                log.error(year.location, "a second target for \(year.value) (first at line \(first.line)); keep one target per year")
                continue
            }
            targetYears[year.value] = year.location
            checkKeys(areaScores.map(\.key), criterionScores.map(\.key), areas: areas, codes: codes, log: &log)
            targets.append(
                IndexTarget(
                    year: year.value, score: score?.value, rank: rank?.value, of: of?.value,
                    areas: Dictionary(areaScores.map { ($0.key.value, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    criteria: Dictionary(criterionScores.map { ($0.key.value, $0.value) }, uniquingKeysWith: { a, _ in a }),
                    location: entry.location))
        }

        guard idOK else { return nil }
        return IndexDefinition(
            id: IndexID(fileID), name: name?.value ?? fileID, short: short?.value ?? fileID,
            publisher: map.string("publisher", log: &log)?.value, max: maximum?.value ?? 100, unit: unit, higherIsBetter: higher?.value ?? true, areas: areas,
            results: results.sorted { $0.year < $1.year }, targets: targets.sorted { $0.year < $1.year },
            location: fileLocation, isComplete: name != nil && short != nil && maximum != nil)
    }

    /// Checks that per-area and per-criterion keys name areas and criteria of this index.
    static func checkKeys(
        _ areaKeys: [Located<String>], _ codeKeys: [Located<String>], areas: [IndexArea],
        codes: [String: SourceLocation], log: inout DiagnosticLog
    ) {
        let ids = areas.map(\.id)
        for key in areaKeys where !ids.contains(key.value) {
            var message = "unknown area `\(key.value)`"
            if let near = Suggestion.nearest(to: key.value, in: ids) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; it must be the id of one of this index's areas"
            }
            log.error(key.location, message)
        }
        for key in codeKeys where codes[key.value] == nil {
            log.error(key.location, "unknown criterion `\(key.value)`; it must be the `code` of one of this index's criteria")
        }
    }

    /// Warns about area scores above the area's maximum.
    static func checkAreaScores(_ scores: [(key: Located<String>, value: Double)], areas: [IndexArea], log: inout DiagnosticLog) {
        for (key, value) in scores {
            if let area = areas.first(where: { $0.id == key.value }), let max = area.max, value > max {
                log.warning(
                    key.location,
                    "area `\(key.value)` scores \(PlainNumber.format(value)), above its `max: \(PlainNumber.format(max))`; check the figure or the maximum")
            }
        }
    }
}
