extension RuleID {
    /// `masterslave-mixed-brokers`: a `masterslave:` group that spans brokers.
    public static let masterSlaveMixedBrokers: RuleID = "masterslave-mixed-brokers"
}

extension Rule {
    /// `masterslave-mixed-brokers`: `masterslave:` members of different Amazon MQ brokers.
    public static let masterSlaveMixedBrokers = Rule(
        id: .masterSlaveMixedBrokers,
        summary: "masterslave: members that belong to different brokers.",
        rationale: """
            A `masterslave:` group is one broker's active and standby endpoints; members of different brokers
            (different Amazon MQ broker ids) give a bridge that reaches whichever answers first. Use one
            connector per broker.
            """,
        activeMQ: .warning, amazonMQ: .error, tags: ["correctness", "amazon-mq"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="masterslave:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-2222-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1111-2.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(tcp://broker-a:61616,tcp://broker-b:61616)"/>"#),
        ],
        check: .document(checkMixedBrokers))
}

private func checkMixedBrokers(_ context: RuleContext) {
    context.forEachConnectorURI { connector, attribute, uri in
        let ids = Set(uri.transports.compactMap { $0.host.flatMap(AmazonEndpoint.init(host:))?.brokerID })
        if uri.discovery == .masterSlave && ids.count > 1 {
            context.report(attribute, of: connector.element,
                           "network connector '\(connector.effectiveName)' mixes endpoints of \(ids.count) different brokers in one masterslave: group; use one connector per broker")
        }
    }
}
