/// A set of rules, looked up by id, run together by one engine: each document rule on each
/// document's ``DocumentIndex``, then each network rule over the run, then inline suppressions.
///
/// ``model`` holds the rules of this module: every single-document rule that needs no XSD
/// vocabulary (connectors, URIs, secrets, TTLs). The builder runs them on what it is about to
/// write; the linter runs them beside its own (`ActiveMQLint`'s `RuleCatalog.all`).
public struct RuleSet: Sendable {
    /// The rules, sorted by id.
    public let all: [Rule]
    private let index: [RuleID: Int]

    /// A set of rules.
    ///
    /// Two rules with one id are a programming error that would silently hide one of them: it
    /// stops the program with both ids' sources named. Use ``replacing(_:)`` to swap a rule.
    public init(_ rules: [Rule]) {
        var byID: [RuleID: Rule] = [:]
        byID.reserveCapacity(rules.count)
        for rule in rules {
            if let earlier = byID[rule.id] {
                preconditionFailure("two rules with the id '\(rule.id)': \(earlier.source) and \(rule.source)")
            }
            byID[rule.id] = rule
        }
        all = byID.values.sorted { $0.id < $1.id }
        index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.id, $0.offset) })
    }

    /// The rule with this id, if any.
    public subscript(id: RuleID) -> Rule? {
        index[id].map { all[$0] }
    }

    /// This set with other rules added (their ids must be new).
    public func adding(_ rules: [Rule]) -> RuleSet { RuleSet(all + rules) }

    /// This set with each of `rules` in place of the rule of its id (added when there is none).
    public func replacing(_ rules: [Rule]) -> RuleSet {
        let ids = Set(rules.map(\.id))
        return RuleSet(all.filter { !ids.contains($0.id) } + rules)
    }

    /// Runs every document rule on one configuration and returns the findings, by position
    /// (no network rules, no suppressions: what the builder judges an edit by).
    public func check(_ configuration: BrokerConfiguration, path: String, settings: RuleSettings) -> [Diagnostic] {
        checkDocument(DocumentIndex(path: path, configuration: configuration, settings: settings))
            .sorted { ($0.byteRange?.lowerBound ?? 0, $0.code ?? "") < ($1.byteRange?.lowerBound ?? 0, $1.code ?? "") }
    }

    /// Runs each document rule that is on for the file, each through a context bound to it, and
    /// returns their findings in rule order. A rule that is off is never called.
    package func checkDocument(_ index: DocumentIndex) -> [Diagnostic] {
        let sink = FindingSink()
        for rule in all {
            guard case .document(let check) = rule.check, let severity = index.settings.severity(of: rule) else { continue }
            check(RuleContext(index: index, rule: rule, severity: severity, sink: sink))
        }
        return sink.findings
    }

    /// Runs each network rule that is on for at least one file over the run's documents, and
    /// returns the findings of each document (a finding in a file where the rule is off is dropped).
    package func checkNetwork(_ network: NetworkIndex) -> [[Diagnostic]] {
        let sinks = network.documents.map { _ in FindingSink() }
        for rule in all {
            guard case .network(let check) = rule.check else { continue }
            let severities = network.documents.map { $0.settings.severity(of: rule) }
            guard severities.contains(where: { $0 != nil }) else { continue }
            check(NetworkContext(network: network, rule: rule, severities: severities, sinks: sinks))
        }
        return sinks.map(\.findings)
    }

    /// The rules of this module: every single-document rule that needs no XSD vocabulary.
    public static let model = RuleSet([
        .embeddedPassword, .uriSyntax, .masterSlaveArity, .masterSlaveDuplicateMember, .staticShouldBeMasterSlave,
        .masterSlaveMixedBrokers, .duplicateConnectorName, .missingUsername, .insecureTransport, .multicastDiscovery,
        .zeroTTL, .negativeTTL, .ttlOverride, .amazonMQPassword, .plaintextSecret, .duplicateTransportAddress,
        .deleteAllMessagesOnStartup, .advisorySupportDisabled, .discoveryPlugin, .destinationWildcard, .destinationIncludedAndExcluded,
        .transportOption, .staticIncludeCoversExclusion, .ttlStrandsMessages,
    ])
}
