import ActiveMQLint
import Testing

/// `masterslave-arity`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule masterslave-arity")
struct MasterSlaveArityRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"masterslave:(ssl://h:61617)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"masterslave:(ssl://h:61617,ssl://i:61617)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "masterslave-arity" }
        try #require(findings.count == 1)
        let expected = position(of: "masterslave:(", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("at least two members"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "masterslave-arity" }.isEmpty)
    }
}
