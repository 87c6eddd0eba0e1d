extension RuleID {
    /// `static-include-covers-exclusion`: a wildcard static include that covers an excluded destination.
    public static let staticIncludeCoversExclusion: RuleID = "static-include-covers-exclusion"
}

extension Rule {
    /// `static-include-covers-exclusion`: a statically included wildcard (`orders.>`) that also
    /// covers a destination the connector excludes (`orders.secret`).
    public static let staticIncludeCoversExclusion = Rule(
        id: .staticIncludeCoversExclusion,
        summary: "A statically included wildcard that also covers an excluded destination.",
        rationale: """
            The exclusion wins: `orders.secret` is never forwarded. But the static include's network
            subscription still covers it: the queue dispatches `orders.secret`'s messages to the bridge,
            which neither forwards nor acknowledges them. They are held in flight, local consumers do
            not get them, and they come back only when the bridge's subscription goes (the bridge stops or
            reconnects). Name the included destinations without the excluded one,
            or move the excluded one out of the wildcard's hierarchy. (ActiveMQ's
            `DemandForwardingBridge.serviceLocalCommand` has no branch for such a message.)
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network"],
        triggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><queue physicalName="orders.secret"/></excludedDestinations>
                  <staticallyIncludedDestinations>↓<queue physicalName="orders.>"/></staticallyIncludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><topic physicalName="prices.internal.raw"/></excludedDestinations>
                  <staticallyIncludedDestinations>↓<topic physicalName="prices.*.raw"/></staticallyIncludedDestinations>
                </networkConnector>
                """),
        ],
        nonTriggering: [
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><queue physicalName="audit.>"/></excludedDestinations>
                  <staticallyIncludedDestinations><queue physicalName="orders.>"/></staticallyIncludedDestinations>
                </networkConnector>
                """),
            .connectors("""
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)">
                  <excludedDestinations><topic physicalName="orders.secret"/></excludedDestinations>
                  <staticallyIncludedDestinations><queue physicalName="orders.>"/></staticallyIncludedDestinations>
                </networkConnector>
                """),
        ],
        check: .document(checkStaticCoverage))
}

private func checkStaticCoverage(_ context: RuleContext) {
    for connector in context.networkConnectors.map(\.connector) {
        let excluded = connector.excludedDestinations.compactMap { entry in entry.physicalName.map { (entry, DestinationName(kind: entry.kind, name: $0)) } }
        for entry in connector.staticallyIncludedDestinations {
            guard let name = entry.physicalName else { continue }
            let included = DestinationName(kind: entry.kind, name: name)
            guard included.isPattern,
                let covered = excluded.first(where: { $0.1.name != name && included.matches($0.1) })?.1
            else { continue }
            context.report(entry.element,
                           "the static include \(included) of network connector '\(connector.effectiveName)' also covers excluded \(covered): its messages are taken by the bridge and held without being forwarded")
        }
    }
}
