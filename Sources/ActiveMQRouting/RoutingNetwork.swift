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
        /// `useVirtualDestSubs`: a consumer of a virtual destination's target also advertises the
        /// virtual destination, to bridges that listen (`AdvisoryBroker.fireVirtualDestinationAddAdvisory`).
        public var useVirtualDestSubs: Bool = false
        /// The virtual topics in force: those of `<destinationInterceptors>`, or, when it is not
        /// written, `VirtualTopic.>` with consumer queues `Consumer.*.` unless `useVirtualTopics="false"`
        /// (`BrokerService.createDefaultDestinationInterceptor`).
        public var virtualTopics: [VirtualTopicRoute] = []
        /// The composite queues and topics of `<destinationInterceptors>`.
        public var composites: [CompositeRoute] = []
        /// Its file's document, and its `<broker>` element there (a fix edits them).
        package var document: LosslessDocument? = nil
        /// Its `<broker>` element in ``document``.
        package var element: LosslessDocument.Element? = nil
        /// `keepDurableSubsActive` (default true): an offline durable subscription keeps
        /// non-persistent messages too (`DurableTopicSubscription.add`); without it, persistent ones only.
        public var keepDurableSubsActive = true
        /// Whether its messages outlive a restart: `persistent` (default true) and a store that is
        /// not a `<memoryPersistenceAdapter>`. Non-persistent messages never do.
        public var keepsMessages = true
        /// `deleteAllMessagesOnStartup`: each start empties its store.
        public var deletesMessagesOnStart = false
    }

    /// A virtual topic as routing applies it (`VirtualTopicInterceptor`): a message sent to a topic
    /// that `name` matches is copied to each existing queue named `prefix` + topic + `postfix`.
    public struct VirtualTopicRoute: Sendable, Hashable {
        /// The topics it covers (`name`, default `>`).
        public var name: DestinationName
        /// The consumer queues' prefix (default `Consumer.*.`).
        public var prefix: String
        /// The consumer queues' postfix (default empty).
        public var postfix: String
        /// `local`: messages that came over a bridge are not copied.
        public var local: Bool

        /// The consumer queues of a topic (a pattern: `*` in the prefix matches any consumer name).
        public func consumerQueues(of topic: DestinationName) -> DestinationName {
            .queue(prefix + topic.name + postfix)
        }

        /// Whether a queue may receive copies (`shouldDispatch`): with a `.*` in the prefix, its
        /// name starts with the prefix's part before it.
        public func dispatches(to queue: DestinationName) -> Bool {
            let characters = Array(prefix)
            guard !prefix.hasPrefix("*"), let star = characters.indices.dropLast().first(where: { characters[$0] == "." && characters[$0 + 1] == "*" })
            else { return true }
            return queue.name.hasPrefix(String(characters[..<star]))
        }

        /// The topic a consumer queue's advisory names under `useVirtualDestSubs`
        /// (`AdvisoryBroker.setConsumerInfoVirtualDest`): its name without the prefix's and the
        /// postfix's segments; nil when the queue is no consumer queue of this virtual topic.
        public func topic(advertisedBy queue: DestinationName) -> DestinationName? {
            guard queue.kind == .queue, DestinationName.queue(prefix + ">").matches(queue) else { return nil }
            let trimmedPrefix = prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
            let trimmedPostfix = postfix.hasPrefix(".") ? String(postfix.dropFirst()) : postfix
            let segments = queue.name.split(separator: ".", omittingEmptySubsequences: false)
            let head = trimmedPrefix.isEmpty ? 0 : trimmedPrefix.split(separator: ".", omittingEmptySubsequences: false).count
            let tail = trimmedPostfix.isEmpty ? 0 : trimmedPostfix.split(separator: ".", omittingEmptySubsequences: false).count
            guard segments.count > head + tail else { return .topic(queue.name) }
            return .topic(segments[head..<(segments.count - tail)].joined(separator: "."))
        }
    }

    /// A composite queue or topic as routing applies it (`CompositeDestinationFilter`): a message
    /// sent to `destination` goes to each target whose selector matches, and to `destination`
    /// itself unless `forwardOnly` (or, with `sendWhenNotMatched`, only when no target matched).
    public struct CompositeRoute: Sendable, Hashable {
        /// The composite's name (a pattern may cover several destinations).
        public var destination: DestinationName
        /// Where messages go: each target, with its selector when it is a `<filteredDestination>`.
        public var targets: [(destination: DestinationName, selector: MessageSelector?)]
        /// `forwardOnly` (default true).
        public var forwardOnly: Bool
        /// `sendWhenNotMatched` (default false).
        public var sendWhenNotMatched: Bool

        public static func == (lhs: CompositeRoute, rhs: CompositeRoute) -> Bool {
            lhs.destination == rhs.destination && lhs.forwardOnly == rhs.forwardOnly && lhs.sendWhenNotMatched == rhs.sendWhenNotMatched
                && lhs.targets.map(\.destination) == rhs.targets.map(\.destination)
                && lhs.targets.map { $0.selector?.text } == rhs.targets.map { $0.selector?.text }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(destination)
            hasher.combine(targets.map(\.destination))
        }
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
        /// `dynamicOnly`: a restarted conduit bridge reactivates its durable subscriptions only when
        /// their remote subscribers come back, not at its start (`DurableConduitBridge.setupStaticDestinations`).
        public var dynamicOnly: Bool = false
        /// `syncDurableSubs` (5.14+): on connecting, the brokers exchange their durable
        /// subscriptions and re-add or clean up durable demand; not modelled across restarts.
        public var syncDurableSubs: Bool = false
        /// `useVirtualDestSubs`: the bridge also listens to virtual-destination consumer advisories.
        public var useVirtualDestSubs: Bool = false
        /// The `masterslave:` connector this bridge belongs to: its bridges share the number, and
        /// its one connection reaches the first member running when it connects
        /// (`MasterSlaveDiscoveryAgent`: `failover:(…)?randomize=false&maxReconnectAttempts=0`),
        /// staying there until that member stops. Nil for a `static:` member.
        public var group: Int? = nil
        /// The member's position in its `masterslave:` list (0 is tried first).
        public var rank: Int = 0
        /// `excludedDestinations`.
        public var excluded: [DestinationName]
        /// `dynamicallyIncludedDestinations`.
        public var dynamicallyIncluded: [DestinationName]
        /// `staticallyIncludedDestinations`.
        public var staticallyIncluded: [DestinationName]
        /// The connector's element, in its file's document (a fix edits it).
        package var connector: LosslessDocument.Element? = nil
        /// The document of the file that declares the connector.
        package var connectorDocument: LosslessDocument? = nil

        /// `isPermissableDestination`: exclusions first (since 5.14), then static includes, then
        /// dynamic includes when there are any; temporary destinations by `bridgeTempDestinations`.
        public func permits(_ destination: DestinationName) -> Bool {
            if destination.isTemporary { return bridgeTemporaryDestinations }
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
            var model = BrokerModel(name: broker.name, file: broker.file, advisorySupport: advisory, policyMap: element.policyMap,
                                    line: element.element.position.line, column: element.element.position.column)
            try Self.readVirtualDestinations(of: element, into: &model)
            let persistent = try Self.value({ () throws(ConfigValueError) in try element.persistent }, default: true, file: broker.file)
            let inMemory = element.element.childElements(localName: "persistenceAdapter", namespace: ActiveMQNamespace.core)
                .contains { !$0.childElements(localName: "memoryPersistenceAdapter", namespace: ActiveMQNamespace.core).isEmpty }
            model.keepsMessages = persistent && !inMemory
            model.deletesMessagesOnStart = try Self.value({ () throws(ConfigValueError) in try element.deleteAllMessagesOnStartup },
                                                          default: false, file: broker.file)
            model.document = broker.configuration.document
            model.element = element.element
            models.append(model)
            documents.append(DocumentIndex(path: broker.file, configuration: broker.configuration, settings: RuleSettings()))
        }
        brokers = models
        // The brokers of a scenario run on one machine: a loopback address names a port.
        let network = BrokerNetwork(documents, spec: spec, loopbackByPort: true)
        var bridges: [Bridge] = []
        var groups: [String: Int] = [:]
        for edge in network.edges {
            let from = network.nodes[edge.from].document, to = network.nodes[edge.to].document
            var bridge = try Self.bridge(edge.connector, from: from, to: to, file: given[from].file, version: version)
            bridge.connector = edge.connector.element
            bridge.connectorDocument = given[from].configuration.document
            if let uri = (try? edge.connector.uri)??.literal, uri.discovery == .masterSlave {
                let position = edge.connector.element.position
                let key = "\(from) \(position.line) \(position.column)"
                let group = groups[key] ?? groups.count
                groups[key] = group
                bridge.group = group
                let node = network.nodes[edge.to]
                bridge.rank = uri.transports.firstIndex { transport in
                    guard let port = transport.port?.literal else { return false }
                    let host = transport.host?.lowercased() ?? ""
                    return BrokerNetwork.isLoopback(host) ? node.ports.contains(port) : node.endpoints.contains("\(host):\(port)")
                } ?? uri.transports.count
            }
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
            dynamicOnly: try value({ () throws(ConfigValueError) in try connector.dynamicOnly }, default: false, file: file),
            syncDurableSubs: try value({ () throws(ConfigValueError) in try connector.syncDurableSubs }, default: false, file: file),
            useVirtualDestSubs: try value({ () throws(ConfigValueError) in try connector.useVirtualDestSubs }, default: false, file: file),
            excluded: list(connector.excludedDestinations), dynamicallyIncluded: list(connector.dynamicallyIncludedDestinations),
            staticallyIncluded: list(connector.staticallyIncludedDestinations))
    }

    /// Reads a broker's virtual destinations and `useVirtualDestSubs`; what the analyser does not
    /// model (`selectorAware` virtual topics, `useVirtualDestSubsOnCreation`) is refused.
    static func readVirtualDestinations(of broker: Broker, into model: inout BrokerModel) throws(RoutingError) {
        let file = model.file
        model.useVirtualDestSubs = try value({ () throws(ConfigValueError) in try broker.useVirtualDestSubs }, default: false, file: file)
        model.keepDurableSubsActive = try value({ () throws(ConfigValueError) in try broker.keepDurableSubsActive }, default: true, file: file)
        let onCreation = try value({ () throws(ConfigValueError) in try broker.useVirtualDestSubsOnCreation }, default: false, file: file)
        if model.useVirtualDestSubs && onCreation {
            let position = broker.element.position
            throw RoutingError(file: file, line: position.line, column: position.column,
                               "useVirtualDestSubsOnCreation (demand from a destination's mere existence) is not modelled yet")
        }
        let written = !broker.element.childElements(localName: "destinationInterceptors", namespace: ActiveMQNamespace.core).isEmpty
        if !written {
            if try value({ () throws(ConfigValueError) in try broker.useVirtualTopics }, default: true, file: file) {
                model.virtualTopics = [VirtualTopicRoute(name: .topic("VirtualTopic.>"), prefix: "Consumer.*.", postfix: "", local: false)]
            }
            return
        }
        for virtual in broker.virtualDestinations {
            let position = virtual.element.position
            switch virtual {
            case .virtualTopic(let topic):
                if try value({ () throws(ConfigValueError) in try topic.selectorAware }, default: false, file: file) {
                    throw RoutingError(file: file, line: position.line, column: position.column, "a selectorAware virtual topic is not modelled yet")
                }
                model.virtualTopics.append(VirtualTopicRoute(
                    name: .topic(try value({ () throws(ConfigValueError) in topic.name }, default: ">", file: file)),
                    prefix: try value({ () throws(ConfigValueError) in topic.prefix }, default: "Consumer.*.", file: file),
                    postfix: try value({ () throws(ConfigValueError) in topic.postfix }, default: "", file: file),
                    local: try value({ () throws(ConfigValueError) in try topic.local }, default: false, file: file)))
            case .composite(let composite):
                guard let destination = composite.destination else { continue }
                var targets: [(destination: DestinationName, selector: MessageSelector?)] = []
                for target in composite.forwards {
                    switch target {
                    case .destination(let name):
                        targets.append((name, nil))
                    case .filtered(let filtered):
                        guard let name = filtered.target else { continue }
                        let selector: MessageSelector?
                        let text = try value({ () throws(ConfigValueError) in filtered.selector }, default: "", file: file)
                        do {
                            selector = text.isEmpty ? nil : try MessageSelector(text)
                        } catch {
                            let at = filtered.element.position
                            throw RoutingError(file: file, line: at.line, column: at.column, error.message)
                        }
                        targets.append((name, selector))
                    }
                }
                model.composites.append(CompositeRoute(
                    destination: destination, targets: targets,
                    forwardOnly: try value({ () throws(ConfigValueError) in try composite.forwardOnly }, default: true, file: file),
                    sendWhenNotMatched: try value({ () throws(ConfigValueError) in try composite.sendWhenNotMatched }, default: false, file: file)))
            }
        }
    }
}
