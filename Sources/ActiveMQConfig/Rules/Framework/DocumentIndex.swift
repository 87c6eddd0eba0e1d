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
    /// Text by which connectors elsewhere reach this document's broker, besides its addresses: a
    /// host file's references to the resource that runs it (`aws_mq_broker.hub.`, `Fn::GetAtt
    /// Hub.`); a connector whose `uri` holds one links to it.
    public let networkAliases: [String]
    /// The broker's name in a network when its `brokerName` does not say it: a host file's name
    /// for the document (a resource's `name` argument, its logical id), else the file's stem.
    public let networkName: String?
    private let parts = PartCache()

    /// Indexes a configuration.
    public init(path: String, configuration: BrokerConfiguration, settings: RuleSettings, networkAliases: [String] = [],
                networkName: String? = nil) {
        self.path = path
        self.configuration = configuration
        self.settings = settings
        self.networkAliases = networkAliases
        self.networkName = networkName
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
        parts.value(ObjectIdentifier(part), name: part.name) { part.build(self) }
    }

    /// Drops every part but the connectors once the document rules are done with it: the run then
    /// holds, per document, what the network rules read, not what the document rules did (the
    /// schema walks are most of a document's memory). A part read again is built again.
    package func discardDocumentParts() {
        let kept: Set<ObjectIdentifier> = [ObjectIdentifier(Self.networkConnectorsPart), ObjectIdentifier(Self.transportConnectorsPart)]
        parts.discard(keeping: kept)
    }

    /// The names of the parts built so far (what a run has paid for, discarded ones too), sorted.
    package var builtParts: [String] { parts.built }

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
        let perBroker = index.brokers.map(\.networkConnectors)
        var all: [IndexedNetworkConnector] = []
        all.reserveCapacity(perBroker.reduce(0) { $0 + $1.count })
        for (number, connectors) in perBroker.enumerated() {
            for connector in connectors { all.append(IndexedNetworkConnector(connector: connector, broker: number)) }
        }
        return all
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
    /// The URI as the rules judge it: the literal that parses, or that would without its
    /// whitespace (a fault `uri-syntax` reports); nil otherwise.
    public let uriIgnoringWhitespace: NetworkConnectorURI?
    /// What the `uri` attribute is, kept small (a network of brokers holds tens of thousands).
    private let state: State

    private enum State: Sendable {
        case absent
        /// A literal that parses: ``uriIgnoringWhitespace`` holds it.
        case literal
        case placeholder(String)
        case encrypted(String)
        case failed(Failure)
    }

    private final class Failure: Sendable {
        let error: ConfigValueError
        init(_ error: ConfigValueError) { self.error = error }
    }

    /// The `uri` attribute parsed: nil when absent; a placeholder or `ENC(…)` as such; the error
    /// when the literal does not parse.
    public var uri: Result<ConfigValue<NetworkConnectorURI>?, ConfigValueError> {
        switch state {
        case .absent: return .success(nil)
        case .literal: return .success(uriIgnoringWhitespace.map(ConfigValue.literal))
        case .placeholder(let text): return .success(.placeholder(text))
        case .encrypted(let text): return .success(.encrypted(text))
        case .failed(let failure): return .failure(failure.error)
        }
    }

    init(connector: NetworkConnector, broker: Int) {
        self.connector = connector
        self.broker = broker
        do {
            switch try connector.uri {
            case nil:
                state = .absent
                uriIgnoringWhitespace = nil
            case .literal(let uri)?:
                state = .literal
                uriIgnoringWhitespace = uri
            case .placeholder(let text)?:
                state = .placeholder(text)
                uriIgnoringWhitespace = nil
            case .encrypted(let text)?:
                state = .encrypted(text)
                uriIgnoringWhitespace = nil
            }
        } catch {
            state = .failed(Failure(error))
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
