import ActiveMQLint
import Testing

/// `static-should-be-masterslave`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule static-should-be-masterslave")
struct StaticShouldBeMasterSlaveRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"masterslave:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617,ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "static-should-be-masterslave" }
        try #require(findings.count == 1)
        let expected = position(of: "uri=", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("use masterslave:"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "static-should-be-masterslave" }.isEmpty)
    }
}
