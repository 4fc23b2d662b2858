import Foundation

/// Reads one progress report, `content/progress/**/*.yml`.
enum ProgressLoader {
    static let keys = ["agency", "period", "reported", "updates"]
    static let updateKeys = ["task", "status", "percent", "completed", "period", "note", "evidence"]
    static let evidenceKeys = ["title", "url"]

    /// The report in one file, or nil with errors recorded.
    static func load(text: String, path: String, files: Set<String>, log: inout DiagnosticLog) -> ProgressReport? {
        let fileLocation = SourceLocation(path: path)
        let yaml = YAMLReader(path: path, lineOffset: 0)
        guard let root = yaml.parse(text, log: &log) else { return nil }
        if case .scalar(let scalar) = root, scalar.string.isEmpty {
            log.error(fileLocation, "the file is empty; a report needs `agency`, `period`, `reported` and `updates`")
            return nil
        }
        guard let map = MappingReader(root, yaml: yaml, allowed: keys, context: "the report", log: &log) else { return nil }
        let agency = map.id("agency", required: true, kind: "agency id", log: &log)
        let period = map.period("period", required: true, log: &log)
        let reported = map.date("reported", required: true, log: &log)
        var updates: [TaskUpdate] = []
        for (position, item) in (map.list("updates", log: &log) ?? []).enumerated() {
            if let update = loadUpdate(item, position: position, yaml: yaml, files: files, log: &log) { updates.append(update) }
        }
        return ProgressReport(
            path: path, agency: Located(AgencyID(agency?.value ?? ""), agency?.location ?? fileLocation),
            period: period?.value ?? Period(kind: .year, year: 1)!,
            reported: reported ?? Located(Day(year: 1, month: 1, day: 1)!, fileLocation),
            updates: updates, isComplete: agency != nil && period != nil && reported != nil)
    }

    /// Reads one update.
    static func loadUpdate(_ node: YAMLNode, position: Int, yaml: YAMLReader, files: Set<String>, log: inout DiagnosticLog) -> TaskUpdate? {
        guard let map = MappingReader(node, yaml: yaml, allowed: updateKeys, context: "an update", log: &log) else { return nil }
        var task: Located<TaskID>?
        if let text = map.string("task", required: true, log: &log) {
            if let id = TaskID(text.value) {
                task = Located(id, text.location)
            } else {
                log.error(
                    text.location, "`task` must be a full task id `<plan id>/<task id>` (e.g. `kh-ubnd-386-2024/xay-dung-ke-hoach`), found `\(text.value)`")
            }
        }
        var status: ReportedStatus?
        if let text = map.string("status", required: true, log: &log) {
            status = ReportedStatus(text: text.value)
            if status == nil {
                var message =
                    "`status` must be `not-started`, `in-progress`, `done` or `dropped` (or chưa thực hiện, đang thực hiện, hoàn thành, dừng thực hiện), found `\(text.value)`"
                if let near = Suggestion.nearest(to: text.value, in: ReportedStatus.allCases.map(\.rawValue)) { message += "; did you mean `\(near)`?" }
                log.error(text.location, message)
            }
        }
        let percent = map.number("percent", range: 0...100, log: &log)
        let completed = map.date("completed", log: &log)
        let period = map.period("period", log: &log)
        if status == .done {
            if completed == nil && map.value("completed") == nil {
                log.error(map.location, "a `done` update needs `completed`, the date the task was finished (YYYY-MM-DD)")
            }
            if let percent, percent.value != 100 {
                log.error(
                    percent.location,
                    "`percent` is \(PlainNumber.format(percent.value)) but the status is `done`; done means 100, so set 100 or change the status")
            }
        }
        var evidence: [Evidence] = []
        for item in map.list("evidence", log: &log) ?? [] {
            guard let entry = MappingReader(item, yaml: yaml, allowed: evidenceKeys, context: "an evidence entry", log: &log) else { continue }
            let title = entry.string("title", required: true, log: &log)
            let url = entry.string("url", required: true, log: &log)
            guard let title, let url else { continue }
            if let checked = checkEvidenceURL(url, files: files, log: &log) {
                evidence.append(Evidence(title: title.value, url: checked.url, isLocalFile: checked.local))
            }
        }
        guard let task, let status else { return nil }
        return TaskUpdate(
            task: task, status: status, percent: percent?.value, completed: completed?.value, period: period,
            note: map.string("note", log: &log)?.value, evidence: evidence, position: position)
    }

    /// Accepts an http(s) URL or a path under `files/` that exists; records an error otherwise.
    static func checkEvidenceURL(_ url: Located<String>, files: Set<String>, log: inout DiagnosticLog) -> (url: String, local: Bool)? {
        let text = url.value
        if let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") {
            let scheme = text[..<colon].lowercased()
            if scheme == "http" || scheme == "https" {
                if SettingsLoader.isAbsoluteWebURL(text) { return (text, false) }
                log.error(url.location, "evidence URL `\(text)` is not a valid web address; write it as https://host/path")
                return nil
            }
            log.error(url.location, "evidence URL `\(text)` uses `\(scheme):`; only http(s) addresses and files under content/files/ are allowed")
            return nil
        }
        if text.hasPrefix("/") || text.contains("\\") {
            log.error(url.location, "evidence path `\(text)` must be relative to content/ with `/` separators, like `files/snv/bao-cao.pdf`")
            return nil
        }
        let components = text.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") || components.contains(".") || components.contains("") {
            log.error(
                url.location, "evidence path `\(text)` leaves content/files/ or has empty parts; put the document under content/files/ and link it as `files/…`"
            )
            return nil
        }
        guard components.first == "files", components.count >= 2 else {
            log.error(
                url.location, "evidence path `\(text)` is not under content/files/; put the document there and link it as `files/\(components.last ?? "")`")
            return nil
        }
        let normalised = NFC.normalize(text)
        guard files.contains(normalised) else {
            log.error(url.location, "evidence file `content/\(text)` does not exist; add the file or correct the path")
            return nil
        }
        return (normalised, true)
    }
}
