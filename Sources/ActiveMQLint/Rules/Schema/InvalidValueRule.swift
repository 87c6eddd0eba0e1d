public import ActiveMQConfig

extension RuleID {
    /// `invalid-value`: a typed value that does not parse, or is out of range.
    public static let invalidValue: RuleID = "invalid-value"
}

extension Rule {
    /// `invalid-value`: a value that does not fit its XSD type (Apache's, and under `amazon-mq`
    /// Amazon's ranges and enumerations too), or a network connector `prefetchSize` of 0 or less.
    public static let invalidValue = Rule(
        id: .invalidValue,
        summary: "A typed value that does not parse, or is outside the profile's range.",
        rationale: """
            Booleans are `true`, `false`, `1` or `0`; integers are whole numbers; Amazon MQ's schemas add
            ranges and enumerations (`percentOfJvmHeap` 0 to 70, `journalDiskSyncStrategy` always, periodic or
            never, a single `transportConnector` named `openwire`) and reject the whole configuration when one
            is broken. A network connector's `prefetchSize` must be above 0 (the broker throws at start).
            `${…}` placeholders and `ENC(…)` values are resolved at start and are never wrong values here.
            A value of an attribute named like a password is never shown.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "schema"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" duplex="↓yes" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓prefetchSize="0" uri="static:(tcp://h:61616)"/>"#),
            .broker(#"<systemUsage><systemUsage><memoryUsage><memoryUsage percentOfJvmHeap="↓90"/></memoryUsage></systemUsage></systemUsage>"#,
                    profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" duplex="true" prefetchSize="1000" uri="static:(tcp://h:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" duplex="${bridge.duplex}" uri="static:(tcp://h:61616)"/>"#),
        ],
        check: .document(checkValues))
}

private func checkValues(_ context: RuleContext) {
    for typed in SchemaWalk.activeMQ(context).typedAttributes {
        check(context, typed, amazon: false)
    }
    for typed in SchemaWalk.amazonMQ(context)?.typedAttributes ?? [] where !Placeholder.containsReference(typed.attribute.value) {
        check(context, typed, amazon: true)
    }
    for connector in context.networkConnectors.map(\.connector) {
        if case .literal(let prefetch)? = try? connector.prefetchSize, prefetch <= 0, let attribute = connector.element.attribute("prefetchSize") {
            context.report(attribute, of: connector.element,
                           "prefetchSize must be above 0: network consumers do not poll for messages")
        }
    }
}

private func check(_ context: RuleContext, _ typed: SchemaWalk.TypedAttribute, amazon: Bool) {
    let type = typed.type
    // Text without an enumeration accepts anything: no need to decode the value.
    if type.base == .string && type.enumeration == nil { return }
    let value = typed.attribute.value
    guard !Placeholder.containsReference(value), !Placeholder.isEncrypted(value), !type.accepts(value) else { return }
    // Amazon MQ's schemas type a few booleans as strings; only its ranges and enumerations add here.
    if amazon && type.enumeration == nil && type.minimum == nil && type.maximum == nil { return }
    let shown = isSecretName(typed.attribute.localName) ? "the value" : "'\(value)'"
    context.report(typed.attribute, of: typed.element, valueOffset: 0, length: value.unicodeScalars.count,
                   "\(shown) is not valid for '\(typed.attribute.qualifiedName)' of <\(typed.element.localName)>: expected \(type.expectation)"
                       + (amazon ? " (Amazon MQ rejects the configuration)" : ""))
}
