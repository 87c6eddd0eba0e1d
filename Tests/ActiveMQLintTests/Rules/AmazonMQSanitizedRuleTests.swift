import ActiveMQLint
import Testing

/// `amazon-mq-sanitized`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule amazon-mq-sanitized")
struct AmazonMQSanitizedRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" schedulePeriodForDestinationPurge=\"10000\">\n  <managementContext>\n    <managementContext createConnector=\"false\"/>\n  </managementContext>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" schedulePeriodForDestinationPurge=\"10000\">\n  <plugins>\n    <statisticsBrokerPlugin/>\n  </plugins>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing, profile: "amazon-mq").filter { $0.rule == "amazon-mq-sanitized" }
        try #require(findings.count == 1)
        let expected = position(of: "<managementContext>", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("DISALLOWED_ELEMENT_REMOVED"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing, profile: "amazon-mq").filter { $0.rule == "amazon-mq-sanitized" }.isEmpty)
    }
}
