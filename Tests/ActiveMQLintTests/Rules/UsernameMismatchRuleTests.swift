import ActiveMQConfig
import ActiveMQLint
import Testing

@Suite("Rule username-mismatch")
struct UsernameMismatchRuleTests {
    @Test("Fails on the connector whose user differs")
    func fails() throws {
        let c = networkBroker("C", port: 61703, "    <networkConnector name=\"c_to_a\" userName=\"other\" uri=\"static:(tcp://broker-61701.example:61701)\"/>\n")
        let findings = try lint([
            ("A.xml", networkBroker("A", port: 61701, "")),
            ("B.xml", networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_a\" userName=\"bridge\" uri=\"static:(tcp://broker-61701.example:61701)\"/>\n")),
            ("B2.xml", networkBroker("B2", port: 61704, "    <networkConnector name=\"b2_to_a\" userName=\"bridge\" uri=\"static:(tcp://broker-61701.example:61701)\"/>\n")),
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
            ("A.xml", networkBroker("A", port: 61701, "    <networkConnector name=\"a_to_b\" userName=\"bridge\" uri=\"static:(tcp://broker-61702.example:61702)\"/>\n")),
            ("B.xml", networkBroker("B", port: 61702, "    <networkConnector name=\"b_to_c\" userName=\"bridge\" uri=\"static:(tcp://broker-61703.example:61703)\"/>\n")),
        ])
        #expect(findings.filter { $0.rule == "username-mismatch" }.isEmpty)
    }
}

