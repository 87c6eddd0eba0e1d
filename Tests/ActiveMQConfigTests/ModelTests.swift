import ActiveMQConfig
import Testing

@Suite("Typed model")
struct ModelTests {
    static let core = "xmlns=\"http://activemq.apache.org/schema/core\""

    @Test("Typed attributes: literals, placeholders, ENC(…), absent")
    func typedValues() throws {
        let configuration = try BrokerConfiguration(bytes: Array("""
            <broker \(Self.core) brokerName="b" persistent="${persist}" useJmx="false" schedulePeriodForDestinationPurge="10000">
              <networkConnectors>
                <networkConnector name="n" uri="static:(tcp://h:61616)" duplex="1" networkTTL="${ttl}" userName="ENC(abc)"
                                  password="ENC(xyz)" prefetchSize="1000" gcSweepTime="60000">
                  <dynamicallyIncludedDestinations><queue physicalName="A.>"/><topic physicalName="B"/></dynamicallyIncludedDestinations>
                  <excludedDestinations><queue physicalName="C"/></excludedDestinations>
                </networkConnector>
              </networkConnectors>
              <transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:61616?maximumConnections=1000"/></transportConnectors>
            </broker>
            """.utf8))
        let broker = try #require(configuration.brokers.first)
        #expect(broker.brokerName == .literal("b"))
        #expect(try broker.persistent == .placeholder("${persist}"))
        #expect(try broker.useJmx == .literal(false))
        #expect(try broker.schedulerSupport == nil)
        #expect(try broker.schedulePeriodForDestinationPurge == .literal(10000))
        let connector = try #require(broker.networkConnectors.first)
        #expect(try connector.duplex == .literal(true))
        #expect(try connector.networkTTL == .placeholder("${ttl}"))
        #expect(connector.userName == .encrypted("ENC(abc)"))
        #expect(connector.password == .encrypted)
        #expect(try connector.prefetchSize == .literal(1000))
        #expect(try connector.gcSweepTime == .literal(60000))
        #expect(try connector.uri?.literal?.discovery == .staticList)
        #expect(connector.dynamicallyIncludedDestinations.map(\.kind) == [.queue, .topic])
        #expect(connector.dynamicallyIncludedDestinations.map(\.physicalName) == ["A.>", "B"])
        #expect(connector.excludedDestinations.map(\.physicalName) == ["C"])
        #expect(connector.literalPasswordLocations.isEmpty)
        let transport = try #require(broker.transportConnectors.first)
        #expect(try transport.uri?.literal?.port == .literal(61616))
        #expect(transport.name == .literal("openwire"))
    }

    @Test("A typed value that does not parse is an error with the value's line and column")
    func invalidValues() throws {
        let configuration = try BrokerConfiguration(bytes: Array("""
            <broker \(Self.core)>
              <networkConnectors>
                <networkConnector name="n" duplex="yes" networkTTL="2x"
                    uri="masterslave:(tcp://h:1)"/>
              </networkConnectors>
            </broker>
            """.utf8))
        let connector = try #require(configuration.brokers.first?.networkConnectors.first)
        let duplex = #expect(throws: ConfigValueError.self) { try connector.duplex }
        #expect(duplex?.description == "3:40: <networkConnector> attribute 'duplex' must be a boolean (true or false)")
        let ttl = #expect(throws: ConfigValueError.self) { try connector.networkTTL }
        #expect(ttl?.position.line == 3 && ttl?.position.column == 57)
        let uri = #expect(throws: ConfigValueError.self) { try connector.uri }
        #expect(uri?.uriError?.kind == .masterSlaveArity)
        #expect(uri?.position.line == 4)
    }

    @Test("A literal password is never exposed, only located")
    func literalPassword() throws {
        let configuration = try BrokerConfiguration(bytes: Array("""
            <broker \(Self.core)><networkConnectors>
              <networkConnector name="n" password="hunter2" uri="static:(tcp://u:hunter2@h:1?password=hunter2)"/>
            </networkConnectors></broker>
            """.utf8))
        let connector = try #require(configuration.brokers.first?.networkConnectors.first)
        #expect(connector.password?.isLiteral == true)
        #expect(connector.password?.description == "<literal secret redacted>")
        #expect(connector.literalPasswordLocations == [
            "the 'password' attribute", "member 1 of the URI: a password in 'user:password@'", "member 1 of the URI: the 'password' option",
        ])
        #expect(try connector.uri?.literal?.redacted == "static:(tcp://u:***@h:1?password=***)")
    }

    @Test("Brokers are found wherever they sit; several brokers need a name")
    func brokerSelection() throws {
        let two = try BrokerConfiguration(bytes: Array("""
            <beans xmlns="http://www.springframework.org/schema/beans">
              <broker \(Self.core) brokerName="a"/>
              <amq:broker xmlns:amq="http://activemq.apache.org/schema/core" brokerName="b"/>
            </beans>
            """.utf8))
        #expect(two.brokers.count == 2)
        #expect(try two.broker(named: "b").element.prefix == "amq")
        let error = #expect(throws: ConnectorError.self) { try two.onlyBroker() }
        #expect(error?.description == "the document has 2 brokers (a, b); name one by its brokerName")
        #expect(throws: ConnectorError.brokerSelection("no broker named 'c' (brokers: a, b)")) { try two.broker(named: "c") }
    }
}
