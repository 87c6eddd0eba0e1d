/// A set of rules, looked up by id, run together.
///
/// ``model`` holds the rules of this module: every single-document rule that needs no XSD
/// vocabulary (connectors, URIs, secrets, TTLs). The builder runs them on what it is about to
/// write; the linter runs them beside its own (`ActiveMQLint`'s `RuleCatalog.all`).
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public let all: [Rule]
    private let index: [RuleID: Int]

    /// A set of rules (the later of two with one id wins).
    public init(_ rules: [Rule]) {
        var byID: [RuleID: Rule] = [:]
        byID.reserveCapacity(rules.count)
        for rule in rules { byID[rule.id] = rule }
        all = byID.values.sorted { $0.id < $1.id }
        index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.id, $0.offset) })
    }

    /// The rule with this id, if any.
    public subscript(id: RuleID) -> Rule? {
        index[id].map { all[$0] }
    }

    /// This set with other rules added.
    public func adding(_ rules: [Rule]) -> RuleSet { RuleSet(all + rules) }

    /// Runs every document rule on one configuration and returns the diagnostics, by position.
    public func check(_ configuration: BrokerConfiguration, path: String, settings: RuleSettings) -> [Diagnostic] {
        let context = RuleContext(path: path, configuration: configuration, settings: settings, rules: self)
        runDocumentRules(context)
        return context.diagnostics.sorted { ($0.byteRange?.lowerBound ?? 0, $0.code ?? "") < ($1.byteRange?.lowerBound ?? 0, $1.code ?? "") }
    }

    /// Runs every document rule on a context.
    public func runDocumentRules(_ context: RuleContext) {
        for rule in all {
            guard case .document(let check) = rule.check, context.settings.severity(of: rule) != nil else { continue }
            check(context)
        }
    }

    /// Runs every network rule over the contexts of one run.
    public func runNetworkRules(_ contexts: [RuleContext], spec: NetworkSpec?) {
        for rule in all {
            guard case .network(let check) = rule.check else { continue }
            check(contexts, spec)
        }
    }

    /// The rules of this module: every single-document rule that needs no XSD vocabulary.
    public static let model = RuleSet([
        .embeddedPassword, .uriSyntax, .masterSlaveArity, .masterSlaveDuplicateMember, .staticShouldBeMasterSlave,
        .masterSlaveMixedBrokers, .duplicateConnectorName, .missingUsername, .insecureTransport, .multicastDiscovery,
        .zeroTTL, .negativeTTL, .ttlOverride, .amazonMQPassword, .plaintextSecret, .duplicateTransportAddress,
        .deleteAllMessagesOnStartup, .advisorySupportDisabled, .discoveryPlugin, .destinationWildcard, .destinationIncludedAndExcluded,
        .transportOption,
    ])
}
