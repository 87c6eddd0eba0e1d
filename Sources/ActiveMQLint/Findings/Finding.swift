
/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// A note worth knowing.
    case info
    /// Likely a mistake; the broker may start but misbehave.
    case warning
    /// The broker will not start, or the configuration is unsafe.
    case error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }

    /// Orders info < warning < error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem the linter found, at a place in a file. Messages never contain a secret.
public struct Finding: Sendable, Hashable {
    /// The file, as given on the command line.
    public var file: String
    /// The 1-based line (1 when the problem concerns the whole file).
    public var line: Int
    /// The 1-based column, in Unicode scalars.
    public var column: Int
    /// The severity, after the profile and any overrides.
    public var severity: Severity
    /// The rule's stable id.
    public var rule: RuleID
    /// What is wrong and, where useful, what to do.
    public var message: String
    /// The byte offset (for suppressions); nil for the whole file.
    var offset: Int?

    /// Creates a finding.
    public init(file: String, line: Int, column: Int, severity: Severity, rule: RuleID, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.message = message
    }
}
