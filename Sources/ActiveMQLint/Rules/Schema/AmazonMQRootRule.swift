public import ActiveMQConfig

extension RuleID {
    /// `amazon-mq-root`: an Amazon MQ configuration that is not a bare `<broker>`.
    public static let amazonMQRoot: RuleID = "amazon-mq-root"
}

extension Rule {
    /// `amazon-mq-root`: under `amazon-mq`, a document whose root is not a core-namespace `<broker>`.
    public static let amazonMQRoot = Rule(
        id: .amazonMQRoot,
        summary: "An Amazon MQ configuration whose root is not a bare <broker>.",
        rationale: """
            Amazon MQ configurations are a bare `<broker xmlns="http://activemq.apache.org/schema/core">`
            document: no Spring `<beans>` wrapper, one broker.
            """,
        activeMQ: nil, amazonMQ: .error, tags: ["amazon-mq"],
        triggering: [
            RuleExample("""
                ↓<beans xmlns="http://www.springframework.org/schema/beans">
                  <broker xmlns="http://activemq.apache.org/schema/core"/>
                </beans>
                """, profile: .amazonMQ(.v5_18)),
            RuleExample("""
                ↓<amq:broker xmlns:amq="http://activemq.apache.org/schema/other"><broker xmlns="http://activemq.apache.org/schema/core"/></amq:broker>
                """, profile: .amazonMQ(.v5_18)),
        ],
        nonTriggering: [
            .broker("", profile: .amazonMQ(.v5_18)),
            RuleExample("""
                <beans xmlns="http://www.springframework.org/schema/beans">
                  <broker xmlns="http://activemq.apache.org/schema/core"/>
                </beans>
                """),
        ],
        check: .document(checkRoot))
}

private func checkRoot(_ context: RuleContext) {
    guard context.isAmazonMQ else { return }
    let root = context.document.root
    if !(root.localName == "broker" && root.namespaceURI == ActiveMQNamespace.core) {
        context.report(root,
                       "the root is <\(root.qualifiedName)>: Amazon MQ configurations are a bare <broker xmlns=\"\(ActiveMQNamespace.core)\"> document")
    }
}
