public import ActiveMQConfig

extension RuleID {
    /// `schema`: an XSD validation error (`activemq-config validate --schema`).
    public static let schema: RuleID = "schema"
}

extension Rule {
    /// `schema`: an error of libxml2's XSD validation, raised by `activemq-config validate
    /// FILE… --schema XSD` (not by `lint`). Its examples are validated against ActiveMQ 5.17.2's XSD.
    public static let schema = Rule(
        id: .schema,
        summary: "XSD validation with libxml2 against the official schema (activemq-config validate).",
        rationale: """
            `activemq-config validate FILE…` validates documents against the official XSD with libxml2's
            schema support, as the broker does at start: the one the tool carries for the version
            (ActiveMQ 5.15 to 6.3, Amazon MQ 5.15 to 5.19, with Spring's beans schema for `<bean>`s), or
            `--schema XSD`. Each schema error is a finding with libxml2's message and position (libxml2
            gives a line; the column is 1). Spring's `<beans>` wrapper is skipped, each `<broker>` is
            validated.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness", "schema"],
        triggering: [
            RuleExample("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n↓    <networkConector uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"),
            RuleExample("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n↓    <networkConnector duplx=\"true\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>"#),
            .broker(""),
        ],
        check: .tool)
}

/// `activemq-config validate`: libxml2's XSD validation of each `<broker>` element, as `schema`
/// findings (`not-well-formed` for a document that does not parse).
public enum SchemaValidator {
    /// Validates every core-namespace `<broker>` of a document against an XSD.
    ///
    /// - Throws: ``SchemaValidation/Failure`` when the schema cannot be loaded.
    public static func validate(_ bytes: [UInt8], path: String, schema: String) throws(SchemaValidation.Failure) -> [Finding] {
        let result = try SchemaValidation.validate(bytes, path: path, schema: schema, namespace: ActiveMQNamespace.core, localName: "broker")
        let rule: RuleID = result.notWellFormed ? .notWellFormed : .schema
        return result.errors.map {
            Finding(file: path, line: max(1, $0.line ?? 1), column: max(1, $0.column ?? 1), severity: .error, rule: rule, message: $0.message)
        }
    }
}
