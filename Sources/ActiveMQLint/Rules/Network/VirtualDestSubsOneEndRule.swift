public import ActiveMQConfig

extension RuleID {
    /// `virtual-dest-subs-one-end`: `useVirtualDestSubs` on a connector whose remote broker lacks it.
    public static let virtualDestSubsOneEnd: RuleID = "virtual-dest-subs-one-end"
}

extension Rule {
    /// `virtual-dest-subs-one-end`: a connector with `useVirtualDestSubs="true"` toward a broker
    /// that does not set `useVirtualDestSubs="true"` itself.
    public static let virtualDestSubsOneEnd = Rule(
        id: .virtualDestSubsOneEnd,
        summary: "useVirtualDestSubs=\"true\" on a connector whose remote broker does not set it.",
        rationale: """
            Consumers of a composite or virtual destination on Y create demand on X only when both ends
            agree: the connector on X listens to `ActiveMQ.Advisory.VirtualDestination.Consumer.>`, and only
            a broker with `useVirtualDestSubs="true"` publishes those advisories. With the connector's
            setting alone nothing is forwarded for them (reproducible on real brokers). Set
            `useVirtualDestSubs="true"` on the remote `<broker>` too.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network"],
        triggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" ↓useVirtualDestSubs="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" ↓useVirtualDestSubs="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, attributes: #" useVirtualDestSubs="false""#, "")),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" useVirtualDestSubs="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, attributes: #" useVirtualDestSubs="true""#, "")),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
        ],
        check: .network(checkVirtualDestSubs))
}

private func checkVirtualDestSubs(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    var reported = Set<Int>()
    for edge in network.edges {
        guard case .literal(true)? = try? edge.connector.useVirtualDestSubs,
            let attribute = edge.connector.element.attribute("useVirtualDestSubs")
        else { continue }
        let remote = network.nodes[edge.to]
        if case .literal(true)? = try? remote.broker.useVirtualDestSubs { continue }
        guard reported.insert(edge.connector.element.range.lowerBound * 1000 + edge.from).inserted else { continue }
        context.report(in: network.nodes[edge.from].document, attribute, of: edge.connector.element,
                       "connector '\(edge.name)' asks for virtual-destination demand, but \(remote.name) does not set useVirtualDestSubs=\"true\" and publishes none: nothing is forwarded for its composite and virtual destinations' consumers")
    }
}
