// Small text helpers shared by the modules of this package (package access: not public API).

extension String {
    /// The string with every occurrence of `target` replaced.
    package func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The string padded on the left with zeros to `width` characters.
    package func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// A JSON value with ordered keys, written without Foundation (shared by the reports and listings).
package enum JSONText: Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case number(Int)
    /// A boolean.
    case bool(Bool)
    /// null.
    case null
    /// An array.
    case array([JSONText])
    /// An object, keys in order.
    case object([(String, JSONText)])

    /// A string, or null.
    package static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    package func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .string(let s): JSONText.escape(s, into: &out)
        case .number(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += indent + "  "
                JSONText.escape(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + "  ")
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
