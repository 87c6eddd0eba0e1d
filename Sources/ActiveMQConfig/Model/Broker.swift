/// A `<broker>` element: typed access to its common attributes and its connectors.
public struct Broker: Sendable, Hashable {
    /// The `<broker>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `broker`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }


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
