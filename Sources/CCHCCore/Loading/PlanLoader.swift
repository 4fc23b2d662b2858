import Foundation

/// Reads `content/plans/<id>.md`: YAML front matter between `---` lines, then Markdown.
enum PlanLoader {
    static let keys = ["number", "title", "issuer", "issued", "parent", "indices", "tasks"]
    static let taskKeys = ["id", "title", "lead", "support", "index", "due", "every", "day", "until", "target", "section"]

    /// Splits a plan file into front matter (with the line it starts on) and body.
    static func splitFrontMatter(_ text: String) -> (yaml: String, body: String)? {
        guard text.hasPrefix("---\n") else { return nil }
        // Line by line over the bytes: a line feed always ends a character, so every index here is
        // a character boundary.
        let utf8 = text.utf8
        let yamlStart = utf8.index(utf8.startIndex, offsetBy: 4)
        var lineStart = yamlStart
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if line == "---" || line == "..." || line.trimmingSpaces == "---" {
                let yaml = lineStart == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
                let body = lineEnd == utf8.endIndex ? "" : String(text[utf8.index(after: lineEnd)...])
                return (yaml, body)
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        // The last line may be empty (the text ends with a line feed): it closes nothing.
        return nil
    }

    /// The plan defined by one file, or nil with errors recorded.
    static func load(text: String, path: String, log: inout DiagnosticLog) -> Plan? {
        let fileID = (path as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
        let fileLocation = SourceLocation(path: path)
        var idOK = true
        if !Slug.isValidID(fileID) {
            log.error(
                fileLocation,
                "the file name `\(fileID).md` is not a valid plan id: rename it to lowercase ASCII letters, digits and `-`"
                    + (Slug.make(fileID).isEmpty ? "" : ", for example `\(Slug.make(fileID)).md`"))
            idOK = false
        }
        if text.trimmingSpacesAndNewlines.isEmpty {
            log.error(fileLocation, "the file is empty; a plan starts with front matter between `---` lines")
            return nil
        }
        guard text.hasPrefix("---") else {
            log.error(
                fileLocation,
                "the plan has no front matter; start the file with a line `---`, the plan's keys (number, title, issuer, issued, tasks), and another `---`")
            return nil
        }
        guard let (frontMatter, body) = splitFrontMatter(text) else {
            log.error(fileLocation, "the front matter is not closed; add a line `---` after the plan's keys, before its text")
            return nil
        }
        let yaml = YAMLReader(path: path, lineOffset: 1)
        guard let root = yaml.parse(frontMatter, log: &log) else { return nil }
        if case .scalar(let scalar) = root, scalar.string.isEmpty {
            log.error(fileLocation, "the front matter is empty; a plan needs `number`, `title`, `issuer` and `issued`")
            return nil
        }
        guard let map = MappingReader(root, yaml: yaml, allowed: keys, context: "the plan's front matter", log: &log) else { return nil }
        let number = map.string("number", required: true, log: &log)
        let title = map.string("title", required: true, log: &log)
        let issuer = map.id("issuer", required: true, kind: "agency id", log: &log)
        let issued = map.date("issued", required: true, log: &log)
        let parent = map.id("parent", kind: "plan id", log: &log)
        var indices: [Located<IndexID>] = []
        for item in map.strings("indices", log: &log) ?? [] {
            if Slug.isValidID(item.value) {
                indices.append(Located(IndexID(item.value), item.location))
            } else {
                log.error(item.location, MappingReader.badID(item.value, kind: "index id"))
            }
        }
        var tasks: [PlanTask] = []
        var seen: [String: SourceLocation] = [:]
        for item in map.list("tasks", log: &log) ?? [] {
            guard let (task, idLocation) = loadTask(item, plan: PlanID(fileID), yaml: yaml, log: &log) else { continue }
            if let first = seen[task.id.local] {
                log.error(idLocation, "duplicate task id `\(task.id.local)` (first at line \(first.line)); task ids are unique within a plan")
                continue
            }
            seen[task.id.local] = idLocation
            tasks.append(task)
        }
        guard idOK else { return nil }
        return Plan(
            id: PlanID(fileID), number: number?.value ?? fileID, title: title?.value ?? fileID,
            issuer: Located(AgencyID(issuer?.value ?? ""), issuer?.location ?? fileLocation),
            issued: issued?.value ?? Day(year: 1, month: 1, day: 1)!,
            parent: parent.map { Located(PlanID($0.value), $0.location) }, indices: indices, tasks: tasks,
            body: body, path: path, isComplete: number != nil && title != nil && issuer != nil && issued != nil)
    }

    /// Reads one task entry: the task, and where its `id` is written (a duplicate id is reported there).
    static func loadTask(_ node: YAMLNode, plan: PlanID, yaml: YAMLReader, log: inout DiagnosticLog) -> (task: PlanTask, idLocation: SourceLocation)? {
        guard
            let map = MappingReader(
                node, yaml: yaml, allowed: taskKeys, requires: ["day": "every", "until": "every"],
                context: "a task", log: &log)
        else { return nil }
        let id = map.id("id", required: true, kind: "task id", log: &log)
        let title = map.string("title", required: true, log: &log)
        let lead = agencyReferences("lead", map: map, required: true, log: &log)
        let support = agencyReferences("support", map: map, required: false, log: &log)
        var index: [Located<IndexReference>] = []
        for item in map.strings("index", log: &log) ?? [] {
            if let reference = parseIndexReference(item.value) {
                index.append(Located(reference, item.location))
            } else {
                log.error(
                    item.location,
                    "`\(item.value)` is not an index reference: write an index id (`par-index`), an area (`par-index/cai-cach-tthc`) or a criterion code (`par-index#1.1`)"
                )
            }
        }
        let due = map.dateOrPeriod("due", log: &log)
        var every: Recurrence?
        if let text = map.string("every", log: &log) {
            every = Recurrence(rawValue: text.value)
            if every == nil {
                log.error(text.location, "`every` must be `month`, `quarter`, `half` or `year`, found `\(text.value)`")
            }
        }
        let day = map.integer("day", range: 1...31, log: &log)
        let until = map.dateOrPeriod("until", log: &log)
        if map.value("every") == nil {
            if let node = map.value("day") {
                log.error(yaml.location(node), "`day` applies only to a recurring task; add `every` or remove `day`")
            }
            if let node = map.value("until") {
                log.error(yaml.location(node), "`until` applies only to a recurring task; add `every` or remove `until`")
            }
        }
        if let node = map.value("lead"), case .sequence(let list) = node, list.items.isEmpty {
            log.error(yaml.location(node), "`lead` is empty; name at least one lead agency")
        }
        guard let id, let title, let lead else { return nil }
        let task = PlanTask(
            id: TaskID(plan: plan, local: id.value), title: title.value, lead: lead, support: support ?? [],
            index: index, due: due?.value, every: every, day: day?.value, until: until,
            target: map.string("target", log: &log)?.value, section: map.string("section", log: &log)?.value,
            location: map.location)
        return (task, id.location)
    }

    /// Reads `lead` or `support`: agency ids or `kind:<kind>`.
    static func agencyReferences(_ key: String, map: MappingReader, required: Bool, log: inout DiagnosticLog) -> [Located<AgencyReference>]? {
        guard let items = map.strings(key, required: required, log: &log) else { return nil }
        var out: [Located<AgencyReference>] = []
        for item in items {
            if item.value.hasPrefix("kind:") {
                let name = String(item.value.dropFirst(5)).trimmingSpaces
                if let kind = AgencyKind(rawValue: name) {
                    out.append(Located(.kind(kind), item.location))
                } else {
                    var message = "`\(item.value)` names no agency kind; use kind:" + AgencyKind.allCases.map(\.rawValue).joined(separator: ", kind:")
                    if let near = Suggestion.nearest(to: name, in: AgencyKind.allCases.map(\.rawValue)) {
                        message = "`\(item.value)` names no agency kind; did you mean `kind:\(near)`?"
                    }
                    log.error(item.location, message)
                }
            } else if Slug.isValidID(item.value) {
                out.append(Located(.agency(AgencyID(item.value)), item.location))
            } else {
                log.error(item.location, MappingReader.badID(item.value, kind: "agency id"))
            }
        }
        return out
    }

    /// Parses `index`, `index/area` or `index#code`.
    static func parseIndexReference(_ text: String) -> IndexReference? {
        if let hash = text.firstIndex(of: "#") {
            let index = String(text[..<hash]), code = String(text[text.index(after: hash)...])
            guard Slug.isValidID(index), !code.isEmpty else { return nil }
            return .criterion(IndexID(index), code)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, Slug.isValidID(parts[0]) { return .index(IndexID(parts[0])) }
        if parts.count == 2, Slug.isValidID(parts[0]), Slug.isValidID(parts[1]) { return .area(IndexID(parts[0]), parts[1]) }
        return nil
    }
}
