public import ActiveMQConfig

extension RuleID {
    /// `duplicate-bridge`: a duplex bridge declared on both sides.
    public static let duplicateBridge: RuleID = "duplicate-bridge"
}

extension Rule {
    /// `duplicate-bridge`: two brokers that each declare a duplex connector to the other (or one
    /// duplex and one plain connector back), with a note at the first declaration.
    public static let duplicateBridge = Rule(
        id: .duplicateBridge,
        summary: "Two brokers that each declare a duplex connector to the other.",
        rationale: """
            A duplex connector already carries messages both ways; declaring it on both sides makes two
            bridges between the same brokers, with duplicate routing. Declare it on one side only. Targets
            are matched to files by the transport connectors' host and port, by `brokerName`, or, for bare
            Amazon MQ documents, by `--network SPEC`. A note points at the other side's connector.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "network"],
        triggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_to_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, #"↓<networkConnector name="b_to_a" userName="u" duplex="true" uri="static:(tcp://A:61701)"/>"#)),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_to_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, #"↓<networkConnector name="b_to_a" userName="u" uri="static:(tcp://A:61701)"/>"#)),
            ]),
        ],
        nonTriggering: [
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_to_b" userName="u" duplex="true" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, "")),
            ]),
            RuleExample(files: [
                .init("A.xml", exampleBroker("A", port: 61701, #"<networkConnector name="a_to_b" userName="u" uri="static:(tcp://B:61702)"/>"#)),
                .init("B.xml", exampleBroker("B", port: 61702, #"<networkConnector name="b_to_a" userName="u" uri="static:(tcp://A:61701)"/>"#)),
            ]),
        ],
        check: .network(checkDuplicateBridges))
}

private func checkDuplicateBridges(_ context: NetworkContext) {
    let network = context[BrokerNetwork.part]
    let nodes = network.nodes
    var reported = Set<Int>()
    // The edges from each broker to each other, found by a dictionary read, not a scan of all.
    var between: [Int: [Int: [Int]]] = [:]
    for (j, edge) in network.edges.enumerated() { between[edge.from, default: [:]][edge.to, default: []].append(j) }
    for (i, edge) in network.edges.enumerated() where edge.duplex {
        for j in between[edge.to]?[edge.from] ?? [] where !reported.contains(j) {
            let reverse = network.edges[j]
            if reverse.duplex && j < i { continue }  // both duplex: report once, on the later one
            reported.insert(j)
            let first = nodes[edge.from]
            let position = edge.connector.element.position
            context.report(
                in: nodes[reverse.from].document, reverse.connector.element,
                "connector '\(reverse.name)' of \(nodes[reverse.from].name) duplicates the duplex bridge '\(edge.name)' that \(first.name) declares (\(first.path):\(position.line)); declare it on one side only",
                notes: [Diagnostic.Note(file: first.path, line: position.line, column: position.column,
                                        byteRange: edge.connector.element.startTagRange,
                                        message: "the duplex bridge '\(edge.name)' of \(first.name)")])
        }
    }
}
