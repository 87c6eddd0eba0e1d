import ActiveMQConfig
@testable import ActiveMQHosts
import ActiveMQLint
import ActiveMQTopology
import Foundation
import Testing

/// Broker configurations inside Terraform files: found by content, decoded as HCL decodes them,
/// linted with the resource's settings, and every finding put back at its place in the `.tf`.
@Suite("Terraform hosts")
struct TerraformTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/iac/terraform")
    static let fixtures: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".tf") }.sorted()

    static func lint(_ path: String, bytes: [UInt8]) throws -> LintReport {
        let hosts = HostInputs([LintInput(path: path, bytes: .success(bytes))])
        return hosts.map(try Linter().lint(hosts.inputs))
    }

    /// The decoded values of every string and heredoc of a text.
    static func values(_ text: String) -> [String] {
        var scanner = TerraformScanner(bytes: Array(text.utf8))
        scanner.scan()
        return scanner.tokens.filter { $0.kind == .heredoc || $0.kind == .string }.map { String(decoding: $0.decoded, as: UTF8.self) }
    }

    @Test("Each fixture's findings are at their host positions, named by the document's address", arguments: fixtures)
    func fixture(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let report = try Self.lint(path, bytes: bytes)
        let found = report.findings.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.code ?? "")" }.sorted()
        let expectedText = try String(contentsOfFile: path.replacingOccurrences(of: ".tf", with: ".expected"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").map(String.init).sorted()
        #expect(found == expected)
        #expect(report.findings.allSatisfy { $0.file == path })
        // Every embedded document comes back byte for byte through libxml2 and the lossless tree.
        for document in TerraformFile.documents(in: bytes, path: path).documents {
            let configuration = try BrokerConfiguration(bytes: document.bytes, path: path, template: .terraform)
            #expect(configuration.document.serialized() == document.bytes)
        }
    }

    @Test("Indented heredocs strip as HCL's own specification says (hashicorp/hcl specsuite, heredoc.hcl)")
    func flushHeredocs() {
        func indent(_ body: String) -> String { Self.values("x = <<-EOT\n\(body)EOT\n").first ?? "?" }
        func normal(_ body: String) -> String { Self.values("x = <<EOT\n\(body)EOT\n").first ?? "?" }
        #expect(normal("Foo\nBar\nBaz\n") == "Foo\nBar\nBaz\n")
        #expect(normal("    Foo\n    Bar\n    Baz\n") == "    Foo\n    Bar\n    Baz\n")
        #expect(indent("Foo\nBar\nBaz\n") == "Foo\nBar\nBaz\n")
        #expect(indent("    Foo\n    Bar\n    Baz\n") == "Foo\nBar\nBaz\n")
        #expect(indent("    Foo\n      Bar\n    Baz\n") == "Foo\n  Bar\nBaz\n")
        #expect(indent("      Foo\n    Bar\n      Baz\n") == "  Foo\nBar\n  Baz\n")
        #expect(indent("    ${a}\n    Bar\n    Baz\n") == "${a}\nBar\nBaz\n")
        #expect(indent("${a}\n  Bar\n  Baz\n") == "${a}\n  Bar\n  Baz\n")
        #expect(indent("\tFoo\n\t Bar\n\t Baz\n") == "Foo\n Bar\n Baz\n")
        #expect(indent("    Foo\n\n    Bar\n\n    Baz\n") == "Foo\n\nBar\n\nBaz\n")
        #expect(indent("\u{2003}\u{2003}Foo\nBar\nBaz\n") == "\u{2003}\u{2003}Foo\nBar\nBaz\n")
        // The closing marker may be indented; a line that merely ends with it does not close.
        #expect(indent("    NOT EOT\n  ") == "    NOT EOT\n" || indent("    NOT EOT\n") == "NOT EOT\n")
        #expect(Self.values("x = <<EOT\n    NOT EOT\nEOT\n") == ["    NOT EOT\n"])
    }

    @Test("Quoted strings: escapes decoded, $${ and %%{ give ${ and %{, interpolations kept as written")
    func quotedStrings() {
        #expect(Self.values(#"x = "a\"b\\c\n\t\u00e9\U0001F600""#) == ["a\"b\\c\n\t\u{e9}\u{1F600}"])
        #expect(Self.values(#"x = "$${a} %%{b} ${c("}")} %{ if d }e%{ endif }""#) == [#"${a} %{b} ${c("}")} %{ if d }e%{ endif }"#])
        #expect(Self.values("x = <<EOT\n$${a} %%{b} \\n ${c}\nEOT\n") == ["${a} %{b} \\n ${c}\n"])
    }

    @Test("Byte maps: every verbatim document byte is the host byte it maps to, through stripping and escapes")
    func byteMaps() throws {
        for name in Self.fixtures {
            let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            for document in TerraformFile.documents(in: bytes, path: name).documents {
                for piece in document.map.pieces where piece.isVerbatim {
                    #expect(Array(document.bytes[piece.document]) == Array(bytes[piece.host]))
                }
                var last = -1
                for offset in 0...document.bytes.count {
                    let host = document.map.hostOffset(offset)
                    #expect(host >= last)
                    last = host
                }
            }
        }
    }

    @Test("Settings from the resource: aws_mq_configuration is Amazon MQ at its literal engine_version; an expression falls through")
    func resourceSettings() throws {
        let text = """
            resource "aws_mq_configuration" "a" {
              name           = "alpha"
              engine_type    = "ActiveMQ"
              engine_version = "5.17.6"
              data           = "<broker xmlns=\\"http://activemq.apache.org/schema/core\\"/>"
            }
            resource "aws_mq_configuration" "b" {
              engine_version = var.version
              data           = "<broker xmlns=\\"http://activemq.apache.org/schema/core\\"/>"
            }
            variable "xml" {
              default = "<broker xmlns=\\"http://activemq.apache.org/schema/core\\"/>"
            }
            """
        let documents = TerraformFile.documents(in: Array(text.utf8), path: "main.tf").documents
        #expect(documents.map(\.address) == ["aws_mq_configuration.a", "aws_mq_configuration.b", "var.xml"])
        #expect(documents.map(\.profile) == ["amazon-mq", "amazon-mq", nil])
        #expect(documents.map(\.engineVersion) == ["5.17", nil, nil])
        #expect(documents.first?.name == "alpha")
        let hosts = HostInputs([LintInput(path: "main.tf", bytes: .success(Array(text.utf8)))])
        let resolver = Linter().resolver
        var first = resolver
        first.host = hosts.inputs[0].host
        let lookup = ProjectConfigurationLookup()
        let settings = try first.resolve(for: "main.tf", lookup: lookup)
        #expect(settings.profile.value == .amazonMQ(.v5_17) && settings.profile.source == .host)
    }

    @Test("Hostile input ends cleanly: an unterminated heredoc or string, an unclosed comment, deep brackets, a huge heredoc")
    func hostile() throws {
        for text in ["x = <<EOT\n<broker>\n", "x = \"<broker ", "/* <broker ", String(repeating: "{[(", count: 20_000), "x = <<-\n", "x = <<EOT"] {
            let found = TerraformFile.documents(in: Array(text.utf8), path: "h.tf")
            #expect(found.documents.isEmpty)
        }
        let unterminated = TerraformFile.documents(in: Array("a = 1\nx = <<EOT\n<broker/>\n".utf8), path: "h.tf")
        #expect(unterminated.errors.map { "\($0.line):\($0.column)" } == ["2:5"])
        let huge = "x = <<EOT\n<broker xmlns=\"http://activemq.apache.org/schema/core\">\n" + String(repeating: "<!-- padding -->\n", count: 100_000) + "</broker>\nEOT\n"
        let documents = TerraformFile.documents(in: Array(huge.utf8), path: "h.tf").documents
        #expect(documents.count == 1 && documents[0].bytes.count == huge.utf8.count - 14)
    }

    @Test("What is extracted equals what python-hcl2 reads: heredoc bodies as written, strings decoded", arguments: fixtures)
    func agreesWithPythonHCL2(_ name: String) throws {
        guard PythonReference.shouldRun("hcl2", install: "python-hcl2") else { return }
        let path = Self.folder.appendingPathComponent(name).path
        let (data, status) = try PythonReference.run("hcl2-extract.py", path)
        #expect(status == 0)
        let theirs = try JSONDecoder().decode([[String: String]].self, from: data).map { "\($0["kind"] ?? ""): \($0["text"] ?? "")" }
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let ours = TerraformFile.literals(in: bytes).map { "\($0.heredoc ? "heredoc" : "string"): \(String(decoding: $0.text, as: UTF8.self))" }
        #expect(ours.sorted() == theirs.sorted())
    }
}

extension TerraformTests {
    @Test("A broker's configuration block names the document it runs: connectors that reference the broker reach it")
    func brokerReferences() throws {
        let path = Self.folder.deletingLastPathComponent().appendingPathComponent("network/chain.tf").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let documents = TerraformFile.documents(in: bytes, path: path).documents
        #expect(documents.map(\.networkAliases) == [["aws_mq_broker.east."], ["aws_mq_broker.hub."], ["aws_mq_broker.west."]])
    }
}

extension TerraformTests {
    @Test("templatefile() and file() are followed: each file linted once with its resource's settings, findings there with a note at the call; missing variables and file()'s ${…} are findings")
    func followedFiles() throws {
        let folder = Self.folder.deletingLastPathComponent().appendingPathComponent("templatefile")
        let files = ["main.tf", "hub.xml.tftpl", "spoke.xml"].map { folder.appendingPathComponent($0).path }
        func lint(_ paths: [String]) throws -> LintReport {
            let hosts = HostInputs(try paths.map { LintInput(path: $0, bytes: .success(Array(try Data(contentsOf: URL(fileURLWithPath: $0))))) })
            return hosts.map(try Linter().lint(hosts.inputs))
        }
        let all = try lint(files)
        let alone = try lint([files[0]])
        let summary = { (report: LintReport) in
            report.findings.map { "\(($0.file ?? "").split(separator: "/").last ?? ""):\($0.line ?? 0):\($0.column ?? 0) \($0.code ?? "")" }.sorted()
        }
        #expect(summary(all) == ["hub.xml.tftpl:3:1 terraform-template-variable", "hub.xml.tftpl:4:130 terraform-template-variable",
                                 "spoke.xml:3:40 amazon-mq-sanitized", "spoke.xml:3:50 terraform-template-variable"])
        #expect(summary(alone) == summary(all), "the directory walk does not lint the followed files a second time")
        #expect(all.findings.allSatisfy { finding in finding.notes.contains { $0.file == files[0] && $0.message.hasPrefix("read by") } })
        // Amazon MQ's settings come from the resource: the followed file is judged under amazon-mq.
        #expect(all.findings.first { $0.code == "terraform-template-variable" }?.severity == .error)
        // Read on its own, the template is an ordinary template.
        let template = try lint([files[1]])
        #expect(!template.findings.contains { $0.code == "terraform-template-variable" })
    }
}

extension TerraformTests {
    @Test("Configurations that read each other's brokers are a dependency cycle Terraform refuses: one clear error")
    func generationCycle() {
        let broker = { (name: String, peer: String) in
            GeneratedConfiguration(fileName: "\(name).xml", broker: name, bytes: Array("""
                <broker xmlns="http://activemq.apache.org/schema/core"><networkConnectors><networkConnector name="x" userName="u" uri="static:(ssl://\(peer).example:61617)"/></networkConnectors></broker>
                """.utf8))
        }
        let spec = NetworkSpec(topology: .mesh, user: "u", brokers: [
            .init(name: "a", endpoints: ["ssl://a.example:61617"], terraform: "aws_mq_broker.a"),
            .init(name: "b", endpoints: ["ssl://b.example:61617"], terraform: "aws_mq_broker.b"),
        ])
        #expect(throws: TerraformNetworkError.self) { try TerraformNetwork.render([broker("a", "b"), broker("b", "a")], spec: spec, engineVersion: "5.18") }
        let one = try? TerraformNetwork.render([broker("a", "b")], spec: spec, engineVersion: "5.18")
        #expect(one.map { String(decoding: $0, as: UTF8.self).contains("static:(${aws_mq_broker.b.instances[0].endpoints[0]})") } == true)
    }
}
