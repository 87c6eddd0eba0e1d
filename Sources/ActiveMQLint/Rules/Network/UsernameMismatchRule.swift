public import ActiveMQConfig

extension RuleID {
    /// `username-mismatch`: connectors of one network with different userNames.
    public static let usernameMismatch: RuleID = "username-mismatch"
}

extension Rule {
    /// `username-mismatch`: the connectors of one run use different `userName`s; the ones that
    /// differ from the most common are reported.
    public static let usernameMismatch = Rule(
        id: .usernameMismatch,
        summary: "The connectors of one network use different userNames.",
        rationale: """
            The bridge authenticates on both brokers with the same credentials (the Amazon MQ tutorial uses
            one common user on every broker). Different `userName`s usually mean one user is missing on a
            broker. The most common name is taken as the intended one. Only brokers linked by connectors
            are compared: files linted together that do not reach each other (through `localhost`, say)
            are separate networks.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network"],
        triggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, """
                    <networkConnector name="a_to_b" userName="bridge" uri="static:(tcp://B:61702)"/>
                    <networkConnector name="a_to_c" userName="bridge" uri="static:(tcp://C:61703)"/>
                    """)),
                .init("B.xml", exampleBroker("B", port: 61702, #"<networkConnector name="b_to_c" ↓userName="bridgeUser" uri="static:(tcp://C:61703)"/>"#)),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, """
                    <networkConnector name="a_to_b" userName="u" uri="static:(tcp://B:61702)"/>
                    <networkConnector name="a_to_c" ↓userName="other" uri="static:(tcp://C:61703)"/>
                    """)),
                .init("B.xml", exampleBroker("B", port: 61702, #"<networkConnector name="b_to_c" userName="u" uri="static:(tcp://C:61703)"/>"#)),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_to_b" userName="bridge" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, #"<networkConnector name="b_to_c" userName="bridge" uri="static:(tcp://C:61703)"/>"#)),
            ]),
            .connectors(#"<networkConnector name="a" userName="one" uri="static:(tcp://h:61616)"/>"#),
            RuleExample(files: [
                .init("project-a/activemq.xml", exampleBroker("localhost", port: 61616, #"<networkConnector name="n" userName="alice" uri="static:(tcp://localhost:61616)"/>"#)),
                .init("project-b/activemq.xml", exampleBroker("localhost", port: 61616, #"<networkConnector name="n" userName="bob" uri="static:(tcp://localhost:61616)"/>"#)),
            ]),
        ],
        check: .network(checkUserNames))
}

private func checkUserNames(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    let nodes = network.nodes
    var seen = Set<String>()
    var users: [Int: [(node: Int, connector: NetworkConnector, user: String)]] = [:]
    for (index, node) in nodes.enumerated() {
        for connector in context.documents[node.document].networkConnectors.filter({ $0.broker == node.brokerNumber }).map(\.connector) {
            guard let user = connector.userName?.literal else { continue }
            let key = "\(index)#\(connector.element.range.lowerBound)"
            if seen.insert(key).inserted { users[network.component[index], default: []].append((index, connector, user)) }
        }
    }
    for group in users.keys.sorted().compactMap({ users[$0] }) {
        let counts = Dictionary(group.map { ($0.user, 1) }, uniquingKeysWith: +)
        guard counts.count > 1, let common = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            continue
        }
        for entry in group where entry.user != common {
            guard let attribute = entry.connector.element.attribute("userName") else { continue }
            context.report(
                in: nodes[entry.node].document, attribute, of: entry.connector.element,
                "userName '\(entry.user)' differs from '\(common)', used by \(counts[common] ?? 0) other connector(s) of this network; the bridge user must exist on both brokers")
        }
    }
}
