#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import LosslessXML

/// Where a command's output goes and where standard input comes from.
///
/// The tool uses the process's own streams; tests pass their own so that commands run in
/// process, in parallel, with their output captured.
public struct Console: Sendable {
    /// Writes bytes to standard output.
    public var writeOutput: @Sendable ([UInt8]) -> Void
    /// Writes bytes to standard error.
    public var writeError: @Sendable ([UInt8]) -> Void
    /// Reads standard input to its end.
    public var readInput: @Sendable () throws(XMLDocumentError) -> [UInt8]

    /// Creates a console from its three channels.
    public init(
        writeOutput: @escaping @Sendable ([UInt8]) -> Void,
        writeError: @escaping @Sendable ([UInt8]) -> Void,
        readInput: @escaping @Sendable () throws(XMLDocumentError) -> [UInt8]
    ) {
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.readInput = readInput
    }

    /// The process's standard output, standard error and standard input.
    public static let standard = Console(
        writeOutput: { writeAll(1, $0) },
        writeError: { writeAll(2, $0) },
        readInput: { () throws(XMLDocumentError) -> [UInt8] in try FileBytes.read("-") })

    /// Writes a line of text to standard output.
    func print(_ line: String) {
        writeOutput(Array((line + "\n").utf8))
    }

    /// Writes a line of text to standard error.
    func printError(_ line: String) {
        writeError(Array((line + "\n").utf8))
    }

    /// Reads a file's bytes, or standard input for `-`.
    func read(_ path: String) throws(XMLDocumentError) -> [UInt8] {
        path == "-" ? try readInput() : try FileBytes.read(path)
    }

    /// Reads and parses a document, or standard input for `-`.
    func document(_ path: String) throws(XMLDocumentError) -> LosslessDocument {
        try LosslessDocument(bytes: read(path), path: path)
    }
}

private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
