/// libxml2's push parser, which the lossless reader drives, words two common mistakes less helpfully
/// than its pull parser (`xmllint`): a truncated file or an unclosed tag ends in "Extra content at
/// the end of the document", and a file that is not XML at all (YAML, JSON) in "Document is
/// empty". This restates them as the pull parser does, with the position that helps.
enum ParseErrorWording {
    /// libxml2's `XML_ERR_DOCUMENT_EMPTY`.
    static let documentEmpty = 4
    /// libxml2's `XML_ERR_DOCUMENT_END`.
    static let documentEnd = 5
    /// libxml2's `XML_ERR_ENTITYREF_SEMICOL_MISSING`.
    static let entityReferenceSemicolon = 23
    /// libxml2's `XML_ERR_ATTRIBUTE_NOT_STARTED`.
    static let attributeNotStarted = 39

    static func improve(_ diagnostics: [XMLDiagnostic], bytes: UnsafeBufferPointer<UInt8>,
                        position: (Int) -> SourcePosition) -> [XMLDiagnostic] {
        guard let first = diagnostics.first else { return diagnostics }
        var better = first
        if first.code == documentEnd, let open = innermostUnclosed(bytes) {
            // The input ends inside an element: name it and the line it starts on, at the end of data.
            let end = position(bytes.count)
            better = XMLDiagnostic(severity: first.severity, message: "Premature end of data in tag \(open.name) line \(open.line)",
                                   line: end.line, column: end.column, code: 77)
        } else if let start = Optional(bytes.firstIndex(where: { !isXMLWhitespace($0) })),
            (first.code == documentEmpty && start.map { bytes[$0] != UInt8(ascii: "<") } ?? true)
                || (first.code == documentEnd && !bytes.contains(UInt8(ascii: "<")))
        {
            // Not XML at all: YAML, JSON, a properties file, or only whitespace.
            let at = position(start ?? bytes.count)
            better = XMLDiagnostic(severity: first.severity, message: "Start tag expected, '<' not found", line: at.line, column: at.column, code: 4)
        } else if first.code == entityReferenceSemicolon {
            better.message += " (a bare '&', as in a URL's query, is written &amp; in XML)"
        } else if first.code == attributeNotStarted, let line = first.line, lineHoldsTypographicQuote(bytes, line: line) {
            better.message += " (“ ” and ‘ ’ are typographic quotes, not XML's: use \" or ')"
        } else {
            return diagnostics
        }
        return [better] + diagnostics.dropFirst()
    }

    /// Whether the 1-based line holds a typographic quote (U+2018, U+2019, U+201C, U+201D).
    static func lineHoldsTypographicQuote(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Bool {
        var current = 1
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x0A { current += 1 }
            if current == line, bytes[i] == 0xE2, bytes[i + 1] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(bytes[i + 2]) { return true }
            if current > line { return false }
            i += 1
        }
        return false
    }

    /// The innermost element still open at the end of the bytes, with its 1-based line; nil when
    /// every element is closed. A scan for tags only: libxml2 has already judged the markup.
    static func innermostUnclosed(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, line: Int)? {
        var stack: [(name: Slice<UnsafeBufferPointer<UInt8>>, line: Int)] = []
        var line = 1
        var i = 0
        let n = bytes.count
        func starts(_ text: String, at index: Int) -> Bool {
            let utf8 = Array(text.utf8)
            return index + utf8.count <= n && (0..<utf8.count).allSatisfy { bytes[index + $0] == utf8[$0] }
        }
        func skip(to terminator: String, from index: Int) -> Int {
            var j = index
            while j < n && !starts(terminator, at: j) {
                if bytes[j] == 0x0A { line += 1 }
                j += 1
            }
            return min(n, j + terminator.utf8.count)
        }
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<!--", at: i) { i = skip(to: "-->", from: i + 4); continue }
            if starts("<![CDATA[", at: i) { i = skip(to: "]]>", from: i + 9); continue }
            if starts("<?", at: i) { i = skip(to: "?>", from: i + 2); continue }
            if starts("<!", at: i) { i = skip(to: ">", from: i + 2); continue }
            let closing = i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")
            let tagLine = line
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < n, !isXMLWhitespace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let name = bytes[nameStart..<j]
            // To the end of the tag, past quoted values.
            var quote: UInt8?
            var selfClosing = false
            while j < n {
                let c = bytes[j]
                if c == 0x0A { line += 1 }
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    selfClosing = j > 0 && bytes[j - 1] == UInt8(ascii: "/")
                    break
                }
                j += 1
            }
            if j >= n {
                // The data ends inside this tag.
                if !closing { stack.append((name, tagLine)) }
                break
            }
            if closing {
                if let last = stack.lastIndex(where: { $0.name.elementsEqual(name) }) { stack.removeSubrange(last...) }
            } else if !selfClosing {
                stack.append((name, tagLine))
            }
            i = j + 1
        }
        guard let open = stack.last else { return nil }
        return (String(decoding: open.name, as: UTF8.self), open.line)
    }
}
