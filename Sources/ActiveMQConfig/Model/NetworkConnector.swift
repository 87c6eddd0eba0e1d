/// A `<networkConnector>`: a bridge from this broker to others. A view over its element.
///
/// Typed properties read the attributes ActiveMQ 5.x defines (`NetworkBridgeConfiguration` and
/// `DiscoveryNetworkConnector`); each doc comment gives the effective default when the attribute
/// is absent (nil). Everything else stays reachable through ``element``.
public struct NetworkConnector: Sendable, Hashable {
    /// The `<networkConnector>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `networkConnector`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }

    /// `uri`: how peers are discovered (`static:`, `masterslave:`, `multicast:`). Required.
    public var uri: ConfigValue<NetworkConnectorURI>? { get throws(ConfigValueError) { try typedAttributes.networkURI("uri") } }
    /// `password`: never exposed as a literal; a placeholder reference is shown as written.
    public var password: SecretValue? { typedAttributes.secret("password") }
    /// `remotePassword` (in the schemas from 5.16.5): never exposed as a literal.
    public var remotePassword: SecretValue? { typedAttributes.secret("remotePassword") }

    /// `dynamicallyIncludedDestinations`: forwarded only while a remote consumer exists; empty = all.
    public var dynamicallyIncludedDestinations: [DestinationEntry] { destinations("dynamicallyIncludedDestinations") }
    /// `excludedDestinations`: never forwarded (does not affect statically included ones).
    public var excludedDestinations: [DestinationEntry] { destinations("excludedDestinations") }
    /// `staticallyIncludedDestinations`: always forwarded, even without consumers.
    public var staticallyIncludedDestinations: [DestinationEntry] { destinations("staticallyIncludedDestinations") }
    /// `durableDestinations`: durable subscriptions restored when the bridge starts.
    public var durableDestinations: [DestinationEntry] { destinations("durableDestinations") }

    private func destinations(_ list: String) -> [DestinationEntry] {
        element.childElements(localName: list, namespace: ActiveMQNamespace.core).flatMap(\.childElements)
            .compactMap(DestinationEntry.init(element:))
    }

    /// The literal passwords this connector carries and where (attribute, `user:password@`,
    /// `password=` options), never the passwords themselves.
    public var literalPasswordLocations: [String] {
        var found: [String] = []
        if password?.isLiteral == true { found.append("the 'password' attribute") }
        if remotePassword?.isLiteral == true { found.append("the 'remotePassword' attribute") }
        if let uri = try? uri?.literal { found += uri.literalPasswordLocations }
        return found
    }
}

/// A destination inside a network connector's include or exclude list.
public struct DestinationEntry: Sendable, Hashable {
    /// The kind of destination.
    public enum Kind: String, Sendable, Hashable {
        /// `<queue physicalName="…"/>`.
        case queue
        /// `<topic physicalName="…"/>`.
        case topic
        /// `<tempQueue/>`.
        case tempQueue
        /// `<tempTopic/>`.
        case tempTopic
    }

    /// Whether it is a queue or a topic.
    public var kind: Kind
    /// The destination name; wildcards `>` and `*` are allowed in dynamic and excluded lists.
    public var physicalName: String?
    /// The element.
    public var element: LosslessDocument.Element

    /// Reads an entry; nil for an element that is not a destination.
    public init?(element: LosslessDocument.Element) {
        guard element.namespaceURI == ActiveMQNamespace.core, let kind = Kind(rawValue: element.localName) else { return nil }
        self.kind = kind
        self.physicalName = element.attribute("physicalName")?.value
        self.element = element
    }
}

/// A `<transportConnector>`: where the broker listens. A view over its element.
public struct TransportConnector: Sendable, Hashable {
    /// The `<transportConnector>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `transportConnector`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }

    /// `uri`: the bind URI, e.g. `tcp://0.0.0.0:61616?maximumConnections=1000`.
    public var uri: ConfigValue<TransportURI>? { get throws(ConfigValueError) { try typedAttributes.transportURI("uri") } }
}

extension TransportConnector {
    /// The name ActiveMQ gives the connector: its `name` as written, or its URI's text when it has
    /// none (may hold a secret: redact before printing).
    public var effectiveName: String {
        element.attribute("name")?.value ?? element.attribute("uri")?.value ?? ""
    }
}
