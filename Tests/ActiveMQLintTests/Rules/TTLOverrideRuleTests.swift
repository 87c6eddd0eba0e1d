import ActiveMQLint
import Testing

/// `ttl-override`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule ttl-override")
struct TTLOverrideRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" networkTTL=\"2\" consumerTTL=\"1\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" messageTTL=\"2\" consumerTTL=\"1\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "ttl-override" }
        try #require(findings.count == 1)
        let expected = position(of: "networkTTL=", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("property order"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "ttl-override" }.isEmpty)
    }
}
