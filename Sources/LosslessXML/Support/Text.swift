// Small text helpers shared by the modules of this package (package access: not public API).

extension StringProtocol {
    /// The first range of `needle` in the text, found by comparing UTF-8 bytes.
    ///
    /// The string-processing module's `firstRange(of:)` and `contains(_:)` compare characters by
    /// canonical equivalence, at many times the cost, and their first call sets up generic machinery
    /// that is a measurable part of the tool's start-up (Docs/performance.md). The package searches
    /// for ASCII markers (`${`, `://`, `.mq.`, `password`), where both agree except next to a
    /// combining mark, which no marker it looks for is followed by in a valid value.
    package func firstUTF8Range(of needle: some StringProtocol) -> Range<Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return startIndex..<startIndex }
        var start = haystack.startIndex
        while let candidate = haystack[start...].firstIndex(of: first) {
            var i = candidate
            var j = 0
            while j < pattern.count, i < haystack.endIndex, haystack[i] == pattern[j] {
                haystack.formIndex(after: &i)
                j += 1
            }
            if j == pattern.count { return candidate..<i }
            start = haystack.index(after: candidate)
        }
        return nil
    }

    /// Whether `needle` occurs in the text, comparing UTF-8 bytes (see ``firstUTF8Range(of:)``).
    package func containsUTF8(_ needle: some StringProtocol) -> Bool {
        firstUTF8Range(of: needle) != nil
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (compared as UTF-8 bytes).
    package func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstUTF8Range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
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

extension String {
    /// The text without leading and trailing XML whitespace (space, tab, line feed, carriage
    /// return): the one trimmer of the package.
    package var trimmingXMLSpace: String {
        // On the UTF-8 bytes: XML's four whitespace characters are ASCII, so every index found is a
        // scalar boundary, and no generic collection adaptor is instantiated on the way.
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return self }
        return String(self[first...last])
    }
}
