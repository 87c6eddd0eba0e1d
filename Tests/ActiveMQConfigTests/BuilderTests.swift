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

    @Test("static: needs one member or more, masterslave: two or more")
    func arity() {
        #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .brokers([])).validate() }
        let error = #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .activeStandby([Self.active])).validate() }
        guard case .invalidURI(let uriError)? = error else {
            Issue.record("expected invalidURI")
            return
        }
        #expect(uriError.kind == .masterSlaveArity)
    }

    static let secret = "hunter2-Secret"

    @Test("Every road for a literal password is refused, naming where, never the secret", arguments: [
        ("static:(ssl://user:\(secret)@h:61617)", "member 1 of the URI: a password in 'user:password@'"),
        ("static:(ssl://h:61617?password=\(secret))", "member 1 of the URI: the 'password' option"),
        ("static:(ssl://h:61617)?password=\(secret)", "the connector URI's 'password' option"),
        ("masterslave:(ssl://a:1,failover:(ssl://b:2?keyStorePassword=\(secret)))", "member 2 of the URI, member 1: the 'keyStorePassword' option"),
    ])
    func passwordInURI(_ uri: String, _ location: String) {
        let error = #expect(throws: ConnectorError.self) { try NetworkConnectorDefinition(name: "n", to: .uri(uri)).validate() }
        #expect(error == .embeddedPassword(location))
        #expect(error?.description.contains(Self.secret) == false)
        let change = #expect(throws: ConnectorError.self) {
            var configuration = try BrokerConfiguration(bytes: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"><networkConnectors><networkConnector name=\"n\" uri=\"static:(ssl://h:1)\"/></networkConnectors></broker>".utf8))
            try configuration.updateNetworkConnector(named: "n", in: try configuration.broker(named: nil), NetworkConnectorChange().remote(.uri(uri)))
        }
        #expect(change == .embeddedPassword(location))
    }

    @Test("A password attribute holds a placeholder reference or nothing")
    func passwordAttribute() throws {
        let error = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("remotePassword", Self.secret).validate()
        }
        #expect(error == .embeddedPassword("the 'remotePassword' attribute"))
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

    @Test("Amazon MQ: ssl:// only, userName required, no password attribute, no placeholders")
    func amazonMQ() {
        func failure(_ definition: NetworkConnectorDefinition) -> String? {
            do {
                _ = try definition.validate(for: .amazonMQ)
                return nil
            } catch {
                return error.description
            }
        }
        let base = NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).userName("u")
        #expect(failure(base) == nil)
        #expect(failure(NetworkConnectorDefinition(name: "n", to: .broker(Self.single)))
            == "amazon-mq: a userName is required: Amazon MQ authenticates the bridge as that user")
        #expect(failure(NetworkConnectorDefinition(name: "n", to: .broker("tcp://h:61616")).userName("u"))
            == "amazon-mq: member 1 uses 'tcp://'; Amazon MQ accepts ssl:// only")
        #expect(failure(base.password(SecretReference(placeholderNamed: "P")))
            == "amazon-mq: no password attribute: Amazon MQ supplies the password of the user named by userName")
        #expect(failure(NetworkConnectorDefinition(name: "n", to: .uri("static:(${remote})")).userName("u"))
            == "amazon-mq: 'uri' holds a placeholder, which Amazon MQ removes; use literal values")
        #expect(failure(NetworkConnectorDefinition(name: "n", to: .uri("multicast://default")).userName("u"))
            == "amazon-mq: only static: and masterslave: connector URIs are supported")
    }

    @Test("Unknown attributes get a suggestion; typed attributes are checked")
    func attributes() {
        #expect(throws: ConnectorError.unknownAttribute("duplx", suggestion: "duplex")) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("duplx", "true").validate()
        }
        #expect(throws: ConnectorError.invalidValue(attribute: "conduitSubscriptions", expected: "true or false")) {
            try NetworkConnectorDefinition(name: "n", to: .broker(Self.single)).attribute("conduitSubscriptions", "yes").validate()
        }
        #expect(throws: ConnectorError.invalidName) { try NetworkConnectorDefinition(name: "", to: .broker(Self.single)).validate() }
    }
}
