extension RuleID {
    /// `destination-wildcard`: a filter destination whose wildcards cannot match as written.
    public static let destinationWildcard: RuleID = "destination-wildcard"
}

extension Rule {
    /// `destination-wildcard`: a network connector filter destination whose wildcards cannot match
    /// as ActiveMQ reads them (`>` only as the last segment, `*` only as a whole segment).
    public static let destinationWildcard = Rule(
        id: .destinationWildcard,
        summary: "A destination filter whose wildcards can never match as written.",
        rationale: """
            ActiveMQ splits destination names at `.`: `*` matches one whole segment and `>` the rest of the
            name, as the last segment only. `orders*` or `orders.>.eu` are literal names nobody uses, so a
            filter holding them never matches: an exclusion that excludes nothing, an inclusion that forwards
            nothing.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness"],
        triggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations>↓<queue physicalName="orders*"/></excludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <dynamicallyIncludedDestinations>↓<topic physicalName="prices.>.eu"/></dynamicallyIncludedDestinations>
                </networkConnector>
                """),
        ],
        nonTriggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><queue physicalName="orders.*.audit"/><topic physicalName="ActiveMQ.Advisory.>"/></excludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <staticallyIncludedDestinations><queue physicalName="${orders.queue}"/></staticallyIncludedDestinations>
                </networkConnector>
                """),
        ],
        check: .document(checkWildcards))
}

private func checkWildcards(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        for entry in connector.dynamicallyIncludedDestinations + connector.excludedDestinations + connector.staticallyIncludedDestinations {
            guard let name = entry.physicalName, let kind = Destination.Kind(rawValue: entry.kind.rawValue),
                let problem = Destination(kind: kind, name: name).wildcardProblem
            else { continue }
            context.report(entry.element,
                           "\(entry.kind.rawValue) '\(name)' in network connector '\(connector.effectiveName)' can never match: \(problem)")
        }
    }
}
