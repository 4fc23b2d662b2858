import CCHCFormat
import Foundation

/// Reads `site.yml`.
enum SettingsLoader {
    static let keys = ["title", "province", "base_url", "language", "as_of", "description", "unsafe_html", "notice", "reporting"]

    /// Parses the settings; nil (with errors recorded) when a required value is missing or bad.
    static func load(text: String, path: String, log: inout DiagnosticLog) -> SiteSettings? {
        let yaml = YAMLReader(path: path, lineOffset: 0)
        guard let root = yaml.parse(text, log: &log) else { return nil }
        guard let map = MappingReader(root, yaml: yaml, allowed: keys, context: "site.yml", log: &log) else { return nil }
        let title = map.string("title", required: true, log: &log)
        let province = map.string("province", required: true, log: &log)
        var baseURL: String?
        if let url = map.string("base_url", required: true, log: &log) {
            if isAbsoluteWebURL(url.value) {
                baseURL = url.value.hasSuffix("/") ? url.value : url.value + "/"
            } else {
                log.error(url.location, "`base_url` must be an absolute http(s) URL such as https://backan.gov.vn/cchc/, found `\(url.value)`")
            }
        }
        var language = SiteLanguage.vi
        if let text = map.string("language", log: &log) {
            if let value = SiteLanguage(rawValue: text.value) {
                language = value
            } else {
                log.error(text.location, "`language` must be `vi` or `en`, found `\(text.value)`")
            }
        }
        var reporting = PeriodKind.quarter
        if let text = map.string("reporting", log: &log) {
            if let value = PeriodKind(rawValue: text.value) {
                reporting = value
            } else {
                let names = [PeriodKind.month, .quarter, .half, .year].map(\.rawValue)
                var message = "`reporting` must be `month`, `quarter`, `half` or `year`, found `\(text.value)`"
                if let near = Suggestion.nearest(to: text.value, in: names) { message += "; did you mean `\(near)`?" }
                log.error(text.location, message)
            }
        }
        let asOf = map.date("as_of", log: &log)
        let unsafe = map.boolean("unsafe_html", log: &log)
        guard let title, let province, let baseURL else { return nil }
        return SiteSettings(
            title: title.value, province: province.value, baseURL: baseURL, language: language,
            asOf: asOf?.value, description: map.string("description", log: &log)?.value,
            unsafeHTML: unsafe?.value ?? false, notice: map.string("notice", log: &log)?.value, reporting: reporting)
    }

    /// Whether `text` is `http://` or `https://` followed by a host.
    static func isAbsoluteWebURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return false }
        return !text.contains(" ")
    }
}

/// Reads `content/agencies.yml`.
enum AgenciesLoader {
    static let keys = ["id", "name", "short", "kind", "aliases", "replaced_by"]

    /// The agencies in file order, with every problem recorded.
    static func load(text: String, path: String, log: inout DiagnosticLog) -> [Agency] {
        let yaml = YAMLReader(path: path, lineOffset: 0)
        guard let root = yaml.parse(text, log: &log) else { return [] }
        guard case .sequence(let list) = root else {
            if case .scalar(let scalar) = root, scalar.string.isEmpty {
                log.error(SourceLocation(path: path), "the file is empty; list the agencies as `- id: …` entries")
            } else {
                log.error(yaml.location(root), "agencies.yml must be a list of agencies (`- id: so-noi-vu`), found \(MappingReader.describe(root))")
            }
            return []
        }
        let items = list.items
        var agencies: [Agency] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let map = MappingReader(item, yaml: yaml, allowed: keys, context: "an agency", log: &log) else { continue }
            let id = map.id("id", required: true, kind: "agency id", log: &log)
            let name = map.string("name", required: true, log: &log)
            var kind: AgencyKind?
            if let text = map.string("kind", required: true, log: &log) {
                kind = AgencyKind(rawValue: text.value)
                if kind == nil {
                    var message = "`kind` must be one of " + AgencyKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ", found `\(text.value)`"
                    if let near = Suggestion.nearest(to: text.value, in: AgencyKind.allCases.map(\.rawValue)) { message += "; did you mean `\(near)`?" }
                    log.error(text.location, message)
                }
            }
            let aliases = map.strings("aliases", log: &log) ?? []
            let replacedBy = map.id("replaced_by", kind: "agency id", log: &log)
            guard let id else { continue }
            if let first = seen[id.value] {
                log.error(id.location, "duplicate agency id `\(id.value)` (first at line \(first.line)); give each agency its own id")
                continue
            }
            seen[id.value] = id.location
            agencies.append(
                Agency(
                    id: AgencyID(id.value), name: name?.value ?? id.value, short: map.string("short", log: &log)?.value,
                    kind: kind ?? .organisation, aliases: aliases.map(\.value),
                    replacedByReference: replacedBy.map { Located(AgencyID($0.value), $0.location) },
                    location: map.location, isComplete: name != nil && kind != nil))
        }
        if items.isEmpty { log.error(SourceLocation(path: path), "the list of agencies is empty; add at least one agency") }
        return agencies
    }
}
