#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import ActiveMQConfig

/// What one broker schema allows: its global elements, their attributes with types, and the
/// property elements each may contain. Built from the generated tables (Scripts/generate-vocabulary.py).
public struct Vocabulary: Sendable {
    /// The type of an attribute, with an enumeration or a range when the schema has one.
    public struct AttributeType: Sendable, Hashable {
        /// The base type.
        public enum Base: String, Sendable, Hashable {
            /// Any text.
            case string
            /// `true`, `false`, `1`, `0`.
            case boolean
            /// A whole number.
            case integer
            /// A decimal number.
            case decimal
        }

        /// The base type.
        public var base: Base
        /// The allowed values, when enumerated.
        public var enumeration: [String]?
        /// The smallest allowed value.
        public var minimum: Int?
        /// The largest allowed value.
        public var maximum: Int?

        /// What a value must be, in words.
        public var expectation: String {
            if let enumeration { return "one of " + enumeration.joined(separator: ", ") }
            var text: String
            switch base {
            case .string: text = "text"
            case .boolean: text = "true or false"
            case .integer: text = "an integer"
            case .decimal: text = "a number"
            }
            if let minimum, let maximum { text += " from \(minimum) to \(maximum)" }
            else if let minimum { text += " of at least \(minimum)" }
            else if let maximum { text += " of at most \(maximum)" }
            return text
        }

        /// Whether a literal value fits this type.
        public func accepts(_ value: String) -> Bool {
            let trimmed = value.trimmingXMLWhitespace
            if let enumeration, !enumeration.contains(trimmed) { return false }
            switch base {
            case .string:
                return true
            case .boolean:
                return LexicalValue.boolean(trimmed) != nil
            case .integer:
                var digits = Substring(trimmed)
                if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
                guard let number = Int(trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed) else {
                    return minimum == nil && maximum == nil  // out of Int's range: only ranges can fail
                }
                if let minimum, number < minimum { return false }
                if let maximum, number > maximum { return false }
                return true
            case .decimal:
                return Double(trimmed) != nil || ["INF", "-INF", "NaN"].contains(trimmed)
            }
        }
    }

    /// What a property element may contain.
    public struct PropertyRule: Sendable, Hashable {
        /// The global elements named in the schema.
        public var references: Set<String>
        /// Whether any global element may appear.
        public var anyGlobal: Bool
        /// Whether elements of other namespaces may appear.
        public var otherNamespaces: Bool
    }

    /// One global element.
    public struct ElementRule: Sendable {
        /// Its attributes.
        public var attributes: [String: AttributeType] = [:]
        /// Its property elements.
        public var properties: [String: PropertyRule] = [:]
        /// Whether children of other namespaces may appear.
        public var otherNamespaceChildren = false
        /// Whether attributes of other namespaces may appear.
        public var otherNamespaceAttributes = false
    }

    /// The table's text, as bytes.
    private let table: [UInt8]
    /// Where each global element's block starts and ends in the table.
    private let blocks: [String: Range<Int>]
    /// Elements parsed so far (a document uses a few dozen of the hundreds a schema defines).
    private let cache = ElementCache()

    /// The names of the global elements.
    public var elementNames: Dictionary<String, Range<Int>>.Keys { blocks.keys }

    /// The rule of a global element, or nil when the schema does not define it.
    public func element(_ name: String) -> ElementRule? {
        if let cached = cache.get(name) { return cached }
        guard let range = blocks[name] else { return nil }
        let rule = table.withUnsafeBufferPointer { Self.parseBlock(UnsafeBufferPointer(rebasing: $0[range])) }
        cache.set(name, rule)
        return rule
    }

    /// Indexes a generated table: one pass for the `E name` lines; blocks are parsed on first use.
    init(table text: String) {
        self.init(tableBytes: Array(text.utf8))
    }

    /// Indexes a table given as UTF-8 bytes.
    init(tableBytes: [UInt8]) {
        table = tableBytes
        var blocks: [String: Range<Int>] = [:]
        blocks.reserveCapacity(700)
        table.withUnsafeBufferPointer { bytes in
            var current: (name: String, start: Int)?
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                if lineEnd - lineStart > 2, bytes[lineStart] == UInt8(ascii: "E"), bytes[lineStart + 1] == 0x20 {
                    if let current { blocks[current.name] = current.start..<lineStart }
                    var nameEnd = lineStart + 2
                    while nameEnd < lineEnd && bytes[nameEnd] != 0x20 { nameEnd += 1 }
                    current = (String(decoding: UnsafeBufferPointer(rebasing: bytes[(lineStart + 2)..<nameEnd]), as: UTF8.self), lineStart)
                }
                lineStart = lineEnd + 1
            }
            if let current { blocks[current.name] = current.start..<bytes.count }
        }
        self.blocks = blocks
    }

    /// Parses one element's block: its `E` line, then its `A` and `P` lines.
    private static func parseBlock(_ block: UnsafeBufferPointer<UInt8>) -> ElementRule {
        var rule = ElementRule()
        for line in block.split(separator: 0x0A) {
            let parts = line.split(separator: 0x20)
            guard parts.count >= 2, let kind = parts[0].first else { continue }
            let name = String(decoding: parts[1], as: UTF8.self)
            switch kind {
            case UInt8(ascii: "E"):
                for flag in parts.dropFirst(2) {
                    if flag.first == UInt8(ascii: "x") { rule.otherNamespaceChildren = true }
                    if flag.first == UInt8(ascii: "y") { rule.otherNamespaceAttributes = true }
                }
            case UInt8(ascii: "A"):
                guard parts.count >= 3 else { continue }
                var type = AttributeType(base: AttributeType.Base(rawValue: String(decoding: parts[2], as: UTF8.self)) ?? .string)
                for facet in parts.dropFirst(3) {
                    let text = String(decoding: facet, as: UTF8.self)
                    if text.hasPrefix("enum=") { type.enumeration = text.dropFirst(5).split(separator: "|").map(String.init) }
                    if text.hasPrefix("min=") { type.minimum = Int(text.dropFirst(4)) }
                    if text.hasPrefix("max=") { type.maximum = Int(text.dropFirst(4)) }
                }
                rule.attributes[name] = type
            case UInt8(ascii: "P"):
                guard parts.count >= 3 else { continue }
                let list = parts[2]
                let references: Set<String> = list.elementsEqual("-".utf8)
                    ? [] : Set(list.split(separator: UInt8(ascii: ",")).map { String(decoding: $0, as: UTF8.self) })
                let markers = parts.dropFirst(3)
                rule.properties[name] = PropertyRule(
                    references: references, anyGlobal: markers.contains { $0.first == UInt8(ascii: "*") },
                    otherNamespaces: markers.contains { $0.first == UInt8(ascii: "#") })
            default:
                continue
            }
        }
        return rule
    }

    /// Apache ActiveMQ's schema for ``ActiveMQVersion/defaultVersion``.
    public static var activeMQ: Vocabulary { activeMQ(.defaultVersion)!.vocabulary }

    /// The schemas carried for Apache ActiveMQ, oldest first, by the newest release each covers
    /// (`5.18.3` covers 5.18.0 to 5.18.3).
    public static var activeMQSchemas: [String] { activeMQSchemaVersions }

    /// Apache ActiveMQ's schema for a version, and the release it is named after: `MAJOR.MINOR`
    /// picks the newest schema of that line; `MAJOR.MINOR.PATCH` the schema that covers the patch.
    /// Nil for a version no carried schema covers (before 5.15 or after 6.3).
    public static func activeMQ(_ version: ActiveMQVersion) -> (vocabulary: Vocabulary, schema: String)? {
        let line = activeMQSchemaVersions.enumerated().compactMap { index, name -> (Int, Int)? in
            guard let schema = ActiveMQVersion(name), schema.major == version.major, schema.minor == version.minor,
                let patch = schema.patch
            else { return nil }
            return (index, patch)
        }
        guard let newest = line.last else { return nil }
        let index = version.patch.flatMap { patch in line.first { $0.1 >= patch }?.0 } ?? newest.0
        return (activeMQVocabularies.vocabulary(index), activeMQSchemaVersions[index])
    }

    /// The releases (schema names) whose schema has a global element of this name, oldest first.
    public static func activeMQSchemas(knowingElement name: String) -> [String] {
        activeMQSchemaVersions.indices.filter { activeMQVocabularies.vocabulary($0).element(name) != nil }.map { activeMQSchemaVersions[$0] }
    }

    /// The releases (schema names) whose schema gives this global element this attribute, oldest first.
    public static func activeMQSchemas(knowingAttribute attribute: String, of element: String) -> [String] {
        activeMQSchemaVersions.indices.filter { activeMQVocabularies.vocabulary($0).element(element)?.attributes[attribute] != nil }
            .map { activeMQSchemaVersions[$0] }
    }

    /// Each ActiveMQ schema's vocabulary, made from the union table on first use.
    private static let activeMQVocabularies = LazyVocabularies(count: activeMQSchemaVersions.count) { index in
        Vocabulary(tableBytes: unionTable(activeMQUnionTable, schema: index))
    }

    /// The lines of a union table that schema `index` has, without their masks, as UTF-8 bytes (a
    /// byte scan: this runs once per process, before the first file is linted).
    static func unionTable(_ union: String, schema index: Int) -> [UInt8] {
        var text = union
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count / 2)
            let bit = UInt64(1) << UInt64(index)
            var i = 0
            while i < bytes.count {
                var mask: UInt64 = 0
                while i < bytes.count, bytes[i] != 0x09, bytes[i] != 0x0A {
                    let c = bytes[i]
                    mask = mask << 4 | UInt64(c <= 0x39 ? c &- 0x30 : (c | 0x20) &- 0x57)
                    i += 1
                }
                guard i < bytes.count, bytes[i] == 0x09 else {
                    i += 1
                    continue
                }
                i += 1
                let start = i
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                if mask & bit != 0 {
                    out += bytes[start..<i]
                    out.append(0x0A)
                }
                i += 1
            }
            return out
        }
    }

    /// Amazon MQ's schema for an engine version (`5.15` … `5.19`).
    public static func amazonMQ(_ engineVersion: AmazonMQEngineVersion) -> Vocabulary {
        switch engineVersion {
        case .v5_15: return amazon5_15
        case .v5_16: return amazon5_16
        case .v5_17: return amazon5_17
        case .v5_18: return amazon5_18
        case .v5_19: return amazon5_19
        }
    }

    private static let amazon5_15 = Vocabulary(table: amazonMQ_5_15_16Table)
    private static let amazon5_16 = Vocabulary(table: amazonMQ_5_16_7Table)
    private static let amazon5_17 = Vocabulary(table: amazonMQ_5_17_6Table)
    private static let amazon5_18 = Vocabulary(table: amazonMQ_5_18_4Table)
    private static let amazon5_19 = Vocabulary(table: amazonMQ_5_19_1Table)
}

/// Vocabularies made on first use, each once, safely from any thread.
final class LazyVocabularies: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var made: [Vocabulary?]
    private let make: @Sendable (Int) -> Vocabulary

    init(count: Int, make: @escaping @Sendable (Int) -> Vocabulary) {
        made = Array(repeating: nil, count: count)
        self.make = make
        pthread_mutex_init(&mutex, nil)
    }
    deinit { pthread_mutex_destroy(&mutex) }

    func vocabulary(_ index: Int) -> Vocabulary {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let vocabulary = made[index] { return vocabulary }
        let vocabulary = make(index)
        made[index] = vocabulary
        return vocabulary
    }
}

/// The element rules parsed so far, shared safely between threads.
final class ElementCache: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var rules: [String: Vocabulary.ElementRule] = [:]

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func get(_ name: String) -> Vocabulary.ElementRule? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return rules[name]
    }

    func set(_ name: String, _ rule: Vocabulary.ElementRule) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        rules[name] = rule
    }
}

extension String {
    var trimmingXMLWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
