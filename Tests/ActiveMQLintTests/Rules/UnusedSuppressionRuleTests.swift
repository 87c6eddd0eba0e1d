import ActiveMQLint
import Testing

/// `unused-suppression`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule unused-suppression")
struct UnusedSuppressionRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <!-- activemq-config-disable duplx -->\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <!-- activemq-config-disable missing-username -->\n  <networkConnectors>\n    <networkConnector name=\"a\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "unused-suppression" }
        try #require(findings.count == 1)
        let expected = position(of: "<!--", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("'duplx' is not a rule"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "unused-suppression" }.isEmpty)
    }
}
