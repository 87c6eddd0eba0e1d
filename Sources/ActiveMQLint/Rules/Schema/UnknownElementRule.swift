public import ActiveMQConfig

extension RuleID {
    /// `unknown-element`: an element the schema does not allow where it is.
    public static let unknownElement: RuleID = "unknown-element"
}

extension Rule {
    /// `unknown-element`: an element Apache ActiveMQ's schema does not allow in its parent, with a
    /// did-you-mean.
    public static let unknownElement = Rule(
        id: .unknownElement,
        summary: "An element the profile's schema does not allow in its parent, with a did-you-mean.",
        rationale: """
            ActiveMQ validates its configuration against its schema: an unknown element, or a known one in
            the wrong parent (a `<queue>` directly under `<broker>`), stops the broker at start
            (`cvc-complex-type.2.4.a`). The vocabulary is Apache ActiveMQ's schema for `--engine-version`
            (5.15 to 6.3; else the file's versioned `xsi:schemaLocation`, else 5.19), generated from the
            official XSDs by `Scripts/generate-vocabulary.py`. An element another version knows says which
            (`<levelDB>`: known in 5.15.15 to 5.16.5). Elements of other namespaces (Spring beans) are not
            checked. Elements inside comments are not elements.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "schema"],
        triggering: [
            .connectors(#"↓<networkConector uri="static:(tcp://h:61616)"/>"#),
            .broker(#"↓<queue physicalName="orders"/>"#),
            .broker(#"<persistenceAdapter>↓<levelDB directory="data"/></persistenceAdapter>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>"#),
            .broker(#"<destinations><queue physicalName="orders"/></destinations>"#),
            RuleExample("""
                <beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core-5.16.0.xsd">
                  <broker xmlns="http://activemq.apache.org/schema/core"><persistenceAdapter><levelDB directory="data"/></persistenceAdapter></broker>
                </beans>
                """),
        ],
        check: .document(checkUnknownElements))
}

private func checkUnknownElements(_ context: RuleContext) {
    let walk = SchemaWalk.activeMQ(context)
    for unknown in walk.unknownElements {
        let place: String
        switch unknown.parent {
        case .bean(let bean)?: place = "in <\(bean)>"
        case .property(_, let property)?: place = "in <\(property)>"
        default: place = "here"
        }
        context.report(unknown.element,
                       "<\(unknown.element.localName)> is not allowed \(place)" + SchemaWalk.hint(unknown.suggestion)
                           + SchemaWalk.otherVersions(Vocabulary.activeMQSchemas(knowingElement: unknown.element.localName), schema: walk.schema))
    }
}
