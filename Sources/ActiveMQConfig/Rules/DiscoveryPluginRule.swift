extension RuleID {
    /// `discovery-plugin`: a discovery agent that a plug-in provides.
    public static let discoveryPlugin: RuleID = "discovery-plugin"
}

extension Rule {
    /// `discovery-plugin`: a network connector whose discovery agent a plug-in adds (`k8s://`,
    /// `kube://`, `dns://`, `consul:`, activemq-http's `http://`): a note under `activemq` naming the
    /// plug-in the classpath needs, an error under `amazon-mq`, which has none of them.
    public static let discoveryPlugin = Rule(
        id: .discoveryPlugin,
        summary: "A network connector discovering peers through a plug-in's agent (k8s://, kube://, dns://, consul:, http://).",
        rationale: """
            ActiveMQ picks the discovery agent by the URI's scheme from the classpath
            (`META-INF/services/org/apache/activemq/transport/discoveryagent/<scheme>`). Beside the built-in
            `static:`, `masterslave:`, `multicast:` and `zeroconf:`, plug-ins add others: activemq-http's
            `http://`, activemq-k8s-discovery's `k8s://`, and Kubernetes, DNS and Consul agents. Such a
            connector is fine when the plug-in's jar is on the broker's classpath, and fails at start
            ("DiscoveryAgent scheme NOT recognized") when it is not. Amazon MQ supports only `static:` and
            `masterslave:`. A misspelt built-in scheme (`statc:`) is `uri-syntax`.
            """,
        activeMQ: .info, amazonMQ: .error, tags: ["amazon-mq"],
        triggering: [
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="k8s://default?podLabelKey=app&amp;podLabelValue=activemq"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" ↓uri="dns://activemq.default.svc.cluster.local:61616"/>"#, profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .connectors(#"<networkConnector name="a" userName="u" uri="static:(tcp://peer:61616)"/>"#),
            .connectors(#"<networkConnector name="a" userName="u" uri="multicast://default"/>"#),
        ],
        check: .document(checkDiscoveryPlugins))
}

private func checkDiscoveryPlugins(_ context: RuleContext) {
    context.forEachConnectorURI { connector, attribute, uri in
        guard case .plugin(let scheme) = uri.discovery else { return }
        let plugin = NetworkConnectorURI.pluginSchemes[scheme] ?? "a plug-in"
        let message = context.isAmazonMQ
            ? "network connector '\(connector.effectiveName)' discovers peers through '\(scheme):', a plug-in's agent; Amazon MQ supports only static: and masterslave:"
            : "network connector '\(connector.effectiveName)' discovers peers through '\(scheme):', which needs \(plugin) on the broker's classpath"
        context.report(attribute, of: connector.element, message)
    }
}
