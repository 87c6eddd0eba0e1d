public import ActiveMQConfig

extension RuleID {
    /// `amazon-mq-sanitized`: what Amazon MQ would strip.
    public static let amazonMQSanitized: RuleID = "amazon-mq-sanitized"
}

extension Rule {
    /// `amazon-mq-sanitized`: under `amazon-mq`, an element or attribute Amazon MQ's schema for the
    /// engine version lacks, or a placeholder value, with Amazon's reason code.
    public static let amazonMQSanitized = Rule(
        id: .amazonMQSanitized,
        summary: "An element or attribute Amazon MQ would strip, with Amazon's reason code.",
        rationale: """
            Amazon MQ silently removes what its schema for the engine version does not allow, and reports
            `SanitizationWarning`s with a reason: `DISALLOWED_ELEMENT_REMOVED` (an element and its subtree,
            reported once), `DISALLOWED_ATTRIBUTE_REMOVED`, `INVALID_ATTRIBUTE_VALUE_REMOVED` (a `${…}` or
            `#{…}` value; not in a template, which is rendered before upload). This rule previews those warnings offline, for `--engine-version` (default 5.18).
            What Apache's schema already rejects is `unknown-element` or `unknown-attribute` instead. The
            fix removes what Amazon MQ would remove; it is unsafe, since a self-managed copy of the file
            would lose it too.
            """,
        activeMQ: nil, amazonMQ: .warning, tags: ["amazon-mq"], fix: .unsafe,
        triggering: [
            .broker(#"↓<managementContext><managementContext createConnector="false"/></managementContext>"#, profile: .amazonMQ(.v5_18))
                .fixed(""),
            .broker("", profile: .amazonMQ(.v5_18), attributes: #" ↓brokerName="b""#)
                .fixedDocument("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n</broker>\n"),
            .connectors(#"<networkConnector name="a" userName="u" ↓duplex="${duplex}" uri="static:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18))
                .fixed(#"<networkConnector name="a" userName="u" uri="static:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"/>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" duplex="true" uri="static:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"/>"#,
                        profile: .amazonMQ(.v5_18)),
            .broker("", attributes: #" brokerName="b""#),
        ],
        check: .document(checkSanitized))
}

private func checkSanitized(_ context: RuleContext) {
    guard let amazon = SchemaWalk.amazonMQ(context), case .amazonMQ(let engine) = context.settings.profile else { return }
    let apache = SchemaWalk.activeMQ(context)
    let apacheElements = Set(apache.unknownElements.map(\.element.range.lowerBound))
    let apacheAttributes = Set(apache.unknownAttributes.map(\.attribute.range.lowerBound))
    let version = engine.rawValue
    func removal(_ edit: TextEdit?) -> Diagnostic.Fix? {
        edit.map { Diagnostic.Fix("remove what Amazon MQ removes", edits: [$0], applicability: .unsafe) }
    }
    for unknown in amazon.unknownElements where !apacheElements.contains(unknown.element.range.lowerBound) {
        context.report(unknown.element,
                       "Amazon MQ \(version) removes <\(unknown.element.localName)> and its contents (DISALLOWED_ELEMENT_REMOVED)",
                       fix: removal(try? context.document.editRemovingElement(unknown.element)))
    }
    for unknown in amazon.unknownAttributes where !apacheAttributes.contains(unknown.attribute.range.lowerBound) {
        context.report(unknown.attribute, of: unknown.element,
                       "Amazon MQ \(version) removes attribute '\(unknown.attribute.qualifiedName)' of <\(unknown.element.localName)> (DISALLOWED_ATTRIBUTE_REMOVED)",
                       fix: removal(try? context.document.editRemovingAttribute(unknown.attribute.qualifiedName, from: unknown.element)))
    }
    // A template is rendered before upload: its expressions reach Amazon MQ as values.
    for typed in amazon.typedAttributes where context.document.template == nil && Placeholder.containsReference(typed.attribute.value) {
        context.report(typed.attribute, of: typed.element,
                       "Amazon MQ removes '\(typed.attribute.qualifiedName)' of <\(typed.element.localName)>: its value is a placeholder or expression (INVALID_ATTRIBUTE_VALUE_REMOVED)",
                       fix: removal(try? context.document.editRemovingAttribute(typed.attribute.qualifiedName, from: typed.element)))
    }
}
