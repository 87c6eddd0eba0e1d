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

    private var attributes: TypedAttributes { TypedAttributes(element: element) }

    /// `name`: part of the bridge's client ids and JMX name; unique per broker. Default `NC`.
    public var name: ConfigValue<String>? { attributes.string("name") }
    /// `uri`: how peers are discovered (`static:`, `masterslave:`, `multicast:`). Required.
    public var uri: ConfigValue<NetworkConnectorURI>? { get throws(ConfigValueError) { try attributes.networkURI("uri") } }
    /// `userName`: the user the bridge authenticates as, on both brokers. Default none.
    public var userName: ConfigValue<String>? { attributes.string("userName") }
    /// `password`: never exposed as a literal; a placeholder reference is shown as written.
    public var password: SecretValue? { attributes.secret("password") }
    /// `remoteUserName` (5.17+): the user for the remote side only. Default: `userName`.
    public var remoteUserName: ConfigValue<String>? { attributes.string("remoteUserName") }
    /// `remotePassword` (5.17+): never exposed as a literal.
    public var remotePassword: SecretValue? { attributes.secret("remotePassword") }
    /// `duplex`: one bridge carries messages both ways. Default `false`.
    public var duplex: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("duplex") } }
    /// `networkTTL`: how many brokers a message and a subscription may cross. Default `1`
    /// (setting it also sets `messageTTL` and `consumerTTL`).
    public var networkTTL: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("networkTTL") } }
    /// `messageTTL`: how many brokers a message may cross. Default `1` (or `networkTTL`).
    public var messageTTL: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("messageTTL") } }
    /// `consumerTTL`: how many brokers a subscription may cross. Default `1` (or `networkTTL`).
    public var consumerTTL: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("consumerTTL") } }
    /// `conduitSubscriptions`: treat several consumers of a topic as one. Default `true`.
    public var conduitSubscriptions: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("conduitSubscriptions") } }
    /// `conduitNetworkQueueSubscriptions`: conduit queue subscriptions too. Default `false`.
    public var conduitNetworkQueueSubscriptions: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("conduitNetworkQueueSubscriptions") }
    }
    /// `dynamicOnly`: forward only while a remote consumer exists. Default `false`.
    public var dynamicOnly: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("dynamicOnly") } }
    /// `syncDurableSubs`: restore durable subscriptions when the bridge starts. Default `false`.
    public var syncDurableSubs: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("syncDurableSubs") } }
    /// `decreaseNetworkConsumerPriority`: prefer local consumers. Default `false` up to 5.17, `true` from 5.18.
    public var decreaseNetworkConsumerPriority: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("decreaseNetworkConsumerPriority") }
    }
    /// `consumerPriorityBase`: the priority network consumers start from. Default `-5`.
    public var consumerPriorityBase: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("consumerPriorityBase") } }
    /// `prefetchSize`: messages in flight per network consumer; must be > 0. Default `1000`.
    public var prefetchSize: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("prefetchSize") } }
    /// `advisoryPrefetchSize`: prefetch for advisory consumers. Default `0` (use `prefetchSize`).
    public var advisoryPrefetchSize: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("advisoryPrefetchSize") } }
    /// `advisoryAckPercentage`: acknowledge advisories at this percentage of the prefetch. Default `75`.
    public var advisoryAckPercentage: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.int("advisoryAckPercentage") } }
    /// `suppressDuplicateQueueSubscriptions`: one network subscription per queue. Default `false`.
    public var suppressDuplicateQueueSubscriptions: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("suppressDuplicateQueueSubscriptions") }
    }
    /// `suppressDuplicateTopicSubscriptions`: one network subscription per topic. Default `true`.
    public var suppressDuplicateTopicSubscriptions: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("suppressDuplicateTopicSubscriptions") }
    }
    /// `bridgeTempDestinations`: forward messages to temporary destinations. Default `true`.
    public var bridgeTempDestinations: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("bridgeTempDestinations") } }
    /// `alwaysSyncSend`: send forwarded messages synchronously. Default `true` (since 5.8).
    public var alwaysSyncSend: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("alwaysSyncSend") } }
    /// `staticBridge`: forward only the statically included destinations. Default `false`.
    public var staticBridge: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("staticBridge") } }
    /// `useVirtualDestSubs`: propagate virtual destination subscriptions. Default `false`.
    public var useVirtualDestSubs: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useVirtualDestSubs") } }
    /// `dispatchAsync`: dispatch to the bridge asynchronously. Default `true`.
    public var dispatchAsync: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("dispatchAsync") } }
    /// `useCompression`: compress forwarded message bodies. Default `false`.
    public var useCompression: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useCompression") } }
    /// `advisoryForFailedForward`: raise an advisory when forwarding fails. Default `false`.
    public var advisoryForFailedForward: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("advisoryForFailedForward") }
    }
    /// `useBrokerNameAsIdSees` (sic): identify brokers by name in loop detection. Default `true`.
    public var useBrokerNameAsIdSees: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useBrokerNameAsIdSees") } }
    /// `gcDestinationViews`: remove JMX views of idle destinations. Default `true`.
    public var gcDestinationViews: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("gcDestinationViews") } }
    /// `gcSweepTime`: milliseconds between destination-view sweeps. Default `60000`.
    public var gcSweepTime: ConfigValue<Int>? { get throws(ConfigValueError) { try attributes.long("gcSweepTime") } }
    /// `checkDuplicateMessagesOnDuplex`: drop duplicates on a duplex bridge. Default `false`.
    public var checkDuplicateMessagesOnDuplex: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("checkDuplicateMessagesOnDuplex") }
    }
    /// `destinationFilter`: advisory topic filter. Default: from `dynamicallyIncludedDestinations`,
    /// else `ActiveMQ.Advisory.Consumer.>`.
    public var destinationFilter: ConfigValue<String>? { attributes.string("destinationFilter") }
    /// `clientIdToken`: separator in bridge client ids. Default `_`.
    public var clientIdToken: ConfigValue<String>? { attributes.string("clientIdToken") }
    /// `localUri`: the URI of the local side of the bridge. Default: the broker's VM transport.
    public var localUri: ConfigValue<String>? { attributes.string("localUri") }

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

    private var attributes: TypedAttributes { TypedAttributes(element: element) }

    /// `name`: the JMX key; unique per broker. Default: the URI's text.
    public var name: ConfigValue<String>? { attributes.string("name") }
    /// `uri`: the bind URI, e.g. `tcp://0.0.0.0:61616?maximumConnections=1000`.
    public var uri: ConfigValue<TransportURI>? { get throws(ConfigValueError) { try attributes.transportURI("uri") } }
    /// `discoveryUri`: advertise the connector, e.g. `multicast://default`. Default none.
    public var discoveryUri: ConfigValue<String>? { attributes.string("discoveryUri") }
    /// `updateClusterClients`: push the broker list to failover clients. Default `false`.
    public var updateClusterClients: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("updateClusterClients") } }
    /// `rebalanceClusterClients`: ask clients to rebalance when a broker joins. Default `false`.
    public var rebalanceClusterClients: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("rebalanceClusterClients") }
    }
    /// `updateClusterClientsOnRemove`: also update clients when a broker leaves. Default `false`.
    public var updateClusterClientsOnRemove: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("updateClusterClientsOnRemove") }
    }
    /// `allowLinkStealing`: a new connection with a used client id replaces the old. Default `false`.
    public var allowLinkStealing: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("allowLinkStealing") } }
}

extension TransportConnector {
    /// The name ActiveMQ gives the connector: its `name` as written, or its URI's text when it has
    /// none (may hold a secret: redact before printing).
    public var effectiveName: String {
        element.attribute("name")?.value ?? element.attribute("uri")?.value ?? ""
    }
}
