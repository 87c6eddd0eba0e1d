/// A `<broker>` element: typed access to its common attributes and its connectors.
public struct Broker: Sendable, Hashable {
    /// The `<broker>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `broker`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    private var attributes: TypedAttributes { TypedAttributes(element: element) }

    /// `brokerName`: unique within a network of brokers. Default `localhost`.
    public var brokerName: ConfigValue<String>? { attributes.string("brokerName") }
    /// `dataDirectory`: where the broker keeps its data. Default `activemq-data`.
    public var dataDirectory: ConfigValue<String>? { attributes.string("dataDirectory") }
    /// `persistent`: keep messages across restarts. Default `true`.
    public var persistent: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("persistent") } }
    /// `useJmx`: register MBeans. Default `true`.
    public var useJmx: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useJmx") } }
    /// `schedulerSupport`: enable the message scheduler. Default `false`.
    public var schedulerSupport: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("schedulerSupport") } }
    /// `advisorySupport`: publish advisory messages (networks of brokers need them). Default `true`.
    public var advisorySupport: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("advisorySupport") } }
    /// `useShutdownHook`: stop cleanly when the JVM exits. Default `true`.
    public var useShutdownHook: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useShutdownHook") } }
    /// `start`: start the broker when the configuration loads. Default `true`.
    public var start: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("start") } }
    /// `networkConnectorStartAsync`: start network connectors without waiting. Default `false`.
    public var networkConnectorStartAsync: ConfigValue<Bool>? {
        get throws(ConfigValueError) { try attributes.boolean("networkConnectorStartAsync") }
    }
    /// `schedulePeriodForDestinationPurge`: milliseconds between purges of inactive destinations.
    /// Default `0` (never).
    public var schedulePeriodForDestinationPurge: ConfigValue<Int>? {
        get throws(ConfigValueError) { try attributes.int("schedulePeriodForDestinationPurge") }
    }
    /// `populateJMSXUserID`: stamp messages with the sender's user. Default `false`.
    public var populateJMSXUserID: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("populateJMSXUserID") } }
    /// `useVirtualTopics`: enable virtual topics. Default `true`.
    public var useVirtualTopics: ConfigValue<Bool>? { get throws(ConfigValueError) { try attributes.boolean("useVirtualTopics") } }

    /// The `<networkConnectors>` element, if present.
    public var networkConnectorsElement: LosslessDocument.Element? {
        element.childElements(localName: "networkConnectors", namespace: ActiveMQNamespace.core).first
    }

    /// The network connectors, in document order (connectors inside comments are not connectors).
    public var networkConnectors: [NetworkConnector] {
        element.childElements(localName: "networkConnectors", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "networkConnector", namespace: ActiveMQNamespace.core) }
            .map(NetworkConnector.init(element:))
    }

    /// The transport connectors, in document order.
    public var transportConnectors: [TransportConnector] {
        element.childElements(localName: "transportConnectors", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "transportConnector", namespace: ActiveMQNamespace.core) }
            .map(TransportConnector.init(element:))
    }

    /// The first network connector with this effective name (its `name` as written, placeholders
    /// included, or `NC` for one without a name), if any.
    public func networkConnector(named name: String) -> NetworkConnector? {
        networkConnectors.first { $0.effectiveName == name }
    }

    /// Every network connector with this effective name (more than one is an error the broker
    /// reports at start, and `duplicate-connector-name` finds).
    public func networkConnectors(named name: String) -> [NetworkConnector] {
        networkConnectors.filter { $0.effectiveName == name }
    }
}
