import ActiveMQConfig
import ActiveMQLint
import Testing

/// A self-managed broker listening on `port`, with the given connectors.
func networkBroker(_ name: String, port: Int, _ connectors: String) -> String {
    """
    <broker xmlns="\(coreNamespace)" brokerName="\(name)">
      <networkConnectors>
    \(connectors)  </networkConnectors>
      <transportConnectors>
        <transportConnector name="openwire" uri="tcp://0.0.0.0:\(port)"/>
      </transportConnectors>
    </broker>

    """
}

@Suite("Rule duplicate-bridge")
struct DuplicateBridgeRuleTests {
    @Test("Fails when both brokers declare a duplex connector to each other")
    func fails() throws {
        let b = networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_a\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://127.0.0.1:61701)\"/>\n")
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://127.0.0.1:61702)\"/>\n")),
            ("B.xml", b),
        ]).filter { $0.rule == "duplicate-bridge" }
        try #require(findings.count == 1)
        #expect(findings[0].file == "B.xml" && findings[0].severity == .error)
        let expected = position(of: "<networkConnector name", in: b)
        #expect(findings[0].line == expected.line && findings[0].column == expected.column)
        #expect(findings[0].message.contains("duplicates the duplex bridge 'a_to_b' that A declares (A.xml:3)"))
    }

    @Test("Passes when only one side declares it")
    func passes() throws {
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://127.0.0.1:61702)\"/>\n")),
            ("B.xml", networkBroker("B", port: 61702, "")),
        ])
        #expect(findings.filter { $0.rule == "duplicate-bridge" }.isEmpty)
    }

    @Test("Bare Amazon MQ documents are matched through --network")
    func withSpec() throws {
        let endpoint1 = "ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617"
        let endpoint2 = "ssl://b-2222-1.mq.us-east-2.amazonaws.com:61617"
        let spec = NetworkSpec(topology: .sourceSink, user: "u", brokers: [
            .init(name: "MyBroker1", endpoints: [endpoint1]), .init(name: "MyBroker2", endpoints: [endpoint2]),
        ])
        func bare(_ target: String) -> String {
            "<broker xmlns=\"\(coreNamespace)\">\n  <networkConnectors>\n    <networkConnector name=\"n\" userName=\"u\" duplex=\"true\" uri=\"static:(\(target))\"/>\n  </networkConnectors>\n</broker>\n"
        }
        let findings = try lint([("out/MyBroker1.xml", bare(endpoint2)), ("out/MyBroker2.xml", bare(endpoint1))], profile: "amazon-mq", network: spec)
        #expect(findings.filter { $0.rule == "duplicate-bridge" }.map(\.file) == ["out/MyBroker2.xml"])
    }
}

@Suite("Rule username-mismatch")
struct UsernameMismatchRuleTests {
    @Test("Fails on the connector whose user differs")
    func fails() throws {
        let c = networkBroker("C", port: 61703, "    <networkConnector name=\"c_to_a\" userName=\"other\" uri=\"static:(tcp://127.0.0.1:61701)\"/>\n")
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "")),
            ("B.xml", networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_a\" userName=\"bridge\" uri=\"static:(tcp://127.0.0.1:61701)\"/>\n")),
            ("B2.xml", networkBroker("B2", port: 61704, "    <networkConnector name=\"b2_to_a\" userName=\"bridge\" uri=\"static:(tcp://127.0.0.1:61701)\"/>\n")),
            ("C.xml", c),
        ]).filter { $0.rule == "username-mismatch" }
        try #require(findings.count == 1)
        #expect(findings[0].file == "C.xml" && findings[0].severity == .warning)
        let expected = position(of: "userName=", in: c)
        #expect(findings[0].line == expected.line && findings[0].column == expected.column)
        #expect(findings[0].message.contains("'other' differs from 'bridge'"))
    }

    @Test("Passes with one user")
    func passes() throws {
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"bridge\" uri=\"static:(tcp://127.0.0.1:61702)\"/>\n")),
            ("B.xml", networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_c\" userName=\"bridge\" uri=\"static:(tcp://127.0.0.1:61703)\"/>\n")),
        ])
        #expect(findings.filter { $0.rule == "username-mismatch" }.isEmpty)
    }
}

@Suite("Rule network-ttl")
struct NetworkTTLRuleTests {
    func spoke(_ name: String, _ port: Int, ttl: String) -> String {
        networkBroker(name, port: port, "    <networkConnector name=\"\(name)_to_hub\" userName=\"u\" duplex=\"true\"\(ttl) uri=\"static:(tcp://127.0.0.1:61700)\"/>\n")
    }

    @Test("Fails: hub-and-spokes with the default TTL needs 2 hops")
    func hubAndSpokes() throws {
        let spoke1 = spoke("S1", 61701, ttl: "")
        let findings = try lint([("hub.xml", networkBroker("hub", port: 61700, "")), ("S1.xml", spoke1), ("S2.xml", spoke("S2", 61702, ttl: ""))])
            .filter { $0.rule == "network-ttl" }
        #expect(findings.map(\.file) == ["S1.xml", "S2.xml"])
        let expected = position(of: "<networkConnector name", in: spoke1)
        #expect(findings.first?.line == expected.line && findings.first?.column == expected.column)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message.contains("networkTTL 1 (the default) on connector 'S1_to_hub' is less than the 2 hops") == true)
    }

    @Test("Passes: hub-and-spokes with networkTTL 2")
    func passes() throws {
        let findings = try lint([("hub.xml", networkBroker("hub", port: 61700, "")),
                                 ("S1.xml", spoke("S1", 61701, ttl: " networkTTL=\"2\"")), ("S2.xml", spoke("S2", 61702, ttl: " networkTTL=\"2\""))])
        #expect(findings.filter { $0.rule == "network-ttl" }.isEmpty)
    }

    @Test("Fails: a TTL above 1 in a full mesh")
    func mesh() throws {
        func broker(_ name: String, _ port: Int, _ targets: [Int]) -> String {
            networkBroker(name, port: port, targets.map {
                "    <networkConnector name=\"\(name)_to_\($0)\" userName=\"u\" duplex=\"true\" networkTTL=\"2\" uri=\"static:(tcp://127.0.0.1:\($0))\"/>\n"
            }.joined())
        }
        let findings = try lint([("A.xml", broker("A", 61701, [61702, 61703])), ("B.xml", broker("B", 61702, [61703])), ("C.xml", broker("C", 61703, []))])
            .filter { $0.rule == "network-ttl" }
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.message.contains("full mesh of 3 brokers") })
    }
}
