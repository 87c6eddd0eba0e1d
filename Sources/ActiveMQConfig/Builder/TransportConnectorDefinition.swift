/// A transport connector to build: where the broker listens, e.g. `ssl://0.0.0.0:61617`.
///
/// ```swift
/// let openwire = TransportConnectorDefinition(name: "openwire", uri: "ssl://0.0.0.0:61617?maximumConnections=1000")
///     .rebalanceClusterClients(true)
/// ```
///
/// The same rules as the network connectors' judge it when it is added; a literal password in the
/// URI (`keyStorePassword=…`) is refused, like everywhere the tool writes.
public struct TransportConnectorDefinition: Sendable, Hashable {
    /// The connector's name (Amazon MQ allows only `openwire`).
    public var name: String
    /// The bind URI; nil for Amazon MQ, which sets it itself (its schema has no `uri`).
    public var uri: String?
    /// Other `<transportConnector>` attributes, in order (checked against ActiveMQ's schema).
    public var otherAttributes: [NewElement.Attribute] = []

    /// A connector named `name` listening at `uri` (nil on Amazon MQ, which sets the URI itself).
    public init(name: String, uri: String? = nil) {
        self.name = name
        self.uri = uri
    }

    /// Sets another `<transportConnector>` attribute (the last value given wins).
    public func attribute(_ name: String, _ value: String) -> Self {
        var copy = self
        copy.otherAttributes.removeAll { $0.name == name }
        copy.otherAttributes.append(.init(name: name, value: value))
        return copy
    }

    /// `updateClusterClients`: push the broker list to failover clients (Amazon MQ allows it).
    public func updateClusterClients(_ on: Bool) -> Self { attribute("updateClusterClients", on ? "true" : "false") }
    /// `rebalanceClusterClients`: ask clients to rebalance when a broker joins (Amazon MQ allows it).
    public func rebalanceClusterClients(_ on: Bool) -> Self { attribute("rebalanceClusterClients", on ? "true" : "false") }
    /// `updateClusterClientsOnRemove`: also update clients when a broker leaves (Amazon MQ allows it).
    public func updateClusterClientsOnRemove(_ on: Bool) -> Self { attribute("updateClusterClientsOnRemove", on ? "true" : "false") }

    /// The attributes to write: `name`, the others, `uri` (the rules judge names and values).
    func attributeList() throws(ConnectorError) -> [NewElement.Attribute] {
        guard !name.isEmpty else { throw .invalidName }
        return [.init(name: "name", value: name)] + otherAttributes + (uri.map { [.init(name: "uri", value: $0)] } ?? [])
    }
}

/// New values for some attributes of an existing transport connector.
public struct TransportConnectorChange: Sendable, Hashable {
    /// The attributes to set, in order.
    public var attributes: [NewElement.Attribute] = []

    /// No change yet.
    public init() {}

    /// A new bind URI.
    public func uri(_ uri: String) -> Self { attribute("uri", uri) }
    /// A new name.
    public func name(_ name: String) -> Self { attribute("name", name) }
    /// `updateClusterClients`.
    public func updateClusterClients(_ on: Bool) -> Self { attribute("updateClusterClients", on ? "true" : "false") }
    /// `rebalanceClusterClients`.
    public func rebalanceClusterClients(_ on: Bool) -> Self { attribute("rebalanceClusterClients", on ? "true" : "false") }
    /// `updateClusterClientsOnRemove`.
    public func updateClusterClientsOnRemove(_ on: Bool) -> Self { attribute("updateClusterClientsOnRemove", on ? "true" : "false") }

    /// Sets an attribute (the last value given for a name wins).
    public func attribute(_ name: String, _ value: String) -> Self {
        var copy = self
        copy.attributes.removeAll { $0.name == name }
        copy.attributes.append(.init(name: name, value: value))
        return copy
    }
}
