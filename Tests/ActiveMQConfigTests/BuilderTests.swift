import ActiveMQConfig
import Testing

@Suite("Builder rules")
struct BuilderTests {
    static let single = "ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.us-east-2.amazonaws.com:61617"
    static let active = "ssl://b-9876l5k4-32ji-109h-8gfe-7d65c4b132a1-1.mq.us-east-2.amazonaws.com:61617"
    static let standby = "ssl://b-9876l5k4-32ji-109h-8gfe-7d65c4b132a1-2.mq.us-east-2.amazonaws.com:61617"

    @Test("The tutorial's connector: static: to one broker, masterslave: to a pair")
    func tutorial() throws {
        let single = try NetworkConnectorDefinition(name: "connector_1_to_2", to: .broker(Self.single))
            .userName("myCommonUser").duplex().validate(for: .amazonMQ)
        #expect(single.map(\.name) == ["name", "userName", "duplex", "uri"])
        #expect(single.last?.value == "static:(\(Self.single))")
        let pair = try NetworkConnectorDefinition(name: "connector_1_to_2", to: .activeStandbyPair(active: Self.active, standby: Self.standby))
            .userName("myCommonUser").duplex().validate(for: .amazonMQ)
        #expect(pair.last?.value == "masterslave:(\(Self.active),\(Self.standby))")
    }

    /// The rule ids of a refusal, in order; empty when the error is not a refusal.
    static func refusedRules(_ error: ConnectorError?) -> [RuleID] {
        guard case .refused(let findings)? = error else { return [] }
        return findings.map(\.rule)
    }

    @Test("static: needs one member or more, masterslave: two or more: refused by the rules")
    func arity() {
        let empty = #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .brokers([])).validate() }
        #expect(Self.refusedRules(empty) == [.uriSyntax])
        let one = #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .activeStandby([Self.active])).validate() }
        #expect(Self.refusedRules(one) == [.masterSlaveArity])
    }

    static let secret = "hunter2-Secret"

    @Test("Every road for a literal password is refused by embedded-password, naming where, never the secret", arguments: [
        ("static:(ssl://user:\(secret)@h:61617)", "member 1 of the URI: a password in 'user:password@'"),
        ("static:(ssl://h:61617?password=\(secret))", "member 1 of the URI: the 'password' option"),
        ("static:(ssl://h:61617)?password=\(secret)", "the connector URI's 'password' option"),
        ("masterslave:(ssl://a:1,failover:(ssl://b:2?keyStorePassword=\(secret)))", "member 2 of the URI, member 1: the 'keyStorePassword' option"),
    ])
    func passwordInURI(_ uri: String, _ location: String) {
        let error = #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .uri(uri)).validate() }
        #expect(Self.refusedRules(error).contains(.embeddedPassword))
        #expect(error?.description.contains(location) == true)
        #expect(error?.diagnostics.contains { $0.formatted.contains(Self.secret) } == false)
        let change = #expect(throws: ConnectorError.self) {
            var configuration = try BrokerConfiguration(bytes: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"><networkConnectors><networkConnector name=\"n\" uri=\"static:(ssl://h:1)\"/></networkConnectors></broker>".utf8))
            try configuration.updateNetworkConnector(named: "n", NetworkConnectorChange().remote(.uri(uri)))
        }
        #expect(Self.refusedRules(change).contains(.embeddedPassword))
    }

    @Test("embedded-password refuses even when the project disables every rule")
    func mandatory() {
        var settings = RuleSettings()
        settings.disabled = Set(RuleSet.model.all.map(\.id))
        let error = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .uri("static:(ssl://u:\(Self.secret)@h:61617)")).validate(settings: settings)
        }
        #expect(Self.refusedRules(error) == [.embeddedPassword])
        let unparsable = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .uri("static:(ssl://u:\(Self.secret)@h:61617")).validate(settings: settings)
        }
        #expect(Self.refusedRules(unparsable) == [.embeddedPassword])
    }

    @Test("A password attribute holds a placeholder reference or nothing")
    func passwordAttribute() throws {
        let error = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("remotePassword", Self.secret).validate()
        }
        #expect(Self.refusedRules(error) == [.embeddedPassword])
        #expect(error?.description.contains("the 'remotePassword' attribute") == true)
        #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("password", Self.secret).validate()
        }
        let withReference = try NetworkConnectorDefinition(name: "n", to: .broker(Self.single))
            .password(SecretReference(placeholderNamed: "AMQ_BRIDGE_PASSWORD")).validate()
        #expect(withReference.first { $0.name == "password" }?.value == "${AMQ_BRIDGE_PASSWORD}")
        #expect(throws: ConnectorError.invalidSecretReference) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).password(SecretReference(placeholderNamed: "a b")).validate()
        }
    }

    @Test("Amazon MQ: the amazon-mq profile's rules refuse, each with its id")
    func amazonMQ() {
        func refused(_ definition: NetworkConnectorDefinition) -> [RuleID] {
            do {
                _ = try definition.validate(for: .amazonMQ)
                return []
            } catch {
                return Self.refusedRules(error)
            }
        }
        let base = NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).userName("u")
        #expect(refused(base) == [])
        #expect(refused(NetworkConnectorDefinition(name: "n", to: .broker(Self.single))) == [.missingUsername])
        #expect(refused(NetworkConnectorDefinition(name: "n", to: .broker("tcp://h:61616")).userName("u")) == [.insecureTransport])
        #expect(refused(base.password(SecretReference(placeholderNamed: "P"))) == [.amazonMQPassword])
        #expect(refused(NetworkConnectorDefinition(name: "n", to: .uri("multicast://default")).userName("u")) == [.multicastDiscovery])
        #expect(refused(base.networkTTL(0)) == [.zeroTTL])
    }

    @Test("The issue's Amazon MQ cases are refused with the rule's id; -5 is only a warning", arguments: [
        ("static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1234-2.mq.us-east-2.amazonaws.com:61617)", RuleID.staticShouldBeMasterSlave),
        ("masterslave:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)", .masterSlaveMixedBrokers),
        ("masterslave:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1234-2.mq.us-east-2.amazonaws.com:61617,ssl://b-1234-3.mq.us-east-2.amazonaws.com:61617)", .masterSlaveArity),
        ("masterslave:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)", .masterSlaveDuplicateMember),
    ])
    func issueCases(_ uri: String, _ rule: RuleID) throws {
        let error = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .uri(uri)).userName("u").validate(for: .amazonMQ)
        }
        #expect(Self.refusedRules(error).contains(rule))
        let negative = try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).userName("u").networkTTL(-5)
            .validate(settings: RuleSettings(profile: .amazonMQ(.v5_18)))
        #expect(negative.warnings.map(\.rule) == [.negativeTTL])
        #expect(negative.warnings.first?.fix?.applicability == .safe)
        #expect(try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).userName("u").networkTTL(-1)
            .validate(settings: RuleSettings(profile: .amazonMQ(.v5_18))).warnings.isEmpty)
    }

    @Test("Attribute names and values are the rules' to judge, not the builder's; what cannot be written at all is refused")
    func attributes() throws {
        // The model's rules do not read the schema: an unknown attribute is written as asked
        // (the linter's schema rules refuse it: RuleCatalog's unknown-attribute, tested with ActiveMQLint).
        #expect(try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).userName("u").attribute("duplx", "true").validate(settings: RuleSettings()).warnings.isEmpty)
        #expect(throws: ConnectorError.invalidValue(attribute: "duplex", expected: "set with its own modifier, not attribute(_:_:)")) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("duplex", "true").validate()
        }
        #expect(throws: ConnectorError.invalidName) { try NetworkConnectorDefinition(name: "", to: .broker(Self.single)).validate() }
    }
}
