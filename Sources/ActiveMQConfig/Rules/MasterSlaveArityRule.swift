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
    for entry in context.networkConnectors {
        let connector = entry.connector
        guard let attribute = connector.element.attribute("uri") else { continue }
        let name = connector.effectiveName
        if let uri = entry.uriIgnoringWhitespace {
            if uri.discovery == .masterSlave && context.isAmazonMQ && uri.members.count != 2 {
                context.report(attribute, of: connector.element, valueOffset: 0,
                               "network connector '\(name)': masterslave: has \(uri.members.count) members; an Amazon MQ active/standby broker has exactly two endpoints")
            }
            continue
        }
        // ActiveMQ refuses a group of fewer than two; the parser says so (also once whitespace,
        // which uri-syntax reports, is set aside).
        guard case .failure(let failure) = entry.uri, let error = failure.uriError else { continue }
        var arity: URIError? = error.kind == .masterSlaveArity ? error : nil
        if error.kind == .whitespace {
            do {
                _ = try NetworkConnectorURI.parseIgnoringWhitespace(attribute.value)
            } catch {
                if error.kind == .masterSlaveArity { arity = error }
            }
        }
        if let arity {
            context.report(attribute, of: connector.element, valueOffset: arity.offset,
                           "network connector '\(name)': \(arity.message)")
        }
    }
}
