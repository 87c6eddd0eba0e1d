import ActiveMQLint
import Testing

/// `masterslave-mixed-brokers`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule masterslave-mixed-brokers")
struct MasterSlaveMixedBrokersRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-2222-2.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"masterslave:(ssl://b-1111-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1111-2.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "masterslave-mixed-brokers" }
        try #require(findings.count == 1)
        let expected = position(of: "uri=", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("2 different brokers"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "masterslave-mixed-brokers" }.isEmpty)
    }
}
