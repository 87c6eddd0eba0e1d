import ActiveMQLint
import Testing

@Suite("Rule not-well-formed")
struct NotWellFormedRuleTests {
    @Test("Fails with libxml2's message and position")
    func fails() throws {
        let findings = try lint("<broker xmlns=\"\(coreNamespace)\">\n  <networkConnectors>\n</broker>\n")
        try #require(findings.count == 1)
        #expect(findings[0].rule == "not-well-formed")
        #expect(findings[0].severity == .error)
        #expect(findings[0].line == 3 && findings[0].column == 10)
        #expect(findings[0].message == "Opening and ending tag mismatch: networkConnectors line 2 and broker")
    }

    @Test("Passes; XML without a <broker> is skipped without a finding")
    func passes() throws {
        #expect(try lint("<broker xmlns=\"\(coreNamespace)\"/>").isEmpty)
        var commandLine = LintCommandLine()
        commandLine.profile = "activemq"
        let report = try Linter(commandLine: commandLine).lint([LintInput(path: "pom.xml", bytes: .success(Array("<project><modules/></project>".utf8)))])
        #expect(report.findings.isEmpty && report.skipped == ["pom.xml"] && report.files == 0)
    }
}
