
/// A strict JSON reader that keeps each value's line and column, for configuration files whose
/// mistakes must be reported where they are: no trailing commas, no comments, no duplicate keys.
package struct StrictJSON {
    /// A value and where it starts.
    package indirect enum Value {
        case object([Member])
        case array([Located])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null

        package var typeName: String {
            switch self {
            case .object: return "an object"
            case .array: return "an array"
            case .string: return "a string"
            case .number: return "a number"
            case .bool: return "true or false"
            case .null: return "null"
            }
        }
    }

    /// An object's member: its key, where the key is, and its value.
    package struct Member {
        package var key: String
        package var line: Int
        package var column: Int
        package var value: Located
    }

    /// A value at a place.
    package struct Located {
        package var value: Value
        package var line: Int
        package var column: Int
    }

    /// A syntax error at a place.
    package struct Failure: Error {
        package var message: String
        package var line: Int
        package var column: Int
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0

    /// Parses a whole document.
    package static func parse(_ bytes: [UInt8]) throws(Failure) -> Located {
        var reader = StrictJSON(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.i == bytes.count else { throw reader.failure("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var column: Int { i - lineStart + 1 }

    private func failure(_ message: String) -> Failure {
        Failure(message: message, line: line, column: column)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            default: return
            }
        }
    }

    private mutating func value() throws(Failure) -> Located {
        guard i < bytes.count else { throw failure("unexpected end of the file") }
        let (startLine, startColumn) = (line, column)
        let value: Value
        switch bytes[i] {
        case UInt8(ascii: "{"): value = try object()
        case UInt8(ascii: "["): value = try array()
        case UInt8(ascii: "\""): value = .string(try string())
        case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
        case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
        case UInt8(ascii: "n"): try literal("null"); value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try number())
        case UInt8(ascii: "/"): throw failure("comments are not allowed in JSON")
        default: throw failure("a value was expected")
        }
        return Located(value: value, line: startLine, column: startColumn)
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let utf8 = Array(word.utf8)
        guard i + utf8.count <= bytes.count, Array(bytes[i..<(i + utf8.count)]) == utf8 else { throw failure("a value was expected") }
        i += utf8.count
    }

    private mutating func number() throws(Failure) -> Double {
        let start = i
        while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
        guard let number = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else { throw failure("not a number") }
        return number
    }

    private mutating func string() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw failure("a control character in a string") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard i + 4 < bytes.count, let code = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { throw failure("a bad \\u escape") }
                    out += Array(String(Character(scalar)).utf8)
                    i += 4
                case let other where other == UInt8(ascii: "\"") || other == UInt8(ascii: "\\") || other == UInt8(ascii: "/"):
                    out.append(other)
                default: throw failure("a bad escape in a string")
                }
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        throw failure("a string is not closed")
    }

    private mutating func array() throws(Failure) -> Value {
        i += 1
        var items: [Located] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { throw failure("a trailing comma is not allowed in JSON") }
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw failure("an array is not closed") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw failure("',' or ']' was expected")
        }
    }

    private mutating func object() throws(Failure) -> Value {
        i += 1
        var members: [Member] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count else { throw failure("an object is not closed") }
            if bytes[i] == UInt8(ascii: "}") { throw failure("a trailing comma is not allowed in JSON") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw failure("a key in double quotes was expected") }
            let (keyLine, keyColumn) = (line, column)
            let key = try string()
            if members.contains(where: { $0.key == key }) {
                throw Failure(message: "the key \"\(key)\" appears twice", line: keyLine, column: keyColumn)
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("':' was expected") }
            i += 1
            skipSpace()
            members.append(Member(key: key, line: keyLine, column: keyColumn, value: try value()))
            skipSpace()
            guard i < bytes.count else { throw failure("an object is not closed") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw failure("',' or '}' was expected")
        }
    }
}
