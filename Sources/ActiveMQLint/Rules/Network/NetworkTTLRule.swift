public import ActiveMQConfig

extension RuleID {
    /// `network-ttl`: a TTL too small for the network, or too large in a full mesh.
    public static let networkTTL: RuleID = "network-ttl"
}

extension Rule {
    /// `network-ttl`: `networkTTL` smaller than the hops a message needs, or above 1 in a full
    /// mesh (the same hop arithmetic as the topology generator, ``NetworkGraph``).
    public static let networkTTL = Rule(
        id: .networkTTL,
        summary: "networkTTL smaller than the hops a message needs, or above 1 in a full mesh.",
        rationale: """
            A message may cross at most `networkTTL` bridges (default 1). In hub-and-spokes a message from
            one spoke to another crosses two, so the spokes' connectors need `networkTTL="2"`; deeper trees
            need more. In a full mesh every broker is one hop away, and a TTL above 1 makes subscriptions
            and messages loop. A negative TTL is unlimited and always enough. The fix writes the TTL the
            network needs; it is unsafe, since it changes how far messages travel.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network"], fix: .unsafe,
        triggering: [
            RuleExample(files: [
                .init("Hub.xml", exampleBroker("Hub", port: 61701, "")),
                .init("Spoke1.xml", exampleBroker("Spoke1", port: 61702, #"↓<networkConnector name="s1" userName="u" duplex="true" uri="static:(tcp://Hub:61701)"/>"#)),
                .init("Spoke2.xml", exampleBroker("Spoke2", port: 61703, #"<networkConnector name="s2" userName="u" duplex="true" ↓networkTTL="1" uri="static:(tcp://Hub:61701)"/>"#)),
            ])
            .fixedDocument(exampleBroker("Spoke1", port: 61702, #"<networkConnector name="s1" userName="u" duplex="true" uri="static:(tcp://Hub:61701)" networkTTL="2"/>"#),
                           file: "Spoke1.xml")
            .fixedDocument(exampleBroker("Spoke2", port: 61703, #"<networkConnector name="s2" userName="u" duplex="true" networkTTL="2" uri="static:(tcp://Hub:61701)"/>"#),
                           file: "Spoke2.xml"),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, """
                    <networkConnector name="a_b" userName="u" duplex="true" ↓networkTTL="3" uri="static:(tcp://B:61702)"/>
                    <networkConnector name="a_c" userName="u" duplex="true" uri="static:(tcp://C:61703)"/>
                    """)),
                .init("B.xml", exampleBroker("B", port: 61702, #"<networkConnector name="b_c" userName="u" duplex="true" uri="static:(tcp://C:61703)"/>"#)),
                .init("C.xml", exampleBroker("C", port: 61703, "")),
            ])
            .fixedDocument(exampleBroker("A", port: 61701, """
                <networkConnector name="a_b" userName="u" duplex="true" networkTTL="1" uri="static:(tcp://B:61702)"/>
                <networkConnector name="a_c" userName="u" duplex="true" uri="static:(tcp://C:61703)"/>
                """), file: "A.xml"),
        ],
        nonTriggering: [
            RuleExample(files: [
                .init("Hub.xml", exampleBroker("Hub", port: 61701, "")),
                .init("Spoke1.xml", exampleBroker("Spoke1", port: 61702, #"<networkConnector name="s1" userName="u" duplex="true" networkTTL="2" uri="static:(tcp://Hub:61701)"/>"#)),
                .init("Spoke2.xml", exampleBroker("Spoke2", port: 61703, #"<networkConnector name="s2" userName="u" duplex="true" networkTTL="-1" uri="static:(tcp://Hub:61701)"/>"#)),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
        ],
        check: .network(checkTTL))
}

private func checkTTL(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    let nodes = network.nodes
    let edges = network.edges
    // The two members of an active/standby pair are two files with one brokerName: one broker.
    var brokerIndex: [String: Int] = [:]
    let broker = nodes.map { node in
        if let existing = brokerIndex[node.name] { return existing }
        brokerIndex[node.name] = brokerIndex.count
        return brokerIndex.count - 1
    }
    var seen = Set<NetworkGraph.Bridge>()
    let bridges = edges.compactMap { edge -> NetworkGraph.Bridge? in
        let bridge = NetworkGraph.Bridge(from: broker[edge.from], to: broker[edge.to], duplex: edge.duplex)
        return bridge.from != bridge.to && seen.insert(bridge).inserted ? bridge : nil
    }
    let graph = NetworkGraph(count: brokerIndex.count, bridges: bridges)
    let names = brokerIndex.sorted { $0.value < $1.value }.map(\.key)
    for members in graph.components {
        let memberEdges = edges.filter { members.contains(broker[$0.from]) }
        if graph.isFullMesh(members) {
            for edge in memberEdges {
                if let ttl = edge.ttl, ttl > 1, let attribute = edge.connector.element.attribute("networkTTL") {
                    let document = nodes[edge.from].document
                    context.report(
                        in: document, attribute, of: edge.connector.element,
                        "networkTTL \(ttl) in a full mesh of \(members.count) brokers: every broker is one hop away, and a larger TTL makes subscriptions loop; use 1",
                        fix: ttlFix(context.documents[document].document, edge.connector.element, 1))
                }
            }
            continue
        }
        let longest = graph.longestPath(in: members)
        guard longest.hops > 1 else { continue }
        for edge in memberEdges {
            guard let ttl = edge.ttl, ttl >= 0, ttl < longest.hops else { continue }
            let message = "networkTTL \(ttl)\(edge.connector.element.attribute("networkTTL") == nil ? " (the default)" : "") on connector '\(edge.name)' is less than the \(longest.hops) hops a message needs from \(names[longest.from]) to \(names[longest.to])"
            let document = nodes[edge.from].document
            let fix = ttlFix(context.documents[document].document, edge.connector.element, longest.hops)
            if let attribute = edge.connector.element.attribute("networkTTL") {
                context.report(in: document, attribute, of: edge.connector.element, message, fix: fix)
            } else {
                context.report(in: document, edge.connector.element, message, fix: fix)
            }
        }
    }
}

/// Writes `networkTTL="hops"` on the connector (messageTTL and consumerTTL follow it).
private func ttlFix(_ document: LosslessDocument, _ element: LosslessDocument.Element, _ hops: Int) -> Diagnostic.Fix? {
    (try? document.editSettingAttribute("networkTTL", to: String(hops), on: element))
        .map { Diagnostic.Fix("write networkTTL=\"\(hops)\"", edits: [$0], applicability: .unsafe) }
}
