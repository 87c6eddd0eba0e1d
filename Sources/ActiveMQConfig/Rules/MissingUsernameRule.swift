extension RuleID {
    /// `missing-username`: a network connector without `userName`.
    public static let missingUsername: RuleID = "missing-username"
}

extension Rule {
    /// `missing-username`: a network connector without `userName` (an error on Amazon MQ, where
    /// the bridge authenticates as that user).
    public static let missingUsername = Rule(
        id: .missingUsername,
        summary: "A network connector without userName.",
        rationale: """
            On Amazon MQ the bridge authenticates as the user named by `userName` (whose password the service
            supplies); without it, the bridge cannot connect. On a secured self-managed broker, the same.
            The attribute is `userName`, not `username`.
            """,
        activeMQ: .warning, amazonMQ: .error, tags: ["correctness", "amazon-mq"],
        triggering: [
            .connectors(#"↓<networkConnector name="n" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#, profile: .amazonMQ(.v5_18)),
            .connectors(#"↓<networkConnector name="n" username="bridge" uri="static:(tcp://h:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="n" userName="myCommonUser" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="n" userName="${bridge.user}" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkUserNames))
}

private func checkUserNames(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) where connector.element.attribute("userName") == nil {
        context.report(connector.element,
                       "network connector '\(connector.effectiveName)' has no userName"
                           + (connector.element.attribute("username") != nil ? " (the attribute is userName, not username)" : ""))
    }
}
