import ActiveMQLint
import Testing

/// `uri-syntax`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule uri-syntax")
struct URISyntaxRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616, tcp://i:61616)\"/>\n  </networkConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <networkConnectors>\n    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://h:61616,tcp://i:61616)\"/>\n  </networkConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "uri-syntax" }
        try #require(findings.count == 1)
        let expected = position(of: " tcp://i", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("whitespace is not allowed"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "uri-syntax" }.isEmpty)
    }
}
