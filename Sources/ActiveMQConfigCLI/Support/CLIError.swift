public import LosslessXML
import ArgumentParser

/// A failure a command reports: its diagnostics, printed to standard error by the one formatter
/// (``Diagnostic/formatted``: `FILE:LINE:COLUMN: error: MESSAGE [code]`), then the process exits
/// with the code the diagnostics call for (``Swift/Array/exitCode(failingAt:)``).
public struct CLIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var diagnostics: [Diagnostic]

    /// An error made of diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// An error with one message: exit code 2 makes it a usage or I/O error (code `usage`),
    /// anything else a failure (exit 1) with `code`.
    public init(path: String? = nil, line: Int? = nil, column: Int? = nil, message: String, exitCode: Int32, code: String? = nil) {
        let code = exitCode == ExitStatus.usageOrIO ? Diagnostic.usageCode : code
        self.init([Diagnostic(file: path, line: line, column: column, severity: .error, code: code, message: message)])
    }

    /// An error reading or parsing a document: exit 2 for I/O, 1 for a document that is rejected.
    public init(_ error: XMLDocumentError) {
        self.init(error.diagnostics)
    }

    /// The process exit code: 2 for a usage or I/O error, else 1.
    public var exitCode: Int32 { max(diagnostics.exitCode(), ExitStatus.failure) }

    /// The lines printed on standard error.
    public var description: String { diagnostics.map(\.formatted).joined(separator: "\n") }
}

/// The tool's exit codes, the same for every command.
public enum ExitStatus {
    /// Success: nothing to report.
    public static let success: Int32 = 0
    /// Findings, a document that is not well-formed, a rejected edit or a bad spec.
    public static let failure: Int32 = 1
    /// A usage or an I/O error. It wins over `failure`.
    public static let usageOrIO: Int32 = 2
}

/// Ends a command that reported `diagnostics` (already printed) with the exit code they call for:
/// ``Swift/Array/exitCode(failingAt:)``, the one place every command's exit code comes from.
func finish(_ diagnostics: [Diagnostic], failingAt threshold: Severity = .error) throws {
    let code = diagnostics.exitCode(failingAt: threshold)
    if code != ExitStatus.success { throw ExitCode(code) }
}
