extension RuleID {
    /// `masterslave-arity`: a `masterslave:` group of the wrong size.
    public static let masterSlaveArity: RuleID = "masterslave-arity"
}

extension Rule {
    /// `masterslave-arity`: `masterslave:` with fewer than two members; on Amazon MQ, with any
    /// number but two (an active/standby broker has exactly two endpoints).
    public static let masterSlaveArity = Rule(
        id: .masterSlaveArity,
        summary: "masterslave: with fewer than two members, or, on Amazon MQ, other than two.",
        rationale: """
            `masterslave:` names an active/standby group: ActiveMQ throws "Expecting at least 2 arguments"
            with one member. For a single broker use `static:`. An Amazon MQ active/standby broker has exactly
            two endpoints (`…-1…` and `…-2…`), so under the `amazon-mq` profile a group of three or more
            mixes in something that is not that broker.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="↓masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="↓masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1-2.mq.us-east-2.amazonaws.com:61617,ssl://b-1-3.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1-2.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(tcp://a:61616,tcp://b:61616,tcp://c:61616)"/>"#),
        ],
        check: .document(checkMasterSlaveArity))
}

private func checkMasterSlaveArity(_ context: RuleContext) {
    for broker in context.brokers {
        for connector in broker.networkConnectors {
            guard let attribute = connector.element.attribute("uri") else { continue }
            let name = connector.effectiveName
            do {
                guard let uri = try connector.uri?.literal, uri.discovery == .masterSlave else { continue }
                if context.isAmazonMQ && uri.members.count != 2 {
                    context.report(.masterSlaveArity, attribute, of: connector.element, valueOffset: 0,
                                   "network connector '\(name)': masterslave: has \(uri.members.count) members; an Amazon MQ active/standby broker has exactly two endpoints")
                }
            } catch {
                guard let uriError = error.uriError, uriError.kind == .masterSlaveArity else { continue }
                context.report(.masterSlaveArity, attribute, of: connector.element, valueOffset: uriError.offset,
                               "network connector '\(name)': \(uriError.message)")
            }
        }
    }
}
