import ActiveMQLanguageServer
import Foundation
import Testing

/// `lint` and `roundtrip` on Terraform files: the configurations inside them, at their places.
@Suite("Commands on Terraform files")
struct HostCommandTests {
    static let terraform = """
        resource "aws_mq_configuration" "hub" {
          name           = "hub"
          engine_version = "5.18"
          data           = <<-DATA
            <broker xmlns="http://activemq.apache.org/schema/core">
              <networkConnectors>
                <networkConnector name="hub_out" userName="admin" password="s3cret" uri="static:(ssl://spoke.example:61617)"/>
              </networkConnectors>
            </broker>
            DATA
        }

        """

    @Test("lint main.tf: findings at their places in the .tf, named by the resource; the secret never shown; exit 1")
    func lintTerraform() throws {
        let path = try Paths.temporaryFile(Self.terraform, name: "main.tf")
        let run = runCLI(["lint", path])
        #expect(run.exitCode == 1)
        #expect(run.stdoutText.contains("\(path):7:59: error: aws_mq_configuration.hub: a literal password in network connector 'hub_out'"))
        #expect(run.stdoutText.contains("Amazon MQ 5.18 removes attribute 'password'"))
        #expect(!run.stdoutText.contains("s3cret") && !run.stderr.contains("s3cret"))
        #expect(run.stderr.contains("1 file checked"))
    }

    @Test("--stdin-filename main.tf reads standard input as a Terraform file; JSON and SARIF point into it")
    func standardInput() throws {
        let run = runCLI(["lint", "--stdin-filename", "infra/main.tf", "--format", "json", "-"], stdin: Array(Self.terraform.utf8))
        #expect(run.exitCode == 1)
        #expect(run.stdoutText.contains(#""file": "infra/main.tf""#) && run.stdoutText.contains(#""line": 7"#))
        let sarif = runCLI(["lint", "--stdin-filename", "main.tf", "--format", "sarif", "-"], stdin: Array(Self.terraform.utf8))
        #expect(sarif.stdoutText.contains(#""uri" : "main.tf""#) || sarif.stdoutText.contains(#""uri": "main.tf""#))
    }

    @Test("lint DIR walks .tf files; one without a broker is skipped quietly")
    func directory() throws {
        let path = try Paths.temporaryFile(Self.terraform, name: "main.tf")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try Data("resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n".utf8).write(to: folder.appendingPathComponent("other.tf"))
        let run = runCLI(["lint", folder.path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("1 file checked"))
        #expect(!run.stdoutText.contains("other.tf"))
    }

    @Test("roundtrip main.tf gives the host's bytes back; a heredoc never closed is an error at its place")
    func roundtrip() throws {
        let path = Paths.fixture("iac/terraform/flush-heredoc.tf")
        let run = runCLI(["roundtrip", path])
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(run.exitCode == 0 && run.stdout == original)
        let broken = try Paths.temporaryFile("locals {\n  x = <<EOT\n<broker/>\n}\n", name: "broken.tf")
        let failed = runCLI(["roundtrip", broken])
        #expect(failed.exitCode != 0 && failed.stderr.contains("\(broken):2:7: error: this heredoc is never closed"))
        let linted = runCLI(["lint", broken])
        #expect(linted.exitCode == 1 && linted.stdoutText.contains("\(broken):2:7: error: this heredoc is never closed"))
    }
}

/// The host pages' console examples are the tool's own output.
@Suite("Host documentation examples")
struct HostDocumentationTests {
    static let pages = ["Docs/hosts/terraform.md", "Docs/hosts/yaml.md", "Docs/hosts/cloudformation.md"]

    @Test("Every `$ activemq-config …` block of the host pages prints what it shows", arguments: pages)
    func examples(_ page: String) throws {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent(page), encoding: .utf8)
        let blocks = text.components(separatedBy: "```console\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(!blocks.isEmpty)
        for block in blocks {
            var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let command = lines.removeFirst()
            #expect(command.hasPrefix("$ activemq-config "))
            let arguments = command.dropFirst("$ activemq-config ".count).split(separator: " ").map { argument in
                argument.hasPrefix("Fixtures/") ? Paths.repository.appendingPathComponent(String(argument)).path : String(argument)
            }
            let run = runCLI(arguments)
            let shown = run.stdoutText.replacingOccurrences(of: Paths.repository.path + "/", with: "")
            #expect(shown == lines.joined(separator: "\n"))
        }
    }
}

/// `lint --fix` inside host files: byte goldens for each form, and refusals that leave a file as it was.
@Suite("Fixes inside host files")
struct HostFixTests {
    static let folder = Paths.repository.appendingPathComponent("Fixtures/iac/fix")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test("lint --fix gives the golden bytes: edits mapped into the host, inserted lines indented and escaped for it", arguments: cases)
    func golden(_ name: String) throws {
        let directory = Self.folder.appendingPathComponent(name)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let input = try #require(files.first { $0.hasPrefix("in.") })
        let ext = (input as NSString).pathExtension
        let arguments = try String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        let path = try Paths.temporaryFile(try String(contentsOf: directory.appendingPathComponent(input), encoding: .utf8), name: "host.\(ext)")
        let run = runCLI(["lint"] + arguments + ["--fix", path])
        #expect(run.exitCode != 2, "\(run.stderr)")
        let fixed = try Data(contentsOf: URL(fileURLWithPath: path))
        let golden = try Data(contentsOf: directory.appendingPathComponent("out.\(ext)"))
        #expect(fixed == golden)
        #expect(run.stderr.contains("fixed:"))
        // Fixed once, nothing more to fix; the file still reads back.
        let again = runCLI(["lint"] + arguments + ["--fix", "--diff", path])
        #expect(again.stdout.isEmpty)
        #expect(runCLI(["roundtrip", path]).exitCode == 0)
    }

    @Test("A fix inside a read-only form (a quoted scalar over several lines) is not applied: the file stays, its finding remains")
    func readOnlyForms() throws {
        let source = try String(contentsOf: Paths.repository.appendingPathComponent("Fixtures/iac/yaml/configmap-quoted.yaml"), encoding: .utf8)
        let path = try Paths.temporaryFile(source, name: "configmap.yaml")
        let run = runCLI(["lint", "--fix", "--unsafe-fixes", path])
        #expect(run.exitCode == 1)
        #expect(run.stdoutText.contains("[embedded-password]"))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after == source)
    }

    @Test("--diff on a host file masks the secret, even inside an escaped string")
    func diffMasksSecrets() throws {
        let source = try String(contentsOf: Paths.repository.appendingPathComponent("Fixtures/iac/terraform/quoted.tf"), encoding: .utf8)
        let path = try Paths.temporaryFile(source, name: "main.tf")
        let run = runCLI(["lint", "--fix", "--unsafe-fixes", "--diff", path])
        #expect(run.stdoutText.contains(#"password=\"***\""#))
        #expect(!run.stdoutText.contains("s3cret") && !run.stderr.contains("s3cret"))
    }
}

/// `topology generate --format terraform`.
@Suite("Generating Terraform")
struct TerraformGenerationTests {
    static let spec = Paths.fixture("topologies/terraform/hub-and-spokes.json")
    static let golden = Paths.fixture("topologies/terraform/hub-and-spokes.tf")

    @Test("One .tf with an aws_mq_configuration per broker that declares connectors; URIs read the named brokers' endpoints; it lints clean")
    func generate() throws {
        let folder = URL(fileURLWithPath: try Paths.temporaryFile("", name: "x")).deletingLastPathComponent().path
        let run = runCLI(["topology", "generate", Self.spec, "--out", folder, "--format", "terraform"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/network.tf"))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Self.golden))))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains(#"uri="masterslave:(${aws_mq_broker.hub.instances[0].endpoints[0]},${aws_mq_broker.hub.instances[1].endpoints[0]})""#))
        // Every reference it makes is to a broker the spec names.
        let named: Set<String> = ["aws_mq_broker.hub", "aws_mq_broker.spoke1", "aws_mq_broker.spoke2", "aws_mq_broker.spoke3"]
        for reference in text.components(separatedBy: "${").dropFirst().map({ String($0.prefix { $0 != "}" }) }) {
            #expect(named.contains { reference.hasPrefix($0 + ".instances[") }, "\(reference)")
        }
        let lint = runCLI(["lint", "--fail-on", "warning", folder + "/network.tf"])
        #expect(lint.exitCode == 0, "\(lint.stdoutText)")
    }

    @Test("Regenerating into the .tf replaces the configurations it wrote and keeps everything else")
    func regenerate() throws {
        let original = try String(contentsOfFile: Self.golden, encoding: .utf8)
        let added = "\nresource \"aws_mq_broker\" \"hub\" {\n  broker_name = \"Hub\"\n}\n"
        let path = try Paths.temporaryFile(original + added, name: "network.tf")
        let changedSpec = try String(contentsOfFile: Self.spec, encoding: .utf8).replacingOccurrences(of: "myCommonUser", with: "bridgeUser")
        let spec = try Paths.temporaryFile(changedSpec, name: "spec.json")
        let run = runCLI(["topology", "generate", spec, "--out", path, "--format", "terraform"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.hasSuffix(added))
        #expect(after.contains("userName=\"bridgeUser\"") && !after.contains("userName=\"myCommonUser\""))
        #expect(after.replacingOccurrences(of: "bridgeUser", with: "myCommonUser") == original + added)
    }

    @Test("--target activemq is refused for --format terraform")
    func activeMQRefused() {
        let run = runCLI(["topology", "generate", Self.spec, "--out", "/tmp/never", "--format", "terraform", "--target", "activemq"])
        #expect(run.exitCode == 2 && run.stderr.contains("needs --target amazon-mq"))
    }

    @Test("The .tf parses with python-hcl2", .enabled(if: Self.hcl2 || ProcessInfo.processInfo.environment["CI"] == "true", "python-hcl2 is not installed"))
    func parsesWithHCL2() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import hcl2, sys; d = hcl2.loads(open(sys.argv[1]).read()); assert len(d['resource']) == 3", Self.golden]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static let hcl2: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import hcl2"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

extension HostCommandTests {
    @Test("Baseline fingerprints include the document's address: two configurations of one host with the same finding are two entries")
    func baselines() throws {
        let one = "  data = <<-DATA\n    <broker xmlns=\"http://activemq.apache.org/schema/core\">\n      <networkConnectors>\n        <networkConnector name=\"out\" uri=\"static:(ssl://x.example:61617)\" networkTTL=\"0\"/>\n      </networkConnectors>\n    </broker>\n    DATA\n"
        let text = "resource \"aws_mq_configuration\" \"a\" {\n\(one)}\nresource \"aws_mq_configuration\" \"b\" {\n\(one)}\n"
        let path = try Paths.temporaryFile(text, name: "main.tf")
        let baseline = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("baseline.json").path
        _ = runCLI(["lint", "--write-baseline", baseline, path])
        let prints = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any]
        let count = (prints?["fingerprints"] as? [String])?.count ?? 0
        let findings = runCLI(["lint", "--format", "json", path]).stdoutText.components(separatedBy: "\"rule\"").count - 1
        #expect(count == findings && count >= 4)
        #expect(runCLI(["lint", "--baseline", baseline, path]).exitCode == 0)
    }
}

/// `connectors add/set/remove` on configurations inside host files.
@Suite("Connector edits inside host files")
struct HostConnectorEditTests {
    @Test("Several configurations need --resource (exit 2); the chosen one is edited in its heredoc's indentation, interpolations kept")
    func terraform() throws {
        let source = try String(contentsOf: Paths.repository.appendingPathComponent("Fixtures/iac/network/chain.tf"), encoding: .utf8)
        let path = try Paths.temporaryFile(source, name: "main.tf")
        let ambiguous = runCLI(["connectors", "add", path, "--name", "x", "--uri", "static:(ssl://x.example:61617)", "--user", "admin", "--in-place"])
        #expect(ambiguous.exitCode == 2 && ambiguous.stderr.contains("choose one with --resource"))
        let unknown = runCLI(["connectors", "add", path, "--resource", "aws_mq_configuration.nowhere", "--name", "x", "--uri", "static:(ssl://x.example:61617)", "--user", "admin"])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("no configuration has the address"))
        let added = runCLI(["connectors", "add", path, "--resource", "aws_mq_configuration.west", "--name", "west_out",
                            "--uri", "static:(ssl://x.example:61617)", "--user", "admin", "--in-place"])
        #expect(added.exitCode == 0, "\(added.stderr)")
        let set = runCLI(["connectors", "set", path, "--resource", "aws_mq_configuration.east", "--name", "east_to_hub", "--network-ttl", "2", "--in-place"])
        #expect(set.exitCode == 0, "\(set.stderr)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.contains("\n      <networkConnectors>\n        <networkConnector name=\"west_out\" userName=\"admin\" uri=\"static:(ssl://x.example:61617)\"/>\n      </networkConnectors>\n    </broker>\n    DATA"))
        #expect(after.contains(#"uri="static:(${aws_mq_broker.hub.instances[0].endpoints[0]})" networkTTL="2"/>"#))
        // Everything else is as it was: taking the two edits out gives the file back.
        let undone = after.replacingOccurrences(of: " networkTTL=\"2\"", with: "")
            .replacingOccurrences(of: "\n      <networkConnectors>\n        <networkConnector name=\"west_out\" userName=\"admin\" uri=\"static:(ssl://x.example:61617)\"/>\n      </networkConnectors>", with: "")
        #expect(undone == source)
        let removed = runCLI(["connectors", "remove", path, "--resource", "aws_mq_configuration.east", "--name", "east_to_hub", "--in-place"])
        #expect(removed.exitCode == 0, "\(removed.stderr)")
        #expect(runCLI(["roundtrip", path]).exitCode == 0)
    }

    @Test("A ConfigMap's literal block is edited in its indentation; a quoted scalar over several lines is refused with its reason")
    func yaml() throws {
        let source = try String(contentsOf: Paths.repository.appendingPathComponent("Fixtures/iac/yaml/configmap.yaml"), encoding: .utf8)
        let path = try Paths.temporaryFile(source, name: "configmap.yaml")
        let set = runCLI(["connectors", "set", path, "--resource", "ConfigMap/broker-config data.activemq.xml", "--name", "east_west", "--network-ttl", "2", "--in-place"])
        #expect(set.exitCode == 0, "\(set.stderr)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after == source.replacingOccurrences(of: "networkTTL=\"0\"", with: "networkTTL=\"2\""))
        let quoted = try Paths.temporaryFile(try String(contentsOf: Paths.repository.appendingPathComponent("Fixtures/iac/yaml/configmap-quoted.yaml"), encoding: .utf8), name: "q.yaml")
        let refused = runCLI(["connectors", "set", quoted, "--name", "b_out", "--network-ttl", "2", "--in-place"])
        #expect(refused.exitCode == 1 && refused.stderr.contains("cannot be edited in place: a quoted scalar over several lines"))
    }
}

/// `topology generate --format cloudformation`.
@Suite("Generating CloudFormation")
struct CloudFormationGenerationTests {
    static let spec = Paths.fixture("topologies/cloudformation/hub-and-spokes.json")
    static let golden = Paths.fixture("topologies/cloudformation/hub-and-spokes.yaml")

    @Test("A template with the configurations and the named brokers; URIs as Fn::Join around Fn::Select/Fn::GetAtt; lints clean")
    func generate() throws {
        let folder = URL(fileURLWithPath: try Paths.temporaryFile("", name: "x")).deletingLastPathComponent().path
        let run = runCLI(["topology", "generate", Self.spec, "--out", folder, "--format", "cloudformation"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/network.yaml"))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Self.golden))))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("Fn::Select: [1, !GetAtt Hub.OpenWireEndpoints]") && text.contains("Type: AWS::AmazonMQ::Broker"))
        let lint = runCLI(["lint", "--fail-on", "warning", folder + "/network.yaml"])
        #expect(lint.exitCode == 0, "\(lint.stdoutText)")
        #expect(lint.stderr.contains("1 file checked"))
    }

    @Test("cfn-lint passes the template", .enabled(if: Self.cfnLint || ProcessInfo.processInfo.environment["CI"] == "true", "cfn-lint is not installed"))
    func cfnLintPasses() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cfn-lint", Self.golden]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static let cfnLint: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cfn-lint", "--version"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

/// `activemq-config lsp` as a process: framed messages over pipes.
@Suite("activemq-config lsp")
struct LanguageServerProcessTests {
    static func frame(_ json: String) -> Data {
        Data("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
    }

    @Test("initialize, didOpen, diagnostics, shutdown, exit 0; only framed messages on stdout; a malformed header is skipped")
    func session() throws {
        let text = #"<broker xmlns=\"http://activemq.apache.org/schema/core\"><networkConnectors><networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://b:61616)\" networkTTL=\"0\"/></networkConnectors></broker>"#
        var input = Data("Content-Type: nothing\r\n\r\n".utf8)
        input += Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"debounce":0}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/lsp-a.xml","languageId":"xml","version":1,"text":"\#(text)"}}}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        input += Self.frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let run = try runBinary(["lsp"], stdin: input)
        #expect(run.exitCode == 0)
        var reader = Framing.Reader()
        reader.feed(run.stdout)
        var bodies: [String] = []
        while case .success(let body)? = reader.next() { bodies.append(String(decoding: body, as: UTF8.self)) }
        #expect(bodies.count == 3, "\(bodies)")
        #expect(bodies.contains { $0.contains("\"zero-ttl\"") && $0.contains("publishDiagnostics") })
        #expect(bodies.joined().utf8.count + bodies.count * 20 < run.stdout.count + 40, "nothing but framed messages")
    }

    @Test("The input ending before exit ends the server with 1")
    func endOfInput() throws {
        let run = try runBinary(["lsp"], stdin: Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#))
        #expect(run.exitCode == 1)
    }
}
