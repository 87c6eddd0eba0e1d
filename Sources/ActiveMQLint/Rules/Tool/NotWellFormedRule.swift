public import ActiveMQConfig

extension RuleID {
    /// `not-well-formed`: a document libxml2 rejects.
    public static let notWellFormed: RuleID = "not-well-formed"
}

extension Rule {
    /// `not-well-formed`: libxml2 rejects the document; its message and position. Raised by the
    /// linter when a file does not parse, so no other rule runs on that file.
    public static let notWellFormed = Rule(
        id: .notWellFormed,
        summary: "libxml2 rejects the document: its message and position.",
        rationale: """
            A broker refuses to start from a document that is not well-formed XML (an unclosed tag, an
            unescaped `&` in a URI, a template that was never rendered). The message, line and column are
            libxml2's. Documents in encodings other than UTF-8 or ASCII-compatible single-byte ones, and
            documents nesting deeper than 256 levels, are reported here too.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"],
        triggering: [
            RuleExample("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <transportConnectors>\n    <transportConnector uri=\"tcp://0.0.0.0:61616?a=1&b↓=2\"/>\n  </transportConnectors>\n</broker>\n"),
            RuleExample("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n  </networkConnector>↓\n</broker>\n"),
        ],
        nonTriggering: [
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?a=1&amp;b=2"/></transportConnectors>"#),
            .broker(""),
        ],
        check: .tool)
}

extension Diagnostic {
    /// The `not-well-formed` finding for a document libxml2 rejected, at the severity the settings give it.
    static func notWellFormed(_ error: XMLDocumentError, path: String, severity: Severity) -> Diagnostic {
        Diagnostic(file: path, line: error.line ?? 1, column: error.column ?? 1, severity: severity,
                   code: RuleID.notWellFormed.rawValue, message: error.message)
    }
}
