#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files (or standard input, named `-`) with the C library alone: no Foundation on
/// the command-line tool's hot path.
public enum FileBytes {
    /// Reads a file's bytes; `-` reads standard input to its end.
    ///
    /// - Throws: ``XMLDocumentError/io(path:message:)`` for a missing file, a directory, or a
    ///   read error, with the system's reason.
    public static func read(_ path: String) throws(XMLDocumentError) -> [UInt8] {
        if path == "-" {
            return try readAll(descriptor: 0, path: path, sizeHint: 0)
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, message: systemMessage(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, message: systemMessage(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .io(path: path, message: "is a directory")
        }
        return try readAll(descriptor: descriptor, path: path, sizeHint: Int(info.st_size))
    }

    private static func readAll(descriptor: Int32, path: String, sizeHint: Int) throws(XMLDocumentError) -> [UInt8] {
        var bytes: [UInt8] = []
        // A regular file's size is known: one byte more shows the end without a second buffer.
        var capacity = sizeHint > 0 ? sizeHint + 1 : 65536
        var count = 0
        while true {
            if count == capacity || bytes.isEmpty {
                if !bytes.isEmpty { capacity *= 2 }
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, capacity - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, message: systemMessage(errno))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        // Standard input (or a file that grew) may leave much spare room: keep only what is used.
        return bytes.capacity - count > count / 8 ? bytes.withUnsafeBufferPointer { Array($0) } : bytes
    }

    /// The system's message for an `errno` value, lower-cased like the rest of our messages.
    public static func systemMessage(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        var text = String(cString: message)
        if let first = text.first { text = first.lowercased() + text.dropFirst() }
        return text
    }
}

@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
