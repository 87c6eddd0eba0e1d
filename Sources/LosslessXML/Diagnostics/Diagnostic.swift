/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// A note worth knowing.
    case info
    /// Likely a mistake; the broker may start but misbehave.
    case warning
    /// The broker will not start, the configuration is unsafe, or the operation failed.
    case error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    /// Orders info < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One message about a document or an operation: a parse error, a lint finding, topology drift,
/// a refused edit or a command-line error. Every such message of the package is one of these, and
/// ``formatted`` is the one place that writes them as text.
///
/// Messages never contain a secret: a diagnostic says where a password is, never what it is.
public struct Diagnostic: Sendable, Hashable {
    /// A related place, printed after the diagnostic (for example the other file of a duplicate bridge).
    public struct Note: Sendable, Hashable {
        /// The file, if any.
        public var file: String?
        /// The 1-based line, if known.
        public var line: Int?
        /// The 1-based column, if known.
        public var column: Int?
        /// The byte range in `file`, if known.
        public var byteRange: Range<Int>?
        /// What is there.
        public var message: String

        /// Creates a note.
        public init(file: String?, line: Int?, column: Int?, byteRange: Range<Int>? = nil, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.byteRange = byteRange
            self.message = message
        }
    }

    /// Edits that resolve a diagnostic.
    public struct Fix: Sendable, Hashable {
        /// Whether applying the fix keeps the configuration's meaning (`safe`) or may change what
        /// the broker does and wants a person's review (`unsafe`), as ruff distinguishes them.
        public enum Applicability: String, Sendable, Hashable {
            /// Keeps the meaning: may be applied without review.
            case safe
            /// May change behaviour: applied only when asked for.
            case unsafe
        }

        /// What the fix does, in a few words.
        public var message: String
        /// The edits, against the bytes the diagnostic was made from.
        public var edits: [TextEdit]
        /// Whether it is safe to apply without review.
        public var applicability: Applicability

        /// Creates a fix.
        public init(_ message: String, edits: [TextEdit], applicability: Applicability) {
            self.message = message
            self.edits = edits
            self.applicability = applicability
        }
    }

    /// The file, as given (nil when the diagnostic concerns no file).
    public var file: String?
    /// The 1-based line, if known.
    public var line: Int?
    /// The 1-based column, in Unicode scalars, if known.
    public var column: Int?
    /// The 1-based line where the diagnosed text ends, if known.
    public var endLine: Int?
    /// The 1-based column just past the diagnosed text, if known.
    public var endColumn: Int?
    /// The diagnosed bytes, if known.
    public var byteRange: Range<Int>?
    /// The element's path, e.g. `/beans/broker/networkConnectors/networkConnector[2]`, if any.
    public var elementPath: String?
    /// The severity.
    public var severity: Severity
    /// A rule id (`embedded-password`) or an error code (`not-well-formed`, `io`, `usage`).
    public var code: String?
    /// What is wrong and, where useful, what to do.
    public var message: String
    /// Related places.
    public var notes: [Note]
    /// Edits that resolve it, when the rule knows them.
    public var fix: Fix?
    /// What the diagnostic is about, independent of positions: the element's identity (its name and
    /// identifying attributes, with its ancestors') and the attribute, if any. Fingerprints (for
    /// baselines, SARIF and GitLab) are made from it, so an edit elsewhere in the file keeps them.
    public var anchor: String?

    /// Creates a diagnostic.
    public init(file: String?, line: Int? = nil, column: Int? = nil, severity: Severity, code: String?, message: String,
                byteRange: Range<Int>? = nil, endLine: Int? = nil, endColumn: Int? = nil, elementPath: String? = nil,
                notes: [Note] = [], fix: Fix? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.byteRange = byteRange
        self.endLine = endLine
        self.endColumn = endColumn
        self.elementPath = elementPath
        self.notes = notes
        self.fix = fix
    }

    /// `FILE:LINE:COLUMN: severity: message [code]`, then one `FILE:LINE:COLUMN: note: message`
    /// line per note; what is unknown is left out, and so are the generic codes `usage` and `io`.
    public var formatted: String { formatted(label: severity.rawValue) }

    /// ``formatted`` with another word in place of the severity (`fixed`, `skipped`), or none:
    /// `FILE:LINE:COLUMN: LABEL: message [code]`.
    public func formatted(label: String?) -> String {
        var text = Self.prefix(file: file, line: line, column: column) + (label.map { "\($0): " } ?? "") + message
        if let code, code != Self.usageCode, code != Self.ioCode { text += " [\(code)]" }
        for note in notes {
            text += "\n" + Self.prefix(file: note.file, line: note.line, column: note.column) + "note: " + note.message
        }
        return text
    }

    static func prefix(file: String?, line: Int?, column: Int?) -> String {
        var prefix = ""
        if let file { prefix += file + ":" }
        if let line { prefix += "\(line):\(column ?? 1):" }
        return prefix.isEmpty ? "" : prefix + " "
    }
}

/// Something that can be reported as diagnostics: every error type of the package conforms.
public protocol DiagnosticConvertible {
    /// The diagnostics that describe this value.
    var diagnostics: [Diagnostic] { get }
}

extension Array where Element == Diagnostic {
    /// The process exit code these diagnostics call for, the same for every command: 2 when one
    /// is a usage or I/O error (codes `usage` and `io`), else 1 when one is at or above
    /// `threshold`, else 0.
    public func exitCode(failingAt threshold: Severity = .error) -> Int32 {
        if contains(where: { $0.severity == .error && ($0.code == Diagnostic.usageCode || $0.code == Diagnostic.ioCode) }) {
            return 2
        }
        return contains(where: { $0.severity >= threshold }) ? 1 : 0
    }
}

extension Diagnostic {
    /// The code of a command-line usage error (exit 2).
    public static let usageCode = "usage"
    /// The code of a file that cannot be read or written (exit 2).
    public static let ioCode = "io"
    /// The code of a document libxml2 rejects.
    public static let notWellFormedCode = "not-well-formed"
}
