/// Reads a document's own formatting so that new bytes look like the old ones: indentation,
/// indentation step, line ending, quote character, one-line (compact) documents.
struct Layout {
    let storage: DocumentStorage
    var b: [UInt8] { storage.bytes }

    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    @inline(__always) static func isLineBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == space || c == tab }

    /// The offset at which the line holding `offset` starts.
    func lineStart(_ offset: Int) -> Int {
        let bytes = b
        var i = offset
        while i > 0 && !Layout.isLineBreak(bytes[i - 1]) { i -= 1 }
        if i == 0 && storage.hasByteOrderMark { return min(3, offset) }
        return i
    }

    /// Whether only spaces and tabs precede `offset` on its line.
    func startsLine(_ offset: Int) -> Bool {
        let bytes = b
        let start = lineStart(offset)
        return bytes[start..<offset].allSatisfy(Layout.isBlank)
    }

    /// The spaces and tabs that begin the line holding `offset`.
    func lineIndentation(_ offset: Int) -> [UInt8] {
        let bytes = b
        var i = lineStart(offset)
        var out: [UInt8] = []
        while i < offset && Layout.isBlank(bytes[i]) {
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Looks at the rest of the line after `offset`: whether it holds only spaces and tabs (and,
    /// when `allowingComments`, one-line comments), and where the line break after it ends.
    func restOfLine(after offset: Int, allowingComments: Bool) -> (blank: Bool, lineBreakEnd: Int?) {
        let bytes = b
        var i = offset
        while i < bytes.count {
            let c = bytes[i]
            if Layout.isBlank(c) {
                i += 1
            } else if c == 0x0D {
                return (true, i + 1 < bytes.count && bytes[i + 1] == 0x0A ? i + 2 : i + 1)
            } else if c == 0x0A {
                return (true, i + 1)
            } else if allowingComments, c == 0x3C, i + 3 < bytes.count, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D,
                bytes[i + 3] == 0x2D
            {
                var j = i + 4
                while j + 2 < bytes.count && !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) {
                    if Layout.isLineBreak(bytes[j]) { return (false, nil) }
                    j += 1
                }
                i = j + 3
            } else {
                return (false, nil)
            }
        }
        return (true, nil)
    }

    /// The offset after the spaces and tabs that follow `offset`.
    func skipBlanks(from offset: Int) -> Int {
        let bytes = b
        var i = offset
        while i < bytes.count && Layout.isBlank(bytes[i]) { i += 1 }
        return i
    }

    /// The offset of the spaces and tabs that precede `offset` on its line.
    func blanksBefore(_ offset: Int) -> Int {
        let bytes = b
        var i = offset
        while i > 0 && Layout.isBlank(bytes[i - 1]) { i -= 1 }
        return i
    }

    /// The document's line ending as bytes.
    var lineEnding: [UInt8] {
        Array(b.withUnsafeBufferPointer { LineEnding.detect(in: $0) }.rawValue.utf8)
    }

    /// Whether the whole root element is on one line: then new content is written without
    /// line breaks or indentation.
    var isCompact: Bool {
        guard storage.rootNode >= 0 else { return true }
        let root = storage.nodes[Int(storage.rootNode)]
        return !b[Int(root.start)..<Int(root.end)].contains(where: Layout.isLineBreak)
    }

    /// The indentation of elements that start their line, or nil.
    func indentation(ofElement index: Int32) -> [UInt8]? {
        let start = Int(storage.nodes[Int(storage.elements[Int(index)].node)].start)
        return startsLine(start) ? lineIndentation(start) : nil
    }

    /// The step by which indentation grows from a parent to its children, as most of the
    /// document does it; two spaces when the document does not say.
    var indentationUnit: [UInt8] {
        var counts: [[UInt8]: Int] = [:]
        var sawTab = false
        let nodes = storage.nodes
        for (index, element) in storage.elements.enumerated().prefix(5000) where element.depth > 0 {
            guard let child = indentation(ofElement: Int32(index)) else { continue }
            if child.contains(Layout.tab) { sawTab = true }
            let parentElement = nodes[Int(nodes[Int(element.node)].parent)].element
            guard let parent = indentation(ofElement: parentElement), child.count > parent.count,
                child.starts(with: parent)
            else { continue }
            counts[Array(child[parent.count...]), default: 0] += 1
        }
        if let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.count > $1.key.count) }) {
            return best.key
        }
        return sawTab ? [Layout.tab] : [Layout.space, Layout.space]
    }

    /// Whether the file closes empty-element tags like the one at hand with ` />` rather than `/>`:
    /// as most of those of the same name do, else of the same namespace (a Spring `<bean/>` says
    /// little of how the broker's own elements are written), else of any. A tie hands the question to
    /// the next, broader group; a tie among all is `/>`. The first 2000 of each group are looked at.
    func spaceBeforeEmptyTagClose(named name: ArraySlice<UInt8>? = nil, namespace: Int32? = nil) -> Bool {
        let empty = storage.elements.lazy.filter(\.isEmptyElementTag)
        if let name, let vote = vote(empty.filter { element in
            (namespace == nil || element.namespace == namespace)
                && self.b[(Int(self.storage.nodes[Int(element.node)].start) + 1)..<Int(element.nameEnd)] == name
        }) {
            return vote
        }
        if let namespace, let vote = vote(empty.filter { $0.namespace == namespace }) { return vote }
        return vote(empty) ?? false
    }

    /// Whether more of these tags close with ` />` than with `/>`; nil on a tie (none counts as one).
    private func vote(_ elements: some Sequence<RawElement>) -> Bool? {
        var spaced = 0
        var tight = 0
        for element in elements.prefix(2000) {
            let slash = Int(element.startTagEnd) - 2
            guard slash > 0 else { continue }
            if Layout.isBlank(b[slash - 1]) || Layout.isLineBreak(b[slash - 1]) { spaced += 1 } else { tight += 1 }
        }
        return spaced == tight ? nil : spaced > tight
    }

    /// How the file closes empty-element tags like the one at hand (see
    /// ``spaceBeforeEmptyTagClose(named:namespace:)``): ` />` or `/>`.
    func emptyTagClose(named name: ArraySlice<UInt8>? = nil, namespace: Int32? = nil) -> [UInt8] {
        spaceBeforeEmptyTagClose(named: name, namespace: namespace) ? Array(" />".utf8) : Array("/>".utf8)
    }

    /// The quote character most attributes use; `"` when there are none.
    var prevailingQuote: QuoteStyle {
        var single = 0
        var double = 0
        for attribute in storage.attributes.prefix(2000) {
            if attribute.quote == 0x27 { single += 1 } else { double += 1 }
        }
        return single > double ? .single : .double
    }
}
