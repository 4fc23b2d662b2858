import Foundation

/// Reads YAML into `YAMLNode`s, so every value keeps its line and column and no YAML 1.1 guess
/// (`no` → false, `010` → 8) ever happens: scalars are text, converted by the readers below.
struct YAMLReader {
    /// The file's path relative to the site.
    let path: String
    /// Lines to add to the parser's line numbers (front matter starts after the first `---`).
    let lineOffset: Int

    /// Parses `text` into a root node; records a syntax error and returns nil on failure.
    func parse(_ text: String, log: inout DiagnosticLog) -> YAMLNode? {
        do {
            // An empty (or comments-only) document composes to nil; read it as an empty scalar so every
            // loader reports the empty file instead of skipping it silently.
            return try YAMLComposer.compose(text) ?? .scalar(.init(string: "", isPlain: true, mark: YAMLMark(line: 1, column: 1)))
        } catch {
            switch error.kind {
            case .syntax:
                var message = "YAML syntax: \(error.problem)"
                if let context = error.context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
                log.error(location(error.mark), message + "; check indentation, colons and quotes on this line")
            case .duplicateKeys(let duplicates):
                let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
                log.error(location(error.mark), "duplicate key \(keys) in one mapping; keep only one of them")
            case .unreadable:
                log.error(SourceLocation(path: path, line: 1 + lineOffset), "cannot read the file as YAML: \(error.problem)")
            case .tooLarge:
                log.error(location(error.mark), "the file is refused: \(error.problem)")
            }
            return nil
        }
    }

    /// The source location of a mark.
    func location(_ mark: YAMLMark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineOffset) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// The source location of a node.
    func location(_ node: YAMLNode) -> SourceLocation { location(node.mark) }
}

/// A mapping being read: checks its keys against the ones allowed there and gives typed values.
///
/// Every accessor records what is wrong and returns nil, so a loader can go on and report
/// every problem of a file in one run.
struct MappingReader {
    let yaml: YAMLReader
    let node: YAMLNode
    /// The keys, in file order, and the value of each (kept apart, so looking up a key compares
    /// strings without copying nodes).
    let keys: [String]
    let values: [YAMLNode]
    /// Where this mapping sits, for messages ("in agency `so-noi-vu`").
    let context: String

    /// Reads `node` as a mapping with the given allowed keys; records an error if it is not one.
    ///
    /// `requires` names keys that make sense only beside another (`day` and `until` need `every`):
    /// they are not suggested for a misspelt key when that other key is absent.
    init?(_ node: YAMLNode, yaml: YAMLReader, allowed: [String], requires: [String: String] = [:], context: String, log: inout DiagnosticLog) {
        self.yaml = yaml
        self.node = node
        self.context = context
        guard case .mapping(let mapping) = node else {
            log.error(yaml.location(node), "\(context) must be a mapping of `key: value` lines, found \(MappingReader.describe(node))")
            return nil
        }
        var keys: [String] = [], keyNodes: [YAMLNode] = [], values: [YAMLNode] = []
        keys.reserveCapacity(mapping.pairs.count)
        keyNodes.reserveCapacity(mapping.pairs.count)
        values.reserveCapacity(mapping.pairs.count)
        for (key, value) in mapping.pairs {
            guard case .scalar(let scalar) = key else {
                log.error(yaml.location(key), "a key must be plain text")
                continue
            }
            keys.append(scalar.string)
            keyNodes.append(key)
            values.append(value)
        }
        self.keys = keys
        self.values = values
        guard keys.contains(where: { !allowed.contains($0) }) else { return }
        let present = Set(keys)
        for (key, keyNode) in zip(keys, keyNodes) where !allowed.contains(key) {
            var message = "unknown key `\(key)` in \(context)"
            let candidates = allowed.filter { !present.contains($0) && requires[$0].map(present.contains) ?? true }
            if let near = Suggestion.nearest(to: key, in: candidates) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; allowed keys are " + allowed.map { "`\($0)`" }.joined(separator: ", ")
            }
            log.error(yaml.location(keyNode), message)
        }
    }

    /// A short description of a node's shape, for messages.
    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "the text `\(scalar.string)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// Where the mapping starts.
    var location: SourceLocation { yaml.location(node) }

    /// The value node of `key`, treating an empty plain value (`key:`) as absent.
    func value(_ key: String) -> YAMLNode? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        let node = values[i]
        if case .scalar(let scalar) = node, scalar.string.isEmpty, scalar.isPlain { return nil }
        return node
    }

    /// Whether `key` is present with a value.
    func has(_ key: String) -> Bool { value(key) != nil }

    /// Records a missing required key.
    func missing(_ key: String, log: inout DiagnosticLog, hint: String = "") {
        log.error(location, "missing required key `\(key)` in \(context)" + (hint.isEmpty ? "" : "; \(hint)"))
    }

    // MARK: - Scalars

    /// The text of a scalar node, or an error when the node is a list or mapping.
    func scalarText(_ node: YAMLNode, key: String, log: inout DiagnosticLog) -> String? {
        switch node {
        case .scalar(let scalar): return scalar.string
        default:
            log.error(yaml.location(node), "`\(key)` must be a single value, found \(MappingReader.describe(node))")
            return nil
        }
    }

    /// A text value.
    func string(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Located<String>? {
        guard let node = value(key) else {
            if required { missing(key, log: &log) }
            return nil
        }
        guard let text = scalarText(node, key: key, log: &log) else { return nil }
        let trimmed = text.trimmingSpacesAndNewlines
        if trimmed.isEmpty {
            log.error(yaml.location(node), "`\(key)` is empty; write a value or remove the key")
            return nil
        }
        return Located(trimmed, yaml.location(node))
    }

    /// A slug id value.
    func id(_ key: String, required: Bool = false, kind: String, log: inout DiagnosticLog) -> Located<String>? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard Slug.isValidID(text.value) else {
            log.error(text.location, MappingReader.badID(text.value, kind: kind))
            return nil
        }
        return text
    }

    /// The message for an id that is not a slug.
    static func badID(_ text: String, kind: String) -> String {
        let slug = Slug.make(text)
        let hint = slug.isEmpty || slug == text ? "" : "; for example `\(slug)`"
        return "\(kind) `\(text)` is not a valid id: use 1 to 64 lowercase ASCII letters, digits and `-`" + hint
    }

    /// A plain decimal number within `range`.
    func number(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil, log: inout DiagnosticLog) -> Located<Double>? {
        guard let node = value(key) else {
            if required { missing(key, log: &log) }
            return nil
        }
        return MappingReader.number(node, key: key, range: range, yaml: yaml, log: &log)
    }

    /// Reads a node as a plain decimal number.
    static func number(_ node: YAMLNode, key: String, range: ClosedRange<Double>?, yaml: YAMLReader, log: inout DiagnosticLog) -> Located<Double>? {
        guard case .scalar(let scalar) = node else {
            log.error(yaml.location(node), "`\(key)` must be a number, found \(describe(node))")
            return nil
        }
        let text = scalar.string.trimmingSpaces
        guard let value = PlainNumber.parse(text) else {
            var hint = "write a plain decimal number such as 85.95"
            if text.contains(",") { hint = "use a dot for decimals: `\(text.replacingOccurrences(of: ",", with: "."))`" }
            log.error(yaml.location(node), "`\(key)` must be a number, found `\(text)`; \(hint)")
            return nil
        }
        if let range, !range.contains(value) {
            log.error(
                yaml.location(node),
                "`\(key)` is \(text), out of range: it must be between \(PlainNumber.format(range.lowerBound)) and \(PlainNumber.format(range.upperBound))")
            return nil
        }
        return Located(value, yaml.location(node))
    }

    /// An integer within `range`.
    func integer(_ key: String, required: Bool = false, range: ClosedRange<Int>, log: inout DiagnosticLog) -> Located<Int>? {
        guard let node = value(key) else {
            if required { missing(key, log: &log) }
            return nil
        }
        return MappingReader.integer(node, key: key, range: range, yaml: yaml, log: &log)
    }

    /// Reads a node as an integer.
    static func integer(_ node: YAMLNode, key: String, range: ClosedRange<Int>, yaml: YAMLReader, log: inout DiagnosticLog) -> Located<Int>? {
        guard case .scalar(let scalar) = node else {
            log.error(yaml.location(node), "`\(key)` must be a whole number, found \(describe(node))")
            return nil
        }
        let text = scalar.string.trimmingSpaces
        guard let value = PlainNumber.parseInteger(text) else {
            log.error(yaml.location(node), "`\(key)` must be a whole number, found `\(text)`")
            return nil
        }
        guard range.contains(value) else {
            log.error(yaml.location(node), "`\(key)` is \(value), out of range: it must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return Located(value, yaml.location(node))
    }

    /// `true` or `false`, nothing else.
    func boolean(_ key: String, log: inout DiagnosticLog) -> Located<Bool>? {
        guard let node = value(key), let text = scalarText(node, key: key, log: &log) else { return nil }
        switch text {
        case "true": return Located(true, yaml.location(node))
        case "false": return Located(false, yaml.location(node))
        default:
            log.error(yaml.location(node), "`\(key)` must be `true` or `false`, found `\(text)`")
            return nil
        }
    }

    /// A date `YYYY-MM-DD` that exists.
    func date(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Located<Day>? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let day = Day(iso: text.value) else {
            log.error(text.location, MappingReader.badDate(text.value, key: key))
            return nil
        }
        return Located(day, text.location)
    }

    /// The message for a date that is malformed or does not exist.
    static func badDate(_ text: String, key: String) -> String {
        if Day.looksLikeISODate(text) {
            return "`\(key)` is \(text), a date that does not exist; check the day and month"
        }
        return "`\(key)` must be a date written YYYY-MM-DD, found `\(text)`"
    }

    /// A period `YYYY`, `YYYY-Hn`, `YYYY-Qn` or `YYYY-MM`.
    func period(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> Located<Period>? {
        guard let text = string(key, required: required, log: &log) else { return nil }
        guard let period = Period(text.value) else {
            log.error(text.location, MappingReader.badPeriod(text.value, key: key))
            return nil
        }
        return Located(period, text.location)
    }

    /// The message for a malformed period.
    static func badPeriod(_ text: String, key: String) -> String {
        "`\(key)` must be a period (YYYY, YYYY-H1, YYYY-Q3 or YYYY-MM), found `\(text)`"
    }

    /// A date or a period.
    func dateOrPeriod(_ key: String, log: inout DiagnosticLog) -> Located<DateOrPeriod>? {
        guard let text = string(key, log: &log) else { return nil }
        if let value = DateOrPeriod(text.value) { return Located(value, text.location) }
        if Day.looksLikeISODate(text.value) {
            log.error(text.location, MappingReader.badDate(text.value, key: key))
        } else {
            log.error(text.location, "`\(key)` must be a date (YYYY-MM-DD) or a period (YYYY, YYYY-H1, YYYY-Q3, YYYY-MM), found `\(text.value)`")
        }
        return nil
    }

    // MARK: - Collections

    /// The items of a list value; a single scalar is taken as a one-item list.
    func list(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> [YAMLNode]? {
        guard let node = value(key) else {
            if required { missing(key, log: &log) }
            return nil
        }
        switch node {
        case .sequence(let sequence): return sequence.items
        case .scalar: return [node]
        default:
            log.error(yaml.location(node), "`\(key)` must be a list, found \(MappingReader.describe(node))")
            return nil
        }
    }

    /// A list of texts.
    func strings(_ key: String, required: Bool = false, log: inout DiagnosticLog) -> [Located<String>]? {
        guard let items = list(key, required: required, log: &log) else { return nil }
        var out: [Located<String>] = []
        for item in items {
            guard let text = scalarText(item, key: key, log: &log) else { continue }
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                log.error(yaml.location(item), "an item of `\(key)` is empty")
                continue
            }
            out.append(Located(trimmed, yaml.location(item)))
        }
        return out
    }

    /// A mapping of names to numbers (`areas: {chi-dao-dieu-hanh: 8.1}`), in the file's order.
    func numberMap(_ key: String, range: ClosedRange<Double>?, log: inout DiagnosticLog) -> [(key: Located<String>, value: Double)]? {
        guard let node = value(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            log.error(yaml.location(node), "`\(key)` must be a mapping of `name: number`, found \(MappingReader.describe(node))")
            return nil
        }
        var out: [(Located<String>, Double)] = []
        for (keyNode, valueNode) in mapping.pairs {
            guard case .scalar(let scalar) = keyNode else { continue }
            guard let number = MappingReader.number(valueNode, key: "\(key).\(scalar.string)", range: range, yaml: yaml, log: &log) else { continue }
            out.append((Located(scalar.string, yaml.location(keyNode)), number.value))
        }
        return out
    }
}

/// The spec's plain decimal numbers: optional `-`, digits, optional `.` and digits.
enum PlainNumber {
    /// Parses a plain decimal; `1e3`, `0x10`, `1,5`, `.5` are nil. Leading zeros are decimal.
    static func parse(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (0x30...0x39).contains(first) else { return nil }
        var seenDot = false
        var digitsAfterDot = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if (0x30...0x39).contains(byte) {
                if seenDot { digitsAfterDot += 1 }
            } else {
                return nil
            }
        }
        if seenDot && digitsAfterDot == 0 { return nil }
        return Double(text)
    }

    /// Parses an integer: optional `-` and decimal digits.
    static func parseInteger(_ text: String) -> Int? {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty, bytes.count <= 15, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        var value = 0
        for byte in bytes { value = value * 10 + Int(byte - 0x30) }
        return negative ? -value : value
    }

    /// Formats a bound for a message: `100`, `0.5`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
