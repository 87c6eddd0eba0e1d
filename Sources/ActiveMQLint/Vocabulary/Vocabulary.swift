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
            let trimmed = value.trimmingXMLSpace
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

    /// The generated table's text (a string literal: read in place, never copied).
    private let table: String
    /// For a line of the union table, the bit of the schema this vocabulary is (nil: a table of
    /// one schema, whose lines carry no mask).
    private let bit: UInt64?
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
        let rule = Self.withBytes(of: table) { Self.parseBlock(UnsafeBufferPointer(rebasing: $0[range]), bit: bit) }
        cache.set(name, rule)
        return rule
    }

    /// Indexes a generated table of one schema: one pass for the `E name` lines; blocks are
    /// parsed on first use.
    init(table: String) {
        self.init(table: table, bit: nil)
    }

    /// Indexes the union table for schema `index` in place: a block is an element's lines of every
    /// schema, and the element is indexed when one of its `E` lines has the schema's bit.
    init(unionTable: String, schema index: Int) {
        self.init(table: unionTable, bit: UInt64(1) << UInt64(index))
    }

    private init(table: String, bit: UInt64?) {
        self.table = table
        self.bit = bit
        var blocks: [String: Range<Int>] = [:]
        blocks.reserveCapacity(700)
        Self.withBytes(of: table) { bytes in
            var current: (name: Range<Int>, start: Int, present: Bool)?
            func close(at end: Int) {
                guard let block = current, block.present else { return }
                blocks[String(decoding: UnsafeBufferPointer(rebasing: bytes[block.name]), as: UTF8.self)] = block.start..<end
            }
            var lineStart = 0
            while lineStart < bytes.count {
                let lineEnd = Self.lineEnd(bytes, from: lineStart)
                defer { lineStart = lineEnd + 1 }
                // Only `E` lines matter here: the kind follows the mask's tab, or starts the line.
                let kindAt = bit == nil ? lineStart : (Self.tab(bytes, from: lineStart, to: lineEnd) ?? lineEnd) + 1
                guard kindAt < lineEnd, bytes[kindAt] == UInt8(ascii: "E") else { continue }
                let line = Line(bytes, lineStart..<lineEnd, masked: bit != nil)
                if line.kind == UInt8(ascii: "E") {
                    let name = line.field(0)
                    let sameElement = current.map { bytes[$0.name].elementsEqual(bytes[name]) } ?? false
                    if !sameElement {
                        close(at: lineStart)
                        current = (name, lineStart, false)
                    }
                    if bit.map({ line.mask & $0 != 0 }) ?? true { current?.present = true }
                }
            }
            close(at: bytes.count)
        }
        self.blocks = blocks
    }

    /// Where the line starting at `start` ends: its line feed, or the end of the bytes.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first tab in [start, end), if any.
    private static func tab(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            if bytes[i] == 0x09 { return i }
            i += 1
        }
        return nil
    }

    /// Calls `body` with a string's UTF-8 bytes, in place when the string is stored contiguously
    /// (a literal always is).
    private static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// One line of a table: `[MASK\t]KIND NAME FIELD…`, fields separated by single spaces; found
    /// by scanning on demand, without allocating.
    private struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The schemas that have the line (all ones for a table of one schema).
        var mask: UInt64 = ~0
        /// `E`, `A` or `P` (0 for a line that is none of them).
        var kind: UInt8 = 0
        /// The fields after the kind, the name first.
        var rest: Range<Int> = 0..<0

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, masked: Bool) {
            self.bytes = bytes
            var i = range.lowerBound
            if masked {
                var mask: UInt64 = 0
                while i < range.upperBound, bytes[i] != 0x09 {
                    let c = bytes[i]
                    mask = mask << 4 | UInt64(c <= 0x39 ? c &- 0x30 : (c | 0x20) &- 0x57)
                    i += 1
                }
                guard i < range.upperBound else { return }
                self.mask = mask
                i += 1
            }
            guard i + 1 < range.upperBound, bytes[i + 1] == 0x20 else { return }
            kind = bytes[i]
            rest = (i + 2)..<range.upperBound
        }

        /// Field `n` (0 is the name), as a range of the table's bytes; empty when there is none.
        func field(_ n: Int) -> Range<Int> {
            var start = rest.lowerBound
            var index = 0
            var i = start
            while i <= rest.upperBound {
                if i == rest.upperBound || bytes[i] == 0x20 {
                    if index == n { return start..<i }
                    index += 1
                    start = i + 1
                }
                i += 1
            }
            return rest.upperBound..<rest.upperBound
        }

        /// Calls `body` with the number (0 is the name) and range of every non-empty field, in one pass.
        func forEachField(_ body: (Int, Range<Int>) -> Void) {
            var start = rest.lowerBound
            var index = 0
            var i = start
            while i <= rest.upperBound {
                if i == rest.upperBound || bytes[i] == 0x20 {
                    if i > start { body(index, start..<i) }
                    index += 1
                    start = i + 1
                }
                i += 1
            }
        }

        /// A range of the table's bytes as a string.
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

        /// Whether a range of the table's bytes starts with `prefix`.
        func range(_ range: Range<Int>, startsWith prefix: StaticString) -> Bool {
            guard range.count >= prefix.utf8CodeUnitCount else { return false }
            return prefix.withUTF8Buffer { p in p.indices.allSatisfy { bytes[range.lowerBound + $0] == p[$0] } }
        }
    }

    /// Parses one element's block (its `E` line, then its `A` and `P` lines), keeping the lines of
    /// schema `bit` when the table is the union.
    private static func parseBlock(_ block: UnsafeBufferPointer<UInt8>, bit: UInt64?) -> ElementRule {
        var rule = ElementRule()
        // Sized once: the block's line count bounds its attributes and properties.
        let lines = block.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } } + 1
        rule.attributes.reserveCapacity(lines)
        var lineStart = 0
        while lineStart < block.count {
            let lineEnd = Self.lineEnd(block, from: lineStart)
            defer { lineStart = lineEnd + 1 }
            let line = Line(block, lineStart..<lineEnd, masked: bit != nil)
            guard line.kind != 0, bit.map({ line.mask & $0 != 0 }) ?? true else { continue }
            switch line.kind {
            case UInt8(ascii: "E"):
                line.forEachField { index, flag in
                    guard index > 0 else { return }
                    if line.range(flag, startsWith: "x") { rule.otherNamespaceChildren = true }
                    if line.range(flag, startsWith: "y") { rule.otherNamespaceAttributes = true }
                }
            case UInt8(ascii: "A"):
                var name: Range<Int>?
                var type: AttributeType?
                line.forEachField { index, field in
                    switch index {
                    case 0: name = field
                    case 1: type = AttributeType(base: AttributeType.Base(rawValue: line.string(field)) ?? .string)
                    default:
                        if line.range(field, startsWith: "enum=") {
                            type?.enumeration = line.string(field).dropFirst(5).split(separator: "|").map(String.init)
                        } else if line.range(field, startsWith: "min=") {
                            type?.minimum = Int(line.string(field).dropFirst(4))
                        } else if line.range(field, startsWith: "max=") {
                            type?.maximum = Int(line.string(field).dropFirst(4))
                        }
                    }
                }
                if let name, let type { rule.attributes[line.string(name)] = type }
            case UInt8(ascii: "P"):
                var name: Range<Int>?
                var list: Range<Int>?
                var anyGlobal = false
                var otherNamespaces = false
                line.forEachField { index, field in
                    switch index {
                    case 0: name = field
                    case 1: list = field
                    default:
                        if line.range(field, startsWith: "*") { anyGlobal = true }
                        if line.range(field, startsWith: "#") { otherNamespaces = true }
                    }
                }
                guard let name, let list else { continue }
                var references: Set<String> = []
                if !(list.count == 1 && block[list.lowerBound] == UInt8(ascii: "-")) {
                    var start = list.lowerBound
                    for i in list.lowerBound...list.upperBound where i == list.upperBound || block[i] == UInt8(ascii: ",") {
                        if i > start { references.insert(line.string(start..<i)) }
                        start = i + 1
                    }
                }
                rule.properties[line.string(name)] = PropertyRule(references: references, anyGlobal: anyGlobal, otherNamespaces: otherNamespaces)
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

    /// Each ActiveMQ schema's vocabulary, indexed in the union table on first use.
    private static let activeMQVocabularies = LazyVocabularies(count: activeMQSchemaVersions.count) { index in
        Vocabulary(unionTable: activeMQUnionTable, schema: index)
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
