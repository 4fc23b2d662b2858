import Foundation

/// A download under `du-lieu/`: where it goes and what it holds (its bytes come from ``DataFiles``).
struct DataFile: Sendable {
    /// The output path.
    var path: String
    /// The file name shown.
    var name: String { (path as NSString).lastPathComponent }
    /// CSV or JSON.
    var format: String
    /// What it holds, in Vietnamese.
    var vi: String
    /// What it holds, in English.
    var en: String

    /// The description in the site's language.
    func description(_ language: SiteLanguage) -> String { language == .vi ? vi : en }
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

    /// Every download, in the order the data page lists them: each group's CSV, then its JSON.
    static let catalog: [DataFile] = [
        DataFile(path: "du-lieu/nhiem-vu.csv", format: "CSV", vi: "Nhiệm vụ, từng cơ quan chủ trì và từng kỳ, với tình trạng", en: "Tasks by lead agency and occurrence, with their states"),
        DataFile(path: "du-lieu/nhiem-vu.json", format: "JSON", vi: "Nhiệm vụ và tình trạng (JSON)", en: "Tasks and their states (JSON)"),
        DataFile(path: "du-lieu/chi-so.csv", format: "CSV", vi: "Kết quả và mục tiêu các chỉ số", en: "Index results and targets"),
        DataFile(path: "du-lieu/chi-so.json", format: "JSON", vi: "Kết quả và mục tiêu các chỉ số (JSON)", en: "Index results and targets (JSON)"),
        DataFile(path: "du-lieu/co-quan.csv", format: "CSV", vi: "Tỷ lệ hoàn thành của các cơ quan, đơn vị", en: "Completion by agency"),
        DataFile(path: "du-lieu/co-quan.json", format: "JSON", vi: "Tỷ lệ hoàn thành của các cơ quan, đơn vị (JSON)", en: "Completion by agency (JSON)"),
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
        let meta: [String: Any] = ["as_of": loaded.asOf.iso, "generator": "cchc \(cchcVersion)"]
        switch group {
        case .tasks:
            // The largest download: its CSV and its JSON are written side by side.
            let (rows, entries) = tasks(loaded, words: words)
            let document = meta.merging(["tasks": entries]) { a, _ in a }
            // `[String: Any]` is not Sendable, but this one is never changed again: reading it from
            // another thread is safe.
            nonisolated(unsafe) let shared = document
            let both = ConcurrentMap.run(2) { $0 == 0 ? csv(rows) : json(shared) }
            return (both[0], both[1])
        case .indices:
            let (rows, entries) = indices(loaded)
            return (csv(rows), json(meta.merging(["indices": entries]) { a, _ in a }))
        case .agencies:
            let (rows, entries) = agencies(loaded)
            return (csv(rows), json(meta.merging(["agencies": entries]) { a, _ in a }))
        }
    }

    /// Tasks: one row per (task, lead agency, occurrence).
    static func tasks(_ loaded: LoadedSite, words: Words) -> (rows: [[String]], json: [[String: Any]]) {
        let site = loaded.site, lookup = loaded.lookup, derivation = loaded.derivation
        var taskRows: [[String]] = [["plan_id", "plan_number", "task_id", "task_title", "agency_id", "agency_name", "period", "due", "state", "state_label", "percent", "completed", "reported"]]
        var taskJSON: [[String: Any]] = []
        for plan in site.plans {
            for task in plan.tasks {
                let derived = derivation.tasks[task.id]!
                var pairs: [[String: Any]] = []
                for pair in derived.pairs {
                    let update = pair.latest.map { site.reports[$0.report].updates[$0.update] }
                    let reported = pair.latest.map { site.reports[$0.report].reported.value.iso }
                    taskRows.append([plan.id.rawValue, plan.number, task.id.local, task.title, pair.agency.rawValue,
                                     lookup.agencies[pair.agency]?.name ?? "", pair.occurrence.period?.description ?? "",
                                     pair.occurrence.due?.iso ?? "", pair.state.rawValue, words.state(pair.state),
                                     update?.percent.map(number) ?? "", update?.completed?.iso ?? "", reported ?? ""])
                    var entry: [String: Any] = ["agency": pair.agency.rawValue, "state": pair.state.rawValue]
                    if let period = pair.occurrence.period { entry["period"] = period.description }
                    if let due = pair.occurrence.due { entry["due"] = due.iso }
                    if let percent = update?.percent { entry["percent"] = percent }
                    if let completed = update?.completed { entry["completed"] = completed.iso }
                    if let reported { entry["reported"] = reported }
                    pairs.append(entry)
                }
                var entry: [String: Any] = [
                    "id": task.id.description, "plan": plan.id.rawValue, "plan_number": plan.number, "title": task.title,
                    "lead": derived.leads.map(\.rawValue), "support": derived.supports.map(\.rawValue),
                    "index": task.index.map(\.value.description), "pairs": pairs,
                    "done": derived.completion.done, "total": derived.completion.total,
                ]
                if let share = derived.completion.share { entry["completion"] = share }
                if let every = task.every { entry["every"] = every.rawValue }
                if let due = task.due { entry["due"] = due.description }
                if let target = task.target { entry["target"] = target }
                taskJSON.append(entry)
            }
        }
        return (taskRows, taskJSON)
    }

    /// Index results and targets.
    static func indices(_ loaded: LoadedSite) -> (rows: [[String]], json: [[String: Any]]) {
        let site = loaded.site, derivation = loaded.derivation
        var indexRows: [[String]] = [["index_id", "index_short", "kind", "year", "score", "rank", "of", "area_or_criterion", "value"]]
        var indexJSON: [[String: Any]] = []
        for index in site.indices {
            func rows(_ kind: String, _ year: Int, _ score: Double?, _ rank: Int?, _ of: Int?, _ areas: [String: Double], _ criteria: [String: Double]) {
                indexRows.append([index.id.rawValue, index.short, kind, String(year), score.map(number) ?? "", rank.map(String.init) ?? "", of.map(String.init) ?? "", "", ""])
                for area in index.areas {
                    if let value = areas[area.id] { indexRows.append([index.id.rawValue, index.short, kind, String(year), "", "", "", area.id, number(value)]) }
                    for criterion in area.criteria {
                        if let value = criteria[criterion.code] { indexRows.append([index.id.rawValue, index.short, kind, String(year), "", "", "", "#" + criterion.code, number(value)]) }
                    }
                }
            }
            for r in index.results { rows("result", r.year, r.score, r.rank, r.of, r.areas, r.criteria) }
            for t in index.targets { rows("target", t.year, t.score, t.rank, t.of, t.areas, t.criteria) }
            func json(_ year: Int, _ score: Double?, _ rank: Int?, _ of: Int?, _ areas: [String: Double], _ criteria: [String: Double]) -> [String: Any] {
                var out: [String: Any] = ["year": year, "areas": areas, "criteria": criteria]
                if let score { out["score"] = score }
                if let rank { out["rank"] = rank }
                if let of { out["of"] = of }
                return out
            }
            var entry: [String: Any] = [
                "id": index.id.rawValue, "name": index.name, "short": index.short, "max": index.max, "higher_is_better": index.higherIsBetter,
                "areas": index.areas.map { area -> [String: Any] in
                    var a: [String: Any] = ["id": area.id, "name": area.name, "criteria": area.criteria.map { c -> [String: Any] in
                        var out: [String: Any] = ["code": c.code, "name": c.name]
                        if let max = c.max { out["max"] = max }
                        return out
                    }]
                    if let max = area.max { a["max"] = max }
                    if let lead = area.lead { a["lead"] = lead.rawValue }
                    return a
                },
                "results": index.results.map { json($0.year, $0.score, $0.rank, $0.of, $0.areas, $0.criteria) },
                "targets": index.targets.map { json($0.year, $0.score, $0.rank, $0.of, $0.areas, $0.criteria) },
            ]
            if let unit = index.unit { entry["unit"] = unit }
            if let share = derivation.indices[index.id]?.share { entry["task_completion"] = share }
            indexJSON.append(entry)
        }
        return (indexRows, indexJSON)
    }

    /// Agencies: pairs, done, overdue and completion of each.
    static func agencies(_ loaded: LoadedSite) -> (rows: [[String]], json: [[String: Any]]) {
        let site = loaded.site, derivation = loaded.derivation
        var agencyRows: [[String]] = [["agency_id", "name", "short", "kind", "pairs", "done", "overdue", "completion"]]
        var agencyJSON: [[String: Any]] = []
        for agency in site.agencies {
            let c = derivation.agencies[agency.id] ?? Completion()
            agencyRows.append([agency.id.rawValue, agency.name, agency.short ?? "", agency.kind.rawValue, String(c.total), String(c.done),
                               String(c.count(.overdue)), c.share.map { number(($0 * 10000).rounded() / 10000) } ?? ""])
            var entry: [String: Any] = ["id": agency.id.rawValue, "name": agency.name, "kind": agency.kind.rawValue,
                                        "pairs": c.total, "done": c.done,
                                        "states": Dictionary(uniqueKeysWithValues: TaskState.allCases.map { ($0.rawValue, c.count($0)) })]
            if let short = agency.short { entry["short"] = short }
            if let share = c.share { entry["completion"] = share }
            if let next = agency.replacedBy { entry["replaced_by"] = next.rawValue }
            agencyJSON.append(entry)
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
    static func json(_ object: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        JSONText.write(object, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }
}

/// XML text escaping for the feed and sitemap.
enum XML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if character.value < 0x20 && character != "\t" && character != "\n" { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

/// A small JSON writer for the downloads: objects with sorted keys, two-space indentation.
enum JSONText {
    static func write(_ value: Any, indent: Int, into out: inout [UInt8]) {
        switch value {
        case let text as String: string(text, into: &out)
        case let flag as Bool: out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let number as Int: out.append(contentsOf: String(number).utf8)
        case let number as Double: out.append(contentsOf: DataFiles.number(number).utf8)
        case let list as [Any]:
            if list.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
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
        case let object as [String: Any]:
            if object.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            let keys = object.keys.sorted { $0.utf8Precedes($1) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(0x0A)
                pad(indent + 2, &out)
                string(key, into: &out)
                out.append(0x20)
                out.append(0x3A)
                out.append(0x20)
                write(object[key]!, indent: indent + 2, into: &out)
            }
            out.append(0x0A)
            pad(indent, &out)
            out.append(0x7D)
        case let map as [String: Double]: write(map as [String: Any], indent: indent, into: &out)
        case let map as [String: Int]: write(map as [String: Any], indent: indent, into: &out)
        case let list as [String]: write(list as [Any], indent: indent, into: &out)
        default: out.append(contentsOf: "null".utf8)
        }
    }

    static func pad(_ n: Int, _ out: inout [UInt8]) {
        for _ in 0..<n { out.append(0x20) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C:
                out.append(0x5C)
                out.append(byte)
            case 0x0A:
                out.append(0x5C)
                out.append(0x6E)
            case 0x0D:
                out.append(0x5C)
                out.append(0x72)
            case 0x09:
                out.append(0x5C)
                out.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
