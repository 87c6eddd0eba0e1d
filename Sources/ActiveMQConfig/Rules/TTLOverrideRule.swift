extension RuleID {
    /// `ttl-override`: `networkTTL` beside `messageTTL` or `consumerTTL`.
    public static let ttlOverride: RuleID = "ttl-override"
}

extension Rule {
    /// `ttl-override`: `networkTTL` together with `messageTTL` or `consumerTTL` on one connector.
    public static let ttlOverride = Rule(
        id: .ttlOverride,
        summary: "networkTTL together with messageTTL or consumerTTL on one connector.",
        rationale: """
            Setting `networkTTL` also sets `messageTTL` and `consumerTTL`; which value wins depends on the
            order Spring applies the properties. Use either `networkTTL` alone, or `messageTTL` and
            `consumerTTL`.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓networkTTL="2" consumerTTL="1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" messageTTL="3" ↓networkTTL="2" uri="static:(tcp://h:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" messageTTL="2" consumerTTL="1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="2" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkTTLOverride))
}

private func checkTTLOverride(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        let element = connector.element
        guard let attribute = element.attribute("networkTTL"),
            element.attribute("messageTTL") != nil || element.attribute("consumerTTL") != nil
        else { continue }
        context.report(attribute, of: element,
                       "networkTTL also sets messageTTL and consumerTTL; which value wins depends on property order")
    }
}
