extension RuleID {
    /// `ttl-strands-messages`: a `consumerTTL` above the `messageTTL` of the same connector.
    public static let ttlStrandsMessages: RuleID = "ttl-strands-messages"
}

extension Rule {
    /// `ttl-strands-messages`: `consumerTTL` above `messageTTL`, so demand reaches brokers that
    /// messages may not leave again.
    public static let ttlStrandsMessages = Rule(
        id: .ttlStrandsMessages,
        summary: "consumerTTL above messageTTL: demand travels further than messages may, and they are stranded on the way.",
        rationale: """
            `consumerTTL` bounds how many brokers a consumer's demand may cross, `messageTTL` how many a
            message may. When demand goes further, a broker two hops from the consumer forwards messages
            toward it, and the broker in between may not pass them on: they stay there
            (`Fixtures/scenarios/ttl-mismatch`: `consumerTTL="2" messageTTL="1"`, 20 stranded on the
            middle broker). Give both the same value, or set `networkTTL` alone. A missing `messageTTL`
            is 1 and -1 is unlimited. A connector that also sets `networkTTL` is `ttl-override`'s finding,
            not this one's: its values depend on the order they are applied.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓consumerTTL="2" messageTTL="1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓consumerTTL="3" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" messageTTL="4" ↓consumerTTL="-1" uri="static:(tcp://h:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" consumerTTL="2" messageTTL="2" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" consumerTTL="1" messageTTL="-1" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" networkTTL="1" consumerTTL="3" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkTTLStrands))
}

private func checkTTLStrands(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        let element = connector.element
        guard element.attribute("networkTTL") == nil, let attribute = element.attribute("consumerTTL"),
            let consumerTTL = LexicalValue.int32(attribute.value), consumerTTL != 0
        else { continue }
        let messageTTL: Int
        if let message = element.attribute("messageTTL") {
            guard let value = LexicalValue.int32(message.value), value != 0 else { continue }
            messageTTL = value
        } else {
            messageTTL = 1
        }
        // Any negative TTL is unlimited.
        let demandReach = consumerTTL < 0 ? Int.max : consumerTTL
        let messageReach = messageTTL < 0 ? Int.max : messageTTL
        guard demandReach > messageReach else { continue }
        let shown = { (ttl: Int) in ttl < 0 ? "unlimited" : String(ttl) }
        context.report(attribute, of: element,
                       "consumerTTL \(shown(consumerTTL)) above messageTTL \(shown(messageTTL)) on network connector '\(connector.effectiveName)': demand crosses more brokers than messages may, and messages are stranded on the way")
    }
}
