import ActiveMQLint
import Testing

/// `duplicate-transport-address`: a failing case (id, severity, line, column, message) and a passing one.
@Suite("Rule duplicate-transport-address")
struct DuplicateTransportAddressRuleTests {
    static let failing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <transportConnectors>\n    <transportConnector name=\"a\" uri=\"tcp://0.0.0.0:61616\"/>\n    <transportConnector name=\"b\" uri=\"nio://0.0.0.0:61616\"/>\n  </transportConnectors>\n</broker>\n"
    static let passing = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\">\n  <transportConnectors>\n    <transportConnector name=\"a\" uri=\"tcp://0.0.0.0:61616\"/>\n    <transportConnector name=\"b\" uri=\"nio://0.0.0.0:61617\"/>\n  </transportConnectors>\n</broker>\n"

    @Test("Fails, at the offending place")
    func fails() throws {
        let findings = try lint(Self.failing).filter { $0.rule == "duplicate-transport-address" }
        try #require(findings.count == 1)
        let expected = position(of: "uri=\"nio", in: Self.failing)
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == expected.line)
        #expect(findings[0].column == expected.column)
        #expect(findings[0].message.contains("already used"))
    }

    @Test("Passes")
    func passes() throws {
        #expect(try lint(Self.passing).filter { $0.rule == "duplicate-transport-address" }.isEmpty)
    }
}
