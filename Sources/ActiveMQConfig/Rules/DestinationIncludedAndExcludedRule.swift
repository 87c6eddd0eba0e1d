extension RuleID {
    /// `destination-included-and-excluded`: one destination both included and excluded.
    public static let destinationIncludedAndExcluded: RuleID = "destination-included-and-excluded"
}

extension Rule {
    /// `destination-included-and-excluded`: a destination in a connector's
    /// `dynamicallyIncludedDestinations` and its `excludedDestinations`.
    public static let destinationIncludedAndExcluded = Rule(
        id: .destinationIncludedAndExcluded,
        summary: "A destination both dynamically included and excluded by one network connector.",
        rationale: """
            Exclusion wins over dynamic inclusion: a destination in both lists is never forwarded, which is
            rarely what the inclusion meant. (Statically included destinations are forwarded whatever the
            exclusions say.)
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness"],
        triggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <dynamicallyIncludedDestinations>↓<queue physicalName="orders"/></dynamicallyIncludedDestinations>
                  <excludedDestinations><queue physicalName="orders"/></excludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><topic physicalName="prices.>"/></excludedDestinations>
                  <dynamicallyIncludedDestinations><queue physicalName="prices.>"/>↓<topic physicalName="prices.>"/></dynamicallyIncludedDestinations>
                </networkConnector>
                """),
        ],
        nonTriggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <dynamicallyIncludedDestinations><queue physicalName="orders"/></dynamicallyIncludedDestinations>
                  <excludedDestinations><topic physicalName="orders"/></excludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <staticallyIncludedDestinations><queue physicalName="orders"/></staticallyIncludedDestinations>
                  <excludedDestinations><queue physicalName="orders"/></excludedDestinations>
                </networkConnector>
                """),
        ],
        check: .document(checkIncludedAndExcluded))
}

private func checkIncludedAndExcluded(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        let excluded = Set(connector.excludedDestinations.compactMap { entry in entry.physicalName.map { "\(entry.kind.rawValue)://\($0)" } })
        for entry in connector.dynamicallyIncludedDestinations {
            guard let name = entry.physicalName, excluded.contains("\(entry.kind.rawValue)://\(name)") else { continue }
            context.report(entry.element,
                           "\(entry.kind.rawValue) '\(name)' is both included and excluded by network connector '\(connector.effectiveName)': it is never forwarded")
        }
    }
}
