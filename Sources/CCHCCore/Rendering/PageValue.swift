/// A value in a page's context, as templates see it.
///
/// Page builders format every number and date, so a context holds only text, HTML already made,
/// flags, lists and mappings. Being one enum, a value is told apart by a switch, with no runtime
/// type checks, and copied without boxing.
enum PageValue: Sendable, Equatable {
    /// Text, escaped by `{{x}}` and copied as it is by `{{{x}}}`.
    case text(String)
    /// HTML already made (a chart, a plan's text, a page's body), copied in by `{{{x}}}`.
    case html(HTMLBytes)
    /// A flag: a section renders once when it is true, an inverted section when it is false.
    case flag(Bool)
    /// A list of any values: a section renders once per item.
    case list([PageValue])
    /// A list of mappings, the usual rows of a table: a section renders once per row.
    case maps([PageMap])
    /// A mapping: a section renders once, inside it.
    case map(PageMap)
    /// A big table of words, looked up by hashing (see ``Words/table``).
    case words([String: String])

    /// The value of `name` inside this value, when it is a mapping.
    @inline(__always)
    func child(_ name: String) -> PageValue? {
        switch self {
        case .map(let map): return map[name]
        case .words(let words): return words[name].map(PageValue.text)
        default: return nil
        }
    }
}

extension PageValue: ExpressibleByStringInterpolation, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: PageValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, PageValue)...) { self = .map(PageMap(elements)) }
}

/// The names and values of a mapping in a page's context, in the order they were set.
///
/// A context mapping has a handful of names, set once and looked up a few times, so the names
/// are searched in order instead of hashed: comparing short names costs less than hashing them,
/// and making the mapping costs one allocation.
struct PageMap: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Names and values; a literal's array is kept as it is.
    private var entries: [(String, PageValue)]

    init() { entries = [] }

    init(dictionaryLiteral elements: (String, PageValue)...) { self.init(elements) }

    init(_ elements: [(String, PageValue)]) {
        entries = elements
    }

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }

    /// Makes room for `capacity` names, so that a mapping shared by many pages is copied once, at its final size.
    mutating func reserveCapacity(_ capacity: Int) { entries.reserveCapacity(capacity) }

    /// Whether two names are the same. Lengths first: most names a search passes differ in length,
    /// and telling them apart that way skips the call that compares two strings' contents.
    @inline(__always)
    private static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a == b }

    /// The value set for `name`; setting nil removes it.
    subscript(name: String) -> PageValue? {
        get {
            entries.withUnsafeBufferPointer { entries in
                for entry in entries where PageMap.same(entry.0, name) { return entry.1 }
                return nil
            }
        }
        set {
            let index = entries.firstIndex { PageMap.same($0.0, name) }
            switch (index, newValue) {
            case let (index?, value?): entries[index].1 = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((name, value))
            case (nil, nil): break
            }
        }
    }
}

extension PageMap {
    /// Two mappings are equal when they have the same names, each with an equal value, in any order.
    static func == (a: PageMap, b: PageMap) -> Bool {
        a.count == b.count && a.entries.allSatisfy { b[$0.0] == $0.1 }
    }

    /// The text set for `name`, if it is text.
    func text(_ name: String) -> String? {
        if case .text(let text)? = self[name] { return text }
        return nil
    }
}
