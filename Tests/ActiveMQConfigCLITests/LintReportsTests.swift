import Foundation
import LosslessXML
import Testing

/// Linter habits: a strict .activemq-config.json, --config, --stdin-filename, further reports in one
/// run (JUnit, Checkstyle, GitLab), SARIF fingerprints, and baselines.
@Suite("activemq-config lint: configuration, reports, baselines")
struct LintReportsTests {
    static let config = """
        <broker xmlns="http://activemq.apache.org/schema/core">
          <networkConnectors>
            <networkConnector name="a" uri="static:(tcp://h:61616)"/>
          </networkConnectors>
        </broker>

        """

    static func folder(_ text: String = config, settings: String? = nil) throws -> (String, String) {
        let path = try Paths.temporaryFile(text, name: "activemq.xml")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if let settings { try Data(settings.utf8).write(to: folder.appendingPathComponent(".activemq-config.json")) }
        return (folder.path, path)
    }

    @Test("A strict .activemq-config.json: unknown keys, wrong types and trailing commas exit 2 at their place", arguments: [
        (#"{"profil": "amazon-mq"}"#, ".activemq-config.json:1:2: error: unknown key 'profil' in .activemq-config.json (did you mean 'profile'?)"),
        ("{\n  \"disable\": [\"missing-username\",]\n}", ".activemq-config.json:2:34: error: not valid JSON: a trailing comma is not allowed in JSON"),
        (#"{"disable": "missing-username"}"#, ".activemq-config.json:1:13: error: 'disable' must be an array of strings, not a string"),
        (#"{"overrides": [{"files": "*.xml", "profle": "activemq"}]}"#, ".activemq-config.json:1:35: error: unknown key 'profle' in an override (did you mean 'profile'?)"),
    ])
    func strict(_ settings: String, _ expected: String) throws {
        let (_, path) = try Self.folder(settings: settings)
        let run = runCLI(["lint", path])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test("$schema is accepted, so editors can validate the file; --config names another file")
    func schemaAndConfig() throws {
        let (folder, path) = try Self.folder(settings: #"{"$schema": "https://example.invalid/activemq-config.schema.json", "disable": ["missing-username"]}"#)
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 0)
        let other = folder + "/strict.json"
        try Data(#"{"severity": {"missing-username": "error"}}"#.utf8).write(to: URL(fileURLWithPath: other))
        let run = runCLI(["lint", "--config", other, path])
        #expect(run.exitCode == 1 && run.stdoutText.contains("error: network connector 'a' has no userName"))
    }

    @Test("--stdin-filename names standard input: in messages, for the template syntax and for the settings")
    func stdinFilename() throws {
        let (folder, _) = try Self.folder(settings: #"{"profile": "amazon-mq"}"#)
        let run = runCLI(["lint", "--stdin-filename", folder + "/MyBroker1.xml", "-"], stdin: Array(Self.config.utf8))
        #expect(run.stdoutText.contains("\(folder)/MyBroker1.xml:3:5: error: network connector 'a' has no userName [missing-username]"))
        let template = runCLI(["lint", "--stdin-filename", "activemq.xml.erb", "-"],
                              stdin: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"<%= @name %>\"/>\n".utf8))
        #expect(template.exitCode == 0, "\(template.stdoutText)")
    }

    @Test("--report writes further reports in the same run: JUnit, Checkstyle, GitLab; stdout keeps --format")
    func reports() throws {
        let (folder, path) = try Self.folder()
        let clean = folder + "/clean.xml"
        try Data("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>\n".utf8).write(to: URL(fileURLWithPath: clean))
        let run = runCLI(["lint", path, clean, "--report", "junit:\(folder)/junit.xml", "--report", "checkstyle:\(folder)/cs.xml",
                          "--report", "gitlab:\(folder)/gl.json", "--report", "sarif:\(folder)/out.sarif"])
        #expect(run.stdoutText.hasPrefix("\(path):3:5: warning:"))
        let junit = try LosslessDocument(contentsOfFile: folder + "/junit.xml")
        let cases = junit.root.childElements.first?.childElements ?? []
        #expect(junit.root.localName == "testsuites" && cases.count == 2)
        #expect(cases[0].childElements.first?.localName == "failure" && cases[1].childElements.isEmpty)
        let checkstyle = try LosslessDocument(contentsOfFile: folder + "/cs.xml")
        #expect(checkstyle.root.attribute("version")?.value == "4.3")
        #expect(checkstyle.root.childElements.first?.childElements.first?.attribute("source")?.value == "activemq-config.missing-username")
        let gitlab = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/gl.json"))) as? [[String: Any]])
        #expect(gitlab.count == 1)
        #expect(Set(gitlab[0].keys) == ["description", "check_name", "fingerprint", "severity", "location"])
        #expect(gitlab[0]["severity"] as? String == "minor")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/out.sarif"))) as? [String: Any])
        let result = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect((result["partialFingerprints"] as? [String: String])?["activemqConfig/v1"] == gitlab[0]["fingerprint"] as? String)
        #expect(runCLI(["lint", path, "--report", "nope:x"]).exitCode == 2)
    }

    @Test("SARIF's default levels follow the profile in use")
    func sarifLevels() throws {
        let (_, path) = try Self.folder()
        func level(_ profile: String) throws -> String? {
            let run = runCLI(["lint", "--format", "sarif", "--profile", profile, path])
            let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
            let rules = ((sarif["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] }
            let rule = rules?.first { $0["id"] as? String == "missing-username" }
            return (rule?["defaultConfiguration"] as? [String: Any])?["level"] as? String
        }
        #expect(try level("activemq") == "warning")
        #expect(try level("amazon-mq") == "error")
    }

    @Test("A baseline hides the findings it holds, even after lines move; new ones and embedded passwords still show")
    func baseline() throws {
        let (folder, path) = try Self.folder()
        let baselinePath = folder + "/baseline.json"
        #expect(runCLI(["lint", path, "--write-baseline", baselinePath]).exitCode == 0)
        let moved = "<!-- a comment that moves every line -->\n\n" + Self.config
            .replacingOccurrences(of: "  </networkConnectors>", with: "    <networkConnector name=\"b\" uri=\"static:(tcp://i:61616)\"/>\n  </networkConnectors>")
        try Data(moved.utf8).write(to: URL(fileURLWithPath: path))
        let run = runCLI(["lint", path, "--baseline", baselinePath])
        #expect(run.stdoutText.components(separatedBy: "\n").filter { !$0.isEmpty } == ["\(path):6:5: warning: network connector 'b' has no userName [missing-username]"])
        let leaky = Self.config.replacingOccurrences(of: "name=\"a\"", with: "name=\"a\" userName=\"u\" password=\"Baseline-S3cret\"")
        try Data(leaky.utf8).write(to: URL(fileURLWithPath: path))
        #expect(runCLI(["lint", path, "--write-baseline", baselinePath]).exitCode == 1)
        let still = runCLI(["lint", path, "--baseline", baselinePath])
        #expect(still.exitCode == 1 && still.stdoutText.contains("[embedded-password]") && !still.stdoutText.contains("Baseline-S3cret"))
    }
}
