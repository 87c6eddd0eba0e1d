// The findings of `network simulate`: raised by the routing model (`ActiveMQRouting`) over a
// scenario, not by a check on a document. They are registered here, beside the engine, so that
// `rules`, `explain`, `Docs/rules/` and the settings (`--disable`, severities) know them. Their
// examples are the scenarios in `Fixtures/scenarios/`, played on the model and on real brokers.

extension RuleID {
    /// `stranded-messages`: queue messages left on a broker they were forwarded to.
    public static let strandedMessages: RuleID = "stranded-messages"
    /// `undelivered-messages`: messages left where they were sent, while a consumer elsewhere wanted them.
    public static let undeliveredMessages: RuleID = "undelivered-messages"
    /// `duplicate-deliveries`: a consumer that receives one message more than once.
    public static let duplicateDeliveries: RuleID = "duplicate-deliveries"
}

extension Rule {
    /// `stranded-messages`: queue messages forwarded to a broker where they cannot go on.
    public static let strandedMessages = Rule(
        id: .strandedMessages,
        summary: "Queue messages forwarded to a broker that can neither deliver them nor pass them on (network simulate).",
        rationale: """
            Raised by `network simulate` when messages end on a broker they were forwarded to. The finding
            points at what stops them: the connector whose `messageTTL` they have used up
            (`Fixtures/scenarios/ttl-mismatch`, `mesh-queue-ttl-2`), or the holding broker when the
            broker-path rule keeps them from going back where their consumer now is (`stranded`; give that
            broker `replayWhenNoConsumers`, as `replay` does), or when a conduit subscription dropped the
            selectors that would have kept them away (`selectors-conduit`; `conduitSubscriptions="false"`).
            Lint says some of it without a scenario: `ttl-strands-messages`, `replay-missing`. The first
            two come with an unsafe fix in `--format json`: the connector's TTL raised to what the messages
            need, or the holding broker's replay policy written.
            \(Rule.routingSilencing("stranded-messages"))
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network", "routing"],
        triggering: [], nonTriggering: [], check: .tool)

    /// `undelivered-messages`: messages that stay on the broker they were sent to, while a consumer
    /// of their destination is open elsewhere in the network.
    public static let undeliveredMessages = Rule(
        id: .undeliveredMessages,
        summary: "Messages stay where they were sent while a consumer elsewhere wanted them (network simulate).",
        rationale: """
            Raised by `network simulate` when messages stay on the broker they were sent to, while a
            consumer of their destination was open on another broker: no bridge asked for them. The usual
            causes: a `networkTTL` (`consumerTTL`) smaller than the hops to the consumer
            (`Fixtures/scenarios/chain-default-ttl`, `hub-spokes-ttl-1`; lint: `network-ttl`), a one-way
            connector pointing the other way (`one-way`; `duplex="true"`), `advisorySupport="false"` on the
            consumer's broker (`advisories-off`; lint: `remote-advisory-support`), or a destination filter
            that leaves the destination out.
            \(Rule.routingSilencing("undelivered-messages"))
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network", "routing"],
        triggering: [], nonTriggering: [], check: .tool)

    /// `duplicate-deliveries`: a consumer that receives copies of one message.
    public static let duplicateDeliveries = Rule(
        id: .duplicateDeliveries,
        summary: "A consumer receives copies of one message over several paths (network simulate).",
        rationale: """
            Raised by `network simulate` when a consumer receives more deliveries than distinct messages: a
            topic message reached its broker over more than one path, and no audit hid the copies
            (`Fixtures/scenarios/mesh-topic-ttl-2`: a full mesh with `networkTTL="2"` gives each consumer
            every message up to three times: how many depends on the order advisories arrive in). Keep `networkTTL` at 1 in a full mesh (lint: `network-ttl`), avoid
            cycles of bridges, or let a `policyEntry` for the topic audit its subscriptions.
            \(Rule.routingSilencing("duplicate-deliveries"))
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["correctness", "network", "routing"],
        triggering: [], nonTriggering: [], check: .tool)

    /// How a finding of `network simulate` is silenced, for its rule's page.
    static func routingSilencing(_ id: String) -> String {
        "A comment `<!-- activemq-config-disable \(id) -->` before the element the finding points at (or "
            + "`activemq-config-disable-file` anywhere in that file) silences it, and `network simulate --write-baseline` / "
            + "`--baseline` accept the current ones; `lint` leaves such a comment alone."
    }

    /// The rules `network simulate` raises.
    public static let routingRules: [Rule] = [.strandedMessages, .undeliveredMessages, .duplicateDeliveries]
}
