import ActiveMQConfig
import ActiveMQLint
import Testing

/// Regression tests for false alarms and hidden findings met on real configurations (issue 10),
/// each on a small file of the same shape.
@Suite("True to real configurations")
struct RealConfigurationTests {
    static func broker(_ body: String, name: String = "b") -> String {
        "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"\(name)\">\n\(body)\n</broker>\n"
    }

    @Test("Port 0 never clashes: ActiveMQ's own test configurations bind several connectors to it")
    func ephemeralPorts() throws {
        let text = Self.broker("""
              <transportConnectors>
                <transportConnector name="openwire" uri="tcp://0.0.0.0:0"/>
                <transportConnector name="ssl" uri="ssl://0.0.0.0:0"/>
                <transportConnector name="stomp" uri="stomp://0.0.0.0:0"/>
              </transportConnectors>
            """)
        #expect(try lint(text).filter { $0.rule == .duplicateTransportAddress }.isEmpty)
    }

    @Test("passwordEnvName names a variable, not a secret")
    func passwordEnvName() throws {
        let text = """
            <beans xmlns="http://www.springframework.org/schema/beans">
              <bean class="org.jasypt.encryption.pbe.config.EnvironmentStringPBEConfig">
                <property name="passwordEnvName" value="ACTIVEMQ_ENCRYPTION_PASSWORD"/>
                <property name="password" value="literal"/>
              </bean>
              <broker xmlns="http://activemq.apache.org/schema/core"/>
            </beans>
            """
        let findings = try lint(text).filter { $0.rule == .plaintextSecret }
        #expect(findings.count == 1 && findings.first?.line == 4)
    }

    @Test("Plug-in discovery agents are a note naming the plug-in, an error on Amazon MQ; a typo stays a syntax error",
          arguments: ["k8s://default?podLabelKey=app", "kube://activemq", "dns://activemq.svc:61616", "http://discovery.example:8080/registry"])
    func pluginDiscovery(_ uri: String) throws {
        let text = Self.broker("  <networkConnectors><networkConnector name=\"n\" userName=\"u\" uri=\"\(uri)\"/></networkConnectors>")
        let activeMQ = try lint(text)
        #expect(activeMQ.filter { $0.rule == .uriSyntax }.isEmpty)
        #expect(activeMQ.filter { $0.rule == .discoveryPlugin }.map(\.severity) == [.info])
        #expect(activeMQ.first { $0.rule == .discoveryPlugin }?.message.contains("classpath") == true)
        let amazon = try lint(text, profile: "amazon-mq")
        #expect(amazon.filter { $0.rule == .discoveryPlugin }.map(\.severity) == [.error])
        let typo = try lint(Self.broker("  <networkConnectors><networkConnector name=\"n\" userName=\"u\" uri=\"statc:(tcp://h:61616)\"/></networkConnectors>"))
        #expect(typo.filter { $0.rule == .uriSyntax }.map(\.severity) == [.error])
    }

    @Test("Unrelated files linted together (pre-commit) are not one network: localhost, 0.0.0.0 and brokerName=localhost link nothing")
    func unrelatedFiles() throws {
        func file(_ user: String) -> String {
            """
            <broker xmlns="http://activemq.apache.org/schema/core" brokerName="localhost">
              <networkConnectors>
                <networkConnector name="n" userName="\(user)" networkTTL="1" uri="static:(tcp://localhost:61616,tcp://127.0.0.1:61617)"/>
              </networkConnectors>
              <transportConnectors>
                <transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/>
                <transportConnector name="other" uri="tcp://0.0.0.0:61617"/>
              </transportConnectors>
            </broker>
            """
        }
        let findings = try lint([("a/activemq.xml", file("alice")), ("b/activemq.xml", file("bob")), ("c/activemq.xml", file("carol"))])
        #expect(findings.filter { [RuleID.networkTTL, .usernameMismatch, .duplicateBridge].contains($0.rule) }.isEmpty,
                "\(findings.map(\.formatted))")
    }

    @Test("networkTTL -1 is unlimited: never fewer hops than needed")
    func unlimitedTTL() throws {
        func spoke(_ name: String, _ port: Int) -> String {
            networkBroker(name, port: port, "    <networkConnector name=\"\(name)\" userName=\"u\" duplex=\"true\" networkTTL=\"-1\" uri=\"static:(tcp://broker-61700.example:61700)\"/>\n")
        }
        let findings = try lint([("hub.xml", networkBroker("hub", port: 61700, "")), ("s1.xml", spoke("s1", 61701)), ("s2.xml", spoke("s2", 61702))])
        #expect(findings.filter { $0.rule == .networkTTL }.isEmpty)
    }

    @Test("Findings are precise: one per member, one per road of a password, each at its own column")
    func precise() throws {
        let tcp = Self.broker("  <networkConnectors><networkConnector name=\"n\" userName=\"u\" uri=\"static:(tcp://a:61616,tcp://b:61616)\"/></networkConnectors>")
        let insecure = try lint(tcp, profile: "amazon-mq").filter { $0.rule == .insecureTransport }
        #expect(insecure.count == 2 && Set(insecure.compactMap(\.column)).count == 2)
        let leaky = Self.broker("  <networkConnectors><networkConnector name=\"n\" userName=\"u\" password=\"x1\" uri=\"static:(ssl://u:x2@h:61617)?password=x3\"/></networkConnectors>")
        let passwords = try lint(leaky).filter { $0.rule == .embeddedPassword }
        #expect(passwords.count == 3 && Set(passwords.compactMap(\.column)).count == 3, "\(passwords.map(\.formatted))")
    }

    @Test("The tutorial's masterslave example as printed: its whitespace and its two brokers are both reported")
    func oneFaultHidesNoOther() throws {
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core">
              <networkConnectors>
                <networkConnector name="connector_1_to_2" userName="myCommonUser" duplex="true"
                  uri="masterslave:(ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.us-east-2.amazonaws.com:61617,
                                    ssl://b-9876l5k4-32ji-109h-8gfe-7d65c4b132a1-2.mq.us-east-2.amazonaws.com:61617)"/>
              </networkConnectors>
            </broker>
            """
        let rules = Set(try lint(text, profile: "amazon-mq").filter { $0.severity == .error }.map(\.rule))
        #expect(rules == [.uriSyntax, .masterSlaveMixedBrokers])
        // The whitespace's safe fix leaves only the mixed brokers.
        let finding = try #require(try lint(text, profile: "amazon-mq").first { $0.rule == .uriSyntax })
        var document = try LosslessDocument(string: text)
        try document.apply(try #require(finding.fix).edits)
        let again = Set(try lint(String(decoding: document.bytes, as: UTF8.self), profile: "amazon-mq").filter { $0.severity == .error }.map(\.rule))
        #expect(again == [.masterSlaveMixedBrokers])
    }
}
