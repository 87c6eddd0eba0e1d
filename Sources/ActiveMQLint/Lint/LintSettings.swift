public import ActiveMQConfig

/// The settings of one file: ``RuleSettings`` (shared with the builder and the edit commands).
public typealias LintSettings = RuleSettings

/// What the command line says; every field left nil defers to the project configuration. Shared by
/// the linter and the edit commands (package access: the library's users give ``Linter`` these
/// values through its initializer).
package struct LintCommandLine: Sendable, Hashable {
    /// `--profile`.
    package var profile: String?
    /// `--engine-version`, as an Amazon MQ engine version (used under `amazon-mq`).
    package var engineVersion: AmazonMQEngineVersion?
    /// `--engine-version`, as an Apache ActiveMQ version (used under `activemq`).
    package var activeMQVersion: ActiveMQVersion?
    /// `--disable` (repeatable).
    package var disabled: [RuleID] = []
    /// `--enable` (repeatable): an opt-in rule on, as `info` unless a severity is set; a disabled
    /// rule back on.
    package var enabled: [RuleID] = []
    /// `--network SPEC`, read.
    package var network: NetworkSpec?
    /// `--secret-variable NAME`.
    package var secretVariable: String?
    /// `--config PATH`: this configuration file for every input, instead of the one found.
    package var configPath: String?

    /// Nothing given.
    package init() {}
}

/// Why the settings cannot be built.
public struct LintSettingsError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// The file the error is about (a configuration file), if any.
    public var path: String?
    /// The reason.
    public var message: String
    /// The 1-based line of the mistake, when known.
    public var line: Int?
    /// The 1-based column of the mistake, when known.
    public var column: Int?

    /// An error.
    public init(path: String?, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }
    /// `FILE: error: MESSAGE [usage]`.
    public var description: String { diagnostics[0].formatted }
    /// The one diagnostic (code `usage`: exit 2).
    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: path, line: line, column: column, severity: .error, code: Diagnostic.usageCode, message: message)]
    }
}
