extension RuleID {
    /// `zero-ttl`: a network connector TTL of 0.
    public static let zeroTTL: RuleID = "zero-ttl"
}

/// The network connector attributes that count brokers a message or subscription may cross.
let connectorTTLAttributes = ["networkTTL", "messageTTL", "consumerTTL"]

extension Rule {
    /// `zero-ttl`: `networkTTL`, `messageTTL` or `consumerTTL` of 0, which forwards nothing.
    public static let zeroTTL = Rule(
        id: .zeroTTL,
        summary: "networkTTL, messageTTL or consumerTTL of 0: the bridge forwards nothing.",
        rationale: """
            A TTL counts the brokers a message (`messageTTL`) or a subscription (`consumerTTL`) may cross;
            `networkTTL` sets both. ActiveMQ drops what has crossed `ttl` brokers (`ttl > -1 && hops >= ttl` in
            `NetworkBridgeFilter`), so 0 drops everything: the bridge starts and forwards nothing. Use 1 for
            neighbours, the hop count for longer paths, or -1 for unlimited.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓networkTTL="0" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" messageTTL="2" ↓consumerTTL="0" uri="static:(tcp://h:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="-1" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkZeroTTL))
}

private func checkZeroTTL(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        for name in connectorTTLAttributes {
            guard let attribute = connector.element.attribute(name), LexicalValue.int32(attribute.value) == 0 else { continue }
            context.report(attribute, of: connector.element,
                           "\(name)=\"0\" on network connector '\(connector.effectiveName)' forwards nothing; use 1 or more, or -1 for unlimited")
        }
    }
}
