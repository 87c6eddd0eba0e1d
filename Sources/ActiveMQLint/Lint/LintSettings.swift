public import ActiveMQConfig

/// The settings that decide which rules apply to a file and how strictly: the profile, the
/// disabled rules and severity overrides, from `.activemq-config.json` and the command line.
public struct LintSettings: Sendable, Hashable {
    /// The profile.
    public var profile: LintProfile = .activeMQ
    /// Rules turned off (`embedded-password` cannot be).
    public var disabled: Set<RuleID> = []
    /// Severities replacing the profile's defaults; nil turns a rule off.
    public var severities: [RuleID: Severity?] = [:]

    /// Default settings: the `activemq` profile, every rule at its default severity.
    public init() {}

    /// The severity of a rule for this file, or nil when it is off.
    public func severity(of rule: Rule) -> Severity? {
        guard let base = rule.severity(under: profile) ?? (rule.isMandatory ? .error : nil) else {
            return nil
        }
        if rule.isMandatory { return .error }
        if disabled.contains(rule.id) { return nil }
        if let override = severities[rule.id] { return override }
        return base
    }
}

/// What the command line says; every field left nil defers to the project configuration.
public struct LintCommandLine: Sendable, Hashable {
    /// `--profile`.
    public var profile: String?
    /// `--engine-version`.
    public var engineVersion: AmazonMQEngineVersion?
    /// `--disable` (repeatable).
    public var disabled: [RuleID] = []
    /// `--network SPEC`, read.
    public var network: NetworkSpec?

    /// Nothing given.
    public init() {}
}

/// Why the settings cannot be built.
public struct LintSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the error is about (a configuration file), if any.
    public var path: String?
    /// The reason.
    public var message: String
    /// `FILE: error: MESSAGE`.
    public var description: String { (path.map { "\($0): " } ?? "") + "error: " + message }
}

func makeProfile(_ name: String?, engineVersion: AmazonMQEngineVersion?) -> LintProfile? {
    switch name {
    case "activemq": return .activeMQ
    case "amazon-mq": return .amazonMQ(engineVersion ?? .v5_18)
    default: return nil
    }
}
