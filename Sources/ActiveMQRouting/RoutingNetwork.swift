public import ActiveMQConfig

/// Why a network or a scenario cannot be analysed. Nothing was predicted.
public struct RoutingError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// The file the problem is in, if any.
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// An error.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE`.
    public var description: String { diagnostics[0].formatted }

    /// One diagnostic (code `usage`: a scenario the analyser cannot read exits 2).
    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: file, line: line, column: column, severity: .error, code: Diagnostic.usageCode, message: message)]
    }
}

/// A network of brokers as message routing sees it: each broker's advisories and policies, and
/// each bridge (one per member of a connector's `static:` list, one per `masterslave:` group, and
/// the responder of a duplex connector) with the settings that decide forwarding.
public struct RoutingNetwork: Sendable {
    /// A broker.
    public struct BrokerModel: Sendable {
        /// Its name.
        public var name: String
        /// The file it is configured in.
        public var file: String
        /// `advisorySupport`: without advisories no bridge learns of its consumers.
        public var advisorySupport: Bool
        /// Its `<policyMap>`, for the replay filter factory and the audits.
        public var policyMap: PolicyMap?
        /// The 1-based line and column of its `<broker>` element, where a finding about it points.
        public var line: Int
        /// The column of its `<broker>` element.
        public var column: Int
    }

    /// A bridge X⇒Y: X forwards to Y what Y's consumers ask for.
    public struct Bridge: Sendable {
        /// The forwarding broker X.
        public var from: Int
        /// The remote broker Y.
        public var to: Int
        /// The connector's name, and where it is declared.
        public var connectorName: String
        /// The file and 1-based line of the connector (on the initiator for a duplex responder).
        public var file: String
        /// The connector's line.
        public var line: Int
        /// The connector's column.
        public var column: Int
        /// Whether this is the responder side of a duplex connector declared on Y.
        public var isDuplexResponder: Bool
        /// Hops a consumer's demand may have crossed for this bridge to accept it (-1: unlimited).
        public var consumerTTL: Int
        /// Hops a message may have crossed for this bridge to forward it (-1: unlimited).
        public var messageTTL: Int
        /// `conduitSubscriptions`.
        public var conduit: Bool
        /// `conduitNetworkQueueSubscriptions`.
        public var conduitNetworkQueues: Bool
        /// `decreaseNetworkConsumerPriority`, resolved for the version.
        public var decreasePriority: Bool
        /// `consumerPriorityBase`.
        public var priorityBase: Int
        /// `staticBridge`: no advisory consumer at all.
        public var staticBridge: Bool
        /// `suppressDuplicateTopicSubscriptions`.
        public var suppressDuplicateTopics: Bool
        /// `suppressDuplicateQueueSubscriptions`.
        public var suppressDuplicateQueues: Bool
        /// `bridgeTempDestinations`.
        public var bridgeTemporaryDestinations: Bool
        /// `excludedDestinations`.
        public var excluded: [DestinationName]
        /// `dynamicallyIncludedDestinations`.
        public var dynamicallyIncluded: [DestinationName]
        /// `staticallyIncludedDestinations`.
        public var staticallyIncluded: [DestinationName]

        /// `isPermissableDestination`: exclusions first (since 5.14), then static includes, then
        /// dynamic includes when there are any; temporary destinations by `bridgeTempDestinations`.
        public func permits(_ destination: DestinationName) -> Bool {
            if destination.kind == .tempQueue || destination.kind == .tempTopic { return bridgeTemporaryDestinations }
            if excluded.contains(where: { $0.matches(destination) }) { return false }
            if staticallyIncluded.contains(where: { $0.matches(destination) }) { return true }
            if !dynamicallyIncluded.isEmpty { return dynamicallyIncluded.contains { $0.matches(destination) } }
            return true
        }
    }

    /// The brokers, in the order given.
    public let brokers: [BrokerModel]
    /// The bridges.
    public let bridges: [Bridge]
    /// The ActiveMQ version whose behaviour applies.
    public let version: ActiveMQVersion

    /// The network of these brokers (one `<broker>` per configuration), matched to each other by
    /// their connector URIs and transport connectors, or by `spec`.
    ///
    /// - Throws: ``RoutingError`` for a configuration without exactly one broker, or a setting the
    ///   analyser cannot read (a placeholder where routing needs a value).
    public init(brokers given: [(name: String, file: String, configuration: BrokerConfiguration)], spec: NetworkSpec?,
                version: ActiveMQVersion) throws(RoutingError) {
        self.version = version
        var models: [BrokerModel] = []
        var documents: [DocumentIndex] = []
        for broker in given {
            guard broker.configuration.brokers.count == 1, let element = broker.configuration.brokers.first else {
                throw RoutingError(file: broker.file, "a scenario broker's configuration holds exactly one <broker> (this one holds \(broker.configuration.brokers.count))")
            }
            let advisory = try Self.value({ () throws(ConfigValueError) in try element.advisorySupport }, default: true, file: broker.file)
            models.append(BrokerModel(name: broker.name, file: broker.file, advisorySupport: advisory, policyMap: element.policyMap,
                                      line: element.element.position.line, column: element.element.position.column))
            documents.append(DocumentIndex(path: broker.file, configuration: broker.configuration, settings: RuleSettings()))
        }
        brokers = models
        // The brokers of a scenario run on one machine: a loopback address names a port.
        let network = BrokerNetwork(documents, spec: spec, loopbackByPort: true)
        var bridges: [Bridge] = []
        for edge in network.edges {
            let from = network.nodes[edge.from].document, to = network.nodes[edge.to].document
            let bridge = try Self.bridge(edge.connector, from: from, to: to, file: given[from].file, version: version)
            bridges.append(bridge)
            if edge.duplex {
                var responder = bridge
                responder.from = to
                responder.to = from
                responder.isDuplexResponder = true
                bridges.append(responder)
            }
        }
        self.bridges = bridges
    }

    /// A setting's value for routing: written, else `value`; a placeholder or an encrypted value
    /// is refused, since the analyser needs the value itself.
    static func value<T>(_ read: () throws(ConfigValueError) -> ConfigValue<T>?, default value: T, file: String) throws(RoutingError) -> T {
        let written: ConfigValue<T>?
        do {
            written = try read()
        } catch {
            throw RoutingError(file: file, line: error.position.line, column: error.position.column, error.description)
        }
        switch written {
        case nil: return value
        case .literal(let literal)?: return literal
        case .placeholder(let text)?, .encrypted(let text)?:
            throw RoutingError(file: file, "'\(redactText(text))' is resolved when the broker starts: the analyser needs its value written")
        }
    }

    static func bridge(_ connector: NetworkConnector, from: Int, to: Int, file: String, version: ActiveMQVersion) throws(RoutingError) -> Bridge {
        // networkTTL sets both TTLs; an explicit consumerTTL or messageTTL after it in the element
        // replaces one of them (Spring sets properties in the order they are written).
        var consumerTTL = 1, messageTTL = 1
        for attribute in connector.element.attributes where attribute.prefix == nil {
            guard ["networkTTL", "consumerTTL", "messageTTL"].contains(attribute.localName) else { continue }
            guard let value = LexicalValue.int32(attribute.value) else {
                throw RoutingError(file: file, line: attribute.valuePosition.line, column: attribute.valuePosition.column,
                                   "\(attribute.localName) must be a number the analyser can read")
            }
            if attribute.localName != "messageTTL" { consumerTTL = value }
            if attribute.localName != "consumerTTL" { messageTTL = value }
        }
        func list(_ entries: [DestinationEntry]) -> [DestinationName] {
            entries.compactMap { entry in
                switch entry.kind {
                case .tempQueue, .tempTopic: return DestinationName(kind: entry.kind, name: ">")
                case .queue, .topic: return entry.physicalName.map { DestinationName(kind: entry.kind, name: $0) }
                }
            }
        }
        return Bridge(
            from: from, to: to, connectorName: connector.effectiveName, file: file, line: connector.element.position.line,
            column: connector.element.position.column,
            isDuplexResponder: false, consumerTTL: consumerTTL, messageTTL: messageTTL,
            conduit: try value({ () throws(ConfigValueError) in try connector.conduitSubscriptions }, default: true, file: file),
            conduitNetworkQueues: try value({ () throws(ConfigValueError) in try connector.conduitNetworkQueueSubscriptions }, default: false, file: file),
            decreasePriority: try value({ () throws(ConfigValueError) in try connector.decreaseNetworkConsumerPriority },
                                       default: NetworkConnector.defaultDecreaseNetworkConsumerPriority(in: version), file: file),
            priorityBase: try value({ () throws(ConfigValueError) in try connector.consumerPriorityBase }, default: -5, file: file),
            staticBridge: try value({ () throws(ConfigValueError) in try connector.staticBridge }, default: false, file: file),
            suppressDuplicateTopics: try value({ () throws(ConfigValueError) in try connector.suppressDuplicateTopicSubscriptions }, default: true, file: file),
            suppressDuplicateQueues: try value({ () throws(ConfigValueError) in try connector.suppressDuplicateQueueSubscriptions }, default: false, file: file),
            bridgeTemporaryDestinations: try value({ () throws(ConfigValueError) in try connector.bridgeTempDestinations }, default: true, file: file),
            excluded: list(connector.excludedDestinations), dynamicallyIncluded: list(connector.dynamicallyIncludedDestinations),
            staticallyIncluded: list(connector.staticallyIncludedDestinations))
    }
}
