import CCHCFormat
import Foundation

/// A download under `du-lieu/`: where it goes and what it holds (its bytes come from ``DataFiles``).
struct DataFile: Sendable {
    /// The output path.
    var path: String
    /// The file name shown.
    var name: String { (path as NSString).lastPathComponent }
    /// CSV or JSON.
    var format: String
    /// What it holds, in the site's words.
    var description: KeyPath<Words, String> & Sendable
}

/// The CSV and JSON downloads: tasks with their states, index results, agency completion.
///
/// CSV is UTF-8 with a byte-order mark and CRLF line ends, so Excel opens Vietnamese correctly.
/// Numbers in downloads use a dot and full precision (PAPI keeps four decimals), for machines.
/// The downloads come in three groups, a CSV and a JSON file each, made in one pass over the site.
enum DataFiles {
    /// What each group of downloads is about.
    enum Group: Int, CaseIterable, Sendable {
        case tasks, indices, agencies
    }

    /// The tasks download, which pages with a shortened list of tasks link to.
    static let tasksCSV = "du-lieu/nhiem-vu.csv"

    /// Every download, in the order the data page lists them: each group's CSV, then its JSON.
    static let catalog: [DataFile] = [
        DataFile(path: tasksCSV, format: "CSV", description: \.downloadTasksCSV),
        DataFile(path: "du-lieu/nhiem-vu.json", format: "JSON", description: \.downloadTasksJSON),
        DataFile(path: "du-lieu/chi-so.csv", format: "CSV", description: \.downloadIndicesCSV),
        DataFile(path: "du-lieu/chi-so.json", format: "JSON", description: \.downloadIndicesJSON),
        DataFile(path: "du-lieu/co-quan.csv", format: "CSV", description: \.downloadAgenciesCSV),
        DataFile(path: "du-lieu/co-quan.json", format: "JSON", description: \.downloadAgenciesJSON),
    ]

    /// The group of the download at `catalog[position]`, and whether it is the group's JSON file.
    static func group(of position: Int) -> (group: Group, isJSON: Bool) {
        (Group(rawValue: position / 2) ?? .tasks, position % 2 == 1)
    }

    /// The bytes of every download, in `catalog` order.
    static func make(_ loaded: LoadedSite, words: Words) -> [[UInt8]] {
        Group.allCases.flatMap { group -> [[UInt8]] in
            let (csv, json) = make(group, loaded, words: words)
            return [csv, json]
        }
    }

    /// The CSV and JSON bytes of one group.
    static func make(_ group: Group, _ loaded: LoadedSite, words: Words) -> (csv: [UInt8], json: [UInt8]) {
        func document(_ name: String, _ entries: [JSONValue]) -> JSONValue {
            ["as_of": .string(loaded.asOf.iso), "generator": .string("cchc \(cchcVersion)"), name: .list(entries)]
        }
        switch group {
        case .tasks:
            // The largest download: its CSV and its JSON are written side by side.
            let (rows, entries) = tasks(loaded, words: words)
            let whole = document("tasks", entries)
            let both = ConcurrentMap.run(2) { $0 == 0 ? csv(rows) : json(whole) }
            return (both[0], both[1])
        case .indices:
            let (rows, entries) = indices(loaded)
            return (csv(rows), json(document("indices", entries)))
        case .agencies:
            let (rows, entries) = agencies(loaded)
            return (csv(rows), json(document("agencies", entries)))
        }
    }

    /// Tasks: one row per (task, lead agency, occurrence).
    static func tasks(_ loaded: LoadedSite, words: Words) -> (rows: [[String]], json: [JSONValue]) {
        let site = loaded.site, lookup = loaded.lookup, derivation = loaded.derivation
        var taskRows: [[String]] = [
            [
                "plan_id", "plan_number", "task_id", "task_title", "agency_id", "agency_name", "period", "due", "state", "state_label", "percent", "completed",
                "reported", "index",
            ]
        ]
        var taskJSON: [JSONValue] = []
        for plan in site.plans {
            for task in plan.tasks {
                let derived = derivation.tasks[task.id]!
                // What the task serves, as written in the plan: "par-index par-index/ci-1 par-index#1.2".
                let references = task.index.map(\.value.description).joined(separator: " ")
                var pairs: [JSONValue] = []
                for pair in derived.pairs {
                    let update = pair.latest.map { site.reports[$0.report].updates[$0.update] }
                    let reported = pair.latest.map { site.reports[$0.report].reported.value.iso }
                    taskRows.append([
                        plan.id.rawValue, plan.number, task.id.local, task.title, pair.agency.rawValue,
                        lookup.agencies[pair.agency]?.name ?? "", pair.occurrence.period?.description ?? "",
                        pair.occurrence.due?.iso ?? "", pair.state.rawValue, words.state(pair.state),
                        update?.percent.map(number) ?? "", update?.completed?.iso ?? "", reported ?? "", references,
                    ])
                    var entry: JSONValue.Object = ["agency": .string(pair.agency.rawValue), "state": .string(pair.state.rawValue)]
                    if let period = pair.occurrence.period { entry["period"] = .string(period.description) }
                    if let due = pair.occurrence.due { entry["due"] = .string(due.iso) }
                    if let percent = update?.percent { entry["percent"] = .double(percent) }
                    if let completed = update?.completed { entry["completed"] = .string(completed.iso) }
                    if let reported { entry["reported"] = .string(reported) }
                    pairs.append(.object(entry))
                }
                var entry: JSONValue.Object = [
                    "id": .string(task.id.description), "plan": .string(plan.id.rawValue), "plan_number": .string(plan.number),
                    "title": .string(task.title), "lead": .strings(derived.leads.map(\.rawValue)),
                    "support": .strings(derived.supports.map(\.rawValue)), "index": .strings(task.index.map(\.value.description)),
                    "pairs": .list(pairs), "done": .int(derived.completion.done), "total": .int(derived.completion.total),
                ]
                if let share = derived.completion.share { entry["completion"] = .double(share) }
                if let every = task.every { entry["every"] = .string(every.rawValue) }
                if let due = task.due { entry["due"] = .string(due.description) }
                if let target = task.target { entry["target"] = .string(target) }
                taskJSON.append(.object(entry))
            }
        }
        return (taskRows, taskJSON)
    }

    /// Index results and targets.
    static func indices(_ loaded: LoadedSite) -> (rows: [[String]], json: [JSONValue]) {
        let site = loaded.site, derivation = loaded.derivation
        var indexRows: [[String]] = [["index_id", "index_short", "kind", "year", "score", "rank", "of", "area_or_criterion", "value"]]
        var indexJSON: [JSONValue] = []
        for index in site.indices {
            func rows(_ kind: String, _ year: Int, _ score: Double?, _ rank: Int?, _ of: Int?, _ areas: [String: Double], _ criteria: [String: Double]) {
                indexRows.append([
                    index.id.rawValue, index.short, kind, String(year), score.map(number) ?? "", rank.map(String.init) ?? "", of.map(String.init) ?? "", "", "",
                ])
                for area in index.areas {
                    if let value = areas[area.id] {
                        indexRows.append([index.id.rawValue, index.short, kind, String(year), "", "", "", area.id, number(value)])
                    }
                    for criterion in area.criteria {
                        if let value = criteria[criterion.code] {
                            indexRows.append([index.id.rawValue, index.short, kind, String(year), "", "", "", "#" + criterion.code, number(value)])
                        }
                    }
                }
            }
            for r in index.results { rows("result", r.year, r.score, r.rank, r.of, r.areas, r.criteria) }
            for t in index.targets { rows("target", t.year, t.score, t.rank, t.of, t.areas, t.criteria) }
            func numbers(_ values: [String: Double]) -> JSONValue { .object(JSONValue.Object(values.map { ($0.key, .double($0.value)) })) }
            func json(_ year: Int, _ score: Double?, _ rank: Int?, _ of: Int?, _ areas: [String: Double], _ criteria: [String: Double]) -> JSONValue {
                var out: JSONValue.Object = ["year": .int(year), "areas": numbers(areas), "criteria": numbers(criteria)]
                if let score { out["score"] = .double(score) }
                if let rank { out["rank"] = .int(rank) }
                if let of { out["of"] = .int(of) }
                return .object(out)
            }
            var entry: JSONValue.Object = [
                "id": .string(index.id.rawValue), "name": .string(index.name), "short": .string(index.short), "max": .double(index.max),
                "higher_is_better": .bool(index.higherIsBetter),
                "areas": .list(
                    index.areas.map { area -> JSONValue in
                        var a: JSONValue.Object = [
                            "id": .string(area.id), "name": .string(area.name),
                            "criteria": .list(
                                area.criteria.map { c -> JSONValue in
                                    var out: JSONValue.Object = ["code": .string(c.code), "name": .string(c.name)]
                                    if let max = c.max { out["max"] = .double(max) }
                                    return .object(out)
                                }),
                        ]
                        if let max = area.max { a["max"] = .double(max) }
                        if let lead = area.lead { a["lead"] = .string(lead.rawValue) }
                        return .object(a)
                    }),
                "results": .list(index.results.map { json($0.year, $0.score, $0.rank, $0.of, $0.areas, $0.criteria) }),
                "targets": .list(index.targets.map { json($0.year, $0.score, $0.rank, $0.of, $0.areas, $0.criteria) }),
            ]
            if let unit = index.unit { entry["unit"] = .string(unit) }
            if let share = derivation.indices[index.id]?.share { entry["task_completion"] = .double(share) }
            indexJSON.append(.object(entry))
        }
        return (indexRows, indexJSON)
    }

    /// Agencies: pairs, done, overdue and completion of each.
    static func agencies(_ loaded: LoadedSite) -> (rows: [[String]], json: [JSONValue]) {
        let site = loaded.site, derivation = loaded.derivation
        var agencyRows: [[String]] = [["agency_id", "name", "short", "kind", "pairs", "done", "overdue", "completion"]]
        var agencyJSON: [JSONValue] = []
        for agency in site.agencies {
            let c = derivation.agencies[agency.id] ?? Completion()
            agencyRows.append([
                agency.id.rawValue, agency.name, agency.short ?? "", agency.kind.rawValue, String(c.total), String(c.done),
                String(c.count(.overdue)), c.share.map { number(($0 * 10000).rounded() / 10000) } ?? "",
            ])
            var entry: JSONValue.Object = [
                "id": .string(agency.id.rawValue), "name": .string(agency.name), "kind": .string(agency.kind.rawValue),
                "pairs": .int(c.total), "done": .int(c.done),
                "states": .object(JSONValue.Object(TaskState.allCases.map { ($0.rawValue, .int(c.count($0))) })),
            ]
            if let short = agency.short { entry["short"] = .string(short) }
            if let share = c.share { entry["completion"] = .double(share) }
            if let next = agency.replacedBy { entry["replaced_by"] = .string(next.rawValue) }
            agencyJSON.append(.object(entry))
        }
        return (agencyRows, agencyJSON)
    }

    /// A number for machines: dot decimal, no grouping, shortest form.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    /// RFC 4180 CSV with a UTF-8 byte-order mark.
    static func csv(_ rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(1 << 16)
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                    out.append(UInt8(ascii: "\""))
                    for byte in field.utf8 {
                        if byte == UInt8(ascii: "\"") { out.append(byte) }
                        out.append(byte)
                    }
                    out.append(UInt8(ascii: "\""))
                } else {
                    out.append(contentsOf: field.utf8)
                }
            }
            out.append(0x0D)
            out.append(0x0A)
        }
        return out
    }

    /// Pretty JSON with sorted keys, so downloads are byte-identical between builds.
    ///
    /// Written here rather than with JSONSerialization, which was a tenth of a national-scale build
    /// and prints some decimals with binary noise (85.950000000000003).
    static func json(_ object: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        JSONText.write(object, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }
}

/// A value of a JSON download, typed, so the writer switches on its case rather than casting.
enum JSONValue: Sendable, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    /// Written as `DataFiles.number` writes it: whole numbers without a decimal point.
    case double(Double)
    case bool(Bool)
    case list([JSONValue])
    case object(Object)

    /// A list of texts.
    static func strings(_ texts: [String]) -> JSONValue { .list(texts.map(JSONValue.string)) }

    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(Object(elements)) }

    /// An object's members in the order they were set; the writer sorts them by key.
    ///
    /// The members are kept in the order they are written in, their keys' UTF-8 byte order: sorted
    /// once when made and kept so as keys are added, so writing an object never sorts it.
    struct Object: Sendable, ExpressibleByDictionaryLiteral {
        private(set) var members: [(String, JSONValue)]

        init(_ members: [(String, JSONValue)]) {
            self.members = members
            self.members.sort { $0.0.utf8Precedes($1.0) }
        }

        init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

        /// Sets `key` (replacing an earlier value of it).
        subscript(key: String) -> JSONValue? {
            get { members.first { $0.0 == key }?.1 }
            set {
                let index = members.firstIndex { $0.0 == key }
                switch (index, newValue) {
                case let (index?, value?): members[index].1 = value
                case let (index?, nil): members.remove(at: index)
                case let (nil, value?):
                    // After the last key that sorts before it or equal (there is none equal).
                    let position = members.lastIndex { !key.utf8Precedes($0.0) }.map { $0 + 1 } ?? 0
                    members.insert((key, value), at: position)
                case (nil, nil): break
                }
            }
        }
    }
}

/// A small JSON writer for the downloads: objects with sorted keys, two-space indentation.
enum JSONText {
    static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let text): string(text, into: &out)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: DataFiles.number(number).utf8)
        case .list(let list):
            if list.isEmpty {
                out.append(contentsOf: [0x5B, 0x5D])
                return
            }
            out.append(0x5B)
            for (i, item) in list.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(0x0A)
                pad(indent + 2, &out)
                write(item, indent: indent + 2, into: &out)
            }
            out.append(0x0A)
            pad(indent, &out)
            out.append(0x5D)
        case .object(let object):
            if object.members.isEmpty {
                out.append(contentsOf: [0x7B, 0x7D])
                return
            }
            out.append(0x7B)
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(0x0A)
                pad(indent + 2, &out)
                string(member.0, into: &out)
                out.append(0x20)
                out.append(0x3A)
                out.append(0x20)
                write(member.1, indent: indent + 2, into: &out)
            }
            out.append(0x0A)
            pad(indent, &out)
            out.append(0x7D)
        }
    }

    static func pad(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    /// Runs of bytes that need nothing are copied whole.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var copied = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                copied = i + 1
                switch byte {
                case 0x22, 0x5C: out.append(contentsOf: [0x5C, byte])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
        out.append(0x22)
    }
}
