public import ActiveMQConfig

/// Why a network could not be generated. Nothing was written.
public struct TopologyError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// The reason.
    public var message: String
    /// The rules' error-level findings on the files that would have been written, when they are
    /// the reason (each with its rule's id and its place in the generated file).
    public var findings: [Diagnostic] = []
    /// Creates an error.
    public init(_ message: String, findings: [Diagnostic] = []) {
        self.message = message
        self.findings = findings
    }
    /// The reason.
    public var description: String { message }
    /// The findings, or one diagnostic without a file or code (the caller knows which spec it was
    /// generating from).
    public var diagnostics: [Diagnostic] {
        findings.isEmpty ? [Diagnostic(file: nil, severity: .error, code: nil, message: message)] : findings
    }
}

/// One generated configuration file.
public struct GeneratedConfiguration: Sendable, Hashable {
    /// The file name, `<broker name>.xml` (or `<name>-1.xml` and `<name>-2.xml` for the members of
    /// an active/standby pair with the `activemq` target).
    public var fileName: String
    /// The broker it configures.
    public var broker: String
    /// The document.
    public var bytes: [UInt8]

    /// A generated configuration.
    public init(fileName: String, broker: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.broker = broker
        self.bytes = bytes
    }
}

/// Generates one configuration per broker of a network spec.
///
/// - `.amazonMQ`: the broker's whole configuration (its own, or the one Amazon MQ creates by default)
///   with only its `<networkConnectors>` changed, which the Amazon MQ schema accepts as it is
///   (nothing sanitized); a broker that declares no connector gets no file.
/// - `.activeMQ`: a complete self-managed configuration a stock ActiveMQ 5.x starts as it is: Spring
///   `<beans>` with a property placeholder configurer, `brokerName`, simple authentication for the
///   common user, a transport connector on the broker's own endpoint; the bridge password is the
///   placeholder `${AMQ_BRIDGE_PASSWORD}`, resolved at start from the environment. The two members
///   of an active/standby pair get one file each, differing only in the transport connector, sharing
///   one KahaDB folder (`${AMQ_SHARED_STORE}/<name>/kahadb`) whose lock decides which is active.
///
/// Connectors (`connector_<from>_to_<to>`, `userName` from the spec, `duplex`, `networkTTL`, `uri`)
/// are added through ``BrokerConfiguration/addNetworkConnector(_:to:target:)``, with its checks.
public enum TopologyGenerator {
    /// The environment variable holding the bridge password for the `activemq` target.
    public static let passwordVariable = "AMQ_BRIDGE_PASSWORD"
    /// The environment variable naming the folder active/standby pairs share.
    public static let sharedStoreVariable = "AMQ_SHARED_STORE"

    /// Generates every file.
    ///
    /// With `.amazonMQ`, every file is a whole broker configuration, so it can be pasted as a new
    /// revision without wiping anything: the broker's own (`bases[name]`, else `base`), else the
    /// configuration Amazon MQ creates by default (``AmazonMQDefaultConfiguration``). Only its
    /// `<networkConnectors>` change, with minimal-diff edits (and, when the spec asks for
    /// `replayWhenNoConsumers`, the `policyEntry queue=">"`); a broker that declares no connector
    /// gets no file, unless the spec asks for the replay policy. Regenerating over earlier output is idempotent: connectors the generator owns
    /// (their names match the spec's `connectorName` pattern, or a link names them) are updated, or
    /// removed when the spec no longer wants them; every other connector is kept.
    ///
    /// - Parameters:
    ///   - spec: The network.
    ///   - target: `.amazonMQ` or `.activeMQ`.
    ///   - base: A configuration to start every broker from (its connectors are added with
    ///     minimal-diff edits, or updated when one of the same name exists).
    ///   - bases: Each broker's own configuration, by broker name (wins over `base`).
    ///   - settings: The settings the rules judge each file under (default: the target's profile).
    ///   - rules: The rules that judge what is written: each broker's connectors, applied together
    ///     with one parse and one judgement, then the set of files as one network (the cross-file
    ///     rules, with `spec` as the network). The model's own by default; the command-line tool
    ///     passes the linter's whole set, schema rules included.
    /// - Throws: ``TopologyError``: a bad spec or base, or the rules' error-level findings.
    public static func generate(_ spec: NetworkSpec, target: ConfigurationTarget, base: BrokerConfiguration? = nil,
                                bases: [String: BrokerConfiguration] = [:], settings: RuleSettings? = nil,
                                rules: RuleSet = .model) throws(TopologyError) -> [GeneratedConfiguration]
    {
        let settings = settings ?? RuleSettings(profile: target.profile)
        let topology: NetworkTopology
        do {
            topology = try NetworkTopology(spec)
        } catch {
            throw TopologyError(error.message)
        }
        for (name, configuration) in bases.sorted(by: { $0.key < $1.key }) + (base.map { [("--base", $0)] } ?? []) where configuration.brokers.count != 1 {
            throw TopologyError("the base configuration of \(name) must hold exactly one <broker> (it holds \(configuration.brokers.count))")
        }
        let owned = ownership(spec, topology)
        var files: [GeneratedConfiguration] = []
        var parsed: [DocumentIndex] = []
        for (index, broker) in spec.brokers.enumerated() {
            let outgoing = topology.connectors.filter { $0.from == index }
            let documents: [(String, BrokerConfiguration)]
            if let own = bases[broker.name] ?? base {
                documents = [("\(broker.name).xml", own)]
            } else if target == .amazonMQ {
                // A broker that declares nothing keeps its configuration as it is: no file (unless it
                // needs the replay policy: a hub that declares nothing holds what spokes send it).
                if outgoing.isEmpty && spec.replayWhenNoConsumers != true { continue }
                documents = [("\(broker.name).xml", try parse(AmazonMQDefaultConfiguration.text, broker.name))]
            } else if broker.endpoints.count == 2 {
                documents = try broker.endpoints.enumerated().map { (member, endpoint) throws(TopologyError) in
                    ("\(broker.name)-\(member + 1).xml", try parse(activeMQTemplate(spec, broker.name, endpoint: endpoint, pair: true), broker.name))
                }
            } else {
                documents = [("\(broker.name).xml", try parse(activeMQTemplate(spec, broker.name, endpoint: broker.endpoints[0], pair: false), broker.name))]
            }
            let wanted = Set(outgoing.map(\.name))
            for (fileName, document) in documents {
                var configuration = document
                var edits: [NetworkConnectorEdit] = []
                do throws(ConnectorError) {
                    if spec.replayWhenNoConsumers == true {
                        try configuration.enableReplayWhenNoConsumers(settings: settings, rules: rules)
                    }
                    let existingNames = try configuration.onlyBroker().networkConnectors.map(\.effectiveName)
                    let existing = Set(existingNames)
                    // Owned connectors the spec no longer wants go.
                    for name in existingNames where owned(name) && !wanted.contains(name) { edits.append(.remove(named: name)) }
                    for connector in outgoing {
                        var definition = NetworkConnectorDefinition(name: topology.name(of: connector), to: topology.remote(of: connector))
                            .userName(spec.user ?? "")
                            .duplex(connector.duplex)
                            .networkTTL(connector.networkTTL)
                        if target == .activeMQ { definition = definition.password(SecretReference(placeholderNamed: passwordVariable)) }
                        if existing.contains(definition.name) {
                            var change = NetworkConnectorChange().remote(definition.remote).userName(definition.userName ?? "")
                                .duplex(connector.duplex).networkTTL(connector.networkTTL)
                            if let password = definition.password { change = change.password(password) }
                            edits.append(.update(named: definition.name, change))
                        } else {
                            edits.append(.add(definition))
                        }
                    }
                    // One parse and one judgement for all of the broker's connectors.
                    try configuration.applyNetworkConnectorEdits(edits, settings: settings, rules: rules)
                } catch {
                    if case .refused(let findings) = error {
                        throw TopologyError("\(broker.name): \(error)", findings: findings.map { finding in
                            var placed = finding
                            placed.file = fileName
                            return placed
                        })
                    }
                    throw TopologyError("\(broker.name): \(error)")
                }
                files.append(GeneratedConfiguration(fileName: fileName, broker: broker.name, bytes: configuration.bytes))
                parsed.append(DocumentIndex(path: fileName, configuration: configuration, settings: settings))
            }
        }
        try judgeNetwork(parsed, spec: spec, rules: rules)
        return files
    }

    /// Runs the cross-file rules over the generated files as one network, with the spec as the
    /// network: an error refuses the whole generation (nothing the tool writes fails its own lint).
    static func judgeNetwork(_ documents: [DocumentIndex], spec: NetworkSpec, rules: RuleSet) throws(TopologyError) {
        guard rules.all.contains(where: \.isCrossFile) else { return }
        let errors = rules.checkNetwork(NetworkIndex(documents: documents, spec: spec)).joined().filter { $0.severity == .error }
        if !errors.isEmpty {
            throw TopologyError("the generated files, as one network, fail the cross-file rules", findings: Array(errors))
        }
    }

    /// Whether a connector name is the generator's: it matches the spec's `connectorName` pattern
    /// (`{from}` and `{to}` standing for any text, `{fromIndex}` and `{toIndex}` for digits), or a
    /// link of the spec names it.
    public static func ownership(_ spec: NetworkSpec, _ topology: NetworkTopology) -> @Sendable (String) -> Bool {
        let pattern = spec.connectorName ?? NetworkTopology.defaultConnectorName
        let explicit = Set((spec.links ?? []).compactMap(\.name))
        // The pattern as literal pieces and wildcards: .any (one or more characters) or .digits.
        enum Piece: Sendable { case literal(String), any, digits }
        var pieces: [Piece] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.literal(String(rest[..<open]))) }
            let key = rest[rest.index(after: open)..<close]
            pieces.append(key.hasSuffix("Index") ? .digits : .any)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.literal(String(rest))) }
        let matcher = pieces
        @Sendable func matches(_ name: Substring, _ index: Int) -> Bool {
            guard index < matcher.count else { return name.isEmpty }
            switch matcher[index] {
            case .literal(let text):
                return name.hasPrefix(text) && matches(name.dropFirst(text.count), index + 1)
            case .any, .digits:
                var length = 1
                while length <= name.count {
                    let head = name.prefix(length)
                    if case .digits = matcher[index], !head.allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
                    if matches(name.dropFirst(length), index + 1) { return true }
                    length += 1
                }
                return false
            }
        }
        return { name in explicit.contains(name) || matches(Substring(name), 0) }
    }

    private static func parse(_ text: String, _ broker: String) throws(TopologyError) -> BrokerConfiguration {
        do {
            return try BrokerConfiguration(bytes: Array(text.utf8), path: "\(broker).xml")
        } catch {
            throw TopologyError("internal error: the template for \(broker) does not parse: \(error.message)")
        }
    }

    static func escape(_ value: String) -> String { value.xmlAttributeEscaped }

    static func activeMQTemplate(_ spec: NetworkSpec, _ name: String, endpoint: String, pair: Bool) -> String {
        let persistence = pair ? """
                <persistenceAdapter>
                  <!-- shared by both members of the pair: the one holding the lock is active -->
                  <kahaDB directory="${\(sharedStoreVariable)}/\(escape(name))/kahadb">
                    <locker>
                      <shared-file-locker lockAcquireSleepInterval="1000"/>
                    </locker>
                  </kahaDB>
                </persistenceAdapter>

            """ : ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!--
              \(name): generated by activemq-config topology generate (\(spec.topology.rawValue), self-managed ActiveMQ).
              Start it with \(passwordVariable) in the environment: the password of the network user '\(escape(spec.user ?? ""))',
              which every bridge uses\(pair ? "; and \(sharedStoreVariable): the folder both members of the pair share" : "").
            -->
            <beans xmlns="http://www.springframework.org/schema/beans"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                                       http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
              <!-- resolves ${...}: JVM system properties first, then environment variables -->
              <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="\(escape(name))" dataDirectory="${activemq.data}">
                <managementContext>
                  <managementContext createConnector="false"/>
                </managementContext>
            \(persistence)    <plugins>
                  <simpleAuthenticationPlugin anonymousAccessAllowed="false">
                    <users>
                      <authenticationUser username="\(escape(spec.user ?? ""))" password="${\(passwordVariable)}" groups="users"/>
                    </users>
                  </simpleAuthenticationPlugin>
                </plugins>
                <transportConnectors>
                  <transportConnector name="openwire" uri="\(escape(endpoint))"/>
                </transportConnectors>
              </broker>
            </beans>

            """
    }
}
