import ActiveMQLint
import Testing

/// `amazon-mq-root`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule amazon-mq-root")
struct AmazonMQRootRuleTests {
    static let failing = "<beans xmlns=\"http://www.springframework.org/schema/beans\">\n  <broker xmlns=\"http://activemq.apache.org/schema/core\"/>\n</beans>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\"/>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing, profile: "amazon-mq").filter { $0.rule == "amazon-mq-root" }
        try #require(findings.count == 1)
        let expected = position(of: "<beans", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("bare <broker"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing, profile: "amazon-mq").filter { $0.rule == "amazon-mq-root" }.isEmpty)
    }
}
