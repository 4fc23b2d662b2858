/// A typed value a template draws: a page's model or a part of one.
///
/// A model is a plain structure whose stored properties are what its template may name, each
/// under its name in snake case (`hasOverdue` is `{{has_overdue}}`), and whose `///` comments are
/// the template reference (`docs/templates.md` is made from them; see `TemplateReferenceTests`).
/// Text is `String`, a flag `Bool`, finished HTML ``HTMLBytes``, a list an array, a mapping a
/// nested model; an optional that is nil is absent, so `{{#x}}…{{/x}}` skips it.
///
/// A model is turned into the ``PageValue`` the template engine renders by its `Encodable`
/// conformance (``TemplateEncoder``), and the names it offers are read from its `Decodable` one
/// (``TemplateShape``), so that a template naming a value its page lacks can be reported.
protocol TemplateModel: Codable, Sendable {
    /// The model's values as the engine reads them. The default goes through ``TemplateEncoder``;
    /// the models made hundreds of thousands of times on a national site (rows, links) write them
    /// by hand, and `TemplateEncoderTests` checks that every site page comes out the same both ways.
    var templateValue: PageValue { get }
}

extension TemplateModel {
    var templateValue: PageValue { TemplateEncoder.generic(self) }
}

/// A list of models, so that the encoder makes its mapping without a container per item.
protocol TemplateModelList {
    var templateValue: PageValue { get }
}

extension Array: TemplateModelList where Element: TemplateModel {
    var templateValue: PageValue {
        var maps: [PageMap] = []
        maps.reserveCapacity(count)
        for item in self {
            guard case .map(let map) = item.templateValue else { return TemplateEncoder.generic(self) }
            maps.append(map)
        }
        return .maps(maps)
    }
}

/// A value whose names a template sees beside those of the model holding it, not under a name of
/// its own (see ``Flattened``).
protocol FlattenedTemplateModel: TemplateModel {}

/// A model property whose names join those of the model holding it: a task row has its task
/// link's `title` and `href` as its own, as `{{title}}`, not `{{task.title}}`.
@propertyWrapper
struct Flattened<Model: TemplateModel>: FlattenedTemplateModel {
    var wrappedValue: Model

    init(wrappedValue: Model) { self.wrappedValue = wrappedValue }
    init(from decoder: any Decoder) throws { wrappedValue = try Model(from: decoder) }
    func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

/// Finished HTML as a model's property (a chart, a page's body).
extension HTMLBytes: Codable {
    init(from decoder: any Decoder) throws { self.init(bytes: Array(try decoder.singleValueContainer().decode(String.self).utf8)) }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: bytes, as: UTF8.self))
    }
}

/// The snake-case name a template uses for a property: `hasOverdue` → `has_overdue`, `bodyHTML` → `body_html`.
func templateName(_ property: String) -> String {
    guard property.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return property }
    var out: [UInt8] = []
    out.reserveCapacity(property.utf8.count + 4)
    let bytes = Array(property.utf8)
    for (i, byte) in bytes.enumerated() {
        let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
        if upper {
            // A word starts at an upper-case letter after a lower-case one, or at the last upper-case
            // letter of a run followed by a lower-case one ("HTMLBytes" → "html_bytes").
            let previousLower = i > 0 && !(bytes[i - 1] >= UInt8(ascii: "A") && bytes[i - 1] <= UInt8(ascii: "Z"))
            let nextLower = i + 1 < bytes.count && bytes[i + 1] >= UInt8(ascii: "a") && bytes[i + 1] <= UInt8(ascii: "z")
            let previousUpper = i > 0 && !previousLower
            if i > 0 && (previousLower || (previousUpper && nextLower)) { out.append(UInt8(ascii: "_")) }
            out.append(byte + 32)
        } else {
            out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}

// MARK: - Models to page values

/// Turns a ``TemplateModel`` into the ``PageValue`` the template engine renders.
///
/// Strings become text, booleans flags, ``HTMLBytes`` HTML, arrays lists (of mappings when their
/// items are models), models mappings; nil optionals are left out. Written for speed: pages are
/// encoded hundreds of thousands of times on a national site.
enum TemplateEncoder {
    /// While true (`TemplateEncoder.$genericOnly.withValue(true) { … }`), the models' hand-written
    /// values are not used: what the tests compare them with.
    @TaskLocal static var genericOnly = false

    static func encode(_ model: some TemplateModel) -> PageMap {
        if case .map(let map) = genericOnly ? generic(model) : model.templateValue { return map }
        return PageMap()
    }

    /// The page value of any encodable value, through the encoder.
    static func generic(_ value: some Encodable) -> PageValue {
        let encoder = ValueEncoder()
        try? value.encode(to: encoder)
        return encoder.result
    }

    /// The page value of any encodable value.
    static func value(_ value: some Encodable) -> PageValue {
        if let fast = fastValue(value) { return fast }
        return generic(value)
    }

    /// The values that need no encoder of their own: text, flags, HTML, and models and lists of
    /// them that write their values by hand.
    @inline(__always)
    static func fastValue(_ value: some Encodable) -> PageValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let html as HTMLBytes: return .html(html)
        case let model as any TemplateModel where !genericOnly && !(model is any FlattenedTemplateModel): return model.templateValue
        case let list as any TemplateModelList where !genericOnly: return list.templateValue
        default: return nil
        }
    }

    /// Collects one value: a mapping, a list or a single value, whichever container is asked for.
    final class ValueEncoder: Encoder {
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        /// The mapping being filled, when a keyed container was asked for.
        var map: PageMap?
        /// The items, when an unkeyed container was asked for.
        var items: [PageValue]?
        /// The single value, when one was asked for.
        var single: PageValue?

        var result: PageValue {
            if let map { return .map(map) }
            if let items { return ValueEncoder.list(items) }
            return single ?? .flag(false)
        }

        /// A list of mappings is `.maps`, the form the engine iterates fastest.
        static func list(_ items: [PageValue]) -> PageValue {
            var maps: [PageMap] = []
            maps.reserveCapacity(items.count)
            for item in items {
                guard case .map(let map) = item else { return .list(items) }
                maps.append(map)
            }
            return .maps(maps)
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if map == nil { map = PageMap() }
            return KeyedEncodingContainer(Keyed<Key>(encoder: self))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if items == nil { items = [] }
            return Unkeyed(encoder: self)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

        struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
            let encoder: ValueEncoder
            var codingPath: [any CodingKey] { [] }

            private func set(_ value: PageValue, _ key: Key) { encoder.map![templateName(key.stringValue)] = value }

            mutating func encodeNil(forKey key: Key) throws {}
            mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
            mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
            mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
                if let fast = TemplateEncoder.fastValue(value) { return set(fast, key) }
                if value is any FlattenedTemplateModel {
                    // Its names join this mapping's.
                    try value.encode(to: encoder)
                    return
                }
                let inner = ValueEncoder()
                try value.encode(to: inner)
                set(inner.result, key)
            }
            mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
                fatalError("template models do not nest containers by hand")
            }
            mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
                fatalError("template models do not nest containers by hand")
            }
            mutating func superEncoder() -> any Encoder { encoder }
            mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
        }

        struct Unkeyed: UnkeyedEncodingContainer {
            let encoder: ValueEncoder
            var codingPath: [any CodingKey] { [] }
            var count: Int { encoder.items?.count ?? 0 }

            mutating func encodeNil() throws {}
            mutating func encode<T: Encodable>(_ value: T) throws { encoder.items!.append(TemplateEncoder.value(value)) }
            mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
                fatalError("template models do not nest containers by hand")
            }
            mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
                fatalError("template models do not nest containers by hand")
            }
            mutating func superEncoder() -> any Encoder { encoder }
        }

        struct Single: SingleValueEncodingContainer {
            let encoder: ValueEncoder
            var codingPath: [any CodingKey] { [] }

            mutating func encodeNil() throws {}
            mutating func encode(_ value: Bool) throws { encoder.single = .flag(value) }
            mutating func encode(_ value: String) throws { encoder.single = .text(value) }
            mutating func encode<T: Encodable>(_ value: T) throws { encoder.single = TemplateEncoder.value(value) }
        }
    }
}

// MARK: - The names a model offers

/// What a template may name in a value: the shape of a model, read from its type.
indirect enum TemplateShape: Sendable, Equatable {
    /// Text, HTML or a flag: printed, or a section that renders once (or not at all).
    case scalar
    /// A list: a section renders once per item, inside it.
    case list(TemplateShape)
    /// A mapping of names.
    case map([String: TemplateShape])
    /// A value whose names are not known ahead (the site's words, checked on their own).
    case open

    /// The shape of a model type, read through its `Decodable` conformance.
    static func of<T: Decodable>(_ type: T.Type) -> TemplateShape {
        let decoder = ShapeDecoder()
        _ = try? T(from: decoder)
        return decoder.shape
    }

    /// The names of a mapping, or none.
    var names: [String: TemplateShape] {
        if case .map(let names) = self { return names }
        return [:]
    }

    /// The shape a section's body sees: a list's item, anything else itself.
    var inside: TemplateShape {
        if case .list(let item) = self { return item }
        return self
    }

    /// Decodes a type with placeholder values, writing down every name asked for and its shape.
    final class ShapeDecoder: Decoder {
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        var names: [String: TemplateShape]?
        var item: TemplateShape?
        var isScalar = false

        var shape: TemplateShape {
            if let names { return .map(names) }
            if let item { return .list(item) }
            return .scalar
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
            if names == nil { names = [:] }
            return KeyedDecodingContainer(Keyed<Key>(decoder: self))
        }
        func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed(decoder: self) }
        func singleValueContainer() -> any SingleValueDecodingContainer { Single(decoder: self) }

        /// A placeholder of `T`, its shape recorded in `shape`.
        static func placeholder<T: Decodable>(_ type: T.Type, shape: inout TemplateShape) throws -> T {
            if T.self == String.self {
                shape = .scalar
                return "" as! T
            }
            if T.self == Bool.self {
                shape = .scalar
                return false as! T
            }
            if T.self == HTMLBytes.self {
                shape = .scalar
                return HTMLBytes(bytes: []) as! T
            }
            let inner = ShapeDecoder()
            let value = try T(from: inner)
            shape = inner.shape
            return value
        }

        struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
            let decoder: ShapeDecoder
            var codingPath: [any CodingKey] { [] }
            var allKeys: [Key] { [] }
            func contains(_ key: Key) -> Bool { true }

            private func record(_ key: Key, _ shape: TemplateShape) { decoder.names![templateName(key.stringValue)] = shape }

            func decodeNil(forKey key: Key) throws -> Bool { false }
            func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
                record(key, .scalar)
                return false
            }
            func decode(_ type: String.Type, forKey key: Key) throws -> String {
                record(key, .scalar)
                return ""
            }
            func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
                if let flattened = type as? any FlattenedTemplateModel.Type {
                    // Its names join this mapping's.
                    return try flattened.init(from: decoder) as! T
                }
                var shape = TemplateShape.scalar
                let value = try ShapeDecoder.placeholder(type, shape: &shape)
                record(key, shape)
                return value
            }
            func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decode(type, forKey: key) }
            func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decode(type, forKey: key) }
            func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decode(type, forKey: key) }
            func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "template models do not nest containers by hand"))
            }
            func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "template models do not nest containers by hand"))
            }
            func superDecoder() throws -> any Decoder { decoder }
            func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
        }

        /// A list of one placeholder item.
        struct Unkeyed: UnkeyedDecodingContainer {
            let decoder: ShapeDecoder
            var codingPath: [any CodingKey] { [] }
            var count: Int? { 1 }
            var isAtEnd: Bool { decoder.item != nil }
            var currentIndex: Int { decoder.item == nil ? 0 : 1 }

            mutating func decodeNil() throws -> Bool { false }
            mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
                var shape = TemplateShape.scalar
                let value = try ShapeDecoder.placeholder(type, shape: &shape)
                decoder.item = shape
                return value
            }
            mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "template models do not nest containers by hand"))
            }
            mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "template models do not nest containers by hand"))
            }
            mutating func superDecoder() throws -> any Decoder { decoder }
        }

        struct Single: SingleValueDecodingContainer {
            let decoder: ShapeDecoder
            var codingPath: [any CodingKey] { [] }
            func decodeNil() -> Bool { false }
            func decode(_ type: Bool.Type) throws -> Bool { false }
            func decode(_ type: String.Type) throws -> String { "" }
            func decode<T: Decodable>(_ type: T.Type) throws -> T {
                var shape = TemplateShape.scalar
                return try ShapeDecoder.placeholder(type, shape: &shape)
            }
        }
    }
}
