import ActiveMQLint
import Testing

/// `embedded-password`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule embedded-password")
struct EmbeddedPasswordRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" password=\"s3cretValue\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" password=\"${AMQ_BRIDGE_PASSWORD}\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "embedded-password" }
        try #require(findings.count == 1)
        let expected = position(of: "password=", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("the 'password' attribute"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "embedded-password" }.isEmpty)
    }
}
