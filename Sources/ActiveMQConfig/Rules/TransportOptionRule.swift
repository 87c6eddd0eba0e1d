extension RuleID {
    /// `transport-option`: a transport connector URI option its transport does not read.
    public static let transportOption: RuleID = "transport-option"
}

extension Rule {
    /// `transport-option`: an option on a transport connector's URI that the broker ignores.
    public static let transportOption = Rule(
        id: .transportOption,
        summary: "A transport connector URI option the transport does not read, so the broker ignores it.",
        rationale: """
            A transport connector passes its URI's unprefixed options to the transport server
            (`maximumConnections`, `backlog`, `needClientAuth` on TLS transports, …), `transport.NAME` to
            each accepted connection (socket options such as `tcpNoDelay`, `closeAsync`, `verifyHostName`),
            and `wireFormat.NAME` to the wire format (`maxFrameSize`, `maxInactivityDuration`). Anything
            else is dropped without a word at start: a limit that was meant to protect the broker is not
            applied. Socket and wire format options without their prefix, TLS options on a plain transport,
            connector attributes written as URI options, and misspellings (`maximumConection`,
            `wireFormat.maxInactivityDurationInitialDelay`: ActiveMQ spells it `Inital`) are reported with
            the spelling that works. Checked for the TCP-based transports (tcp, ssl, nio, auto, amqp, stomp,
            mqtt and their variants); names holding `${…}` are not judged. The fix, where a spelling that
            works is known, writes it: unsafe, since the option then takes effect.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness"], fix: .unsafe,
        triggering: [
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?↓maximumConection=1000"/></transportConnectors>"#)
                .fixed(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?maximumConnections=1000"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?↓needClientAuth=true"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="nio://0.0.0.0:61616?maximumConnections=1000&amp;↓tcpNoDelay=true"/></transportConnectors>"#)
                .fixed(#"<transportConnectors><transportConnector name="openwire" uri="nio://0.0.0.0:61616?maximumConnections=1000&amp;transport.tcpNoDelay=true"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="ssl" uri="ssl://0.0.0.0:61617?↓wireFormat.maxInactivityDurationInitialDelay=30000"/></transportConnectors>"#)
                .fixed(#"<transportConnectors><transportConnector name="ssl" uri="ssl://0.0.0.0:61617?wireFormat.maxInactivityDurationInitalDelay=30000"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?↓updateClusterClients=true"/></transportConnectors>"#),
        ],
        nonTriggering: [
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?maximumConnections=1000&amp;wireFormat.maxFrameSize=104857600"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="ssl" uri="ssl://0.0.0.0:61617?needClientAuth=true&amp;transport.enabledProtocols=TLSv1.2&amp;transport.closeAsync=false"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="auto" uri="auto://0.0.0.0:5671?auto.protocols=default,stomp&amp;protocolDetectionTimeOut=5000"/></transportConnectors>"#),
            .broker(#"<transportConnectors><transportConnector name="ws" uri="ws://0.0.0.0:61614?anything=1&amp;${extra}=2"/></transportConnectors>"#),
        ],
        check: .document(checkTransportOptions))
}

private func checkTransportOptions(_ context: RuleContext) {
    for entry in context.transportConnectors {
        let connector = entry.connector
        guard let attribute = connector.element.attribute("uri"), let uri = entry.literalURI else { continue }
        for problem in TransportOptions.check(uri.options, scheme: uri.scheme) {
            let offset = optionOffset(problem.option, in: attribute.value)
            let length = problem.option.unicodeScalars.count
            var fix: Diagnostic.Fix?
            if let replacement = problem.replacement {
                // Unsafe: the option starts to take effect (a limit, a timeout, TLS settings).
                let range = attribute.valueByteRange(scalarOffset: offset, length: length)
                fix = Diagnostic.Fix("write '\(replacement)'", edits: [TextEdit(range: range, replacement: replacement)],
                                     applicability: .unsafe)
            }
            context.report(attribute, of: connector.element, valueOffset: offset, length: length,
                           "transport connector '\(redactText(connector.effectiveName))': \(problem.message)", fix: fix)
        }
    }
}

/// Where the option named `name` starts in a URI's text (scalars), after its query's `?`; the
/// query's start when not found.
private func optionOffset(_ name: String, in text: String) -> Int {
    let scalars = Array(text.unicodeScalars)
    guard let query = scalars.firstIndex(of: "?") else { return 0 }
    var start = query + 1
    while start <= scalars.count {
        var end = start
        while end < scalars.count && scalars[end] != "&" { end += 1 }
        var nameEnd = start
        while nameEnd < end && scalars[nameEnd] != "=" { nameEnd += 1 }
        if String(String.UnicodeScalarView(scalars[start..<nameEnd])) == name { return start }
        start = end + 1
    }
    return query
}
