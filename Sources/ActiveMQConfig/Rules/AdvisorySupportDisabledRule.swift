extension RuleID {
    /// `advisory-support-disabled`: advisories off on a broker with dynamic bridges.
    public static let advisorySupportDisabled: RuleID = "advisory-support-disabled"
}

extension Rule {
    /// `advisory-support-disabled`: `advisorySupport="false"` on a broker with dynamic network connectors.
    public static let advisorySupportDisabled = Rule(
        id: .advisorySupportDisabled,
        summary: "advisorySupport=\"false\" on a broker with dynamic network connectors.",
        rationale: """
            Network bridges learn where consumers are from advisory messages. With advisories off, dynamic
            bridges silently forward nothing (no error at start). Only `staticBridge="true"` connectors with
            `staticallyIncludedDestinations` work without them.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>"#, brokerAttributes: #" ↓advisorySupport="false""#),
            .connectors("""
                <networkConnector name="a" userName="u" staticBridge="true" uri="static:(tcp://h:61616)"/>
                <networkConnector name="b" userName="u" uri="static:(tcp://i:61616)"/>
                """, brokerAttributes: #" ↓advisorySupport="0""#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" staticBridge="true" uri="static:(tcp://h:61616)"/>"#,
                        brokerAttributes: #" advisorySupport="false""#),
        ],
        check: .document(checkAdvisories))
}

private func checkAdvisories(_ context: RuleContext) {
    for (number, broker) in context.brokers.enumerated() {
        let dynamic = context.networkConnectors.contains { $0.broker == number && (try? $0.connector.staticBridge)??.literal != true }
        if dynamic, case .literal(false)? = try? broker.advisorySupport, let attribute = broker.element.attribute("advisorySupport") {
            context.report(attribute, of: broker.element,
                           "advisorySupport=\"false\": dynamic network bridges learn nothing and forward nothing")
        }
    }
}
