/// How a position's `character` counts: LSP's default UTF-16 code units, or UTF-8 bytes when the
/// client offers them (the tool's byte ranges map to them directly).
public enum PositionEncoding: String, Sendable, Hashable {
    /// UTF-16 code units (LSP's default).
    case utf16 = "utf-16"
    /// UTF-8 bytes.
    case utf8 = "utf-8"
}

/// An open document's text: its bytes, its lines (broken by `\n`, `\r\n` or a lone `\r`, as LSP
/// says), and the conversions between byte offsets and LSP positions.
public struct TextBuffer: Sendable, Hashable {
    /// The text's UTF-8 bytes.
    public private(set) var bytes: [UInt8]
    /// The offset of each line's first byte.
    private(set) var lineStarts: [Int] = [0]

    /// A buffer holding these bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = Self.lineStarts(bytes)
    }

    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                starts.append(i + 1)
            } else if bytes[i] == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// The number of bytes of the UTF-8 sequence that starts with `byte` (1 for a stray byte).
    static func sequenceLength(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }

    /// Where a line's text ends, before its line break.
    func lineEnd(_ line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > lineStarts[line], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The byte offset of a position; a character past the line's end means its end, a line past
    /// the last means the text's end (as LSP says), and a position inside a character its start.
    public func offset(line: Int, character: Int, encoding: PositionEncoding) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let end = lineEnd(line)
        var offset = lineStarts[line]
        var units = 0
        while offset < end {
            let length = min(Self.sequenceLength(bytes[offset]), end - offset)
            let width = encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            if units + width > character { break }
            units += width
            offset += length
        }
        return offset
    }

    /// The position of a byte offset (an offset inside a character counts as that character's start).
    public func position(of offset: Int, encoding: PositionEncoding) -> (line: Int, character: Int) {
        let target = min(max(0, offset), bytes.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= target { low = middle } else { high = middle - 1 }
        }
        var i = lineStarts[low]
        var units = 0
        while i < target {
            let length = Self.sequenceLength(bytes[i])
            if i + length > target { break }
            units += encoding == .utf8 ? length : (length == 4 ? 2 : 1)
            i += length
        }
        return (low, units)
    }

    /// Replaces a byte range.
    public mutating func replace(_ range: Range<Int>, with text: [UInt8]) {
        bytes.replaceSubrange(range, with: text)
        lineStarts = Self.lineStarts(bytes)
    }
}
