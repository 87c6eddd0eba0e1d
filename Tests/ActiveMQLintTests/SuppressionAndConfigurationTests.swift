import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

@Suite("Suppressions and project configuration")
struct SuppressionAndConfigurationTests {
    static let doc = """
        <broker xmlns="\(coreNamespace)" brokerName="b">
          <networkConnectors>
            <!-- activemq-config-disable missing-username,multicast-discovery -->
            <networkConnector name="a" uri="multicast://default"/>
            <networkConnector name="b" uri="static:(tcp://h:61616)"/>
          </networkConnectors>
        </broker>
        """

    @Test("An element suppression covers the next element and its subtree only")
    func elementSuppression() throws {
        let findings = try lint(Self.doc)
        #expect(findings.map(\.rule) == ["missing-username"])
        #expect(findings.first?.line == 5)
    }

    @Test("A file suppression covers the whole file; an unused one is reported")
    func fileSuppression() throws {
        let source = "<!-- activemq-config-disable-file missing-username, network-ttl -->\n" + Self.doc
        let findings = try lint(source)
        #expect(findings.map(\.rule) == ["unused-suppression"])
        #expect(findings.first?.message == "the suppression of 'network-ttl' suppresses nothing")
        #expect(findings.first?.line == 1 && findings.first?.column == 1)
    }

    @Test("embedded-password cannot be suppressed, disabled or downgraded")
    func mandatory() throws {
        let source = """
            <!-- activemq-config-disable-file embedded-password -->
            <broker xmlns="\(coreNamespace)">
              <networkConnectors>
                <!-- activemq-config-disable embedded-password -->
                <networkConnector name="a" userName="u" password="hunter2" uri="static:(tcp://h:61616)"/>
              </networkConnectors>
            </broker>
            """
        let findings = try lint([("test.xml", source)], disabled: ["embedded-password"])
        #expect(findings.filter { $0.rule == "embedded-password" }.map(\.severity) == [.error])
        #expect(findings.filter { $0.rule == "unused-suppression" }.map(\.message)
            == ["embedded-password cannot be suppressed", "embedded-password cannot be suppressed"])
        #expect(!findings.contains { $0.message.contains("hunter2") })
    }

    @Test(".activemq-config.json: profile, disabled rules, severities, per-glob overrides; flags win")
    func projectConfiguration() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("brokers/legacy"), withIntermediateDirectories: true)
        try Data("""
            {"profile": "amazon-mq", "engineVersion": "5.18", "disable": ["multicast-discovery"],
             "severity": {"missing-username": "info"},
             "overrides": [{"files": "brokers/legacy/*.xml", "profile": "activemq", "severity": {"missing-username": "off"}}]}
            """.utf8).write(to: root.appendingPathComponent(".activemq-config.json"))
        let main = root.appendingPathComponent("brokers/main.xml").path
        let legacy = root.appendingPathComponent("brokers/legacy/old.xml").path
        let source = "<broker xmlns=\"\(coreNamespace)\"><networkConnectors><networkConnector name=\"a\" uri=\"multicast://default\"/></networkConnectors></broker>"
        let inputs = [LintInput(path: main, bytes: .success(Array(source.utf8))), LintInput(path: legacy, bytes: .success(Array(source.utf8)))]
        let report = try Linter().lint(inputs)
        let mainRules = report.findings.filter { $0.file == main }.map { "\($0.rule):\($0.severity)" }
        #expect(mainRules.contains("missing-username:info"))
        #expect(!mainRules.contains { $0.hasPrefix("multicast-discovery") })
        #expect(mainRules.contains("insecure-transport:error") == false)  // multicast has no transport member
        #expect(report.findings.filter { $0.file == legacy }.isEmpty)
        // The command line wins: the activemq profile for every file.
        var commandLine = LintCommandLine()
        commandLine.profile = "activemq"
        let flagged = try Linter(commandLine: commandLine).lint(inputs).findings.filter { $0.file == main }
        #expect(!flagged.contains { $0.rule == "amazon-mq-sanitized" })
        // An invalid configuration is an error naming the file.
        try Data(#"{"profile": "azure"}"#.utf8).write(to: root.appendingPathComponent(".activemq-config.json"))
        let error = #expect(throws: LintSettingsError.self) { try Linter().lint(inputs) }
        #expect(error?.message == "unknown profile 'azure' (activemq or amazon-mq)")
    }
}
