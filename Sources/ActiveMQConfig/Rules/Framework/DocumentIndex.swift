/// One document as every rule reads it, built in one walk: its brokers, their network and
/// transport connectors with URIs parsed once, destination policies, plugins and virtual
/// destinations.
///
/// Each part is built on first use and kept, so a part that only disabled rules read is never
/// built. Rules and shared computations (the schema walk, template tags) add parts of their own
/// with a typed key, ``Part``: a computation several rules share belongs here, never in one rule
/// that reports for its siblings. Safe to read from any thread.
public final class DocumentIndex: Sendable {
    /// The file, as given (`-` for standard input).
    public let path: String
    /// The configuration.
    public let configuration: BrokerConfiguration
    /// The settings for this file.
    public let settings: RuleSettings
    /// The brokers, in document order.
    public let brokers: [Broker]
    private let parts = Locked<[ObjectIdentifier: (name: String, value: any Sendable)]>([:])

    /// Indexes a configuration.
    public init(path: String, configuration: BrokerConfiguration, settings: RuleSettings) {
        self.path = path
        self.configuration = configuration
        self.settings = settings
        brokers = configuration.brokers
    }

    /// The document.
    public var document: LosslessDocument { configuration.document }

    /// A part of the index, identified by its key's identity and typed by it: built by its key
    /// on first use, then shared by every reader.
    public final class Part<Value: Sendable>: Sendable {
        /// A name for tests and traces.
        public let name: String
        let build: @Sendable (DocumentIndex) -> Value

        /// A part built by `build` from the index (declare it once, as a `static let`).
        public init(_ name: String, build: @escaping @Sendable (DocumentIndex) -> Value) {
            self.name = name
            self.build = build
        }
    }

    /// The part's value, built now if no one has asked for it yet.
    public subscript<Value>(part: Part<Value>) -> Value {
        let key = ObjectIdentifier(part)
        // Bound in two steps: a stored nil of an optional part is a value, not a miss.
        if let stored = parts.withLock({ $0[key] }), let known = stored.value as? Value { return known }
        // Built outside the lock: a part may read other parts.
        let value = part.build(self)
        return parts.withLock { stored in
            if let earlier = stored[key], let value = earlier.value as? Value { return value }
            stored[key] = (part.name, value)
            return value
        }
    }

    /// The names of the parts built so far (what a run has paid for), sorted.
    package var builtParts: [String] { parts.withLock { $0.values.map(\.name) }.sorted() }

    /// The network connectors of every broker, in document order, with their URIs parsed.
    public var networkConnectors: [IndexedNetworkConnector] { self[Self.networkConnectorsPart] }
    /// The transport connectors of every broker, in document order, with their URIs parsed.
    public var transportConnectors: [IndexedTransportConnector] { self[Self.transportConnectorsPart] }
    /// The `<policyEntry>` elements of every broker's `<destinationPolicy>`, in document order.
    public var policyEntries: [LosslessDocument.Element] { self[Self.policyEntriesPart] }
    /// The children of every broker's `<plugins>`, in document order.
    public var plugins: [LosslessDocument.Element] { self[Self.pluginsPart] }
    /// The virtual destinations of every broker's `<destinationInterceptors>` (`<virtualTopic>`,
    /// `<compositeQueue>`, `<compositeTopic>`), in document order.
    public var virtualDestinations: [LosslessDocument.Element] { self[Self.virtualDestinationsPart] }

    /// The indexed network connector whose element starts at this offset, if any.
    public func networkConnector(at element: LosslessDocument.Element) -> IndexedNetworkConnector? {
        let byStart = self[Self.networkConnectorsByStartPart]
        return byStart[element.range.lowerBound].map { networkConnectors[$0] }
    }

    static let networkConnectorsPart = Part("network-connectors") { index in
        index.brokers.enumerated().flatMap { number, broker in
            broker.networkConnectors.map { IndexedNetworkConnector(connector: $0, broker: number) }
        }
    }
    static let networkConnectorsByStartPart = Part("network-connectors-by-start") { index in
        Dictionary(index.networkConnectors.enumerated().map { ($0.element.connector.element.range.lowerBound, $0.offset) },
                   uniquingKeysWith: { first, _ in first })
    }
    static let transportConnectorsPart = Part("transport-connectors") { index in
        index.brokers.enumerated().flatMap { number, broker in
            broker.transportConnectors.map { IndexedTransportConnector(connector: $0, broker: number) }
        }
    }
    static let policyEntriesPart = Part("policy-entries") { index in
        index.brokers.flatMap { broker in
            broker.element.childElements(localName: "destinationPolicy", namespace: ActiveMQNamespace.core)
                .flatMap { $0.descendants.filter { $0.localName == "policyEntry" && $0.namespaceURI == ActiveMQNamespace.core } }
        }
    }
    static let pluginsPart = Part("plugins") { index in
        index.brokers.flatMap { broker in
            broker.element.childElements(localName: "plugins", namespace: ActiveMQNamespace.core).flatMap(\.childElements)
        }
    }
    static let virtualDestinationsPart = Part("virtual-destinations") { index in
        let kinds: Set<String> = ["virtualTopic", "compositeQueue", "compositeTopic"]
        return index.brokers.flatMap { broker in
            broker.element.childElements(localName: "destinationInterceptors", namespace: ActiveMQNamespace.core)
                .flatMap { $0.descendants.filter { kinds.contains($0.localName) && $0.namespaceURI == ActiveMQNamespace.core } }
        }
    }
    static let templateTagsPart = Part("template-tags") { index in
        index.document.template?.tags(in: index.document.bytes) ?? []
    }
}

/// A network connector as the index holds it: the view, its broker, and its URI parsed once.
public struct IndexedNetworkConnector: Sendable {
    /// The connector.
    public let connector: NetworkConnector
    /// Its broker's position in ``DocumentIndex/brokers``.
    public let broker: Int
    /// The `uri` attribute parsed: nil when absent; a placeholder or `ENC(…)` as such; the error
    /// when the literal does not parse.
    public let uri: Result<ConfigValue<NetworkConnectorURI>?, ConfigValueError>
    /// The URI as the rules judge it: the literal that parses, or that would without its
    /// whitespace (a fault `uri-syntax` reports); nil otherwise.
    public let uriIgnoringWhitespace: NetworkConnectorURI?

    init(connector: NetworkConnector, broker: Int) {
        self.connector = connector
        self.broker = broker
        uri = Result { () throws(ConfigValueError) in try connector.uri }
        switch uri {
        case .success(let value): uriIgnoringWhitespace = value?.literal
        case .failure(let error):
            if error.uriError?.kind == .whitespace, let text = connector.element.attribute("uri")?.value {
                uriIgnoringWhitespace = try? NetworkConnectorURI.parseIgnoringWhitespace(text)
            } else {
                uriIgnoringWhitespace = nil
            }
        }
    }
}

/// A transport connector as the index holds it: the view, its broker, and its URI parsed once.
public struct IndexedTransportConnector: Sendable {
    /// The connector.
    public let connector: TransportConnector
    /// Its broker's position in ``DocumentIndex/brokers``.
    public let broker: Int
    /// The `uri` attribute parsed: nil when absent; a placeholder or `ENC(…)` as such; the error
    /// when the literal does not parse.
    public let uri: Result<ConfigValue<TransportURI>?, ConfigValueError>

    init(connector: TransportConnector, broker: Int) {
        self.connector = connector
        self.broker = broker
        uri = Result { () throws(ConfigValueError) in try connector.uri }
    }

    /// The URI when it is a literal that parses.
    public var literalURI: TransportURI? {
        if case .success(.literal(let uri)?) = uri { return uri }
        return nil
    }
}
