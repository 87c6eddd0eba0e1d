import Foundation

/// LSP's base protocol: `Content-Length: N` headers, a blank line, N bytes of JSON.
public enum Framing {
    /// A problem reading a message: its headers or its body.
    public struct Malformed: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
    }

    /// One message with its headers.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Reads messages from a stream of bytes as they arrive: ``feed(_:)`` the bytes, then take the
    /// complete messages; a malformed header is reported and skipped to the next blank line.
    public struct Reader: Sendable {
        var buffer: [UInt8] = []
        var start = 0

        /// The largest body read (256 MiB): a larger Content-Length is a malformed header, not a
        /// wait for bytes that will never come.
        public static let largestBody = 1 << 28

        /// A reader.
        public init() {}

        /// Adds bytes read from the stream.
        public mutating func feed(_ bytes: [UInt8]) {
            if start > 65_536 && start * 2 > buffer.count {
                buffer.removeFirst(start)
                start = 0
            }
            buffer += bytes
        }

        /// The next complete message's body, a header problem, or nil when more bytes are needed.
        public mutating func next() -> Result<[UInt8], Malformed>? {
            // The header block ends at the first blank line.
            var i = start
            var end: Int?
            while i + 3 < buffer.count {
                if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A {
                    end = i
                    break
                }
                i += 1
            }
            guard let end else { return nil }
            let headers = String(decoding: buffer[start..<end], as: UTF8.self)
            var length: Int?
            for line in headers.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0].lowercased() == "content-length" { length = Int(parts[1]) }
            }
            guard let length, length >= 0 else {
                start = end + 4
                return .failure(Malformed(message: "a message without a valid Content-Length header"))
            }
            guard length <= Self.largestBody else {
                start = end + 4
                return .failure(Malformed(message: "a Content-Length of \(length) bytes, above the \(Self.largestBody) this server reads"))
            }
            guard end + 4 + length <= buffer.count else { return nil }
            let body = Array(buffer[(end + 4)..<(end + 4 + length)])
            start = end + 4 + length
            return .success(body)
        }
    }
}
