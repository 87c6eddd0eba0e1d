#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A place in a document: 1-based line and column, and the 0-based byte offset.
///
/// Columns count Unicode scalars from the start of the line, so a tab counts 1 and a multi-byte
/// UTF-8 character counts 1. Line breaks are LF, CRLF or a lone CR, as XML defines them.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int
    /// The 0-based byte offset into the document's bytes.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `LINE:COLUMN`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by byte offset.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool { lhs.offset < rhs.offset }
}

/// Maps byte offsets to lines and columns; built once per document in one pass.
struct LineIndex: Sendable {
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    let lineStarts: [UInt32]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(UInt32(i + 1))
            } else if b == 0x0D {
                if i + 1 < n && bytes[i + 1] == 0x0A {
                    i += 1
                }
                starts.append(UInt32(i + 1))
            }
            i += 1
        }
        lineStarts = starts
    }

    /// The 0-based line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid }
        }
        return low
    }
}

/// A line index computed at most once, on first use, safely from any thread.
final class LazyLineIndex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var value: LineIndex?

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func get(_ make: () -> LineIndex) -> LineIndex {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
