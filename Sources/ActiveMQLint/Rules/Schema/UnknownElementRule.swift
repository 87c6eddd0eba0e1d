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
            (`cvc-complex-type.2.4.a`). The vocabulary is Apache ActiveMQ 5.17.2's schema, generated from the
            official XSD by `Scripts/generate-vocabulary.py`. Elements of other namespaces (Spring beans) are
            not checked. Elements inside comments are not elements.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "schema"],
        triggering: [
            .connectors(#"↓<networkConector uri="static:(tcp://h:61616)"/>"#),
            .broker(#"↓<queue physicalName="orders"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>"#),
            .broker(#"<destinations><queue physicalName="orders"/></destinations>"#),
        ],
        check: .document(checkUnknownElements))
}

private func checkUnknownElements(_ context: RuleContext) {
    for unknown in SchemaWalk.activeMQ(context).unknownElements {
        let place: String
        switch unknown.parent {
        case .bean(let bean)?: place = "in <\(bean)>"
        case .property(_, let property)?: place = "in <\(property)>"
        default: place = "here"
        }
        context.report(.unknownElement, unknown.element,
                       "<\(unknown.element.localName)> is not allowed \(place)" + SchemaWalk.hint(unknown.suggestion))
    }
}
