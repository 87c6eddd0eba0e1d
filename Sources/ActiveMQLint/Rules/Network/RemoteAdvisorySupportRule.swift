public import ActiveMQConfig

extension RuleID {
    /// `remote-advisory-support`: a bridge toward a broker whose advisories are off.
    public static let remoteAdvisorySupport: RuleID = "remote-advisory-support"
}

extension Rule {
    /// `remote-advisory-support`: a network connector whose remote broker has
    /// `advisorySupport="false"`, with nothing statically included: the bridge forwards nothing.
    public static let remoteAdvisorySupport = Rule(
        id: .remoteAdvisorySupport,
        summary: "A network connector toward a broker with advisorySupport=\"false\", and nothing statically included.",
        rationale: """
            A bridge X⇒Y learns of Y's consumers from Y's consumer advisories. With `advisorySupport="false"`
            on Y there are none: the bridge forwards nothing dynamically, and the messages for Y's consumers
            stay on X (reproducible on real brokers; `Fixtures/scenarios/advisories-off`). Turn Y's advisories
            on, or list what Y needs in `staticallyIncludedDestinations`. This extends
            `advisory-support-disabled`, which looks at the connector's own broker: the broker that
            matters for a bridge is the remote, consumer-side one. Matched to files as the other network
            rules are (transport connectors, `brokerName`, or `--network SPEC`).
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network"],
        triggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"↓<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, attributes: #" advisorySupport="false""#, "")),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"↓<networkConnector name="a_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, attributes: #" advisorySupport="0""#, "")),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, """
                    <networkConnector name="a_b" userName="u" staticBridge="true" uri="static:(tcp://B:61702)">
                      <staticallyIncludedDestinations><queue physicalName="orders"/></staticallyIncludedDestinations>
                    </networkConnector>
                    """)),
                .init("B.xml", exampleBroker("B", port: 61702, attributes: #" advisorySupport="false""#, "")),
            ]),
        ],
        check: .network(checkRemoteAdvisories))
}

private func checkRemoteAdvisories(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    var reported = Set<Int>()
    for edge in network.edges {
        let remote = network.nodes[edge.to]
        guard case .literal(false)? = try? remote.broker.advisorySupport, edge.connector.staticallyIncludedDestinations.isEmpty,
            reported.insert(edge.connector.element.range.lowerBound * 1000 + edge.from).inserted
        else { continue }
        context.report(in: network.nodes[edge.from].document, edge.connector.element,
                       "connector '\(edge.name)' forwards nothing: \(remote.name) has advisorySupport=\"false\", so the bridge never learns of its consumers; turn its advisories on, or statically include what it needs",
                       notes: [context.documents[remote.document].note(remote.broker.element, "\(remote.name) turns its advisories off here")])
    }
}
