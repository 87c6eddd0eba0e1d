import ActiveMQLint
import Testing

/// `plaintext-secret`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule plaintext-secret")
struct PlaintextSecretRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <plugins>\n    <simpleAuthenticationPlugin>\n      <users>\n        <authenticationUser username=\"admin\" password=\"s3cretValue\" groups=\"admins\"/>\n      </users>\n    </simpleAuthenticationPlugin>\n  </plugins>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <plugins>\n    <simpleAuthenticationPlugin>\n      <users>\n        <authenticationUser username=\"admin\" password=\"ENC(abc)\" groups=\"admins\"/>\n      </users>\n    </simpleAuthenticationPlugin>\n  </plugins>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "plaintext-secret" }
        try #require(findings.count == 1)
        let expected = position(of: "password=", in: Self.failing)
        #expect(findings[0].severity == .warning)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("authenticationUser"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "plaintext-secret" }.isEmpty)
    }
}
