/// Decodes one YAML scalar from its place in the host's bytes, with a byte map: literal (`|`) and
/// folded (`>`) block scalars with their chomping and indentation indicators, double-quoted scalars
/// with their escapes and line folding, single-quoted ones, and single-line plain ones. Line breaks
/// (`\n`, `\r\n`) become `\n`, as YAML says.
///
/// The reader of the YAML structure (Yams, over libyaml) gives each scalar's start and its value;
/// this scanner is trusted only where its value equals that one (``YAMLFile`` checks), so a form it
/// reads differently still gets the right text, with positions at the scalar's start.
struct YAMLScalarScanner {
    let bytes: [UInt8]

    struct Decoded {
        var bytes: [UInt8] = []
        var map = ByteMap()
        var end = 0
        var isFolded = false
        var isMultiLineQuoted = false
        var encoding: HostEncoding?

        mutating func append(_ decoded: [UInt8], from host: Range<Int>) {
            bytes += decoded
            map.append(documentCount: decoded.count, host: host)
        }
    }

    func at(_ offset: Int) -> UInt8? { offset >= 0 && offset < bytes.count ? bytes[offset] : nil }

    func lineStart(of offset: Int) -> Int {
        var i = offset
        while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    func lineEnd(from offset: Int) -> Int {
        var i = offset
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return i
    }

    /// The end of a line's content: before `\r\n` or `\n`.
    func contentEnd(_ end: Int) -> Int { end > 0 && at(end - 1) == UInt8(ascii: "\r") ? end - 1 : end }

    func spaces(from offset: Int, to end: Int) -> Int {
        var i = offset
        while i < end && bytes[i] == UInt8(ascii: " ") { i += 1 }
        return i - offset
    }

    /// Skips a node's properties (`!tag`, `&anchor`) and the white space after them.
    func skipProperties(from offset: Int) -> Int {
        var i = offset
        while let byte = at(i), byte == UInt8(ascii: "!") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "&") {
                while let next = at(i), next != UInt8(ascii: " "), next != UInt8(ascii: "\t"), next != UInt8(ascii: "\n") { i += 1 }
            } else {
                i += 1
            }
        }
        return i
    }

    /// The scalar that starts at `offset` (its properties, if any, first).
    func decode(at offset: Int) -> Decoded? {
        let start = skipProperties(from: offset)
        var decoded: Decoded?
        switch at(start) {
        case UInt8(ascii: "|")?, UInt8(ascii: ">")?: decoded = block(at: start)
        case UInt8(ascii: "\"")?:
            decoded = quoted(at: start, double: true)
            decoded?.encoding = .yamlDoubleQuoted
        case UInt8(ascii: "'")?:
            decoded = quoted(at: start, double: false)
            decoded?.encoding = .yamlSingleQuoted
        case nil: return nil
        default:
            decoded = plain(at: start)
            decoded?.encoding = .yamlPlain
        }
        if decoded?.isFolded == true || decoded?.isMultiLineQuoted == true { decoded?.encoding = nil }
        return decoded
    }

    /// A block scalar: header, then its lines at their indentation, then chomping.
    func block(at start: Int) -> Decoded? {
        let folded = bytes[start] == UInt8(ascii: ">")
        var i = start + 1
        var chomp: UInt8 = 0  // 0 clip, '-' strip, '+' keep
        var explicit = 0
        for _ in 0..<2 {
            guard let byte = at(i) else { break }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                chomp = byte
                i += 1
            } else if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") {
                explicit = Int(byte - UInt8(ascii: "0"))
                i += 1
            }
        }
        let headerEnd = lineEnd(from: i)
        // The parent's indentation: the header line's (a key or `- ` at the start of it).
        let headerLine = lineStart(of: start)
        let parentIndent = spaces(from: headerLine, to: headerEnd)
        var indent = explicit > 0 ? parentIndent + explicit : 0
        var lines: [(start: Int, end: Int, next: Int)] = []  // content start (line start), content end, next line
        var cursor = headerEnd + 1
        // Auto-detected indentation: the first non-blank line's.
        if indent == 0 {
            var probe = cursor
            while probe < bytes.count {
                let end = contentEnd(lineEnd(from: probe))
                let count = spaces(from: probe, to: end)
                if probe + count < end {
                    indent = count
                    break
                }
                probe = lineEnd(from: probe) + 1
            }
            if indent <= parentIndent && !(parentIndent == 0 && indent > 0) {
                indent = max(indent, parentIndent + 1)
            }
        }
        while cursor < bytes.count {
            let end = lineEnd(from: cursor)
            let content = contentEnd(end)
            let count = spaces(from: cursor, to: content)
            let blank = cursor + count >= content
            if !blank && count < indent { break }
            if count == 0 && !blank {
                // A document marker ends the scalar.
                let text = bytes[cursor..<content]
                if text.starts(with: Array("---".utf8)) || text.starts(with: Array("...".utf8)) { break }
            }
            lines.append((cursor, content, min(bytes.count, end + 1)))
            cursor = end + 1
        }
        var decoded = Decoded()
        decoded.isFolded = folded
        decoded.encoding = .yamlBlock(indent: indent)
        // The lines' text, each with its break.
        var texts: [(text: Range<Int>, breakRange: Range<Int>, blank: Bool, moreIndented: Bool)] = []
        for line in lines {
            let count = spaces(from: line.start, to: line.end)
            // Spaces beyond the indentation are content, even on a line of nothing else.
            let blank = line.start + count >= line.end && count <= indent
            let from = blank ? min(line.end, line.start + min(count, indent)) : line.start + indent
            let moreIndented = !blank && from < line.end && (bytes[from] == UInt8(ascii: " ") || bytes[from] == UInt8(ascii: "\t"))
            texts.append((from..<line.end, line.end..<line.next, blank, moreIndented))
        }
        // Trailing blank lines are chomping's.
        var lastContent = texts.lastIndex { !$0.blank } ?? -1
        if lastContent < 0 { lastContent = -1 }
        for (index, line) in texts.enumerated() where index <= lastContent {
            if line.blank {
                if !folded { decoded.append(Array(bytes[line.text]), from: line.text) }
            } else {
                decoded.append(Array(bytes[line.text]), from: line.text)
            }
            guard index < lastContent else { break }
            // The break after this line.
            if folded {
                let next = texts[index + 1]
                if line.blank {
                    decoded.append([0x0A], from: line.breakRange)
                } else if next.blank || line.moreIndented || next.moreIndented {
                    // A break before an empty or more-indented line stays; the first before empty lines goes.
                    if line.moreIndented || next.moreIndented {
                        decoded.append([0x0A], from: line.breakRange)
                    } else {
                        decoded.map.append(documentCount: 0, host: line.breakRange)
                    }
                } else {
                    decoded.append([0x20], from: line.breakRange)
                }
            } else {
                decoded.append([0x0A], from: line.breakRange)
            }
        }
        if lastContent >= 0 {
            let final = texts[lastContent]
            switch chomp {
            case UInt8(ascii: "-"): break
            case UInt8(ascii: "+"):
                if !final.breakRange.isEmpty { decoded.append([0x0A], from: final.breakRange) }
                for line in texts[(lastContent + 1)...] where !line.breakRange.isEmpty { decoded.append([0x0A], from: line.breakRange) }
            default:
                if !final.breakRange.isEmpty { decoded.append([0x0A], from: final.breakRange) }
            }
        }
        decoded.end = lines.last?.next ?? (headerEnd + 1)
        return decoded
    }

    /// A double- or single-quoted scalar: escapes (double), `''` (single), and line folding.
    func quoted(at start: Int, double: Bool) -> Decoded? {
        var decoded = Decoded()
        var i = start + 1
        let quote: UInt8 = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote {
                if !double && at(i + 1) == quote {
                    decoded.append([quote], from: i..<(i + 2))
                    i += 2
                    continue
                }
                decoded.end = i + 1
                return decoded
            }
            if double && byte == UInt8(ascii: "\\") {
                guard let next = at(i + 1) else { return nil }
                if next == UInt8(ascii: "\n") || (next == UInt8(ascii: "\r") && at(i + 2) == UInt8(ascii: "\n")) {
                    // An escaped line break: nothing, and the next line's leading white space goes.
                    var j = i + (next == UInt8(ascii: "\r") ? 3 : 2)
                    while let w = at(j), w == UInt8(ascii: " ") || w == UInt8(ascii: "\t") { j += 1 }
                    decoded.map.append(documentCount: 0, host: i..<j)
                    decoded.isMultiLineQuoted = true
                    i = j
                    continue
                }
                var value: [UInt8]
                var length = 2
                switch next {
                case UInt8(ascii: "0"): value = [0]
                case UInt8(ascii: "a"): value = [7]
                case UInt8(ascii: "b"): value = [8]
                case UInt8(ascii: "t"), 0x09: value = [9]
                case UInt8(ascii: "n"): value = [10]
                case UInt8(ascii: "v"): value = [11]
                case UInt8(ascii: "f"): value = [12]
                case UInt8(ascii: "r"): value = [13]
                case UInt8(ascii: "e"): value = [0x1B]
                case UInt8(ascii: " "): value = [0x20]
                case UInt8(ascii: "\""): value = [0x22]
                case UInt8(ascii: "/"): value = [0x2F]
                case UInt8(ascii: "\\"): value = [0x5C]
                case UInt8(ascii: "N"): value = Array("\u{85}".utf8)
                case UInt8(ascii: "_"): value = Array("\u{A0}".utf8)
                case UInt8(ascii: "L"): value = Array("\u{2028}".utf8)
                case UInt8(ascii: "P"): value = Array("\u{2029}".utf8)
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let digits = next == UInt8(ascii: "x") ? 2 : next == UInt8(ascii: "u") ? 4 : 8
                    guard i + 2 + digits <= bytes.count, let number = UInt32(String(decoding: bytes[(i + 2)..<(i + 2 + digits)], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(number)
                    else { return nil }
                    value = Array(String(Character(scalar)).utf8)
                    length = 2 + digits
                default: return nil
                }
                decoded.append(value, from: i..<(i + length))
                i += length
                continue
            }
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && at(i + 1) == UInt8(ascii: "\n")) {
                // Folding: trailing white space of this line goes, then one space, or a break per
                // empty line; the next line's leading white space goes.
                decoded.isMultiLineQuoted = true
                var trailing = decoded.bytes.count
                while trailing > 0, decoded.bytes[trailing - 1] == UInt8(ascii: " ") || decoded.bytes[trailing - 1] == UInt8(ascii: "\t") { trailing -= 1 }
                if trailing < decoded.bytes.count { return nil }  // escaped trailing spaces are handled above; plain ones: let the caller fall back
                var j = i
                var breaks = 0
                while j < bytes.count {
                    if bytes[j] == UInt8(ascii: "\r") { j += 1; continue }
                    if bytes[j] == UInt8(ascii: "\n") {
                        breaks += 1
                        j += 1
                        while let w = at(j), w == UInt8(ascii: " ") || w == UInt8(ascii: "\t") { j += 1 }
                        continue
                    }
                    break
                }
                let value: [UInt8] = breaks == 1 ? [0x20] : Array(repeating: 0x0A, count: breaks - 1)
                decoded.append(value, from: i..<j)
                i = j
                continue
            }
            decoded.append([byte], from: i..<(i + 1))
            i += 1
        }
        return nil
    }

    /// A plain scalar on one line: up to ` #` or the end of the line, trailing white space trimmed.
    func plain(at start: Int) -> Decoded? {
        let end = contentEnd(lineEnd(from: start))
        var stop = end
        var i = start
        while i < end {
            if bytes[i] == UInt8(ascii: "#"), i > start, bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t") {
                stop = i
                break
            }
            i += 1
        }
        while stop > start, bytes[stop - 1] == UInt8(ascii: " ") || bytes[stop - 1] == UInt8(ascii: "\t") { stop -= 1 }
        var decoded = Decoded()
        decoded.append(Array(bytes[start..<stop]), from: start..<stop)
        decoded.end = stop
        return decoded
    }
}
