public import ActiveMQConfig

extension RuleID {
    /// `replay-missing`: a broker that can strand queue messages, without `replayWhenNoConsumers`.
    public static let replayMissing: RuleID = "replay-missing"
}

extension Rule {
    /// `replay-missing`: a broker on a duplex bridge or a cycle of bridges, whose queues have no
    /// `replayWhenNoConsumers`: messages it received over a bridge cannot go back when their
    /// consumer moves.
    public static let replayMissing = Rule(
        id: .replayMissing,
        summary: "A broker on a duplex bridge or a cycle of bridges without replayWhenNoConsumers for its queues.",
        rationale: """
            Queue messages that crossed a bridge to a broker carry that broker path, and no broker sends a
            message back to a broker it has been on. When their consumer closes and another opens where
            the messages came from, they are stranded: with a duplex bridge, or any cycle of bridges, demand
            can move back while the messages cannot (reproducible on real brokers:
            `Fixtures/scenarios/stranded`). `replayWhenNoConsumers="true"` in a
            `conditionalNetworkBridgeFilterFactory` of the broker's `policyEntry queue=">"` lets it send
            them back when it has no consumer of its own (`Fixtures/scenarios/replay`); it belongs on the
            broker that holds them, so each broker of the cycle needs it. Off by default, since consumers
            that never move never strand anything and every duplex network has such brokers: turn it on
            as an `info` with `"severity": {"replay-missing": "info"}` in `.activemq-config.json`. The fix
            writes the policy (unsafe: it changes where messages go); `topology generate` writes it with
            `"replayWhenNoConsumers": true` in the spec. This sits beside `network-ttl`: a TTL too small
            strands nothing that replay would return.
            """,
        activeMQ: nil, amazonMQ: nil, tags: ["correctness", "network"], fix: .unsafe,
        triggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, marked: true, #"<networkConnector name="a_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, marked: true, "")),
            ])
            .fixedDocument(replayingBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#), file: "A.xml")
            .fixedDocument(replayingBroker("B", port: 61702, ""), file: "B.xml"),
            // A cycle of one-way bridges: A⇒B⇒C⇒A. C replays already; A and B do not.
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, marked: true, #"<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, marked: true, #"<networkConnector name="b_c" userName="u" uri="static:(tcp://C:61703)"/>"#)),
                .init("C.xml", exampleBroker("C", port: 61703, first: replayPolicy, #"<networkConnector name="c_a" userName="u" uri="static:(tcp://A:61701)"/>"#)),
            ])
            .fixedDocument(replayingBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#), file: "A.xml")
            .fixedDocument(replayingBroker("B", port: 61702, #"<networkConnector name="b_c" userName="u" uri="static:(tcp://C:61703)"/>"#), file: "B.xml"),
        ],
        nonTriggering: [
            // One way only: nothing B holds could be asked for by A.
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
            // Both ends of the duplex bridge replay (one writes it false: a decision, not an omission).
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, first: replayPolicy, #"<networkConnector name="a_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, first: replayPolicy.replacing("\"true\"", with: "\"false\""), "")),
            ]),
        ],
        check: .network(checkReplay))
}

/// An example broker as the fix leaves it: the replay policy written before its connectors.
private func replayingBroker(_ name: String, port: Int, _ connectors: String) -> String {
    let policy = [
        "<destinationPolicy>", "  <policyMap>", "    <policyEntries>", #"      <policyEntry queue=">">"#,
        "        <networkBridgeFilterFactory>", #"          <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>"#,
        "        </networkBridgeFilterFactory>", "      </policyEntry>", "    </policyEntries>", "  </policyMap>", "</destinationPolicy>",
    ]
    return exampleBroker(name, port: port, first: policy.joined(separator: "\n  "), connectors)
}

/// The replay policy on one line, for the examples.
private let replayPolicy = #"<destinationPolicy><policyMap><policyEntries><policyEntry queue=">"><networkBridgeFilterFactory><conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/></networkBridgeFilterFactory></policyEntry></policyEntries></policyMap></destinationPolicy>"#

private func checkReplay(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    let graph = NetworkGraph(count: network.nodes.count,
                             bridges: network.edges.map { NetworkGraph.Bridge(from: $0.from, to: $0.to, duplex: $0.duplex) })
    let successors = graph.successors
    let component = graph.stronglyConnectedComponents()
    var size: [Int: Int] = [:]
    for c in component { size[c, default: 0] += 1 }
    let anyQueue = DestinationName(kind: .queue, name: "activemq-config.any-queue")
    for (index, node) in network.nodes.enumerated() where size[component[index]] ?? 0 > 1 {
        let factory = node.broker.policyMap?.entry(for: anyQueue)?.networkBridgeFilterFactory
        // Written (true, false or a placeholder): the author decided; only an absent value is reported.
        if let factory, (try? factory.replayWhenNoConsumers) != nil { continue }
        let partners = Set(successors[index].filter { component[$0] == component[index] }).map { network.nodes[$0].name }.sorted()
        let document = context.documents[node.document]
        let fix = (try? BrokerConfiguration.replayEdit(in: document.document, broker: node.broker.element)).flatMap { edit in
            edit.map { Diagnostic.Fix("write replayWhenNoConsumers=\"true\" for every queue", edits: [$0], applicability: .unsafe) }
        }
        context.report(in: node.document, node.broker.element,
                       "\(node.name) forwards to \(partners.joined(separator: ", ")), which can forward back: queue messages it received over a bridge are stranded here if their consumer moves back, and replayWhenNoConsumers is not set for its queues",
                       fix: fix)
    }
}
