import ActiveMQConfig
import ActiveMQLint
import ActiveMQTopology
import Foundation
import Testing

/// With `--target amazon-mq`, every generated file is a whole configuration, safe to paste as a new
/// revision: the broker's own, else Amazon MQ's default, with only its connectors changed.
@Suite("Paste-safe Amazon MQ generation")
struct PasteSafeTests {
    static let defaultBytes = Array(AmazonMQDefaultConfiguration.text.utf8)

    @Test("The carried default is Amazon MQ's revision 1, byte for byte", .enabled(if: FileManager.default.fileExists(atPath: TopologyFixtures.shared.path)))
    func carriedDefault() throws {
        let shared = try Data(contentsOf: TopologyFixtures.shared.appendingPathComponent("amazon-mq/defaults/activemq-default-configuration-revision1.xml"))
        #expect(Self.defaultBytes == Array(shared))
    }

    @Test("The tutorial: one spec, one command; MyBroker1.xml is the default plus connector_1_to_2, and lints clean")
    func tutorial() throws {
        let files = try TopologyGenerator.generate(try TopologyFixtures.spec("tutorial"), target: .amazonMQ)
        #expect(files.map(\.fileName) == ["MyBroker1.xml"])
        let golden = try Data(contentsOf: TopologyFixtures.folder.appendingPathComponent("tutorial/amazon-mq/MyBroker1.xml"))
        #expect(files[0].bytes == Array(golden))
        #expect(String(decoding: files[0].bytes, as: UTF8.self).contains("<networkConnector name=\"connector_1_to_2\""))
        let findings = try Linter(profile: .amazonMQ(.v5_18)).lint([LintInput(path: "MyBroker1.xml", bytes: .success(files[0].bytes))]).findings
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
    }

    /// The lines of `b` that are not in `a` and the other way round, outside <networkConnectors>.
    static func differencesOutsideConnectors(_ a: [UInt8], _ b: [UInt8]) -> Int {
        func outside(_ bytes: [UInt8]) -> [Substring] {
            let text = String(decoding: bytes, as: UTF8.self)
            var lines: [Substring] = []
            var inside = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.contains("<networkConnectors>") { inside = true }
                if !inside { lines.append(line) }
                if line.contains("</networkConnectors>") { inside = false }
            }
            return lines
        }
        return outside(a) == outside(b) ? 0 : 1
    }

    @Test("All five topologies from per-broker bases: each file differs from its base only inside <networkConnectors>, lints clean with the spec, passes check",
          arguments: ["source-sink", "hub-and-spokes", "concentrator", "tree", "mesh"])
    func fromBases(_ topology: String) throws {
        let spec = try TopologyFixtures.spec(topology)
        // Each broker's own configuration: the default with its own marker, and a hand-written connector.
        var bases: [String: BrokerConfiguration] = [:]
        for broker in spec.brokers {
            let text = AmazonMQDefaultConfiguration.text.replacingOccurrences(
                of: "<plugins>", with: "<plugins>\n    <!-- \(broker.name)'s own plugins -->")
            bases[broker.name] = try BrokerConfiguration(bytes: Array(text.utf8), path: "\(broker.name).xml")
        }
        let files = try TopologyGenerator.generate(spec, target: .amazonMQ, bases: bases)
        for file in files {
            let base = try #require(bases[file.broker]).bytes
            #expect(Self.differencesOutsideConnectors(base, file.bytes) == 0, "\(file.fileName)")
            #expect(String(decoding: file.bytes, as: UTF8.self).contains("<!-- \(file.broker)'s own plugins -->"))
        }
        let report = try Linter(profile: .amazonMQ(.v5_18), network: spec).lint(files.map { LintInput(path: "out/\($0.fileName)", bytes: .success($0.bytes)) })
        #expect(report.findings.isEmpty, "\(report.findings.map(\.formatted))")
        let parsed = try files.map { ("out/\($0.fileName)", try BrokerConfiguration(bytes: $0.bytes)) }
        #expect(try TopologyCheck.check(spec, specPath: "spec.json", files: parsed).isEmpty)
    }

    @Test("Regenerating over earlier output is idempotent, keeps hand-written connectors, and removes the ones the spec dropped")
    func idempotent() throws {
        let spec = try TopologyFixtures.spec("hub-and-spokes")
        let first = try TopologyGenerator.generate(spec, target: .amazonMQ)
        var bases: [String: BrokerConfiguration] = [:]
        for file in first { bases[file.broker] = try BrokerConfiguration(bytes: file.bytes, path: file.fileName) }
        // A hand-written connector beside the generated one.
        var spoke1 = try #require(bases["Spoke1"])
        try spoke1.addNetworkConnector(
            NetworkConnectorDefinition(name: "legacy_bridge", to: .broker("ssl://b-5555-1.mq.us-east-2.amazonaws.com:61617")).userName("myCommonUser"), target: .amazonMQ)
        bases["Spoke1"] = spoke1
        let again = try TopologyGenerator.generate(spec, target: .amazonMQ, bases: bases)
        for file in again { #expect(file.bytes == bases[file.broker]?.bytes, "\(file.fileName) changed on regeneration") }
        // Spoke3 leaves the network: its generated connector goes, a hand-written one would stay.
        var smaller = spec
        smaller.brokers.removeAll { $0.name == "Spoke3" }
        let fewer = try TopologyGenerator.generate(smaller, target: .amazonMQ, bases: bases)
        #expect(fewer.map(\.broker).sorted() == ["Spoke1", "Spoke2"])
        let spokeText = String(decoding: try #require(fewer.first { $0.broker == "Spoke1" }).bytes, as: UTF8.self)
        #expect(spokeText.contains("legacy_bridge") && spokeText.contains("connector_Spoke1_to_Hub"))
        // With Hub gone too, the generated connector is removed, the hand-written one kept.
        var hubless = smaller
        hubless.hub = "Spoke2"
        let rewired = try TopologyGenerator.generate(hubless, target: .amazonMQ, bases: bases)
        let rewiredText = String(decoding: try #require(rewired.first { $0.broker == "Spoke1" }).bytes, as: UTF8.self)
        #expect(rewiredText.contains("legacy_bridge") && !rewiredText.contains("connector_Spoke1_to_Hub") && rewiredText.contains("connector_Spoke1_to_Spoke2"))
    }

    @Test("Ownership follows the name pattern")
    func ownership() throws {
        let spec = NetworkSpec(topology: .sourceSink, user: "u", brokers: [.init(name: "A", endpoints: ["ssl://a:61617"]), .init(name: "B", endpoints: ["ssl://b:61617"])],
                               links: [.init(from: "A", to: "B", name: "special")], connectorName: "connector_{fromIndex}_to_{toIndex}")
        let owns = TopologyGenerator.ownership(spec, try NetworkTopology(spec))
        #expect(owns("connector_1_to_2") && owns("connector_12_to_3") && owns("special"))
        #expect(!owns("connector_a_to_b") && !owns("legacy") && !owns("connector_1_to_"))
    }
}
