extension RuleID {
    /// `amazon-mq-password`: a password attribute on an Amazon MQ network connector.
    public static let amazonMQPassword: RuleID = "amazon-mq-password"
}

extension Rule {
    /// `amazon-mq-password`: under `amazon-mq`, a `password` or `remotePassword` attribute that
    /// is not a literal (a literal is `embedded-password`): Amazon MQ supplies the password.
    public static let amazonMQPassword = Rule(
        id: .amazonMQPassword,
        summary: "A password or remotePassword attribute on an Amazon MQ network connector.",
        rationale: """
            Amazon MQ supplies the password of the user named by `userName` to the bridge: the tutorial's
            connectors carry `userName` and nothing else. A `password="${…}"` placeholder is removed by Amazon
            MQ's sanitizer (it resolves no placeholders), so it only misleads. Remove the attribute: the
            fix does, safely, since Amazon MQ removes it anyway.
            """,
        activeMQ: nil, amazonMQ: .error, tags: ["amazon-mq", "security"], fix: .safe,
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓password="${AMQ_BRIDGE_PASSWORD}" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18))
                .fixed(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓remotePassword="ENC(abc)" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18))
                .fixed(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" password="${AMQ_BRIDGE_PASSWORD}" uri="static:(ssl://h:61617)"/>"#),
        ],
        check: .document(checkAmazonPasswords))
}

private func checkAmazonPasswords(_ context: RuleContext) {
    guard context.isAmazonMQ else { return }
    for connector in context.networkConnectors.map(\.connector) {
        for name in ["password", "remotePassword"] {
            guard let attribute = connector.element.attribute(name),
                TypedAttributes(element: connector.element).secret(name)?.isLiteral == false
            else { continue }
            let fix = (try? context.document.editRemovingAttribute(name, from: connector.element))
                .map { Diagnostic.Fix("remove the attribute", edits: [$0], applicability: .safe) }
            context.report(attribute, of: connector.element,
                           "network connector '\(connector.effectiveName)' has a '\(name)' attribute: Amazon MQ supplies the password of the user named by userName; remove it",
                           fix: fix)
        }
    }
}
