import ActiveMQConfig
import ActiveMQLint
import Testing

@Suite("Rule duplicate-bridge")
struct DuplicateBridgeRuleTests {
    @Test("Fails when both brokers declare a duplex connector to each other")
    func fails() throws {
        let b = networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_a\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://broker-61701.example:61701)\"/>\n")
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://broker-61702.example:61702)\"/>\n")),
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
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"u\" duplex=\"true\" uri=\"static:(tcp://broker-61702.example:61702)\"/>\n")),
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

