extension RuleID {
    /// `static-should-be-masterslave`: both endpoints of one active/standby broker in `static:`.
    public static let staticShouldBeMasterSlave: RuleID = "static-should-be-masterslave"
}

extension Rule {
    /// `static-should-be-masterslave`: `static:` listing both endpoints of one active/standby
    /// broker; its fix writes `masterslave:` (unsafe: one bridge instead of two).
    public static let staticShouldBeMasterSlave = Rule(
        id: .staticShouldBeMasterSlave,
        summary: "static: listing both members of one active/standby pair.",
        rationale: """
            Amazon MQ's active/standby brokers have two endpoints, `b-<id>-1…` and `b-<id>-2…`, only one
            active at a time. `static:(a,b)` makes two bridges, one always failing; `masterslave:(a,b)` makes
            one bridge that follows the active member. The fix rewrites the scheme when the list holds only
            that pair; it changes how many bridges run, so it is offered as unsafe.
            """,
        activeMQ: .warning, amazonMQ: .error, tags: ["correctness", "amazon-mq"], fix: .unsafe,
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="static:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18))
                .fixed(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="static:(ssl://b-1111-1.mq.eu-west-1.amazonaws.com:61617,ssl://b-2222-1.mq.eu-west-1.amazonaws.com:61617,ssl://b-1111-2.mq.eu-west-1.amazonaws.com:61617)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-2222-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
        ],
        check: .document(checkStaticPairs))
}

private func checkStaticPairs(_ context: RuleContext) {
    context.forEachConnectorURI { connector, attribute, uri in
        guard uri.discovery == .staticList else { return }
        let endpoints = uri.transports.compactMap { $0.host.flatMap(AmazonEndpoint.init(host:)) }
        var seen: [String: Int] = [:]
        for endpoint in endpoints {
            if let other = seen[endpoint.brokerID], other != endpoint.instance {
                var fix: Diagnostic.Fix?
                let raw = attribute.rawValue
                if uri.members.count == 2, raw.hasPrefix("static:") {
                    let start = attribute.valueRange.lowerBound
                    fix = Diagnostic.Fix("write masterslave: (one bridge that follows the active member)",
                                         edits: [TextEdit(range: start..<(start + 6), replacement: "masterslave")],
                                         applicability: .unsafe)
                }
                context.report(attribute, of: connector.element,
                               "network connector '\(connector.effectiveName)' lists both endpoints of active/standby broker b-\(endpoint.brokerID) with static:, making two bridges (one always failing); use masterslave:(…)",
                               fix: fix)
                break
            }
            seen[endpoint.brokerID] = endpoint.instance
        }
    }
}
