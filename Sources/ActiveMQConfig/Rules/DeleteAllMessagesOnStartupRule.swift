extension RuleID {
    /// `delete-all-messages-on-startup`: the store is wiped at every start.
    public static let deleteAllMessagesOnStartup: RuleID = "delete-all-messages-on-startup"
}

extension Rule {
    /// `delete-all-messages-on-startup`: `deleteAllMessagesOnStartup="true"` on a broker.
    public static let deleteAllMessagesOnStartup = Rule(
        id: .deleteAllMessagesOnStartup,
        summary: "deleteAllMessagesOnStartup=\"true\": the store is wiped at every start.",
        rationale: """
            Every restart (a reboot, a maintenance window, a fail-over) deletes every persistent message.
            It is meant for tests.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["reliability"],
        triggering: [
            .broker("", attributes: #" brokerName="b" ↓deleteAllMessagesOnStartup="true""#),
            .broker("", attributes: #" ↓deleteAllMessagesOnStartup="1""#),
        ],
        nonTriggering: [
            .broker("", attributes: #" brokerName="b""#),
            .broker("", attributes: #" deleteAllMessagesOnStartup="false""#),
        ],
        check: .document(checkDeleteAll))
}

private func checkDeleteAll(_ context: RuleContext) {
    for broker in context.brokers {
        if let attribute = broker.element.attribute("deleteAllMessagesOnStartup"), LexicalValue.boolean(attribute.value) == true {
            context.report(attribute, of: broker.element,
                           "deleteAllMessagesOnStartup=\"true\" deletes every persistent message at each start")
        }
    }
}
