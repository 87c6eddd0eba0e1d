import ActiveMQLint
import Testing

/// `advisory-support-disabled`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule advisory-support-disabled")
struct AdvisorySupportDisabledRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\" advisorySupport=\"false\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\" advisorySupport=\"true\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "advisory-support-disabled" }
        try #require(findings.count == 1)
        let expected = position(of: "advisorySupport=", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("forward nothing"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "advisory-support-disabled" }.isEmpty)
    }
}
