/// A rule's stable id, e.g. `embedded-password`.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id.
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an id.
    public init(stringLiteral value: String) { rawValue = value }
    /// The id.
    public var description: String { rawValue }
    /// Orders by id.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which rules apply and how strictly.
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
}

/// A rule: its id, what it checks, its default severity per profile, and its documentation.
public struct Rule: Sendable {
    /// The stable id.
    public let id: RuleID
    /// One line: what the rule finds.
    public let summary: String
    /// The default severity under the `activemq` profile; nil when the rule is off there.
    public let activeMQSeverity: Severity?
    /// The default severity under the `amazon-mq` profile; nil when the rule is off there.
    public let amazonMQSeverity: Severity?
    /// Whether the rule compares several files (a network).
    public let crossFile: Bool
    /// Why it matters, with an example that fails and one that passes (Markdown).
    public let documentation: String

    /// The default severity under a profile; nil when the rule is off.
    public func severity(under profile: LintProfile) -> Severity? {
        if case .amazonMQ = profile { return amazonMQSeverity }
        return activeMQSeverity
    }

    /// Whether the rule can be disabled, suppressed or downgraded (`embedded-password` cannot).
    public var isMandatory: Bool { id == .embeddedPassword }

    /// The rule's page, as in `Docs/rules/<id>.md`.
    public var page: String {
        func show(_ severity: Severity?) -> String { severity?.rawValue ?? "off" }
        var text = "# `\(id)`\n\n\(summary)\n\n"
        text += "| profile | default severity |\n| --- | --- |\n"
        text += "| `activemq` | \(show(activeMQSeverity)) |\n| `amazon-mq` | \(show(amazonMQSeverity)) |\n\n"
        if crossFile { text += "This rule compares all the files of one invocation (one network of brokers).\n\n" }
        text += documentation.trimmingCharacters(in: "\n") + "\n\n"
        if isMandatory {
            text += "## Suppressing\n\nThis rule cannot be disabled, suppressed or downgraded, by any means.\n"
        } else {
            text += """
                ## Suppressing

                For one element and its subtree: `<!-- activemq-config-disable \(id) -->` on the line before it.
                For the whole file: `<!-- activemq-config-disable-file \(id) -->`. Everywhere: `--disable \(id)`,
                or `"disable": ["\(id)"]` in `.activemq-config.json`.

                """
        }
        return text
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

extension RuleID {
    static let notWellFormed: RuleID = "not-well-formed"
    static let unknownElement: RuleID = "unknown-element"
    static let unknownAttribute: RuleID = "unknown-attribute"
    static let invalidValue: RuleID = "invalid-value"
    static let embeddedPassword: RuleID = "embedded-password"
    static let plaintextSecret: RuleID = "plaintext-secret"
    static let uriSyntax: RuleID = "uri-syntax"
    static let masterSlaveArity: RuleID = "masterslave-arity"
    static let staticShouldBeMasterSlave: RuleID = "static-should-be-masterslave"
    static let masterSlaveMixedBrokers: RuleID = "masterslave-mixed-brokers"
    static let duplicateConnectorName: RuleID = "duplicate-connector-name"
    static let missingUsername: RuleID = "missing-username"
    static let insecureTransport: RuleID = "insecure-transport"
    static let amazonMQSanitized: RuleID = "amazon-mq-sanitized"
    static let amazonMQRoot: RuleID = "amazon-mq-root"
    static let duplicateBridge: RuleID = "duplicate-bridge"
    static let usernameMismatch: RuleID = "username-mismatch"
    static let networkTTL: RuleID = "network-ttl"
    static let unusedSuppression: RuleID = "unused-suppression"
    static let multicastDiscovery: RuleID = "multicast-discovery"
    static let advisorySupportDisabled: RuleID = "advisory-support-disabled"
    static let duplicateTransportAddress: RuleID = "duplicate-transport-address"
    static let deleteAllMessagesOnStartup: RuleID = "delete-all-messages-on-startup"
    static let ttlOverride: RuleID = "ttl-override"
    static let schema: RuleID = "schema"
}
