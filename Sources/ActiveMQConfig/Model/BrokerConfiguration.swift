/// An ActiveMQ configuration document: one or more `<broker>` elements, wherever they sit (the
/// root of an Amazon MQ document, inside Spring `<beans>` or OSGi `<blueprint>`), with the core
/// namespace as default or prefixed (`amq:`).
///
/// The model is a view over a ``LosslessDocument``: edits change only the bytes they must, and
/// ``bytes`` is the whole document, byte for byte, with them.
public struct BrokerConfiguration: Sendable {
    /// The document.
    public private(set) var document: LosslessDocument

    /// Wraps a parsed document.
    public init(document: LosslessDocument) {
        self.document = document
    }

    /// Parses a configuration from its bytes.
    public init(bytes: [UInt8], path: String? = nil) throws(XMLDocumentError) {
        document = try LosslessDocument(bytes: bytes, path: path)
    }

    /// Reads and parses a configuration file (`-` reads standard input).
    public init(contentsOfFile path: String) throws(XMLDocumentError) {
        document = try LosslessDocument(contentsOfFile: path)
    }

    /// The document's bytes, with every edit made so far.
    public var bytes: [UInt8] { document.bytes }

    /// The brokers, in document order.
    public var brokers: [Broker] {
        document.elements(localName: "broker", namespace: ActiveMQNamespace.core).map(Broker.init(element:))
    }

    /// The broker to work on: the one named `name` (by `brokerName`), or the only one.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)`` when none matches, or when several
    ///   brokers exist and no name was given.
    public func broker(named name: String?) throws(ConnectorError) -> Broker {
        let all = brokers
        if let name {
            guard let broker = all.first(where: { $0.brokerName?.literal == name }) else {
                throw .brokerSelection("no broker named '\(name)'")
            }
            return broker
        }
        guard let only = all.first else { throw .brokerSelection("the document has no <broker> element") }
        guard all.count == 1 else {
            let names = all.map { $0.brokerName?.description ?? "(unnamed)" }.joined(separator: ", ")
            throw .brokerSelection("the document has \(all.count) brokers (\(names)); choose one with --broker NAME")
        }
        return only
    }

    // MARK: Editing connectors

    /// Adds a network connector to a broker, inside its `<networkConnectors>` (created at its
    /// alphabetical place among the broker's children when missing: safe for every ActiveMQ
    /// version). The new lines follow the file's indentation, quotes and line ends; nothing else
    /// changes. A commented-out `<networkConnectors>` block stays a comment.
    ///
    /// - Parameters:
    ///   - definition: The connector; checked against every rule and the target's.
    ///   - broker: A broker of this version of the configuration.
    ///   - target: Adds Amazon MQ's checks when `.amazonMQ`.
    /// - Returns: The new connector.
    @discardableResult
    public mutating func addNetworkConnector(_ definition: NetworkConnectorDefinition, to broker: Broker,
                                             target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> NetworkConnector {
        let attributes = try definition.validate(for: target)
        if broker.networkConnector(named: definition.name) != nil { throw .duplicateName(definition.name) }
        let connector = NewElement("networkConnector", attributes: attributes.map { ($0.name, $0.value) })
        let inserted: LosslessDocument.Element
        do throws(XMLEditError) {
            if let list = broker.networkConnectorsElement {
                inserted = try document.insertChild(connector, into: list)
            } else {
                let following = broker.element.childElements.first { $0.localName > "networkConnectors" }
                let list = try document.insertChild(NewElement("networkConnectors", children: [connector]), into: broker.element,
                                                    at: following.map(InsertionPoint.before) ?? .end)
                guard let first = list.childElements.first else { throw XMLEditError.notAChild }
                inserted = first
            }
        } catch {
            throw .edit(error)
        }
        return NetworkConnector(element: inserted)
    }

    /// Changes attributes of a network connector; only their values change (or, for attributes
    /// it did not have, they are added after its last attribute).
    ///
    /// - Parameters:
    ///   - name: The connector's name.
    ///   - broker: A broker of this version of the configuration.
    ///   - change: The new values.
    ///   - target: Adds Amazon MQ's checks when `.amazonMQ`.
    @discardableResult
    public mutating func updateNetworkConnector(named name: String, in broker: Broker, _ change: NetworkConnectorChange,
                                                target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> NetworkConnector {
        guard let connector = broker.networkConnector(named: name) else { throw .noSuchConnector(name) }
        let assignments = try change.assignments()
        // The connector as it will be, checked as a whole.
        var final: [NewElement.Attribute] = connector.element.attributes.map { .init(name: $0.qualifiedName, value: $0.value) }
        for assignment in assignments {
            if let index = final.firstIndex(where: { $0.name == assignment.name }) {
                final[index].value = assignment.value
            } else {
                final.append(assignment)
            }
        }
        if let newName = assignments.first(where: { $0.name == "name" })?.value, newName != name,
            broker.networkConnector(named: newName) != nil
        {
            throw .duplicateName(newName)
        }
        if let uriText = final.first(where: { $0.name == "uri" })?.value, assignments.contains(where: { $0.name == "uri" }) || target == .amazonMQ {
            let uri: NetworkConnectorURI
            do {
                uri = try NetworkConnectorURI.parse(uriText)
            } catch {
                throw .invalidURI(error)
            }
            try ConnectorRules.check(uri: uri, attributes: final, target: target)
        }
        let start = connector.element.range.lowerBound
        do throws(XMLEditError) {
            for assignment in assignments {
                guard let current = document.element(startingAt: start) else { throw XMLEditError.staleView }
                try document.setAttribute(assignment.name, to: assignment.value, on: current)
            }
        } catch {
            throw .edit(error)
        }
        guard let updated = document.element(startingAt: start) else { throw .edit(.staleView) }
        return NetworkConnector(element: updated)
    }

    /// Removes a network connector and its own lines. When it was the last one, the
    /// `<networkConnectors>` element it leaves empty goes too (unless it still holds comments,
    /// which are never removed).
    public mutating func removeNetworkConnector(named name: String, from broker: Broker) throws(ConnectorError) {
        guard let connector = broker.networkConnector(named: name) else { throw .noSuchConnector(name) }
        let list = connector.element.parent
        let listStart = list?.range.lowerBound
        do throws(XMLEditError) {
            try document.removeElement(connector.element)
            if let listStart, let emptied = document.element(startingAt: listStart),
                emptied.children.allSatisfy({ $0.kind == .text && $0.sourceText.allSatisfy(\.isWhitespace) })
            {
                try document.removeElement(emptied)
            }
        } catch {
            throw .edit(error)
        }
    }
}

/// New values for some attributes of an existing network connector.
///
/// ```swift
/// // MyBroker2 became an active/standby pair:
/// try configuration.updateNetworkConnector(named: "connector_1_to_2", in: broker,
///     NetworkConnectorChange().remote(.activeStandbyPair(active: "ssl://…-1…:61617", standby: "ssl://…-2…:61617")))
/// ```
public struct NetworkConnectorChange: Sendable, Hashable {
    /// A new name.
    public var name: String?
    /// New remote brokers (a new `uri`).
    public var remote: RemoteBrokers?
    /// A new user.
    public var userName: String?
    /// A new duplex setting.
    public var duplex: Bool?
    /// A new network TTL.
    public var networkTTL: Int?
    /// A new password reference.
    public var password: SecretReference?
    /// Other attributes to set.
    public var otherAttributes: [NewElement.Attribute] = []

    /// No change yet.
    public init() {}

    /// Renames the connector.
    public func name(_ name: String) -> Self { var copy = self; copy.name = name; return copy }
    /// Points the connector at other brokers.
    public func remote(_ remote: RemoteBrokers) -> Self { var copy = self; copy.remote = remote; return copy }
    /// Changes the user.
    public func userName(_ userName: String) -> Self { var copy = self; copy.userName = userName; return copy }
    /// Changes duplex.
    public func duplex(_ duplex: Bool) -> Self { var copy = self; copy.duplex = duplex; return copy }
    /// Changes the network TTL.
    public func networkTTL(_ hops: Int) -> Self { var copy = self; copy.networkTTL = hops; return copy }
    /// Refers to the password by placeholder.
    public func password(_ reference: SecretReference) -> Self { var copy = self; copy.password = reference; return copy }
    /// Sets another attribute.
    public func attribute(_ name: String, _ value: String) -> Self {
        var copy = self
        copy.otherAttributes.append(.init(name: name, value: value))
        return copy
    }

    /// The attribute assignments, checked (types, no literal password, valid URI).
    func assignments() throws(ConnectorError) -> [NewElement.Attribute] {
        try ConnectorRules.assignments(
            name: name, userName: userName, password: password, duplex: duplex, networkTTL: networkTTL,
            others: otherAttributes, remote: remote
        ).0
    }
}
