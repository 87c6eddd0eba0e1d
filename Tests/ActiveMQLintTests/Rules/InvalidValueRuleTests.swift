import ActiveMQLint
import Testing

/// `invalid-value`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule invalid-value")
struct InvalidValueRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" duplex=\"yes\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" duplex=\"${duplex}\" networkTTL=\"2\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "invalid-value" }
        try #require(findings.count == 1)
        let expected = position(of: "yes\"", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("expected true or false"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "invalid-value" }.isEmpty)
    }
}
