import ActiveMQLint
import Testing

/// `duplicate-connector-name`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule duplicate-connector-name")
struct DuplicateConnectorNameRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616)\"/>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://i:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616)\"/>\n    <networkConnector name=\"b\" userName=\"u\" uri=\"static:(tcp://i:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "duplicate-connector-name" }
        try #require(findings.count == 1)
        let expected = position(of: "<networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://i", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("the first is at line 3"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "duplicate-connector-name" }.isEmpty)
    }
}
