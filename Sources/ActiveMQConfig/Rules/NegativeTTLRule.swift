extension RuleID {
    /// `negative-ttl`: a negative network connector TTL other than -1.
    public static let negativeTTL: RuleID = "negative-ttl"
}

extension Rule {
    /// `negative-ttl`: a TTL below -1, which ActiveMQ reads as unlimited; its safe fix writes -1.
    public static let negativeTTL = Rule(
        id: .negativeTTL,
        summary: "A negative networkTTL, messageTTL or consumerTTL other than -1 (unlimited, spelled oddly).",
        rationale: """
            ActiveMQ treats every negative TTL as unlimited (`ttl > -1 && hops >= ttl`): messages and
            subscriptions cross any number of brokers. That is allowed, but `-1` is the documented spelling,
            and `-2` often means someone expected something else. The fix writes `-1`, which means the same.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["style"], fix: .safe,
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓networkTTL="-5" uri="static:(tcp://h:61616)"/>"#)
                .fixed(#"<networkConnector name="a" userName="u" networkTTL="-1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓messageTTL="-2" consumerTTL="1" uri="static:(tcp://h:61616)"/>"#)
                .fixed(#"<networkConnector name="a" userName="u" messageTTL="-1" consumerTTL="1" uri="static:(tcp://h:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="-1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="3" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkNegativeTTL))
}

private func checkNegativeTTL(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        for name in connectorTTLAttributes {
            guard let attribute = connector.element.attribute(name), let value = LexicalValue.int32(attribute.value), value < -1
            else { continue }
            context.report(attribute, of: connector.element,
                           "\(name)=\"\(value)\" on network connector '\(connector.effectiveName)' means unlimited; write -1",
                           fix: Diagnostic.Fix("write -1", edits: [TextEdit(range: attribute.valueRange, replacement: "-1")],
                                               applicability: .safe))
        }
    }
}
