import Foundation
import Testing

/// The hand-off to Amazon MQ's API, on the documented shapes (api-handoff.md): export, import, diff.
@Suite("activemq-config amazon-mq")
struct AmazonMQCommandTests {
    static let local = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="MyBroker1" schedulePeriodForDestinationPurge="10000">
          <!-- the tutorial's connector -->
          <networkConnectors>
            <networkConnector name="connector_1_to_2" userName="myCommonUser" duplex="true" uri="static:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617)"></networkConnector>
          </networkConnectors>
          <plugins>
          </plugins>
        </broker>

        """
    /// What AWS stores of it: a declaration, attributes sorted with xmlns among them, empty
    /// elements self-closed, comments gone, brokerName sanitized away.
    static let stored = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <broker schedulePeriodForDestinationPurge="10000" xmlns="http://activemq.apache.org/schema/core">
            <networkConnectors>
                <networkConnector duplex="true" name="connector_1_to_2" uri="static:(ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617)" userName="myCommonUser"/>
            </networkConnectors>
            <plugins/>
        </broker>

        """

    static func revision(_ xml: String, camelCase: Bool = false) -> String {
        let data = Data(xml.utf8).base64EncodedString()
        return camelCase
            ? #"{"configurationId": "c-1234", "created": "2026-09-30T01:58:53.618Z", "data": "\#(data)"}"#
            : #"{"ConfigurationId": "c-1234", "Created": "2026-09-30T01:58:53.618000+00:00", "Data": "\#(data)", "Description": "r2"}"#
    }

    @Test("export prints ConfigurationId, Data (base64 of the exact bytes) and Description only when given")
    func export() throws {
        let path = try Paths.temporaryFile(Self.local.replacingOccurrences(of: " brokerName=\"MyBroker1\"", with: ""), name: "MyBroker1.xml")
        let run = runCLI(["amazon-mq", "export", path, "--configuration-id", "c-1234abcd"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(Set(json.keys) == ["ConfigurationId", "Data"])
        #expect(json["ConfigurationId"] as? String == "c-1234abcd")
        #expect(Data(base64Encoded: try #require(json["Data"] as? String)) == (try Data(contentsOf: URL(fileURLWithPath: path))))
        let described = runCLI(["amazon-mq", "export", path, "--configuration-id", "c-1", "--description", "add connector_1_to_2"])
        #expect(String(decoding: described.stdout, as: UTF8.self).contains("\"Description\": \"add connector_1_to_2\""))
    }

    @Test("export stops on lint errors unless --force, and on an embedded password always")
    func exportRefusals() throws {
        let tcp = try Paths.temporaryFile(Self.local.replacingOccurrences(of: "ssl://", with: "tcp://"))
        let refused = runCLI(["amazon-mq", "export", tcp, "--configuration-id", "c-1"])
        #expect(refused.exitCode == 1 && refused.stdout.isEmpty && refused.stderr.contains("[insecure-transport]"))
        #expect(runCLI(["amazon-mq", "export", tcp, "--configuration-id", "c-1", "--force"]).exitCode == 0)
        let leaky = try Paths.temporaryFile(Self.local.replacingOccurrences(of: "userName=\"myCommonUser\"", with: "userName=\"u\" password=\"Export-S3cret\""))
        let never = runCLI(["amazon-mq", "export", leaky, "--configuration-id", "c-1", "--force"])
        #expect(never.exitCode == 1 && never.stdout.isEmpty && never.stderr.contains("[embedded-password]") && !never.stderr.contains("Export-S3cret"))
    }

    @Test("import gives the XML back byte for byte, from PascalCase or camelCase, from a file or standard input")
    func importRevision() throws {
        for camelCase in [false, true] {
            let path = try Paths.temporaryFile(Self.revision(Self.stored, camelCase: camelCase), name: "revision.json")
            let run = runCLI(["amazon-mq", "import", path])
            #expect(run.exitCode == 0 && run.stdoutText == Self.stored)
            let stdin = runCLI(["amazon-mq", "import", "-"], stdin: Array(Self.revision(Self.stored, camelCase: camelCase).utf8))
            #expect(stdin.stdoutText == Self.stored)
        }
        let out = URL(fileURLWithPath: try Paths.temporaryFile("x")).deletingLastPathComponent().appendingPathComponent("imported.xml").path
        #expect(runCLI(["amazon-mq", "import", try Paths.temporaryFile(Self.revision(Self.stored)), "-o", out]).exitCode == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Self.stored)
        #expect(runCLI(["amazon-mq", "import", try Paths.temporaryFile("{\"Nope\": 1}")]).exitCode == 2)
    }

    @Test("diff: the same configuration as AWS re-serializes it is the same; a change is printed by element path")
    func diff() throws {
        let local = try Paths.temporaryFile(Self.local, name: "MyBroker1.xml")
        let same = runCLI(["amazon-mq", "diff", local, try Paths.temporaryFile(Self.revision(Self.stored))])
        #expect(same.exitCode == 0 && same.stdout.isEmpty, "\(same.stdoutText)\(same.stderr)")
        let changed = Self.stored.replacingOccurrences(of: "duplex=\"true\"", with: "duplex=\"false\"")
        let different = runCLI(["amazon-mq", "diff", local, try Paths.temporaryFile(Self.revision(changed))])
        #expect(different.exitCode == 1)
        #expect(different.stdoutText.contains("/broker/networkConnectors/networkConnector: attribute 'duplex' is \"true\" here, \"false\" in the other"))
        let missing = Self.stored.replacingOccurrences(of: "    <plugins/>\n", with: "")
        #expect(runCLI(["amazon-mq", "diff", local, try Paths.temporaryFile(Self.revision(missing))]).stdoutText.contains("/broker/plugins: <plugins> only here"))
    }
}

/// Terraform placeholders: a raw upload loses them (reported); a template rendered before upload
/// does not (a `.tftpl` name, `--template terraform`, or `"template"` in `.activemq-config.json`).
@Suite("Amazon MQ and Terraform templates")
struct TerraformTemplateTests {
    static let text = """
        <broker xmlns="http://activemq.apache.org/schema/core">
          <networkConnectors>
            <networkConnector name="connector_1_to_2" userName="${bridge_user}" duplex="true" uri="static:(ssl://${peer_host}:61617)"/>
          </networkConnectors>
        </broker>

        """

    @Test("A raw file reports the placeholders Amazon MQ removes; a rendered template does not")
    func renderedBeforeUpload() throws {
        let raw = try Paths.temporaryFile(Self.text, name: "MyBroker1.xml")
        #expect(runCLI(["lint", "--profile", "amazon-mq", raw]).stdoutText.contains("[amazon-mq-sanitized]"))
        #expect(!runCLI(["lint", "--profile", "amazon-mq", "--template", "terraform", raw]).stdoutText.contains("[amazon-mq-sanitized]"))
        let tftpl = try Paths.temporaryFile(Self.text, name: "MyBroker1.xml.tftpl")
        #expect(!runCLI(["lint", "--profile", "amazon-mq", tftpl]).stdoutText.contains("[amazon-mq-sanitized]"))
        let folder = URL(fileURLWithPath: raw).deletingLastPathComponent()
        try Data(#"{"profile": "amazon-mq", "overrides": [{"files": "*.xml", "template": "terraform"}]}"#.utf8)
            .write(to: folder.appendingPathComponent(".activemq-config.json"))
        let configured = runCLI(["lint", raw])
        #expect(configured.exitCode == 0 && !configured.stdoutText.contains("[amazon-mq-sanitized]"), "\(configured.stdoutText)")
    }
}
