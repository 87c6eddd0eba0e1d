public import ActiveMQConfig

extension RuleID {
    /// `unknown-attribute`: an attribute the schema does not define for its element.
    public static let unknownAttribute: RuleID = "unknown-attribute"
}

extension Rule {
    /// `unknown-attribute`: an attribute Apache ActiveMQ's schema does not define for its element,
    /// with a did-you-mean.
    public static let unknownAttribute = Rule(
        id: .unknownAttribute,
        summary: "An attribute the schema does not define for its element, with a did-you-mean.",
        rationale: """
            The broker rejects undefined attributes at start (`cvc-complex-type.3.2.2: Attribute 'duplx' is
            not allowed to appear in element 'networkConnector'`). Case matters: `username` is not `userName`.
            Attributes of other namespaces are allowed where the schema allows them. Property elements
            (`<networkConnectors>`) take no attributes at all.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "schema"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓duplx="true" uri="static:(tcp://h:61616)"/>"#),
            .broker(#"<transportConnectors ↓name="x"><transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/></transportConnectors>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" duplex="true" uri="static:(tcp://h:61616)"/>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/></transportConnectors>"#),
        ],
        check: .document(checkUnknownAttributes))
}

private func checkUnknownAttributes(_ context: RuleContext) {
    let walk = SchemaWalk.activeMQ(context)
    for unknown in walk.unknownAttributes {
        let name = unknown.attribute.qualifiedName
        let element = unknown.element.localName
        if case .property = unknown.role {
            context.report(unknown.attribute, of: unknown.element,
                           "<\(element)> holds other elements and takes no attribute '\(name)'")
        } else {
            var known: [String] = []
            if case .bean(let bean) = unknown.role, unknown.attribute.prefix == nil {
                known = Vocabulary.activeMQSchemas(knowingAttribute: unknown.attribute.localName, of: bean)
            }
            context.report(unknown.attribute, of: unknown.element,
                           "<\(element)> has no attribute '\(name)'" + SchemaWalk.hint(unknown.suggestion)
                               + SchemaWalk.otherVersions(known, schema: walk.schema))
        }
    }
}
