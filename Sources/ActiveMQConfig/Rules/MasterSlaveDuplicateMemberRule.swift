extension RuleID {
    /// `masterslave-duplicate-member`: one endpoint twice in a `masterslave:` group.
    public static let masterSlaveDuplicateMember: RuleID = "masterslave-duplicate-member"
}

extension Rule {
    /// `masterslave-duplicate-member`: the same member twice in a `masterslave:` group, which
    /// leaves the group without its standby.
    public static let masterSlaveDuplicateMember = Rule(
        id: .masterSlaveDuplicateMember,
        summary: "The same member twice in a masterslave: group.",
        rationale: """
            A `masterslave:` group lists an active broker and its standby. Naming one endpoint twice leaves
            the bridge nothing to fail over to: when that broker goes, the bridge stays down. Members are
            compared by scheme, host (ignoring case) and port.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,↓ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(tcp://a:61616,tcp://b:61616,↓tcp://A:61616)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(tcp://a:61616,tcp://b:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://a:61616,tcp://b:61616)"/>"#),
        ],
        check: .document(checkDuplicateMembers))
}

private func checkDuplicateMembers(_ context: RuleContext) {
    context.forEachConnectorURI { connector, attribute, uri in
        guard uri.discovery == .masterSlave else { return }
        var seen: [String: Int] = [:]
        for (index, (member, offset)) in zip(uri.members, uri.memberOffsets).enumerated() {
            let key: String
            if case .transport(let transport) = member {
                let port = transport.port.map { $0.literal.map(String.init) ?? $0.description } ?? ""
                key = "\(transport.scheme)://\(transport.host?.lowercased() ?? ""):\(port)"
            } else {
                key = member.description
            }
            if let first = seen[key] {
                context.report(attribute, of: connector.element, valueOffset: offset,
                               "network connector '\(connector.effectiveName)': member \(index + 1) of masterslave: repeats member \(first + 1), leaving no standby")
            } else {
                seen[key] = index
            }
        }
    }
}
