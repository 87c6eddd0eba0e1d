import Foundation
import Testing

@Suite("activemq-config topology")
struct TopologyCommandTests {
    static let spec = Paths.repository.appendingPathComponent("Fixtures/topologies/source-sink.json").path

    @Test("generate writes a whole configuration per broker that declares connectors; refuses to overwrite without --force; --force rewrites the same bytes")
    func generate() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)/nested").path
        let first = runCLI(["topology", "generate", Self.spec, "--out", out])
        #expect(first.exitCode == 0)
        #expect(first.stdoutText == "\(out)/MyBroker1.xml\n")
        #expect(first.stderr == "MyBroker2: declares no connector; no file written (its configuration needs no change)\n")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/MyBroker1.xml"))
        let again = runCLI(["topology", "generate", Self.spec, "--out", out])
        #expect(again.exitCode == 1)
        #expect(again.stderr.hasSuffix("\(out)/MyBroker1.xml: error: already exists; nothing was written (use --force to overwrite)\n"))
        #expect(runCLI(["topology", "generate", Self.spec, "--out", out, "--force"]).exitCode == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/MyBroker1.xml")) == bytes)
        let selfManaged = runCLI(["topology", "generate", Self.spec, "--out", out + "/self", "--target", "activemq"])
        #expect(selfManaged.stdoutText.contains("MyBroker2-1.xml\n") && selfManaged.stdoutText.contains("MyBroker2-2.xml\n"))
    }

    @Test("A bad spec exits 1 with one error and writes nothing; an unreadable one exits 2")
    func badSpec() throws {
        let spec = try Paths.temporaryFile(#"{"topology":"hub-and-spokes","user":"u","hub":"Nope","brokers":[{"name":"A","endpoints":["ssl://a:61617"]}]}"#, name: "spec.json")
        let out = URL(fileURLWithPath: spec).deletingLastPathComponent().appendingPathComponent("out").path
        let run = runCLI(["topology", "generate", spec, "--out", out])
        #expect(run.exitCode == 1)
        #expect(run.stderr == "\(spec): error: the hub 'Nope' is not one of the brokers\n")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(runCLI(["topology", "generate", "/nonexistent.json", "--out", out]).exitCode == 2)
        #expect(runCLI(["topology", "graph", spec]).exitCode == 1)
    }

    @Test("graph and check")
    func graphAndCheck() throws {
        let graph = runCLI(["topology", "graph", Self.spec, "--format", "mermaid"])
        #expect(graph.exitCode == 0 && graph.stdoutText.hasPrefix("flowchart LR\n"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)").path
        #expect(runCLI(["topology", "generate", Self.spec, "--out", out]).exitCode == 0)
        let clean = runCLI(["topology", "check", Self.spec, out + "/MyBroker1.xml"])
        #expect(clean.exitCode == 0 && clean.stdout.isEmpty)
        try FileManager.default.copyItem(atPath: out + "/MyBroker1.xml", toPath: out + "/Unrelated.xml")
        let drifted = runCLI(["topology", "check", Self.spec, out + "/Unrelated.xml"])
        #expect(drifted.exitCode == 1)
        #expect(drifted.stdoutText.hasSuffix("\(Self.spec): error: no file configures broker 'MyBroker1', which declares connectors [topology-drift]\n"))
    }
}
