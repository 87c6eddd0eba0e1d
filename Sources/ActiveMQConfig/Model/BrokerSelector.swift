/// Which broker of a document an edit or a look-up means: an identity, not a view of one version.
///
/// Edits of a ``BrokerConfiguration`` take a selector and a connector's effective name, and
/// resolve both in the document as it is when the edit runs. A program therefore makes any number
/// of edits without looking anything up again, and no edit can be handed a view of an earlier
/// version (see the library guide's "Addressing" section for why).
///
/// ```swift
/// try configuration.addNetworkConnector(connector)                  // the only broker (.only)
/// try configuration.addNetworkConnector(connector, to: "hub")       // brokerName="hub"
/// try configuration.addNetworkConnector(connector, to: .index(1))   // the second <broker>
/// ```
public enum BrokerSelector: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The document's only broker; several are an error that lists their names.
    case only
    /// The broker whose `brokerName` is written exactly so (a `${…}` placeholder as written too).
    case named(String)
    /// The broker at this position among the document's brokers, from 0, in document order: for
    /// documents whose brokers share a name or have none. No edit adds or removes a broker, so the
    /// position is stable across edits.
    case index(Int)

    /// `"hub"` means `.named("hub")`.
    public init(stringLiteral name: String) {
        self = .named(name)
    }

    /// `.named(name)`, or `.only` for nil (a command-line `--broker` that was not given).
    public init(_ name: String?) {
        self = name.map(BrokerSelector.named) ?? .only
    }

    /// "the only broker", "broker 'hub'", "broker #2".
    public var description: String {
        switch self {
        case .only: return "the only broker"
        case .named(let name): return "broker '\(name)'"
        case .index(let index): return "broker #\(index + 1)"
        }
    }
}

extension BrokerConfiguration {
    /// The broker a selector means, in this version of the document.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)``: no broker matches, several share the name,
    ///   or (for ``BrokerSelector/only``) the document has none or several.
    public func broker(_ selector: BrokerSelector) throws(ConnectorError) -> Broker {
        let all = brokers
        switch selector {
        case .only:
            guard let only = all.first else { throw .brokerSelection("the document has no <broker> element") }
            guard all.count == 1 else {
                let names = all.map { $0.element.attribute("brokerName")?.value ?? "(unnamed)" }.joined(separator: ", ")
                throw .brokerSelection("the document has \(all.count) brokers (\(names)); name one by its brokerName")
            }
            return only
        case .named(let name):
            let found = all.filter { $0.element.attribute("brokerName")?.value == name }
            guard let first = found.first else {
                let names = all.compactMap { $0.element.attribute("brokerName")?.value }
                let known = names.isEmpty ? "" : " (brokers: \(names.joined(separator: ", ")))"
                throw .brokerSelection("no broker named '\(name)'\(known)")
            }
            guard found.count == 1 else {
                let lines = found.map { String($0.element.position.line) }.joined(separator: ", ")
                throw .brokerSelection("\(found.count) brokers are named '\(name)' (lines \(lines)); choose one by position")
            }
            return first
        case .index(let index):
            guard all.indices.contains(index) else {
                throw .brokerSelection("no broker #\(index + 1): the document has \(all.count) broker\(all.count == 1 ? "" : "s")")
            }
            return all[index]
        }
    }

    /// The broker whose `brokerName` is written exactly so.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)`` when none matches or several do.
    public func broker(named name: String) throws(ConnectorError) -> Broker {
        try broker(.named(name))
    }

    /// The only broker of the document.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)`` when the document has none, or several
    ///   (choose one with ``broker(_:)``).
    public func onlyBroker() throws(ConnectorError) -> Broker {
        try broker(.only)
    }

    /// The network connector with this effective name (its `name` as written, or `NC` for one
    /// without a name) in the selected broker, in this version of the document.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)``, ``ConnectorError/noSuchConnector(_:element:)``
    ///   or ``ConnectorError/ambiguousName(_:lines:element:)``.
    public func networkConnector(named name: String, in broker: BrokerSelector = .only) throws(ConnectorError) -> NetworkConnector {
        try Self.connector(named: name, in: self.broker(broker))
    }

    /// The transport connector with this effective name (its `name`, else its URI) in the selected
    /// broker, in this version of the document.
    ///
    /// - Throws: ``ConnectorError/brokerSelection(_:)``, ``ConnectorError/noSuchConnector(_:element:)``
    ///   or ``ConnectorError/ambiguousName(_:lines:element:)``.
    public func transportConnector(named name: String, in broker: BrokerSelector = .only) throws(ConnectorError) -> TransportConnector {
        try Self.transportConnector(named: name, in: self.broker(broker))
    }
}
