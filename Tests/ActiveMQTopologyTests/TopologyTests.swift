import ActiveMQConfig
import ActiveMQLint
import ActiveMQTopology
import Foundation
import Testing

enum TopologyFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Fixtures/topologies")
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let topologies = ["source-sink", "hub-and-spokes", "concentrator", "tree", "mesh"]

    static func spec(_ name: String) throws -> NetworkSpec {
        try NetworkSpec.decode(Array(try Data(contentsOf: folder.appendingPathComponent("\(name).json"))))
    }

    struct Case: CustomStringConvertible, Sendable {
        var topology: String
        var target: ConfigurationTarget
        var description: String { "\(topology) (\(target))" }
    }

    static let cases = topologies.flatMap { topology in [Case(topology: topology, target: .amazonMQ), Case(topology: topology, target: .activeMQ)] }
}

@Suite("Topology generator")
struct TopologyTests {
    @Test("Each topology's generated files equal their golden files", arguments: TopologyFixtures.cases)
    func golden(_ example: TopologyFixtures.Case) throws {
        let files = try TopologyGenerator.generate(try TopologyFixtures.spec(example.topology), target: example.target)
        let folder = TopologyFixtures.folder.appendingPathComponent("\(example.topology)/\(example.target.rawValue)")
        let goldenNames = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.map(\.fileName).sorted() == goldenNames)
        for file in files {
            let golden = try Data(contentsOf: folder.appendingPathComponent(file.fileName))
            #expect(file.bytes == Array(golden), "\(file.fileName) differs from its golden file")
        }
    }

    @Test("Generated files lint with zero findings under the matching profile, cross-file rules included",
          arguments: TopologyFixtures.cases)
    func lintClean(_ example: TopologyFixtures.Case) throws {
        let spec = try TopologyFixtures.spec(example.topology)
        let files = try TopologyGenerator.generate(spec, target: example.target)
        var commandLine = LintCommandLine()
        commandLine.profile = example.target.rawValue
        commandLine.network = spec
        let report = try Linter(commandLine: commandLine).lint(files.map { LintInput(path: "out/\($0.fileName)", bytes: .success($0.bytes)) })
        #expect(report.findings.isEmpty, "\(report.findings.map(\.formatted))")
        #expect(report.files == files.count)
    }

    @Test("Amazon MQ files pass Amazon's XSD for every engine version; self-managed files pass ActiveMQ's",
          .enabled(if: FileManager.default.fileExists(atPath: TopologyFixtures.shared.path), "../shared is absent"),
          arguments: TopologyFixtures.cases)
    func schemaValid(_ example: TopologyFixtures.Case) throws {
        let files = try TopologyGenerator.generate(try TopologyFixtures.spec(example.topology), target: example.target)
        let schemas = example.target == .amazonMQ
            ? ["5.15.16", "5.16.7", "5.17.6", "5.18.4", "5.19.1"].map { "amazon-mq/amazon-mq-active-mq-\($0).xsd" }
            : ["activemq/activemq-5.17.2.xsd"]
        for schema in schemas {
            for file in files {
                let errors = try SchemaValidator.validate(file.bytes, path: file.fileName, schema: TopologyFixtures.shared.appendingPathComponent(schema).path)
                #expect(errors.isEmpty, "\(file.fileName) against \(schema): \(errors.map(\.message))")
            }
        }
    }

    @Test("The tutorial: MyBroker1 holds the tutorial's connector; static: to one endpoint, masterslave: to a pair")
    func tutorial() throws {
        var spec = try TopologyFixtures.spec("source-sink")
        let files = try TopologyGenerator.generate(spec, target: .amazonMQ)
        let broker1 = try BrokerConfiguration(bytes: try #require(files.first { $0.broker == "MyBroker1" }).bytes)
        let connector = try #require(broker1.brokers.first?.networkConnector(named: "connector_MyBroker1_to_MyBroker2"))
        #expect(connector.userName == .literal("myCommonUser"))
        #expect(try connector.duplex == .literal(true))
        #expect(try connector.uri?.literal?.text == "masterslave:(\(spec.brokers[1].endpoints[0]),\(spec.brokers[1].endpoints[1]))")
        #expect(connector.password == nil)
        spec.brokers[1].endpoints.removeLast()
        let single = try TopologyGenerator.generate(spec, target: .amazonMQ)
        let text = String(decoding: try #require(single.first { $0.broker == "MyBroker1" }).bytes, as: UTF8.self)
        #expect(text.contains("<networkConnector name=\"connector_MyBroker1_to_MyBroker2\" userName=\"myCommonUser\" duplex=\"true\" networkTTL=\"1\" uri=\"static:(\(spec.brokers[1].endpoints[0]))\"/>"))
    }

    @Test("Hops: source-sink and mesh 1, hub-and-spokes 2, a three-level tree 4, a one-way concentrator 1")
    func networkTTL() throws {
        let expected = ["source-sink": 1, "hub-and-spokes": 2, "tree": 4, "mesh": 1, "concentrator": 1]
        for (name, ttl) in expected {
            let topology = try NetworkTopology(try TopologyFixtures.spec(name))
            #expect(Set(topology.connectors.map(\.networkTTL)) == [ttl], "\(name)")
        }
        let concentrator = try NetworkTopology(try TopologyFixtures.spec("concentrator"))
        #expect(concentrator.connectors.allSatisfy { !$0.duplex })
        #expect(concentrator.connectors.count == 6)
        let tree = try NetworkTopology(try TopologyFixtures.spec("tree"))
        #expect(tree.connectors.map { tree.name(of: $0) }.sorted() == [
            "connector_Region1_to_Root", "connector_Region2_to_Root", "connector_Store1_to_Region1",
            "connector_Store2_to_Region1", "connector_Store3_to_Region2", "connector_Store4_to_Region2",
        ])
        let mesh = try NetworkTopology(try TopologyFixtures.spec("mesh"))
        #expect(mesh.connectors.count == 6)  // the West→East link is merged with the implied East→West
        #expect(mesh.connectors.contains { mesh.name(of: $0) == "connector_East_to_West" })
    }

    static let badSpecs: [(String, String)] = [
        (#"{"topology":"source-sink","user":"u","brokers":[{"name":"A","endpoints":["ssl://a:1"]}],"links":[{"from":"A","to":"B"}]}"#,
         "link target 'B' is not one of the brokers"),
        (#"{"topology":"hub-and-spokes","user":"u","hub":"H","brokers":[{"name":"A","endpoints":["ssl://a:1"]}]}"#,
         "the hub 'H' is not one of the brokers"),
        (#"{"topology":"mesh","user":"u","brokers":[{"name":"A","endpoints":["ssl://a:1","ssl://b:1","ssl://c:1"]}]}"#,
         "broker 'A' has 3 endpoints: one for a single-instance broker, two for an active/standby pair"),
        (#"{"topology":"mesh","user":"u","brokers":[{"name":"A","endpoints":["ssl://a:1"]},{"name":"A","endpoints":["ssl://b:1"]}]}"#,
         "duplicate broker name 'A'"),
        (#"{"topology":"tree","user":"u","brokers":[{"name":"A","endpoints":["ssl://a:1"]},{"name":"B","endpoints":["ssl://b:1"]},{"name":"C","endpoints":["ssl://c:1"]}],"layers":[["A","B"],["C"]],"links":[{"from":"A","to":"B"}]}"#,
         "the link between 'A' and 'B' makes a cycle in the tree"),
        (#"{"topology":"mesh","brokers":[{"name":"A","endpoints":["ssl://a:1"]}]}"#,
         "'user' is required: every connector authenticates as the network's common user"),
        (#"{"topology":"mesh","user":"u","brokers":[{"name":"A","endpoints":["ssl://a"]}]}"#,
         "endpoint 'ssl://a' of broker 'A' is not a valid URI: character 8: missing port: 'ssl://' needs ':PORT' after the host"),
        (#"{"topology":"star","user":"u","brokers":[]}"#, "'topology' must be one of source-sink, hub-and-spokes, concentrator, tree, mesh"),
        (#"{"topology":"mesh","user":"u"}"#, "missing field 'brokers'"),
    ]

    @Test("Bad specs give one clear error each", arguments: badSpecs)
    func badSpec(_ json: String, _ message: String) {
        let reported: String
        do {
            let spec = try NetworkSpec.decode(Array(json.utf8))
            _ = try TopologyGenerator.generate(spec, target: .amazonMQ)
            reported = "no error"
        } catch let failure as NetworkSpecError {
            reported = failure.message
        } catch let failure as TopologyError {
            reported = failure.message
        } catch {
            reported = "\(error)"
        }
        #expect(reported == message)
    }

    @Test("Amazon MQ needs ssl:// endpoints")
    func amazonNeedsTLS() throws {
        let spec = NetworkSpec(topology: .sourceSink, user: "u", brokers: [.init(name: "A", endpoints: ["tcp://a:61616"]), .init(name: "B", endpoints: ["tcp://b:61616"])],
                               links: [.init(from: "A", to: "B")])
        let error = #expect(throws: TopologyError.self) { try TopologyGenerator.generate(spec, target: .amazonMQ) }
        #expect(error?.message == "A: network connector 'connector_A_to_B' uses 'tcp://'; Amazon MQ accepts ssl:// only [insecure-transport]")
        #expect(error?.findings.map { "\($0.file ?? ""):\($0.line ?? 0) [\($0.code ?? "")]" } == ["A.xml:\(error?.findings.first?.line ?? 0) [insecure-transport]"])
        #expect(error?.findings.first?.line ?? 0 > 1)
        #expect(try TopologyGenerator.generate(spec, target: .activeMQ).count == 2)
    }

    @Test("--base: connectors inserted with minimal-diff edits; re-running on its own output changes nothing")
    func base() throws {
        let base = try BrokerConfiguration(bytes: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <broker xmlns="http://activemq.apache.org/schema/core" schedulePeriodForDestinationPurge="10000">
              <destinationPolicy/>
              <!-- our plugins -->
              <plugins>
                <statisticsBrokerPlugin/>
              </plugins>
            </broker>

            """.utf8))
        let spec = try TopologyFixtures.spec("hub-and-spokes")
        let first = try TopologyGenerator.generate(spec, target: .amazonMQ, base: base)
        let spoke = try #require(first.first { $0.broker == "Spoke1" })
        let text = String(decoding: spoke.bytes, as: UTF8.self)
        #expect(text.contains("  <destinationPolicy/>\n  <networkConnectors>\n    <networkConnector name=\"connector_Spoke1_to_Hub\""))
        #expect(text.contains("  <!-- our plugins -->\n  <plugins>"))
        let again = try TopologyGenerator.generate(spec, target: .amazonMQ, base: try BrokerConfiguration(bytes: spoke.bytes))
        #expect(try #require(again.first { $0.broker == "Spoke1" }).bytes == spoke.bytes)
        // And generating twice gives the same bytes.
        #expect(try TopologyGenerator.generate(spec, target: .activeMQ) == TopologyGenerator.generate(spec, target: .activeMQ))
    }

    @Test("A file is matched to its spec broker by brokerName, else by name, pair members included")
    func fileMatching() throws {
        let spec = try TopologyFixtures.spec("source-sink")
        #expect(spec.broker(forFile: "out/MyBroker1.xml", brokerName: nil)?.name == "MyBroker1")
        #expect(spec.broker(forFile: "out/MyBroker2-2.xml", brokerName: nil)?.name == "MyBroker2")
        #expect(spec.broker(forFile: "out/MyBroker1-1.xml", brokerName: nil) == nil)  // not a pair
        #expect(spec.broker(forFile: "whatever.xml", brokerName: "MyBroker2")?.name == "MyBroker2")
        #expect(NetworkSpec.fileStem("a/b.c/MyBroker1.xml") == "MyBroker1")
    }

    @Test("graph: a pair is one node with two endpoints, an arrow per connector")
    func graph() throws {
        let spec = try TopologyFixtures.spec("source-sink")
        let dot = try TopologyGraph.draw(spec, format: .dot)
        #expect(dot.hasPrefix("digraph network {"))
        #expect(dot.contains("\"MyBroker2\" [label=\"MyBroker2 (active/standby)\\nssl://b-9876l5k4"))
        #expect(dot.contains("\"MyBroker1\" -> \"MyBroker2\" [label=\"connector_MyBroker1_to_MyBroker2 (networkTTL 1)\", dir=both];"))
        let mermaid = try TopologyGraph.draw(try TopologyFixtures.spec("concentrator"), format: .mermaid)
        #expect(mermaid.contains("b2 -->|connector_Broker3_to_Broker1| b0"))
    }

    @Test("check: files that implement the spec pass; drift is reported where it is")
    func check() throws {
        let spec = try TopologyFixtures.spec("hub-and-spokes")
        let files = try TopologyGenerator.generate(spec, target: .amazonMQ)
        let parsed = try files.map { ("out/\($0.fileName)", try BrokerConfiguration(bytes: $0.bytes)) }
        #expect(try TopologyCheck.check(spec, specPath: "spec.json", files: parsed).isEmpty)
        var drifted = parsed
        var spoke = parsed[0].1
        #expect(parsed[0].0 == "out/Spoke1.xml")
        try spoke.updateNetworkConnector(named: "connector_Spoke1_to_Hub",
                                         NetworkConnectorChange().userName("someoneElse"))
        drifted[0] = (parsed[0].0, spoke)
        drifted.removeLast()
        let line = try #require(spoke.brokers.first?.networkConnectors.first?.element.position.line)
        let drift = try TopologyCheck.check(spec, specPath: "spec.json", files: drifted).map(\.formatted)
        #expect(drift == [
            "out/Spoke1.xml:\(line):5: error: connector 'connector_Spoke1_to_Hub' has userName 'someoneElse', the spec says 'myCommonUser' [topology-drift]",
            "spec.json: error: no file configures broker 'Spoke3', which declares connectors [topology-drift]",
        ])
    }
}
