import CLibYAML

/// Where a YAML value or problem starts: line and column from 1 (libyaml counts columns in
/// Unicode scalars).
struct YAMLMark: Sendable, Equatable {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        line = mark.line + 1
        column = mark.column + 1
    }
}

/// A YAML value as a site file holds it: a scalar (always text: no YAML 1.1 guess turns `no`
/// into false or `010` into 8; the readers convert), a mapping in file order, or a list, each with
/// the position it starts at. Aliases are replaced by the value their anchor names.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    struct Scalar: Sendable {
        let string: String
        /// Written without quotes or a block indicator: an empty plain value (`key:`) is no value.
        let isPlain: Bool
        let mark: YAMLMark
    }

    struct Mapping: Sendable {
        let pairs: [(key: YAMLNode, value: YAMLNode)]
        let mark: YAMLMark
    }

    struct Sequence: Sendable {
        let items: [YAMLNode]
        let mark: YAMLMark
    }

    /// Where the value starts.
    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }
}

/// Why a YAML text could not be composed.
struct YAMLSyntaxError: Error, Sendable {
    enum Kind: Sendable, Equatable {
        /// libyaml's scanner or parser, or the composer (an undefined alias, a second document).
        case syntax
        /// The same key more than once in one mapping: the keys, sorted.
        case duplicateKeys([String])
        /// The bytes are not text libyaml can read (an invalid or forbidden character).
        case unreadable
        /// The document is past a limit no real file reaches (aliases that expand too far, nesting
        /// too deep): the problem says which, and how to fix it.
        case tooLarge
    }
    let kind: Kind
    let problem: String
    /// Where the problem is; nil when libyaml gives no position.
    let mark: YAMLMark?
    /// What was being read when the problem was found, and where that started.
    let context: (text: String, mark: YAMLMark)?
}

/// Composes the events of libyaml (Debian's libyaml-dev, through `CLibYAML`) into `YAMLNode`s.
///
/// Yams' own composer builds its nodes through generic code with an object per event and per
/// tag, and compares every mapping's keys by hashing whole nodes; it was three quarters of the
/// time spent reading a national site's 50,000 progress files, libyaml itself a quarter. Yams'
/// node type cannot be made outside Yams (its `Mark` has no public initialiser), hence a node
/// type of our own, with the same readings: scalars as text, marks from libyaml, aliases
/// resolved, duplicate keys and extra documents rejected.
enum YAMLComposer {
    /// The single document of `text`, or nil when it holds none (empty, or only comments).
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        let result: Result<YAMLNode?, YAMLSyntaxError> = text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                return .failure(YAMLSyntaxError(kind: .unreadable, problem: "out of memory", mark: nil, context: nil))
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var composer = Composer(parser: parser)
            return Result { () throws(YAMLSyntaxError) in try composer.document() }
        }
        return try result.get()
    }

    /// The most values a document may hold once its aliases are expanded. Aliases are shared, not
    /// copied, but whatever reads the document walks every expanded value: a few lines of anchors
    /// repeating each other ("billion laughs") would keep it busy for hours.
    static let maximumExpandedValues = 1_000_000

    /// The deepest lists and mappings may nest. The composer recurses once per level, on threads
    /// with small stacks, and Debian's libyaml 0.2.5 sets no limit of its own (the copy Yams
    /// bundles stops at 1,000 too: the limit the site format has always had).
    static let maximumNesting = 1_000

    /// The problem of a document nested deeper than `maximumNesting`.
    static let tooDeep = "lists and mappings are nested more than 1,000 levels deep; content files need a handful"

    private struct Composer {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var anchors: [String: YAMLNode] = [:]
        /// The expanded size of each anchor's node, and of the document so far.
        var anchorSizes: [String: Int] = [:]
        var expanded = 0
        /// How many lists and mappings hold the node being composed.
        var depth = 0

        mutating func count(_ values: Int, at mark: YAMLMark) throws(YAMLSyntaxError) {
            expanded += values
            if expanded > YAMLComposer.maximumExpandedValues {
                throw YAMLSyntaxError(
                    kind: .tooLarge,
                    problem:
                        "aliases (*name) expand the file to more than 1,000,000 values, like a “billion laughs” YAML bomb; write the values out instead of repeating anchors",
                    mark: mark, context: nil)
            }
        }

        /// Enters a list or mapping that starts at `mark`; the caller leaves it with `depth -= 1`.
        mutating func enter(at mark: YAMLMark) throws(YAMLSyntaxError) {
            depth += 1
            if depth > YAMLComposer.maximumNesting {
                throw YAMLSyntaxError(kind: .tooLarge, problem: YAMLComposer.tooDeep, mark: mark, context: nil)
            }
        }

        init(parser: UnsafeMutablePointer<yaml_parser_t>) {
            self.parser = parser
        }

        /// The next event; the caller deletes it.
        mutating func next() throws(YAMLSyntaxError) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw failure() }
            return event
        }

        /// Skips one event of a type that holds nothing.
        mutating func skip() throws(YAMLSyntaxError) -> yaml_event_type_t {
            var event = try next()
            defer { yaml_event_delete(&event) }
            return event.type
        }

        /// The stream's only document.
        mutating func document() throws(YAMLSyntaxError) -> YAMLNode? {
            _ = try skip() // the stream's start
            guard try skip() == YAML_DOCUMENT_START_EVENT else { return nil }
            var event = try next()
            let root = try node(&event)
            _ = try skip() // the document's end
            var after = try next()
            defer { yaml_event_delete(&after) }
            if after.type != YAML_STREAM_END_EVENT {
                throw YAMLSyntaxError(
                    kind: .syntax, problem: "but found another document", mark: YAMLMark(after.start_mark),
                    context: ("expected a single document in the stream", YAMLMark(line: 1, column: 1)))
            }
            return root
        }

        /// The node `event` starts (deleting the event), with all it holds.
        mutating func node(_ event: inout yaml_event_t) throws(YAMLSyntaxError) -> YAMLNode {
            let mark = YAMLMark(event.start_mark)
            let start = expanded
            if event.type != YAML_ALIAS_EVENT {
                do { try count(1, at: mark) } catch {
                    yaml_event_delete(&event)
                    throw error
                }
            }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
                let node = YAMLNode.scalar(.init(string: string, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
                if let anchor = data.anchor {
                    anchors[String(cString: anchor)] = node
                    anchorSizes[String(cString: anchor)] = 1
                }
                yaml_event_delete(&event)
                return node
            case YAML_SEQUENCE_START_EVENT:
                let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
                yaml_event_delete(&event)
                try enter(at: mark)
                var items: [YAMLNode] = []
                while true {
                    var item = try next()
                    if item.type == YAML_SEQUENCE_END_EVENT {
                        yaml_event_delete(&item)
                        break
                    }
                    items.append(try node(&item))
                }
                depth -= 1
                let node = YAMLNode.sequence(.init(items: items, mark: mark))
                if let anchor {
                    anchors[anchor] = node
                    anchorSizes[anchor] = expanded - start
                }
                return node
            case YAML_MAPPING_START_EVENT:
                let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
                yaml_event_delete(&event)
                try enter(at: mark)
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                while true {
                    var keyEvent = try next()
                    if keyEvent.type == YAML_MAPPING_END_EVENT {
                        yaml_event_delete(&keyEvent)
                        break
                    }
                    let key = try node(&keyEvent)
                    var valueEvent = try next()
                    pairs.append((key, try node(&valueEvent)))
                }
                depth -= 1
                try Composer.checkKeys(pairs)
                let node = YAMLNode.mapping(.init(pairs: pairs, mark: mark))
                if let anchor {
                    anchors[anchor] = node
                    anchorSizes[anchor] = expanded - start
                }
                return node
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                yaml_event_delete(&event)
                guard let node = anchors[name] else {
                    throw YAMLSyntaxError(kind: .syntax, problem: "found undefined alias", mark: mark, context: nil)
                }
                try count(anchorSizes[name] ?? 1, at: mark)
                return node
            default:
                let type = event.type
                yaml_event_delete(&event)
                throw YAMLSyntaxError(kind: .syntax, problem: "unexpected event \(type.rawValue)", mark: mark, context: nil)
            }
        }

        /// Rejects a mapping whose scalar keys repeat one another; the error names every repeated
        /// key, sorted, at the first occurrence of the first of them.
        static func checkKeys(_ pairs: [(key: YAMLNode, value: YAMLNode)]) throws(YAMLSyntaxError) {
            guard pairs.count > 1 else { return }
            var seen = Set<String>(minimumCapacity: pairs.count)
            var repeated: Set<String> = []
            for pair in pairs {
                guard case .scalar(let scalar) = pair.key else { continue }
                if !seen.insert(scalar.string).inserted { repeated.insert(scalar.string) }
            }
            guard let first = repeated.min() else { return }
            let mark = pairs.lazy.compactMap { pair -> YAMLMark? in
                guard case .scalar(let scalar) = pair.key, scalar.string == first else { return nil }
                return scalar.mark
            }.first
            throw YAMLSyntaxError(kind: .duplicateKeys(repeated.sorted()), problem: "duplicate keys", mark: mark, context: nil)
        }

        /// The error libyaml has just reported.
        func failure() -> YAMLSyntaxError {
            let p = parser.pointee
            let problem = p.problem.map { String(cString: $0) } ?? "unknown problem"
            switch p.error {
            case YAML_READER_ERROR:
                return YAMLSyntaxError(kind: .unreadable, problem: problem, mark: nil, context: nil)
            case YAML_MEMORY_ERROR:
                return YAMLSyntaxError(kind: .unreadable, problem: "out of memory", mark: nil, context: nil)
            default:
                // A libyaml with a nesting limit of its own (the copy Yams bundles, in the tests) may
                // stop before the composer does: the same problem, in the same words.
                if problem.hasPrefix("Maximum nesting level reached") {
                    return YAMLSyntaxError(kind: .tooLarge, problem: YAMLComposer.tooDeep, mark: YAMLMark(p.problem_mark), context: nil)
                }
                let context = p.context.map { (String(cString: $0), YAMLMark(p.context_mark)) }
                return YAMLSyntaxError(kind: .syntax, problem: problem, mark: YAMLMark(p.problem_mark), context: context)
            }
        }
    }
}
