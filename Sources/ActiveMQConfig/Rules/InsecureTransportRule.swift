extension RuleID {
    /// `insecure-transport`: a network connector member that is not TLS, on Amazon MQ.
    public static let insecureTransport: RuleID = "insecure-transport"
}

extension Rule {
    /// `insecure-transport`: under `amazon-mq`, a network connector member that is not `ssl://`;
    /// one finding per member, at the member.
    public static let insecureTransport = Rule(
        id: .insecureTransport,
        summary: "A network connector member that is not TLS.",
        rationale: """
            Amazon MQ brokers accept OpenWire over TLS only (`ssl://…:61617`); a `tcp://` member never connects.
            Each offending member is reported once, where it starts.
            """,
        activeMQ: nil, amazonMQ: .error, tags: ["security", "amazon-mq"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(↓tcp://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(↓tcp://a.example:61616,↓tcp://b.example:61616)"/>"#,
                        profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://a.example:61616)"/>"#),
        ],
        check: .document(checkTransports))
}

private func checkTransports(_ context: RuleContext) {
    guard context.isAmazonMQ else { return }
    context.forEachConnectorURI { connector, attribute, uri in
        for (member, offset) in zip(uri.members, uri.memberOffsets) {
            guard let scheme = member.transports.first(where: { $0.scheme != "ssl" })?.scheme else { continue }
            context.report(attribute, of: connector.element, valueOffset: offset,
                           "network connector '\(connector.effectiveName)' uses '\(scheme)://'; Amazon MQ accepts ssl:// only")
        }
    }
}
