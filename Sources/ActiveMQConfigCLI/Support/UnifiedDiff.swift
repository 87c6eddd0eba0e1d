import ActiveMQConfig

/// A unified diff of two versions of a document, with secrets redacted: showing a diff is
/// printing, and a password is never printed (attributes named like a password, `user:password@`
/// and `password=` options show `***`).
enum UnifiedDiff {
    /// The diff (`--- a/FILE`, `+++ b/FILE`, hunks with three lines of context), or an empty
    /// string when nothing changed.
    static func render(_ old: [UInt8], _ new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        guard a != b else { return "" }
        // Edits are local: the differing region lies between the common prefix and suffix.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let start = max(0, prefix - context)
        let aEnd = min(a.count, a.count - suffix + context)
        let bEnd = min(b.count, b.count - suffix + context)
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        out += "@@ -\(range(start, aEnd - start)) +\(range(start, bEnd - start)) @@\n"
        for line in a[start..<prefix] { out += " " + redact(line) }
        for line in a[prefix..<(a.count - suffix)] { out += "-" + redact(line) }
        for line in b[prefix..<(b.count - suffix)] { out += "+" + redact(line) }
        for line in a[(a.count - suffix)..<aEnd] { out += " " + redact(line) }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : "\(start + 1),\(count)"
    }

    /// The document's lines, each with its line break (a last line without one gets the marker
    /// diff uses).
    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                result.append(String(decoding: current, as: UTF8.self))
                current = []
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self) + "\n\\ No newline at end of file\n") }
        return result
    }

    /// The line with literal secrets masked.
    static func redact(_ line: String) -> String {
        var out = ""
        var scalars = Substring(line).unicodeScalars[...]
        while let equals = scalars.firstIndex(of: "=") {
            let before = scalars[..<equals]
            out.unicodeScalars.append(contentsOf: before)
            out.unicodeScalars.append("=")
            scalars = scalars[scalars.index(after: equals)...]
            // Inside a host's quoted string the attribute's quotes are escaped: `password=\"…\"`.
            if scalars.first == "\\", scalars.dropFirst().first == "\"" {
                let body = scalars.dropFirst(2)
                var end = body.startIndex
                while end < body.endIndex, !(body[end] == "\\" && body.index(after: end) < body.endIndex && body[body.index(after: end)] == "\"") {
                    end = body.index(after: end)
                }
                if end < body.endIndex {
                    let name = String(String.UnicodeScalarView(before.reversed().prefix { $0.properties.isAlphabetic || $0 == ":" || $0 == "_" || $0 == "-" || $0.properties.numericType != nil }.reversed()))
                    let value = String(String.UnicodeScalarView(body[body.startIndex..<end]))
                    out += "\\\"" + (isSecretName(name) && isLiteralSecret(value) ? "***" : redactText(value)) + "\\\""
                    scalars = body[body.index(end, offsetBy: 2)...]
                    continue
                }
            }
            guard let quote = scalars.first, quote == "\"" || quote == "'",
                let close = scalars.dropFirst().firstIndex(of: quote)
            else { continue }
            let name = String(String.UnicodeScalarView(before.reversed().prefix { $0.properties.isAlphabetic || $0 == ":" || $0 == "_" || $0 == "-" || $0.properties.numericType != nil }.reversed()))
            let value = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
            let shown = isSecretName(name) && isLiteralSecret(value) ? "***" : redactText(value)
            out += "\(quote)\(shown)\(quote)"
            scalars = scalars[scalars.index(after: close)...]
        }
        out.unicodeScalars.append(contentsOf: scalars)
        return out
    }
}
