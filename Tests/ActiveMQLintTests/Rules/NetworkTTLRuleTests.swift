import ActiveMQConfig
import ActiveMQLint
import Testing

@Suite("Rule network-ttl")
struct NetworkTTLRuleTests {
    func spoke(_ name: String, _ port: Int, ttl: String) -> String {
        networkBroker(name, port: port, "    <networkConnector name=\"\(name)_to_hub\" userName=\"u\" duplex=\"true\"\(ttl) uri=\"static:(tcp://broker-61700.example:61700)\"/>\n")
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
                "    <networkConnector name=\"\(name)_to_\($0)\" userName=\"u\" duplex=\"true\" networkTTL=\"2\" uri=\"static:(tcp://broker-\($0).example:\($0))\"/>\n"
            }.joined())
        }
        let findings = try lint([("A.xml", broker("A", 61701, [61702, 61703])), ("B.xml", broker("B", 61702, [61703])), ("C.xml", broker("C", 61703, []))])
            .filter { $0.rule == "network-ttl" }
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.message.contains("full mesh of 3 brokers") })
    }
}
