import ActiveMQConfig
@testable import ActiveMQHosts
import ActiveMQLint
import Foundation
import Testing

/// Broker configurations inside YAML and JSON files: Kubernetes ConfigMaps, CloudFormation (literal
/// blocks, `!Base64`, the explicit-key form, `Fn::Join` around intrinsics, pre-encoded base64, JSON),
/// each finding at its place in the host.
@Suite("YAML hosts")
struct YAMLTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/iac/yaml")
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()

    static func documents(_ text: String) -> [HostDocument] {
        YAMLFile.documents(in: Array(text.utf8), path: "t.yaml").documents
    }

    @Test("Each fixture's findings are at their host positions, named by the object or logical id", arguments: fixtures)
    func fixture(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let hosts = HostInputs([LintInput(path: path, bytes: .success(bytes))])
        let report = hosts.map(try Linter().lint(hosts.inputs))
        let found = report.findings.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.code ?? "")" }.sorted()
        let stem = (name as NSString).deletingPathExtension
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(stem + ".expected"), encoding: .utf8)
            .split(separator: "\n").map(String.init).sorted()
        #expect(found == expected)
        #expect(report.findings.allSatisfy { $0.file == path })
    }

    @Test("Block scalars: literal and folded, chomping, indentation indicators, CRLF; each read byte for byte (positions inside)")
    func blockScalars() {
        let broker = "<broker xmlns=\"http://activemq.apache.org/schema/core\"/>"
        let cases: [(String, String)] = [
            ("k: |\n  \(broker)\n  x\n", "\(broker)\nx\n"),
            ("k: |-\n  \(broker)\n  x\n\n", "\(broker)\nx"),
            ("k: |+\n  \(broker)\n  x\n\n", "\(broker)\nx\n\n"),
            ("k: |2\n    \(broker)\n  x\n", "  \(broker)\nx\n"),
            ("k: >\n  \(broker)\n  x\n\n  y\n", "\(broker) x\ny\n"),
            ("a:\n  k: |\n    \(broker)\n      indented\n    end\n", "\(broker)\n  indented\nend\n"),
            ("k: |\r\n  \(broker)\r\n  x\r\n", "\(broker)\nx\n"),
            ("- |\n  \(broker)\n", "\(broker)\n"),
            ("k: !Base64 |\n  \(broker)\n", "\(broker)\n"),
        ]
        for (text, value) in cases {
            let found = Self.documents(text)
            #expect(found.map { String(decoding: $0.bytes, as: UTF8.self) } == [value], "\(text.debugDescription)")
            #expect(found.first?.positionsInside == true, "\(text.debugDescription)")
        }
    }

    @Test("Quoted scalars: escapes, folding, escaped line breaks and spaces; single quotes; mapped byte for byte")
    func quotedScalars() {
        let cases: [(String, String)] = [
            (#"k: "<broker a=\"1\"/>\n\t\u00e9""#, "<broker a=\"1\"/>\n\t\u{e9}"),
            ("k: \"<broker\n  a='1'/>\"\n", "<broker a='1'/>"),
            ("k: \"<broker\n\n  a='1'/>\"\n", "<broker\na='1'/>"),
            ("k: \"<broker \\\n    a='1'/>\"\n", "<broker a='1'/>"),
            ("k: \"<broker\\n\n  \\ a='1'/>\"\n", "<broker\n  a='1'/>"),
            ("k: '<broker a=''1''/>'\n", "<broker a='1'/>"),
            ("{\"k\": \"<broker a=\\\"1\\\"\\/>\"}\n", "<broker a=\"1\"/>"),
        ]
        for (text, value) in cases {
            let found = Self.documents(text)
            #expect(found.map { String(decoding: $0.bytes, as: UTF8.self) } == [value], "\(text.debugDescription)")
            #expect(found.first?.positionsInside == true, "\(text.debugDescription)")
        }
    }

    @Test("Addresses: a Kubernetes object and key, a CloudFormation logical id, a key path, the document number")
    func addresses() {
        let broker = "\"<broker xmlns='http://activemq.apache.org/schema/core'/>\""
        #expect(Self.documents("kind: ConfigMap\nmetadata:\n  name: amq\ndata:\n  activemq.xml: \(broker)\n").map(\.address)
                == ["ConfigMap/amq data.activemq.xml"])
        #expect(Self.documents("Resources:\n  Hub:\n    Type: AWS::AmazonMQ::Configuration\n    Properties:\n      Data: \(broker)\n").map(\.address) == ["Hub"])
        #expect(Self.documents("a: 1\n---\nspec:\n  list:\n    - \(broker)\n").map(\.address) == ["document 2 spec.list[0]"])
        let crossplane = Self.documents("apiVersion: mq.aws.upbound.io/v1beta1\nkind: Configuration\nmetadata:\n  name: hub\nspec:\n  forProvider:\n    engineType: ActiveMQ\n    engineVersion: 5.17.6\n    data: \(broker)\n")
        #expect(crossplane.map(\.profile) == ["amazon-mq"] && crossplane.map(\.engineVersion) == ["5.17"])
        #expect(Self.documents("Resources:\n  R:\n    Type: AWS::AmazonMQ::Configuration\n    Properties:\n      EngineType: RABBITMQ\n      Data: \(broker)\n").isEmpty)
    }

    @Test("Hostile input ends cleanly: an alias bomb, deep nesting, invalid YAML, a huge scalar")
    func hostile() {
        var bomb = "a0: &a0 [\"<broker/>\", \"<broker/>\"]\n"
        for level in 1..<30 { bomb += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1)]\n" }
        let found = YAMLFile.documents(in: Array(bomb.utf8), path: "bomb.yaml")
        #expect(found.errors.contains { $0.message.contains("more nodes than the reader follows") })
        let deep = "k: " + String(repeating: "[", count: 100_000) + "\"<broker/>\""
        #expect(YAMLFile.documents(in: Array(deep.utf8), path: "deep.yaml").documents.isEmpty)
        let invalid = YAMLFile.documents(in: Array("k: \"<broker\n- x: [\n".utf8), path: "bad.yaml")
        #expect(invalid.documents.isEmpty && invalid.errors.count == 1)
        let huge = "k: |\n" + String(repeating: "  <!-- padding -->\n", count: 50_000) + "  <broker/>\n"
        #expect(YAMLFile.documents(in: Array(huge.utf8), path: "huge.yaml").documents.count == 1)
    }

    @Test("What is extracted equals what PyYAML and cfn-lint's template decoder read", arguments: fixtures)
    func agreesWithPython(_ name: String) throws {
        guard PythonReference.shouldRun("yaml, cfnlint.decode", install: "pyyaml cfn-lint") else { return }
        let path = Self.folder.appendingPathComponent(name).path
        // A Helm template is not YAML until rendered: no Python reader reads it (its positions are
        // checked by the fixture test).
        if try String(contentsOfFile: path, encoding: .utf8).contains("{{") { return }
        let (data, status) = try PythonReference.run("yaml-extract.py", path)
        #expect(status == 0)
        let theirs = try JSONDecoder().decode([String].self, from: data)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let ours = YAMLFile.documents(in: bytes, path: path).documents.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(ours.sorted() == theirs.sorted())
    }
}

/// Networks across IaC references: a connector whose URI reads a broker resource's endpoints links
/// to the configuration that broker runs, so the cross-file rules see the network.
@Suite("Networks in host files")
struct HostNetworkTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/iac/network")

    @Test("A chain of three brokers through Terraform references and through Fn::GetAtt: network-ttl sees the two hops",
          arguments: ["chain.tf", "chain.yaml"])
    func chain(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let hosts = HostInputs([LintInput(path: path, bytes: .success(bytes))])
        let report = hosts.map(try Linter().lint(hosts.inputs))
        let found = report.findings.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.code ?? "")" }.sorted()
        let expected = try String(contentsOfFile: path + ".expected", encoding: .utf8).split(separator: "\n").map(String.init).sorted()
        #expect(found == expected && found.count == 2)
        #expect(report.findings.allSatisfy { $0.message.contains("from east to west") })
    }

    @Test("Brokers and configurations in different .tf files of one run are linked")
    func acrossFiles() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("chain.tf"), encoding: .utf8)
        let blocks = text.components(separatedBy: "resource \"").dropFirst().map { "resource \"" + $0 }
        let configurations = blocks.filter { $0.hasPrefix("resource \"aws_mq_configuration\"") }.joined()
        let brokers = blocks.filter { $0.hasPrefix("resource \"aws_mq_broker\"") }.joined()
        let hosts = HostInputs([LintInput(path: "configs.tf", bytes: .success(Array(configurations.utf8))),
                                LintInput(path: "brokers.tf", bytes: .success(Array(brokers.utf8)))])
        let report = hosts.map(try Linter().lint(hosts.inputs))
        #expect(report.findings.filter { $0.code == "network-ttl" }.count == 2)
        // Alone, the configurations form no network.
        let alone = HostInputs([LintInput(path: "configs.tf", bytes: .success(Array(configurations.utf8)))])
        #expect(try Linter().lint(alone.inputs).findings.filter { $0.code == "network-ttl" }.isEmpty)
    }
}
