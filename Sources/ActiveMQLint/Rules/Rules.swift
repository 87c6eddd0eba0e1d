// Every rule, in one place: id, summary, default severity per profile, documentation.
// Docs/rules/<id>.md is generated from here (Scripts/generate-rule-docs); a test keeps them equal.

/// The rule catalogue.
public enum RuleCatalog {
    /// Every rule, sorted by id.
    public static let all: [Rule] = rules.sorted { $0.id < $1.id }

    /// The rule with this id, if any.
    public static func rule(_ id: RuleID) -> Rule? { all.first { $0.id == id } }

    private static let rules: [Rule] = [
        Rule(id: .notWellFormed, summary: "libxml2 rejects the document: its message and position.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 A broker refuses to start from a document that is not well-formed XML (an unclosed tag, an
                 unescaped `&` in a URI, a template that was never rendered). The message, line and column are
                 libxml2's. Documents in encodings other than UTF-8 or ASCII-compatible single-byte ones, and
                 documents nesting deeper than 256 levels, are reported here too.

                 ## Example

                 Fails: `<transportConnector uri="tcp://0.0.0.0:61616?a=1&b=2"/>` (a bare `&`).
                 Passes: `<transportConnector uri="tcp://0.0.0.0:61616?a=1&amp;b=2"/>`.
                 """),
        Rule(id: .unknownElement, summary: "An element the profile's schema does not allow in its parent, with a did-you-mean.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 ActiveMQ validates its configuration against its schema: an unknown element, or a known one in
                 the wrong parent (a `<queue>` directly under `<broker>`), stops the broker at start
                 (`cvc-complex-type.2.4.a`). The vocabulary is Apache ActiveMQ 5.17.2's schema, generated from the
                 official XSD by `Scripts/generate-vocabulary.py`. Elements of other namespaces (Spring beans) are
                 not checked. Elements inside comments are not elements.

                 ## Example

                 Fails: `<networkConnectors><networkConector uri="static:(tcp://h:61616)"/></networkConnectors>`
                 (did you mean `networkConnector`?). Passes: `<networkConnector uri="static:(tcp://h:61616)"/>`.
                 """),
        Rule(id: .unknownAttribute, summary: "An attribute the schema does not define for its element, with a did-you-mean.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 The broker rejects undefined attributes at start (`cvc-complex-type.3.2.2: Attribute 'duplx' is
                 not allowed to appear in element 'networkConnector'`). Case matters: `username` is not `userName`.
                 Attributes of other namespaces are allowed where the schema allows them.

                 ## Example

                 Fails: `<networkConnector duplx="true" …/>` (did you mean `duplex`?). Passes: `<networkConnector duplex="true" …/>`.
                 """),
        Rule(id: .invalidValue, summary: "A typed value that does not parse, or is outside the profile's range.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Booleans are `true`, `false`, `1` or `0`; integers are whole numbers; Amazon MQ's schemas add
                 ranges and enumerations (`percentOfJvmHeap` 0 to 70, `journalDiskSyncStrategy` always, periodic or
                 never, a single `transportConnector` named `openwire`) and reject the whole configuration when one
                 is broken. A network connector's `prefetchSize` must be above 0 (the broker throws at start).
                 `${…}` placeholders and `ENC(…)` values are resolved at start and are never wrong values here.

                 ## Example

                 Fails: `<networkConnector duplex="yes" …/>`. Passes: `<networkConnector duplex="true" …/>`.
                 """),
        Rule(id: .embeddedPassword, summary: "A literal password in a network connector: attribute, user:password@, or a password= option.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 A password in a connector is readable by anyone who can read the file, its history and its
                 copies. On Amazon MQ, the password of the user named by `userName` is supplied by the service:
                 never write one. On a self-managed broker, refer to it with a placeholder resolved at start
                 (`password="${AMQ_BRIDGE_PASSWORD}"`) or encrypt it (`ENC(…)`). The finding says where the password
                 is, never what it is: it appears in no output format.

                 ## Example

                 Fails: `uri="static:(ssl://bridge:s3cret@b-1234-1.mq.us-east-2.amazonaws.com:61617)"`,
                 `password="s3cret"`, `uri="static:(ssl://h:61617?password=s3cret)"`.
                 Passes: `userName="bridge" password="${AMQ_BRIDGE_PASSWORD}"`, or on Amazon MQ `userName="bridge"` alone.
                 """),
        Rule(id: .plaintextSecret, summary: "A literal secret outside network connectors: user passwords, key store passwords, bean properties named like a password.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: false, documentation: """
                 ## Why

                 `simpleAuthenticationPlugin` users, `sslContext` key and trust store passwords, transport URIs
                 with password options, and Spring `<property name="…password…" value="…"/>` put secrets in the
                 file. Use `${…}` placeholders, `ENC(…)` with Jasypt's `EncryptablePropertyPlaceholderConfigurer`,
                 or JAAS. The finding never shows the secret.

                 ## Example

                 Fails: `<authenticationUser username="admin" password="admin" groups="admins"/>`.
                 Passes: `<authenticationUser username="admin" password="${admin.password}" groups="admins"/>`.
                 """),
        Rule(id: .uriSyntax, summary: "A connector URI ActiveMQ would reject, with the offending character.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Connector URIs are parsed by `java.net.URI` and ActiveMQ's `URISupport`: whitespace (a URI wrapped
                 onto a second line reads as a space), unbalanced parentheses, an empty member, a missing port or
                 an unknown scheme stop the broker or the bridge. The position points at the offending character.
                 See Docs/connector-uris.md for every form.

                 ## Example

                 Fails: `uri="masterslave:(ssl://a:61617, ssl://b:61617)"`. Passes: `uri="masterslave:(ssl://a:61617,ssl://b:61617)"`.
                 """),
        Rule(id: .masterSlaveArity, summary: "masterslave: with fewer than two members.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 `masterslave:` names an active/standby group: ActiveMQ throws "Expecting at least 2 arguments"
                 with one member. For a single broker use `static:`.

                 ## Example

                 Fails: `uri="masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"`.
                 Passes: `uri="static:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)"`.
                 """),
        Rule(id: .staticShouldBeMasterSlave, summary: "static: listing both members of one active/standby pair.",
             activeMQSeverity: .warning, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Amazon MQ's active/standby brokers have two endpoints, `b-<id>-1…` and `b-<id>-2…`, only one
                 active at a time. `static:(a,b)` makes two bridges, one always failing; `masterslave:(a,b)` makes
                 one bridge that follows the active member. With `--network SPEC`, members of one spec broker count
                 as a pair too.

                 ## Example

                 Fails: `static:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)`.
                 Passes: `masterslave:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)`.
                 """),
        Rule(id: .masterSlaveMixedBrokers, summary: "masterslave: members that belong to different brokers.",
             activeMQSeverity: .warning, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 A `masterslave:` group is one broker's active and standby endpoints; members of different brokers
                 (different Amazon MQ broker ids, or different brokers of `--network SPEC`) give a bridge that
                 reaches whichever answers first. Use one connector per broker.

                 ## Example

                 Fails: `masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-2222-2.mq.us-east-2.amazonaws.com:61617)`.
                 Passes: `masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1111-2.mq.us-east-2.amazonaws.com:61617)`.
                 """),
        Rule(id: .duplicateConnectorName, summary: "Two network, or two transport, connectors with one name in a broker.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Connector names are JMX keys and parts of bridge client ids: with JMX on (the default) the broker
                 fails at start ("Network Connector could not be registered in JMX"). A network connector without a
                 name is named `NC`; a transport connector without a name is named after its URI.

                 ## Example

                 Fails: two `<networkConnector>` without `name`, or both `name="bridge"`.
                 Passes: `name="connector_1_to_2"` and `name="connector_1_to_3"`.
                 """),
        Rule(id: .missingUsername, summary: "A network connector without userName.",
             activeMQSeverity: .warning, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 On Amazon MQ the bridge authenticates as the user named by `userName` (whose password the service
                 supplies); without it, the bridge cannot connect. On a secured self-managed broker, the same.
                 The attribute is `userName`, not `username`.

                 ## Example

                 Fails: `<networkConnector name="n" uri="static:(ssl://…:61617)"/>`.
                 Passes: `<networkConnector name="n" userName="myCommonUser" uri="static:(ssl://…:61617)"/>`.
                 """),
        Rule(id: .insecureTransport, summary: "A network connector member that is not TLS.",
             activeMQSeverity: nil, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Amazon MQ brokers accept OpenWire over TLS only (`ssl://…:61617`); a `tcp://` member never connects.

                 ## Example

                 Fails: `static:(tcp://b-1234-1.mq.us-east-2.amazonaws.com:61617)`. Passes: `static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)`.
                 """),
        Rule(id: .amazonMQSanitized, summary: "An element or attribute Amazon MQ would strip, with Amazon's reason code.",
             activeMQSeverity: nil, amazonMQSeverity: .warning, crossFile: false, documentation: """
                 ## Why

                 Amazon MQ silently removes what its schema for the engine version does not allow, and reports
                 `SanitizationWarning`s with a reason: `DISALLOWED_ELEMENT_REMOVED` (an element and its subtree,
                 reported once), `DISALLOWED_ATTRIBUTE_REMOVED`, `INVALID_ATTRIBUTE_VALUE_REMOVED` (a `${…}` or
                 `#{…}` value). This rule previews those warnings offline, for `--engine-version` (default 5.18).

                 ## Example

                 Fails: `<broker brokerName="b" …>`, `<managementContext>`, `<networkConnector password="${p}" …/>`.
                 Passes: what the Amazon MQ schema for the engine version allows.
                 """),
        Rule(id: .amazonMQRoot, summary: "An Amazon MQ configuration whose root is not a bare <broker>.",
             activeMQSeverity: nil, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Amazon MQ configurations are a bare `<broker xmlns="http://activemq.apache.org/schema/core">`
                 document: no Spring `<beans>` wrapper, one broker.

                 ## Example

                 Fails: `<beans …><broker …>…</broker></beans>`. Passes: `<broker xmlns="http://activemq.apache.org/schema/core">…</broker>`.
                 """),
        Rule(id: .duplicateBridge, summary: "Two brokers that each declare a duplex connector to the other.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: true, documentation: """
                 ## Why

                 A duplex connector already carries messages both ways; declaring it on both sides makes two
                 bridges between the same brokers, with duplicate routing. Declare it on one side only. Targets
                 are matched to files by the transport connectors' host and port, by `brokerName`, or, for bare
                 Amazon MQ documents, by `--network SPEC`.

                 ## Example

                 Fails: MyBroker1 has `duplex="true" uri="static:(ssl://broker2:61617)"` and MyBroker2 has
                 `duplex="true" uri="static:(ssl://broker1:61617)"`. Passes: only MyBroker1 declares it.
                 """),
        Rule(id: .usernameMismatch, summary: "The connectors of one network use different userNames.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: true, documentation: """
                 ## Why

                 The bridge authenticates on both brokers with the same credentials (the Amazon MQ tutorial uses
                 one common user on every broker). Different `userName`s usually mean one user is missing on a
                 broker.

                 ## Example

                 Fails: `userName="bridge"` in one file and `userName="bridgeUser"` in another. Passes: one user everywhere.
                 """),
        Rule(id: .networkTTL, summary: "networkTTL smaller than the hops a message needs, or above 1 in a full mesh.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: true, documentation: """
                 ## Why

                 A message may cross at most `networkTTL` bridges (default 1). In hub-and-spokes a message from
                 one spoke to another crosses two, so the spokes' connectors need `networkTTL="2"`; deeper trees
                 need more. In a full mesh every broker is one hop away, and a TTL above 1 makes subscriptions
                 and messages loop.

                 ## Example

                 Fails: three brokers, two spokes connecting to a hub with the default TTL. Passes: `networkTTL="2"` on both.
                 """),
        Rule(id: .unusedSuppression, summary: "A suppression comment that suppresses nothing, or names no known rule.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: false, documentation: """
                 ## Why

                 A stale `<!-- activemq-config-disable … -->` hides future problems and misleads readers. A
                 suppression of `embedded-password` never applies and is reported here.

                 ## Example

                 Fails: `<!-- activemq-config-disable duplx -->`. Passes: a suppression naming a rule that fires on the next element.
                 """),
        Rule(id: .multicastDiscovery, summary: "Discovery by multicast: a multicast:// connector or discoveryUri.",
             activeMQSeverity: .warning, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Multicast discovery peers with any broker on the network segment that uses the same group (the
                 stock `default`), and Amazon MQ does not support it. Prefer `static:` or `masterslave:` lists.

                 ## Example

                 Fails: `<networkConnector uri="multicast://default"/>`. Passes: `<networkConnector uri="static:(tcp://peer:61616)"/>`.
                 """),
        Rule(id: .advisorySupportDisabled, summary: "advisorySupport=\"false\" on a broker with dynamic network connectors.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 Network bridges learn where consumers are from advisory messages. With advisories off, dynamic
                 bridges silently forward nothing (no error at start). Only `staticBridge="true"` connectors with
                 `staticallyIncludedDestinations` work without them.

                 ## Example

                 Fails: `<broker advisorySupport="false">` with `<networkConnector uri="static:(…)"/>`. Passes: advisories on (the default).
                 """),
        Rule(id: .duplicateTransportAddress, summary: "Two transport connectors listening on the same host and port.",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 The second one fails at start with `BindException: Address already in use`.

                 ## Example

                 Fails: `tcp://0.0.0.0:61616` and `nio://0.0.0.0:61616`. Passes: different ports.
                 """),
        Rule(id: .deleteAllMessagesOnStartup, summary: "deleteAllMessagesOnStartup=\"true\": the store is wiped at every start.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: false, documentation: """
                 ## Why

                 Every restart (a reboot, a maintenance window, a fail-over) deletes every persistent message.
                 It is meant for tests.

                 ## Example

                 Fails: `<broker deleteAllMessagesOnStartup="true">`. Passes: the attribute absent or `false`.
                 """),
        Rule(id: .ttlOverride, summary: "networkTTL together with messageTTL or consumerTTL on one connector.",
             activeMQSeverity: .warning, amazonMQSeverity: .warning, crossFile: false, documentation: """
                 ## Why

                 Setting `networkTTL` also sets `messageTTL` and `consumerTTL`; which value wins depends on the
                 order Spring applies the properties. Use either `networkTTL` alone, or `messageTTL` and
                 `consumerTTL`.

                 ## Example

                 Fails: `networkTTL="2" consumerTTL="1"`. Passes: `messageTTL="2" consumerTTL="1"`.
                 """),
        Rule(id: .schema, summary: "XSD validation with libxml2 (activemq-config validate --schema XSD).",
             activeMQSeverity: .error, amazonMQSeverity: .error, crossFile: false, documentation: """
                 ## Why

                 `activemq-config validate FILE… --schema XSD` validates documents against an XSD with libxml2's
                 schema support, as the broker does at start. Each schema error is a finding with libxml2's
                 message and position. Only the elements in the schema's namespace are validated: Spring's
                 `<beans>` wrapper is skipped, each `<broker>` is validated.

                 ## Example

                 `activemq-config validate activemq.xml --schema activemq-5.17.2.xsd`.
                 """),
    ]
}
