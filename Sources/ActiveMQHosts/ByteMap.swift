/// How the bytes of a document extracted from a host file (a Terraform heredoc, a YAML scalar)
/// lie in the host's bytes: a sequence of pieces, each a run of document bytes and the host bytes
/// it was read from. A verbatim piece has as many bytes on both sides; an escape (`\"`, `$${`) is
/// a piece of its own whose document bytes all map to its first host byte.
public struct ByteMap: Sendable, Hashable {
    /// One run of document bytes and where it came from.
    public struct Piece: Sendable, Hashable {
        /// The document bytes.
        public var document: Range<Int>
        /// The host bytes.
        public var host: Range<Int>

        /// Whether each document byte is the host byte at the same distance (no escape).
        public var isVerbatim: Bool { document.count == host.count }
    }

    /// The pieces, in order, without gaps on the document side.
    public private(set) var pieces: [Piece] = []

    /// An empty map.
    public init() {}

    /// Appends document bytes read from `host`; runs of verbatim bytes that follow each other on
    /// both sides merge into one piece.
    mutating func append(documentCount: Int, host: Range<Int>) {
        guard documentCount > 0 else { return }
        let start = pieces.last?.document.upperBound ?? 0
        let verbatim = documentCount == host.count
        if verbatim, let last = pieces.last, last.isVerbatim, last.host.upperBound == host.lowerBound {
            pieces[pieces.count - 1] = Piece(document: last.document.lowerBound..<(start + documentCount),
                                             host: last.host.lowerBound..<host.upperBound)
            return
        }
        pieces.append(Piece(document: start..<(start + documentCount), host: host))
    }

    /// Appends another map's pieces after this one's (a document made of several host literals).
    mutating func append(_ other: ByteMap) {
        for piece in other.pieces { append(documentCount: piece.document.count, host: piece.host) }
    }

    /// The host offset of a document offset (the end of the document maps to the end of the last
    /// piece).
    public func hostOffset(_ offset: Int) -> Int {
        guard let last = pieces.last else { return 0 }
        if offset >= last.document.upperBound { return last.host.upperBound + (offset - last.document.upperBound) }
        var low = 0, high = pieces.count - 1
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].document.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        let piece = pieces[low]
        let inside = max(0, offset - piece.document.lowerBound)
        return piece.isVerbatim ? piece.host.lowerBound + inside : piece.host.lowerBound
    }

    /// The host bytes a document range stands for, when each end falls on a byte of a verbatim
    /// piece or on an escape's edge (an edit may replace a whole `\"`, never half of it); nil
    /// when an end falls inside an escape.
    public func hostRange(_ range: Range<Int>) -> Range<Int>? {
        guard let lower = hostBoundary(range.lowerBound), let upper = hostBoundary(range.upperBound) else { return nil }
        return lower..<max(lower, upper)
    }

    func hostBoundary(_ offset: Int) -> Int? {
        guard let last = pieces.last else { return nil }
        if offset >= last.document.upperBound { return offset == last.document.upperBound ? last.host.upperBound : nil }
        var low = 0, high = pieces.count - 1
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].document.upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        let piece = pieces[low]
        if piece.isVerbatim { return piece.host.lowerBound + (offset - piece.document.lowerBound) }
        // At a piece's start: the bytes between pieces (a stripped indentation) belong to the
        // line that follows them, so both ends map past them.
        return offset == piece.document.lowerBound ? piece.host.lowerBound : nil
    }

    /// The pieces that a document range touches: whether every byte of it is verbatim, so that an
    /// edit there may write the host's bytes directly.
    public func isVerbatim(_ range: Range<Int>) -> Bool {
        pieces.allSatisfy { piece in
            piece.isVerbatim || piece.document.upperBound <= range.lowerBound || piece.document.lowerBound >= range.upperBound
                || (range.isEmpty && (piece.document.lowerBound == range.lowerBound))
        }
    }
}

/// Lines and columns of a text: 1-based lines, columns that count Unicode scalars from 1, as the
/// tool's diagnostics do.
struct LineTable: Sendable {
    let bytes: [UInt8]
    /// The offset of each line's first byte.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
    }

    /// The byte offset of a line and column (clamped into the text).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= starts.count else { return bytes.count }
        var offset = starts[line - 1]
        var remaining = column - 1
        while remaining > 0, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            // Continuation bytes belong to the scalar before them.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    /// The line and column of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = starts[low]
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // An offset inside a scalar counts as that scalar.
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80 { column -= 1 }
        return (low + 1, max(1, column))
    }
}
