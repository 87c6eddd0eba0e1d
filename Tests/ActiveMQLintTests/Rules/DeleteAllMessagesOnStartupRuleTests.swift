import ActiveMQLint
import Testing

/// `delete-all-messages-on-startup`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule delete-all-messages-on-startup")
struct DeleteAllMessagesOnStartupRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\" deleteAllMessagesOnStartup=\"true\">\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\" deleteAllMessagesOnStartup=\"false\">\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "delete-all-messages-on-startup" }
        try #require(findings.count == 1)
        let expected = position(of: "deleteAllMessagesOnStartup", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("deletes every persistent message"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "delete-all-messages-on-startup" }.isEmpty)
    }
}
