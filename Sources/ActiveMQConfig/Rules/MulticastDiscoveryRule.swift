extension RuleID {
    /// `multicast-discovery`: peers found by multicast or zeroconf.
    public static let multicastDiscovery: RuleID = "multicast-discovery"
}

extension Rule {
    /// `multicast-discovery`: a `multicast:` or `zeroconf:` network connector, or a transport
    /// connector advertised by multicast.
    public static let multicastDiscovery = Rule(
        id: .multicastDiscovery,
        summary: "Discovery by multicast: a multicast:// or zeroconf: connector, or a multicast discoveryUri.",
        rationale: """
            Multicast discovery peers with any broker on the network segment that uses the same group (the
            stock `default`), and Amazon MQ supports neither multicast nor zeroconf discovery: only `static:`
            and `masterslave:` lists. Prefer those lists everywhere.
            """,
        activeMQ: .warning, amazonMQ: .error, tags: ["security", "amazon-mq"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="multicast://default"/>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616" ↓discoveryUri="multicast://default"/></transportConnectors>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="zeroconf:_activemq_development."/>"#, profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://peer:61616)"/>"#),
            .broker(#"<transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/></transportConnectors>"#),
        ],
        check: .document(checkMulticast))
}

private func checkMulticast(_ context: RuleContext) {
    context.forEachConnectorURI { connector, attribute, uri in
        let how: String
        switch uri.discovery {
        case .multicast: how = "multicast"
        case .zeroconf: how = "zeroconf"
        default: return
        }
        context.report(attribute, of: connector.element,
                       "network connector '\(connector.effectiveName)' discovers peers by \(how)"
                           + (context.isAmazonMQ ? ", which Amazon MQ does not support" : ""))
    }
    for connector in context.transportConnectors.map(\.connector) {
        if let attribute = connector.element.attribute("discoveryUri"), attribute.value.hasPrefix("multicast:") {
            context.report(attribute, of: connector.element,
                           "transport connector '\(redactText(connector.effectiveName))' advertises itself by multicast")
        }
    }
}
