/// A scanner for exactly the Terraform (HCL native syntax) the host layer needs: comments, quoted
/// strings with their escapes, heredocs (`<<ID` and `<<-ID`), the interpolations (`${…}`) and
/// directives (`%{…}`) inside them, brackets, and the `IDENT = value` / `TYPE "label" {` shape of
/// bodies. It decodes each string as HCL does (`hclsyntax`): escapes, `$${` → `${`, `%%{` → `%{`,
/// and the flush heredoc's stripping of the common leading whitespace, keeping a byte map to the
/// host.
///
/// Limits (`Docs/hosts/terraform.md`): interpolations and directives are kept as written (they are
/// unknown values to the rules); JSON-syntax Terraform (`.tf.json`) is not read.
struct TerraformScanner {
    enum Kind: Equatable {
        case identifier, string, heredoc, open, close, equals, newline, other
    }

    /// A token; strings and heredocs carry their decoded text.
    struct Token {
        var kind: Kind
        var range: Range<Int>
        /// The opening byte of brackets: `{`, `[`, `(`, or the closing one.
        var bracket: UInt8 = 0
        var decoded: [UInt8] = []
        var map = ByteMap()
        /// The host bytes of the literal's content.
        var content: Range<Int> = 0..<0
        var isFlush = false
        /// A heredoc's marker and, with `<<-`, how many characters it strips.
        var marker = ""
        var strip = 0
    }

    let bytes: [UInt8]
    var index = 0
    var tokens: [Token] = []
    var errors: [(offset: Int, message: String)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    /// Every token of the file.
    mutating func scan() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                tokens.append(Token(kind: .newline, range: index..<(index + 1)))
                index += 1
            case UInt8(ascii: "#"):
                skipLine()
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "/"):
                skipLine()
            case UInt8(ascii: "/") where at(index + 1) == UInt8(ascii: "*"):
                let start = index
                index += 2
                while index < bytes.count && !(bytes[index] == UInt8(ascii: "*") && at(index + 1) == UInt8(ascii: "/")) { index += 1 }
                if index >= bytes.count { errors.append((start, "this comment is never closed")) }
                index = min(bytes.count, index + 2)
            case UInt8(ascii: "\""):
                tokens.append(quoted())
            case UInt8(ascii: "<") where at(index + 1) == UInt8(ascii: "<") && (at(index + 2).map(Self.isIdentifierStart) == true
                || (at(index + 2) == UInt8(ascii: "-") && at(index + 3).map(Self.isIdentifierStart) == true)):
                if let token = heredoc() { tokens.append(token) }
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("):
                tokens.append(Token(kind: .open, range: index..<(index + 1), bracket: byte))
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                tokens.append(Token(kind: .close, range: index..<(index + 1), bracket: byte))
                index += 1
            case UInt8(ascii: "=") where at(index + 1) != UInt8(ascii: "=") && at(index + 1) != UInt8(ascii: ">"):
                tokens.append(Token(kind: .equals, range: index..<(index + 1)))
                index += 1
            default:
                if Self.isIdentifierStart(byte) {
                    let start = index
                    while index < bytes.count && Self.isIdentifierByte(bytes[index]) { index += 1 }
                    tokens.append(Token(kind: .identifier, range: start..<index))
                } else {
                    tokens.append(Token(kind: .other, range: index..<(index + 1)))
                    index += 1
                }
            }
        }
    }

    mutating func skipLine() {
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
    }

    /// The end of an interpolation or directive that starts at `start` (`${` or `%{`): past its
    /// matching `}`, strings inside it skipped; nil when it never closes.
    func templateSequenceEnd(from start: Int) -> Int? {
        var depth = 0
        var i = start + 2
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                if depth == 0 { return i + 1 }
                depth -= 1
            case UInt8(ascii: "\""):
                // A string inside the expression.
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "\n") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A quoted string, decoded: backslash escapes, `$${` and `%%{`; interpolations kept.
    mutating func quoted() -> Token {
        let start = index
        index += 1
        var token = Token(kind: .string, range: start..<start)
        let contentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = index
                var decoded: [UInt8] = []
                switch at(index + 1) {
                case UInt8(ascii: "n"): decoded = [0x0A]; index += 2
                case UInt8(ascii: "r"): decoded = [0x0D]; index += 2
                case UInt8(ascii: "t"): decoded = [0x09]; index += 2
                case UInt8(ascii: "\""): decoded = [0x22]; index += 2
                case UInt8(ascii: "\\"): decoded = [0x5C]; index += 2
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let digits = at(index + 1) == UInt8(ascii: "u") ? 4 : 8
                    let hex = bytes[min(bytes.count, index + 2)..<min(bytes.count, index + 2 + digits)]
                    if hex.count == digits, let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16), let scalar = Unicode.Scalar(value) {
                        decoded = Array(String(Character(scalar)).utf8)
                        index += 2 + digits
                    } else {
                        errors.append((index, "this \\u escape needs \(digits) hexadecimal digits of a Unicode scalar"))
                        decoded = [0x5C]
                        index += 1
                    }
                default:
                    errors.append((index, "'\\' starts an escape: \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN"))
                    decoded = [0x5C]
                    index += 1
                }
                token.decoded += decoded
                token.map.append(documentCount: decoded.count, host: escapeStart..<index)
                continue
            }
            if let escaped = templateEscape(at: index) {
                token.decoded += escaped
                token.map.append(documentCount: escaped.count, host: index..<(index + 3))
                index += 3
                continue
            }
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%")) && at(index + 1) == UInt8(ascii: "{") {
                let end = min(templateSequenceEnd(from: index) ?? bytes.count, lineEnd(from: index))
                token.decoded += bytes[index..<end]
                token.map.append(documentCount: end - index, host: index..<end)
                index = end
                continue
            }
            token.decoded.append(byte)
            token.map.append(documentCount: 1, host: index..<(index + 1))
            index += 1
        }
        token.content = contentStart..<index
        if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
            index += 1
        } else {
            // Not a string HCL would read: reported, and no document.
            errors.append((start, "this string is not closed before the end of its line"))
            token.kind = .other
        }
        token.range = start..<index
        return token
    }

    func lineEnd(from offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i
    }

    /// `$${` → `${`, `%%{` → `%{`.
    func templateEscape(at offset: Int) -> [UInt8]? {
        let byte = bytes[offset]
        guard byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%"), at(offset + 1) == byte, at(offset + 2) == UInt8(ascii: "{") else { return nil }
        return [byte, UInt8(ascii: "{")]
    }

    /// Whether a scalar is white space as Go's `unicode.IsSpace` says (what the flush heredoc counts).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A heredoc, decoded: its lines up to the closing marker, `$${` and `%%{` unescaped, and for
    /// `<<-` the smallest leading white space of its non-blank lines that begin with text removed
    /// from each of them (`flushHeredocTemplateParts`).
    mutating func heredoc() -> Token? {
        let start = index
        var i = index + 2
        let flush = at(i) == UInt8(ascii: "-")
        if flush { i += 1 }
        let nameStart = i
        while i < bytes.count && Self.isIdentifierByte(bytes[i]) { i += 1 }
        let name = Array(bytes[nameStart..<i])
        // The marker ends its line (white space allowed).
        var j = i
        while j < bytes.count && (bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") || bytes[j] == UInt8(ascii: "\r")) { j += 1 }
        guard j < bytes.count, bytes[j] == UInt8(ascii: "\n") else {
            errors.append((start, "a heredoc's marker <<\(flush ? "-" : "")\(String(decoding: name, as: UTF8.self)) must end its line"))
            index = i
            return nil
        }
        // The body's lines, up to the one that holds only the marker.
        var lines: [Range<Int>] = []  // each with its newline
        var lineStart = j + 1
        var closing: Range<Int>?
        while lineStart < bytes.count {
            let end = lineEnd(from: lineStart)
            var first = lineStart
            while first < end && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) { first += 1 }
            var last = end
            while last > first && (bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t") || bytes[last - 1] == UInt8(ascii: "\r")) { last -= 1 }
            if bytes[first..<last].elementsEqual(name) {
                closing = lineStart..<end
                break
            }
            lines.append(lineStart..<min(bytes.count, end + 1))
            lineStart = end + 1
        }
        guard let closing else {
            errors.append((start, "this heredoc is never closed: no line holds only \(String(decoding: name, as: UTF8.self))"))
            index = bytes.count
            return nil
        }
        var token = Token(kind: .heredoc, range: start..<closing.upperBound)
        token.isFlush = flush
        token.marker = String(decoding: name, as: UTF8.self)
        token.content = (j + 1)..<closing.lowerBound
        // The white space to strip: per line that begins with text, its leading white space in
        // scalars; blank lines and lines that begin with an interpolation or directive count as
        // 0 (the latter) or not at all (the former).
        var strip = 0
        if flush {
            var smallest = Int.max
            for line in lines {
                let (count, blank) = leadingSpace(line)
                if blank { continue }
                smallest = min(smallest, count)
            }
            strip = smallest == Int.max ? 0 : smallest
        }
        token.strip = strip
        for line in lines {
            var from = line.lowerBound
            if flush && !leadingSpace(line).blank {
                var removed = 0
                while removed < strip && from < line.upperBound {
                    from += scalarLength(at: from)
                    removed += 1
                }
            }
            decodeTemplate(from..<line.upperBound, into: &token)
        }
        index = closing.upperBound
        return token
    }

    /// A line's leading white space in scalars, and whether the line is blank (white space only,
    /// then its newline).
    func leadingSpace(_ line: Range<Int>) -> (count: Int, blank: Bool) {
        var i = line.lowerBound
        var count = 0
        while i < line.upperBound {
            let length = scalarLength(at: i)
            guard let scalar = String(decoding: bytes[i..<min(line.upperBound, i + length)], as: UTF8.self).unicodeScalars.first,
                Self.isSpace(scalar), bytes[i] != UInt8(ascii: "\n")
            else { break }
            count += 1
            i += length
        }
        let blank = i >= line.upperBound || bytes[i] == UInt8(ascii: "\n")
        return (count, blank)
    }

    func scalarLength(at offset: Int) -> Int {
        let byte = bytes[offset]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        return min(length, bytes.count - offset)
    }

    /// Decodes template text (a heredoc line): `$${` and `%%{` unescaped, the rest as it is.
    func decodeTemplate(_ range: Range<Int>, into token: inout Token) {
        var i = range.lowerBound
        var runStart = i
        func flush(_ upTo: Int, _ token: inout Token) {
            if upTo > runStart {
                token.decoded += bytes[runStart..<upTo]
                token.map.append(documentCount: upTo - runStart, host: runStart..<upTo)
            }
        }
        while i < range.upperBound {
            if let escaped = templateEscape(at: i), i + 3 <= range.upperBound {
                flush(i, &token)
                token.decoded += escaped
                token.map.append(documentCount: escaped.count, host: i..<(i + 3))
                i += 3
                runStart = i
                continue
            }
            i += 1
        }
        flush(range.upperBound, &token)
    }
}
