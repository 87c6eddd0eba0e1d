extension RuleID {
    /// `uri-syntax`: a connector URI ActiveMQ would reject.
    public static let uriSyntax: RuleID = "uri-syntax"
}

extension Rule {
    /// `uri-syntax`: a network or transport connector URI ActiveMQ would reject, pointing at the
    /// offending character.
    public static let uriSyntax = Rule(
        id: .uriSyntax,
        summary: "A connector URI ActiveMQ would reject, with the offending character.",
        rationale: """
            Connector URIs are parsed by `java.net.URI` and ActiveMQ's `URISupport`: whitespace (a URI wrapped
            onto a second line reads as a space), unbalanced parentheses, an empty member, a missing port or
            an unknown scheme stop the broker or the bridge. The position points at the offending character,
            and the message never quotes the URI (it may hold a secret). `masterslave:` with fewer than two
            members is `masterslave-arity`. Whitespace in a network connector URI has a safe fix: the URI
            without it, which is what a wrapped or spaced list means. The other connector rules judge a
            URI whose only fault is whitespace as if it had none, so one fault never hides another.
            See Docs/connector-uris.md for every form.
            """,
        activeMQ: .error, amazonMQ: .error, tags: ["correctness"], fix: .safe,
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://a:61617,↓ ssl://b:61617)"/>"#)
                .fixed(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://a:61617,ssl://b:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="↓statc:(ssl://a:61617)"/>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616↓)"/></transportConnectors>"#),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="masterslave:(ssl://a:61617,ssl://b:61617)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(failover:(tcp://a:61616,tcp://b:61616))?maxReconnectDelay=5000"/>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="${openwire.uri}"/></transportConnectors>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="k8s://default?podLabelKey=app&amp;podLabelValue=activemq"/>"#),
        ],
        check: .document(checkURISyntax))
}

private func checkURISyntax(_ context: RuleContext) {
    for entry in context.networkConnectors {
        let connector = entry.connector
        guard let attribute = connector.element.attribute("uri"), case .failure(let error) = entry.uri,
            let uriError = error.uriError, uriError.kind != .masterSlaveArity
        else { continue }
        var fix: Diagnostic.Fix?
        if uriError.kind == .whitespace,
            let edit = try? context.document.editSettingAttribute(
                "uri", to: String(String.UnicodeScalarView(attribute.value.unicodeScalars.filter { !$0.properties.isWhitespace })),
                on: connector.element)
        {
            fix = Diagnostic.Fix("remove the whitespace from the URI", edits: [edit], applicability: .safe)
        }
        context.report(attribute, of: connector.element, valueOffset: uriError.offset,
                       "network connector '\(connector.effectiveName)': \(uriError.message)", fix: fix)
    }
    for entry in context.transportConnectors {
        let connector = entry.connector
        guard let attribute = connector.element.attribute("uri"), case .failure(let error) = entry.uri, let uriError = error.uriError
        else { continue }
        context.report(attribute, of: connector.element, valueOffset: uriError.offset,
                       "transport connector '\(redactText(connector.effectiveName))': \(uriError.message)")
    }
}
