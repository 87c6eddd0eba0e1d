/// The Amazon MQ engine versions with a published schema.
public enum AmazonMQEngineVersion: String, Sendable, Hashable, CaseIterable {
    /// 5.15 (schema 5.15.16).
    case v5_15 = "5.15"
    /// 5.16 (schema 5.16.7).
    case v5_16 = "5.16"
    /// 5.17 (schema 5.17.6).
    case v5_17 = "5.17"
    /// 5.18 (schema 5.18.4), the default.
    case v5_18 = "5.18"
    /// 5.19 (schema 5.19.1).
    case v5_19 = "5.19"
}

/// Which rules apply and how strictly: where the configuration will run.
public enum LintProfile: Sendable, Hashable {
    /// Apache ActiveMQ 5.x, self-managed.
    case activeMQ
    /// Amazon MQ for ActiveMQ, for an engine version.
    case amazonMQ(AmazonMQEngineVersion)

    /// `activemq` or `amazon-mq`.
    public var name: String {
        if case .amazonMQ = self { return "amazon-mq" }
        return "activemq"
    }

    /// Whether this is the `amazon-mq` profile.
    public var isAmazonMQ: Bool {
        if case .amazonMQ = self { return true }
        return false
    }

    /// The profile named `activemq` or `amazon-mq` (for the engine version, 5.18 by default).
    public init?(name: String, engineVersion: AmazonMQEngineVersion? = nil) {
        switch name {
        case "activemq": self = .activeMQ
        case "amazon-mq": self = .amazonMQ(engineVersion ?? .v5_18)
        default: return nil
        }
    }
}

extension ConfigurationTarget {
    /// The rule profile of this target (Amazon MQ at its default engine version).
    public var profile: LintProfile { self == .amazonMQ ? .amazonMQ(.v5_18) : .activeMQ }
}

/// The settings that decide which rules apply to a file and how strictly: the profile, the
/// disabled rules and severity overrides (from `.activemq-config.json` and the command line).
/// The linter and every writer (the builder, the edit commands, the generator) use the same.
public struct RuleSettings: Sendable, Hashable {
    /// The profile.
    public var profile: LintProfile = .activeMQ
    /// Rules turned off (`embedded-password` cannot be).
    public var disabled: Set<RuleID> = []
    /// Severities replacing the profile's defaults; nil turns a rule off.
    public var severities: [RuleID: Severity?] = [:]
    /// The Apache ActiveMQ version whose schema the `activemq` profile checks against; nil: the
    /// file's versioned `xsi:schemaLocation`, else ``ActiveMQVersion/defaultVersion``.
    public var activeMQVersion: ActiveMQVersion?
    /// The template syntax files are read in (`"template"` in `.activemq-config.json`); nil: by
    /// file name (`.j2`, `.erb`, `.tftpl`, …).
    public var template: TemplateSyntax?
    /// The placeholder a fix writes for an embedded password on a self-managed broker:
    /// `${AMQ_BRIDGE_PASSWORD}` (and `${AMQ_BRIDGE_PASSWORD_REMOTE}` for `remotePassword`).
    public var secretVariable = "AMQ_BRIDGE_PASSWORD"

    /// Default settings: the `activemq` profile, every rule at its default severity.
    public init() {}

    /// Settings for a profile, every rule at its default severity.
    public init(profile: LintProfile) {
        self.profile = profile
    }

    /// The severity of a rule for this file, or nil when it is off (an opt-in rule is off until
    /// ``severities`` names it).
    public func severity(of rule: Rule) -> Severity? {
        if rule.isMandatory { return .error }
        if disabled.contains(rule.id) { return nil }
        // A rule off under this profile only stays off; an opt-in rule (off under both) is turned on
        // by a severity.
        guard let base = rule.defaultSeverity(under: profile) else { return rule.isOptIn ? (severities[rule.id] ?? nil) : nil }
        if let override = severities[rule.id] { return override }
        return base
    }
}
