import ActiveMQLint
import Testing

/// `insecure-transport`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule insecure-transport")
struct InsecureTransportRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" schedulePeriodForDestinationPurge=\"10000\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://b-1-1.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" schedulePeriodForDestinationPurge=\"10000\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing, profile: "amazon-mq").filter { $0.rule == "insecure-transport" }
        try #require(findings.count == 1)
        let expected = position(of: "uri=", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("accepts ssl:// only"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing, profile: "amazon-mq").filter { $0.rule == "insecure-transport" }.isEmpty)
    }
}
