extension RuleID {
    /// `duplicate-transport-address`: two transport connectors on one host and port.
    public static let duplicateTransportAddress: RuleID = "duplicate-transport-address"
}

extension Rule {
    /// `duplicate-transport-address`: two transport connectors listening on the same host and port.
    public static let duplicateTransportAddress = Rule(
        id: .duplicateTransportAddress,
        summary: "Two transport connectors listening on the same host and port.",
        rationale: """
            The second one fails at start with `BindException: Address already in use`. A note points at the
            first. Hosts are compared ignoring case. Port 0 asks the system for a free port each time, so
            it never clashes.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .broker("""
                <transportConnectors>
                  <transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/>
                  <transportConnector name="nio" ↓uri="nio://0.0.0.0:61616"/>
                </transportConnectors>
                """),
            .broker("""
                <transportConnectors>
                  <transportConnector name="a" uri="tcp://Broker.example:61616"/>
                  <transportConnector name="b" ↓uri="tcp://broker.example:61616?maximumConnections=10"/>
                </transportConnectors>
                """),
        ],
        nonTriggering: [
            .broker("""
                <transportConnectors>
                  <transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/>
                  <transportConnector name="ssl" uri="ssl://0.0.0.0:61617"/>
                </transportConnectors>
                """),
            .broker("""
                <transportConnectors>
                  <transportConnector name="a" uri="${openwire.uri}"/>
                  <transportConnector name="b" uri="${openwire.uri}"/>
                </transportConnectors>
                """),
            .broker("""
                <transportConnectors>
                  <transportConnector name="openwire" uri="tcp://0.0.0.0:0"/>
                  <transportConnector name="stomp" uri="stomp://0.0.0.0:0"/>
                </transportConnectors>
                """),
        ],
        check: .document(checkTransportAddresses))
}

private func checkTransportAddresses(_ context: RuleContext) {
    for number in context.brokers.indices {
        var addresses: [String: LosslessDocument.Element] = [:]
        for entry in context.transportConnectors where entry.broker == number {
            let connector = entry.connector
            guard let attribute = connector.element.attribute("uri"), let uri = entry.literalURI,
                let port = uri.port?.literal, port != 0, let host = uri.host
            else { continue }
            let key = "\(host.lowercased()):\(port)"
            if let first = addresses[key], !context.inExclusiveBranches(first, connector.element) {
                context.report(attribute, of: connector.element,
                               "\(host):\(port) is already used by another transport connector: the broker fails to bind it",
                               notes: [context.note(first, "the first transport connector on \(host):\(port)")])
            } else {
                addresses[key] = connector.element
            }
        }
    }
}
