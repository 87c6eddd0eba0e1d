public import LosslessXML

/// A failure a command reports: printed to standard error as `FILE:LINE:COLUMN: error: MESSAGE`
/// (or `FILE: error: MESSAGE` without a position), then the process exits with `exitCode`.
public struct CLIError: Error, Sendable, CustomStringConvertible {
    /// The file the error is about, if any.
    public var path: String?
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, if known.
    public var column: Int?
    /// The message.
    public var message: String
    /// 1 for a bad document, finding, rejected edit or bad spec; 2 for a usage or I/O error.
    public var exitCode: Int32

    /// Creates an error.
    public init(path: String? = nil, line: Int? = nil, column: Int? = nil, message: String, exitCode: Int32) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.exitCode = exitCode
    }

    /// An error reading or parsing a document: exit 2 for I/O, 1 for a document that is rejected.
    public init(_ error: XMLDocumentError) {
        let isIO: Bool
        if case .io = error { isIO = true } else { isIO = false }
        self.init(path: error.path, line: error.line, column: error.column, message: error.message,
                  exitCode: isIO ? ExitStatus.usageOrIO : ExitStatus.failure)
    }

    /// The line printed on standard error.
    public var description: String {
        var prefix = ""
        if let path { prefix += path + ":" }
        if let line { prefix += "\(line):\(column ?? 1):" }
        return (prefix.isEmpty ? "" : prefix + " ") + "error: " + message
    }
}

/// The tool's exit codes, the same for every command.
public enum ExitStatus {
    /// Success: nothing to report.
    public static let success: Int32 = 0
    /// Findings, a document that is not well-formed, a rejected edit or a bad spec.
    public static let failure: Int32 = 1
    /// A usage error or an I/O error. It wins over `failure`.
    public static let usageOrIO: Int32 = 2
}
