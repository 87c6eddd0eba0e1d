extension RuleID {
    /// `duplicate-connector-name`: two connectors of one kind with one name in a broker.
    public static let duplicateConnectorName: RuleID = "duplicate-connector-name"
}

extension Rule {
    /// `duplicate-connector-name`: two network, or two transport, connectors with one name in a
    /// broker, counting an unnamed network connector as `NC`.
    public static let duplicateConnectorName = Rule(
        id: .duplicateConnectorName,
        summary: "Two network, or two transport, connectors with one name in a broker.",
        rationale: """
            Connector names are JMX keys and parts of bridge client ids: with JMX on (the default) the broker
            fails at start ("Network Connector could not be registered in JMX"). A network connector without a
            name is named `NC`, so two unnamed ones clash, and so do an unnamed one and `name="NC"`. A transport
            connector without a name is named after its URI. A note points at the first of the two. In a
            template, connectors in exclusive branches (`{% if %}…{% else %}…`) are never paired.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            .connectors("""
                <networkConnector userName="u" uri="static:(tcp://a:61616)"/>
                ↓<networkConnector userName="u" uri="static:(tcp://b:61616)"/>
                """),
            .connectors("""
                <networkConnector userName="u" uri="static:(tcp://a:61616)"/>
                ↓<networkConnector name="NC" userName="u" uri="static:(tcp://b:61616)"/>
                """),
            .broker("""
                <transportConnectors>
                  <transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/>
                  ↓<transportConnector name="openwire" uri="ssl://0.0.0.0:61617"/>
                </transportConnectors>
                """),
        ],
        nonTriggering: [
            .connectors("""
                <networkConnector name="connector_1_to_2" userName="u" uri="static:(tcp://a:61616)"/>
                <networkConnector name="connector_1_to_3" userName="u" uri="static:(tcp://b:61616)"/>
                """),
            .connectors("""
                <networkConnector userName="u" uri="static:(tcp://a:61616)"/>
                <networkConnector name="second" userName="u" uri="static:(tcp://b:61616)"/>
                """),
        ],
        check: .document(checkDuplicateNames))
}

private func checkDuplicateNames(_ context: RuleContext) {
    for number in context.brokers.indices {
        let network = context.networkConnectors.filter { $0.broker == number }.map { ($0.connector.element, $0.connector.effectiveName) }
        for (element, first, name) in repeatedNames(network) where !context.inExclusiveBranches(first, element) {
            context.report(element,
                           "a second network connector named '\(name)'; the broker fails to register it in JMX"
                               + (element.attribute("name") == nil || first.attribute("name") == nil ? " (an unnamed connector is named 'NC')" : ""),
                           notes: [context.note(first, "the first network connector named '\(name)'")])
        }
        let transport = context.transportConnectors.filter { $0.broker == number }
            .map { ($0.connector.element, redactText($0.connector.effectiveName)) }
        for (element, first, name) in repeatedNames(transport) where !context.inExclusiveBranches(first, element) {
            context.report(element,
                           "a second transport connector named '\(name)'; the broker fails to register it in JMX",
                           notes: [context.note(first, "the first transport connector named '\(name)'")])
        }
    }
}

/// Each element whose name an earlier one already has, with that earlier one.
private func repeatedNames(_ elements: [(LosslessDocument.Element, String)])
    -> [(LosslessDocument.Element, first: LosslessDocument.Element, name: String)]
{
    var firsts: [String: LosslessDocument.Element] = [:]
    var repeated: [(LosslessDocument.Element, first: LosslessDocument.Element, name: String)] = []
    for (element, name) in elements {
        if let first = firsts[name] { repeated.append((element, first, name)) } else { firsts[name] = element }
    }
    return repeated
}
