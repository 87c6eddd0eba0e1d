// The lossless lexer: one forward pass over the bytes that records the span of every node,
// start tag, attribute (with its quote and surrounding whitespace) and end tag. It never
// recurses and never decodes: encodings it accepts are ASCII-compatible, so markup is bytes.
//
// libxml2 remains the parser of record: it checks the same bytes, and the two are compared
// element by element during every parse (see LibXML2Parse.swift).

struct LexError: Error {
    var message: String
    var offset: Int
    /// A limit was exceeded (rather than the lexer not understanding the bytes).
    var isLimit = false
}

/// Elements may nest at most this deep: libxml2's own limit without huge mode
/// (`xmlParserMaxDepth`), which its push parser does not enforce by itself.
let maximumElementDepth = 256

private let LT: UInt8 = 0x3C  // <
private let GT: UInt8 = 0x3E  // >
private let SLASH: UInt8 = 0x2F
private let BANG: UInt8 = 0x21
private let QUESTION: UInt8 = 0x3F
private let EQUALS: UInt8 = 0x3D
private let DQUOTE: UInt8 = 0x22
private let SQUOTE: UInt8 = 0x27
private let COLON: UInt8 = 0x3A
private let LBRACKET: UInt8 = 0x5B
private let RBRACKET: UInt8 = 0x5D
private let PERCENT: UInt8 = 0x25
private let SEMICOLON: UInt8 = 0x3B

@inline(__always) func isXMLWhitespace(_ c: UInt8) -> Bool {
    c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D
}

@inline(__always) private func endsName(_ c: UInt8) -> Bool {
    isXMLWhitespace(c) || c == SLASH || c == GT || c == LT || c == EQUALS || c == DQUOTE || c == SQUOTE
}

struct LexResult {
    var nodes: [RawNode] = []
    var elements: [RawElement] = []
    var attributes: [RawAttribute] = []
    var entities: [String: EntityDeclaration] = [:]
    var declaredEncoding: String?
    var hasByteOrderMark = false
}

struct Lexer {
    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private var pos = 0
    private(set) var result = LexResult()
    /// Open elements: element indices, innermost last.
    private var open: [Int32] = []
    /// Last child node of each open element, parallel to `open`; and of the document.
    private var lastChild: [Int32] = []
    private var lastTopLevel: Int32 = -1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        n = bytes.count
        let estimate = max(16, n / 48)
        result.nodes.reserveCapacity(estimate * 2)
        result.elements.reserveCapacity(estimate)
        result.attributes.reserveCapacity(estimate)
    }

    /// The encoding named in the XML declaration, read without lexing the rest (encoding
    /// support is decided before anything else).
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lexer = Lexer(UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 1024)]))
        if lexer.startsWith([0xEF, 0xBB, 0xBF]) { lexer.pos = 3 }
        guard lexer.isXMLDeclarationStart() else { return nil }
        let start = lexer.pos
        guard let end = lexer.find2(QUESTION, GT, from: start + 5) else { return nil }
        return lexer.pseudoAttribute("encoding", in: start..<end)
    }

    /// Moves the tables out of the lexer (so they are not copied when the caller mutates them).
    mutating func takeResult() -> LexResult {
        var taken = LexResult()
        swap(&taken, &result)
        return taken
    }

    // MARK: Driver

    mutating func run() throws(LexError) {
        if startsWith([0xEF, 0xBB, 0xBF]) {
            result.hasByteOrderMark = true
            _ = addNode(.byteOrderMark, 0, 3)
            pos = 3
        }
        if isXMLDeclarationStart() {
            let start = pos
            guard let end = find2(QUESTION, GT, from: pos + 5) else {
                throw LexError(message: "unterminated XML declaration", offset: start)
            }
            result.declaredEncoding = pseudoAttribute("encoding", in: start..<end)
            pos = end + 2
            _ = addNode(.xmlDeclaration, start, pos)
        }
        var seenRoot = false
        var seenDoctype = false
        while pos < n {
            let c = b[pos]
            if isXMLWhitespace(c) {
                let start = pos
                while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
                _ = addNode(.whitespace, start, pos)
                continue
            }
            guard c == LT else {
                throw LexError(
                    message: seenRoot ? "content after the root element" : "content before the root element",
                    offset: pos)
            }
            if startsWith("<!--") {
                try comment()
            } else if startsWith("<?") {
                try processingInstruction()
            } else if startsWith("<!DOCTYPE") && !seenRoot && !seenDoctype {
                try doctype()
                seenDoctype = true
            } else if seenRoot {
                throw LexError(message: "a second root element", offset: pos)
            } else if pos + 1 < n && (b[pos + 1] == BANG || b[pos + 1] == SLASH) {
                throw LexError(message: "unexpected markup before the root element", offset: pos)
            } else {
                try elementTree()
                seenRoot = true
            }
        }
        if !seenRoot {
            throw LexError(message: "the document has no root element", offset: pos)
        }
    }

    // MARK: Elements

    private mutating func elementTree() throws(LexError) {
        try startTag()
        while !open.isEmpty {
            guard pos < n else {
                let element = result.elements[Int(open[open.count - 1])]
                let start = Int(result.nodes[Int(element.node)].start)
                throw LexError(message: "the document ends inside an element", offset: start)
            }
            if b[pos] == LT {
                let next: UInt8 = pos + 1 < n ? b[pos + 1] : 0
                if next == SLASH {
                    try endTag()
                } else if next == BANG {
                    if startsWith("<!--") {
                        try comment()
                    } else if startsWith("<![CDATA[") {
                        let start = pos
                        guard let end = find3(RBRACKET, RBRACKET, GT, from: pos + 9) else {
                            throw LexError(message: "unterminated CDATA section", offset: start)
                        }
                        pos = end + 3
                        _ = addNode(.cdata, start, pos)
                    } else {
                        throw LexError(message: "unexpected markup declaration in content", offset: pos)
                    }
                } else if next == QUESTION {
                    try processingInstruction()
                } else {
                    try startTag()
                }
            } else {
                let start = pos
                pos = find(LT, from: pos) ?? n
                _ = addNode(.text, start, pos)
            }
        }
    }

    private mutating func startTag() throws(LexError) {
        let start = pos
        pos += 1
        let nameStart = pos
        var colon = 0
        while pos < n && !endsName(b[pos]) {
            if b[pos] == COLON && colon == 0 { colon = pos }
            pos += 1
        }
        guard pos > nameStart else { throw LexError(message: "expected an element name", offset: start) }
        let nameEnd = pos
        let elementIndex = Int32(result.elements.count)
        let nodeIndex = addNode(.element, start, 0, element: elementIndex)
        let firstAttribute = Int32(result.attributes.count)
        var isEmpty = false
        while true {
            let whitespaceStart = pos
            while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
            guard pos < n else { throw LexError(message: "the document ends inside a start tag", offset: start) }
            let c = b[pos]
            if c == GT {
                pos += 1
                break
            }
            if c == SLASH {
                guard pos + 1 < n && b[pos + 1] == GT else {
                    throw LexError(message: "expected '>' after '/' in a start tag", offset: pos)
                }
                pos += 2
                isEmpty = true
                break
            }
            guard pos > whitespaceStart else {
                throw LexError(message: "expected whitespace before an attribute", offset: pos)
            }
            try attribute(whitespaceStart: whitespaceStart)
        }
        let depth = Int32(open.count)
        if depth >= maximumElementDepth {
            throw LexError(message: "elements nest deeper than \(maximumElementDepth) levels", offset: start, isLimit: true)
        }
        result.elements.append(
            RawElement(
                node: nodeIndex, nameEnd: UInt32(nameEnd), colon: UInt32(colon), startTagEnd: UInt32(pos),
                endTagStart: UInt32(pos), firstAttribute: firstAttribute,
                attributeCount: Int32(result.attributes.count) - firstAttribute, namespace: -1,
                subtreeEnd: elementIndex + 1, depth: depth, isEmptyElementTag: isEmpty))
        if isEmpty {
            result.nodes[Int(nodeIndex)].end = UInt32(pos)
        } else {
            open.append(elementIndex)
            lastChild.append(-1)
        }
    }

    private mutating func attribute(whitespaceStart: Int) throws(LexError) {
        let nameStart = pos
        var colon = 0
        while pos < n && !endsName(b[pos]) {
            if b[pos] == COLON && colon == 0 { colon = pos }
            pos += 1
        }
        guard pos > nameStart else { throw LexError(message: "expected an attribute name", offset: pos) }
        let nameEnd = pos
        while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
        guard pos < n && b[pos] == EQUALS else {
            throw LexError(message: "expected '=' after an attribute name", offset: pos)
        }
        pos += 1
        while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
        guard pos < n && (b[pos] == DQUOTE || b[pos] == SQUOTE) else {
            throw LexError(message: "expected a quoted attribute value", offset: pos)
        }
        let quote = b[pos]
        let valueStart = pos + 1
        guard let valueEnd = find(quote, from: valueStart) else {
            throw LexError(message: "unterminated attribute value", offset: pos)
        }
        pos = valueEnd + 1
        let nameLength = nameEnd - nameStart
        let isNamespaceDeclaration =
            (nameLength == 5 || (nameLength > 6 && b[nameStart + 5] == COLON))
            && b[nameStart] == 0x78 && b[nameStart + 1] == 0x6D && b[nameStart + 2] == 0x6C
            && b[nameStart + 3] == 0x6E && b[nameStart + 4] == 0x73  // "xmlns"
        result.attributes.append(
            RawAttribute(
                whitespaceStart: UInt32(whitespaceStart), nameStart: UInt32(nameStart), nameEnd: UInt32(nameEnd),
                colon: UInt32(colon), valueStart: UInt32(valueStart), valueEnd: UInt32(valueEnd), quote: quote,
                namespace: -1, isNamespaceDeclaration: isNamespaceDeclaration))
    }

    private mutating func endTag() throws(LexError) {
        let start = pos
        pos += 2
        let nameStart = pos
        while pos < n && !endsName(b[pos]) { pos += 1 }
        let nameEnd = pos
        while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
        guard pos < n && b[pos] == GT else { throw LexError(message: "expected '>' to close an end tag", offset: start) }
        pos += 1
        let elementIndex = Int(open[open.count - 1])
        let element = result.elements[elementIndex]
        let openStart = Int(result.nodes[Int(element.node)].start) + 1
        let openLength = Int(element.nameEnd) - openStart
        guard openLength == nameEnd - nameStart, memoryEqual(openStart, nameStart, openLength) else {
            throw LexError(message: "end tag does not match the open element", offset: start)
        }
        result.elements[elementIndex].endTagStart = UInt32(start)
        result.elements[elementIndex].subtreeEnd = Int32(result.elements.count)
        result.nodes[Int(element.node)].end = UInt32(pos)
        open.removeLast()
        lastChild.removeLast()
    }

    // MARK: Other markup

    private mutating func comment() throws(LexError) {
        let start = pos
        guard let end = find3(0x2D, 0x2D, GT, from: pos + 4) else {
            throw LexError(message: "unterminated comment", offset: start)
        }
        pos = end + 3
        _ = addNode(.comment, start, pos)
    }

    private mutating func processingInstruction() throws(LexError) {
        let start = pos
        guard let end = find2(QUESTION, GT, from: pos + 2) else {
            throw LexError(message: "unterminated processing instruction", offset: start)
        }
        pos = end + 2
        _ = addNode(.processingInstruction, start, pos)
    }

    private mutating func doctype() throws(LexError) {
        let start = pos
        pos += 9
        while true {
            guard pos < n else { throw LexError(message: "unterminated DOCTYPE", offset: start) }
            let c = b[pos]
            if c == DQUOTE || c == SQUOTE {
                guard let end = find(c, from: pos + 1) else {
                    throw LexError(message: "unterminated literal in DOCTYPE", offset: pos)
                }
                pos = end + 1
            } else if c == LBRACKET {
                pos += 1
                try internalSubset()
            } else if c == GT {
                pos += 1
                break
            } else {
                pos += 1
            }
        }
        _ = addNode(.documentType, start, pos)
    }

    private mutating func internalSubset() throws(LexError) {
        while true {
            while pos < n && isXMLWhitespace(b[pos]) { pos += 1 }
            guard pos < n else { throw LexError(message: "unterminated internal subset", offset: pos) }
            let c = b[pos]
            if c == RBRACKET {
                pos += 1
                return
            } else if startsWith("<!--") {
                guard let end = find3(0x2D, 0x2D, GT, from: pos + 4) else {
                    throw LexError(message: "unterminated comment", offset: pos)
                }
                pos = end + 3
            } else if startsWith("<?") {
                guard let end = find2(QUESTION, GT, from: pos + 2) else {
                    throw LexError(message: "unterminated processing instruction", offset: pos)
                }
                pos = end + 2
            } else if startsWith("<!") {
                let declarationStart = pos
                pos += 2
                while true {
                    guard pos < n else { throw LexError(message: "unterminated declaration", offset: declarationStart) }
                    let d = b[pos]
                    if d == DQUOTE || d == SQUOTE {
                        guard let end = find(d, from: pos + 1) else {
                            throw LexError(message: "unterminated literal", offset: pos)
                        }
                        pos = end + 1
                    } else if d == GT {
                        pos += 1
                        break
                    } else {
                        pos += 1
                    }
                }
                recordEntity(declarationStart..<pos)
            } else if c == PERCENT {
                guard let end = find(SEMICOLON, from: pos) else {
                    throw LexError(message: "unterminated parameter-entity reference", offset: pos)
                }
                pos = end + 1
            } else {
                throw LexError(message: "unexpected character in the internal subset", offset: pos)
            }
        }
    }

    /// Records `<!ENTITY name "literal">` (internal) or `<!ENTITY name SYSTEM …>` (external);
    /// parameter entities are libxml2's business only.
    private mutating func recordEntity(_ range: Range<Int>) {
        guard startsWith("<!ENTITY", at: range.lowerBound) else { return }
        var p = range.lowerBound + 8
        let end = range.upperBound - 1
        while p < end && isXMLWhitespace(b[p]) { p += 1 }
        if p < end && b[p] == PERCENT { return }
        let nameStart = p
        while p < end && !isXMLWhitespace(b[p]) && b[p] != DQUOTE && b[p] != SQUOTE { p += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<p]), as: UTF8.self)
        while p < end && isXMLWhitespace(b[p]) { p += 1 }
        guard !name.isEmpty, p < end, result.entities[name] == nil else { return }
        if b[p] == DQUOTE || b[p] == SQUOTE {
            let quote = b[p]
            guard let close = find(quote, from: p + 1), close < end else { return }
            result.entities[name] = EntityDeclaration(replacementText: Array(b[(p + 1)..<close]))
        } else {
            result.entities[name] = EntityDeclaration(replacementText: nil)
        }
    }

    // MARK: Helpers

    private mutating func addNode(_ kind: XMLNodeKind, _ start: Int, _ end: Int, element: Int32 = -1) -> Int32 {
        let index = Int32(result.nodes.count)
        let parent: Int32 = open.isEmpty ? -1 : result.elements[Int(open[open.count - 1])].node
        result.nodes.append(
            RawNode(kind: kind, start: UInt32(start), end: UInt32(end), parent: parent, next: -1, firstChild: -1,
                    element: element))
        if open.isEmpty {
            if lastTopLevel >= 0 { result.nodes[Int(lastTopLevel)].next = index }
            lastTopLevel = index
        } else {
            let slot = lastChild.count - 1
            let previous = lastChild[slot]
            if previous >= 0 {
                result.nodes[Int(previous)].next = index
            } else {
                result.nodes[Int(parent)].firstChild = index
            }
            lastChild[slot] = index
        }
        return index
    }

    private func isXMLDeclarationStart() -> Bool {
        startsWith("<?xml") && pos + 5 < n && isXMLWhitespace(b[pos + 5])
    }

    private func startsWith(_ s: StaticString, at offset: Int? = nil) -> Bool {
        let at = offset ?? pos
        let length = s.utf8CodeUnitCount
        guard at + length <= n else { return false }
        let p = s.utf8Start
        for i in 0..<length where b[at + i] != p[i] { return false }
        return true
    }

    private func startsWith(_ s: [UInt8]) -> Bool {
        guard pos + s.count <= n else { return false }
        for i in 0..<s.count where b[pos + i] != s[i] { return false }
        return true
    }

    private func memoryEqual(_ a: Int, _ c: Int, _ length: Int) -> Bool {
        for i in 0..<length where b[a + i] != b[c + i] { return false }
        return true
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        findByte(byte, in: b, from: start)
    }

    private func find2(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
        var p = start
        while let i = find(first, from: p) {
            if i + 1 < n && b[i + 1] == second { return i }
            p = i + 1
        }
        return nil
    }

    private func find3(_ first: UInt8, _ second: UInt8, _ third: UInt8, from start: Int) -> Int? {
        var p = start
        while let i = find(first, from: p) {
            if i + 2 < n && b[i + 1] == second && b[i + 2] == third { return i }
            p = i + 1
        }
        return nil
    }

    private func pseudoAttribute(_ name: StaticString, in range: Range<Int>) -> String? {
        var p = range.lowerBound
        while p < range.upperBound {
            if startsWith(name, at: p) && p > 0 && isXMLWhitespace(b[p - 1]) {
                var q = p + name.utf8CodeUnitCount
                while q < range.upperBound && isXMLWhitespace(b[q]) { q += 1 }
                guard q < range.upperBound && b[q] == EQUALS else { return nil }
                q += 1
                while q < range.upperBound && isXMLWhitespace(b[q]) { q += 1 }
                guard q < range.upperBound && (b[q] == DQUOTE || b[q] == SQUOTE) else { return nil }
                let quote = b[q]
                guard let close = find(quote, from: q + 1), close < range.upperBound else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: b[(q + 1)..<close]), as: UTF8.self)
            }
            p += 1
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The offset of the first `byte` at or after `start`, using the C library's vectorised memchr.
@inline(__always)
func findByte(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < b.count, let base = b.baseAddress else { return nil }
    guard let hit = memchr(base + start, Int32(byte), b.count - start) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
}
