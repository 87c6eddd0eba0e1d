import ActiveMQConfig
import ActiveMQTopology
import Testing

/// Connector names: the spec's `connectorName` pattern and a link's own `name`, used by generate,
/// check and graph alike.
@Suite("Connector names")
struct ConnectorNameTests {
    static let one = "ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.us-east-2.amazonaws.com:61617"
    static let active = "ssl://b-9876l5k4-32ji-109h-8gfe-7d65c4b132a1-1.mq.us-east-2.amazonaws.com:61617"
    static let standby = "ssl://b-9876l5k4-32ji-109h-8gfe-7d65c4b132a1-2.mq.us-east-2.amazonaws.com:61617"

    static func spec(pattern: String? = nil, links: [NetworkSpec.Link]) -> NetworkSpec {
        NetworkSpec(topology: .sourceSink, user: "myCommonUser",
                    brokers: [.init(name: "MyBroker1", endpoints: [one]), .init(name: "MyBroker2", endpoints: [active, standby]),
                              .init(name: "MyBroker3", endpoints: ["ssl://b-3333-1.mq.us-east-2.amazonaws.com:61617"])],
                    links: links, connectorName: pattern)
    }

    @Test("The tutorial's connector_1_to_2 takes one spec line; generate and check agree on it")
    func tutorial() throws {
        let spec = Self.spec(pattern: "connector_{fromIndex}_to_{toIndex}", links: [.init(from: "MyBroker1", to: "MyBroker2")])
        let files = try TopologyGenerator.generate(spec, target: .amazonMQ)
        let broker1 = try #require(files.first { $0.broker == "MyBroker1" })
        let text = String(decoding: broker1.bytes, as: UTF8.self)
        #expect(text.contains("<networkConnector name=\"connector_1_to_2\" userName=\"myCommonUser\" duplex=\"true\" networkTTL=\"1\" uri=\"masterslave:(\(Self.active),\(Self.standby))\"/>"))
        let configurations = try files.map { ($0.fileName, try BrokerConfiguration(bytes: $0.bytes, path: $0.fileName)) }
        #expect(try TopologyCheck.check(spec, specPath: "spec.json", files: configurations).isEmpty)
    }

    @Test("A link names its own connector; the pattern names the rest")
    func explicitName() throws {
        let spec = Self.spec(pattern: "bridge_{from}_{to}", links: [
            .init(from: "MyBroker1", to: "MyBroker2", name: "to-the-pair"), .init(from: "MyBroker1", to: "MyBroker3"),
        ])
        let names = try NetworkTopology(spec).connectors.map(\.name)
        #expect(names == ["to-the-pair", "bridge_MyBroker1_MyBroker3"])
    }

    @Test("A bad pattern, or one that names two connectors of a broker alike, is refused", arguments: [
        ("connector_{source}", "unknown placeholder {source}"),
        ("connector_{from", "without its '}'"),
        ("connector_{from}", "would be named 'connector_MyBroker1'"),
    ])
    func refused(_ pattern: String, _ message: String) {
        let spec = Self.spec(pattern: pattern, links: [.init(from: "MyBroker1", to: "MyBroker2"), .init(from: "MyBroker1", to: "MyBroker3")])
        #expect(throws: NetworkSpecError.self) { try NetworkTopology(spec) }
        do {
            _ = try NetworkTopology(spec)
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
