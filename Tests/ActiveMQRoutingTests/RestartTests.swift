import ActiveMQConfig
import ActiveMQRouting
import Foundation
import Testing

/// `stop` and `start` steps: what a broker's store keeps, how bridges come back, and where a
/// `masterslave:` connector reconnects (the scenarios `restart-*` and `masterslave-failover` show
/// the same on ActiveMQ 5.17.2).
@Suite("Restarts and failover")
struct RestartTests {
    typealias Fixture = SimulatorTests

    /// A⇒B, with B's `<broker>` attributes.
    static func pair(_ attributes: String) throws -> RoutingNetwork {
        try Fixture.network([
            ("A", Fixture.broker("A", port: 1, connectors: Fixture.connector("a_b", to: "B", port: 2))),
            ("B", Fixture.broker("B", port: 2, attributes: attributes)),
        ])
    }

    /// A consumer on B holds 10 persistent and 10 non-persistent messages from A; B restarts; a
    /// new consumer on B gets what B's store kept.
    static func heldAcrossRestart(_ network: RoutingNetwork) -> [MessageCount] {
        Simulator(network: network).run([
            .consume(.init(id: "holder", broker: 1, destination: .queue("Q"), acknowledges: false)),
            .produce(broker: 0, destination: .queue("Q"), count: 10, properties: [:]),
            .produce(broker: 0, destination: .queue("Q"), count: 10, properties: [:], persistent: false),
            .stop(broker: 1), .start(broker: 1),
            .consume(.init(id: "after", broker: 1, destination: .queue("Q"))),
        ]).consumers.map(\.received)
    }

    @Test("A store keeps persistent messages only; persistent=\"false\", a memory store or deleteAllMessagesOnStartup keep none",
          arguments: [("", 10), (" persistent=\"false\"", 0), (" deleteAllMessagesOnStartup=\"true\"", 0)])
    func store(_ example: (attributes: String, kept: Int)) throws {
        #expect(Self.heldAcrossRestart(try Self.pair(example.attributes)) == [MessageCount(20), MessageCount(example.kept)])
    }

    @Test("A <memoryPersistenceAdapter> keeps nothing across a restart")
    func memoryStore() throws {
        let network = try Fixture.network([
            ("A", Fixture.broker("A", port: 1, connectors: Fixture.connector("a_b", to: "B", port: 2))),
            ("B", Fixture.broker("B", port: 2, more: "<persistenceAdapter><memoryPersistenceAdapter/></persistenceAdapter>")),
        ])
        #expect(Self.heldAcrossRestart(network) == [MessageCount(20), MessageCount(0)])
    }

    @Test("While the remote broker is stopped, messages wait where they were sent, and go once it is back")
    func bridgeComesBack() throws {
        let prediction = Simulator(network: try Self.pair("")).run([
            .stop(broker: 1),
            .produce(broker: 0, destination: .queue("Q"), count: 20, properties: [:]),
            .start(broker: 1),
            .consume(.init(id: "b", broker: 1, destination: .queue("Q"))),
        ])
        #expect(prediction.consumers.map(\.received) == [MessageCount(20)])
        #expect(prediction.residue.isEmpty)
    }

    @Test("A masterslave: connector reaches the first running member of its list, and stays when an earlier one returns")
    func masterSlave() throws {
        // The list names B2 first: the order of the list decides, not the order of the brokers.
        let network = try Fixture.network([
            ("A", Fixture.broker("A", port: 1, connectors:
                "<networkConnector name=\"pair\" userName=\"u\" uri=\"masterslave:(tcp://b2.example:3,tcp://b1.example:2)\"/>")),
            ("B1", Fixture.broker("B1", port: 2)),
            ("B2", Fixture.broker("B2", port: 3)),
        ])
        #expect(network.bridges.map(\.rank).sorted() == [0, 1])
        #expect(Set(network.bridges.compactMap(\.group)) == [0])
        let prediction = Simulator(network: network).run([
            .consume(.init(id: "one", broker: 1, destination: .queue("Q"))),
            .consume(.init(id: "two", broker: 2, destination: .queue("Q"))),
            .produce(broker: 0, destination: .queue("Q"), count: 10, properties: [:]),
            .stop(broker: 2),
            .produce(broker: 0, destination: .queue("Q"), count: 10, properties: [:]),
            .start(broker: 2),
            .consume(.init(id: "two-again", broker: 2, destination: .queue("Q"))),
            .produce(broker: 0, destination: .queue("Q"), count: 10, properties: [:]),
        ])
        #expect(prediction.consumers.map { "\($0.id) \($0.received)" } == ["one 20", "two 10", "two-again 0"])
    }

    /// A scenario in the `restart-keeps-persistent` fixture's folder, so that its brokers are read.
    func predict(_ steps: String) -> String? {
        let folder = ScenarioTests.folder.appendingPathComponent("restart-keeps-persistent").path
        let text = #"{"engineVersion": "5.17.2", "brokers": [{"name": "A", "config": "A.xml"}, {"name": "B", "config": "B.xml"}], "steps": [\#(steps)]}"#
        do {
            let scenario = try Scenario(bytes: Array(text.utf8), path: folder + "/s.json")
            _ = try scenario.predict()
            return nil
        } catch {
            return error.message
        }
    }

    @Test("Steps on a stopped broker, a second stop, a start of a running broker and ending stopped are refused; a durable subscriber across a restart is played")
    func refusals() {
        #expect(predict(#"{"stop": {"broker": "B"}}, {"start": {"broker": "B"}}"#) == nil)
        #expect(predict(#"{"stop": {"broker": "B"}}, {"produce": {"broker": "B", "destination": "queue://Q", "count": 1}}, {"start": {"broker": "B"}}"#)?
            .contains("a produce step sends on B, which a stop step stopped") == true)
        #expect(predict(#"{"stop": {"broker": "B"}}, {"consume": {"id": "c", "broker": "B", "destination": "queue://Q"}}, {"start": {"broker": "B"}}"#)?
            .contains("consumer 'c' opens on B") == true)
        #expect(predict(#"{"stop": {"broker": "B"}}, {"stop": {"broker": "B"}}"#)?.contains("stopped already") == true)
        #expect(predict(#"{"start": {"broker": "B"}}"#)?.contains("runs already") == true)
        #expect(predict(#"{"stop": {"broker": "B"}}"#)?.contains("end with B stopped") == true)
        let durable = #"{"consume": {"id": "d", "broker": "A", "destination": "topic://T", "durable": {"clientId": "c", "subscription": "s"}}}"#
        #expect(predict(#"\#(durable), {"stop": {"broker": "B"}}, {"start": {"broker": "B"}}"#) == nil)
    }

    @Test("Temporary destinations: one consumer's own; a send needs one alive; closing or stopping its broker deletes it")
    func temporaries() {
        let temp = #"{"consume": {"id": "r", "broker": "A", "destination": "temp-queue://replies"}}"#
        let send = #"{"produce": {"broker": "B", "destination": "temp-queue://replies", "count": 1}}"#
        #expect(predict("\(temp), \(send)") == nil)
        #expect(predict(#"\#(temp), {"consume": {"id": "other", "broker": "B", "destination": "temp-queue://replies"}}"#)?
            .contains("belongs to consumer 'r'") == true)
        #expect(predict(send)?.contains("which no open consumer has created") == true)
        #expect(predict(#"\#(temp), {"close": {"id": "r"}}, \#(send)"#)?.contains("which no open consumer has created") == true)
        #expect(predict(#"\#(temp), {"stop": {"broker": "A"}}, {"start": {"broker": "A"}}, \#(send)"#)?.contains("which no open consumer has created") == true)
        // After its consumer closed, the name may be created again.
        #expect(predict(#"\#(temp), {"close": {"id": "r"}}, {"consume": {"id": "again", "broker": "A", "destination": "temp-queue://replies"}}, \#(send)"#) == nil)
    }

    @Test("syncDurableSubs with a durable subscriber and a restart is refused at the connector")
    func syncDurableSubs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("restart-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixture.broker("A", port: 1, connectors: Fixture.connector("a_b", to: "B", port: 2, "syncDurableSubs=\"true\""))
            .write(to: folder.appendingPathComponent("A.xml"), atomically: true, encoding: .utf8)
        try Fixture.broker("B", port: 2).write(to: folder.appendingPathComponent("B.xml"), atomically: true, encoding: .utf8)
        let text = #"{"engineVersion": "5.17.2", "brokers": [{"name": "A", "config": "A.xml"}, {"name": "B", "config": "B.xml"}], "steps": ["#
            + #"{"consume": {"id": "d", "broker": "B", "destination": "topic://T", "durable": {"clientId": "c", "subscription": "s"}}}, "#
            + #"{"stop": {"broker": "B"}}, {"start": {"broker": "B"}}]}"#
        let scenario = try Scenario(bytes: Array(text.utf8), path: folder.appendingPathComponent("s.json").path)
        #expect(throws: RoutingError.self) { try scenario.predict() }
        do {
            _ = try scenario.predict()
        } catch {
            #expect(error.file?.hasSuffix("A.xml") == true && error.line == 4)
            #expect(error.message.contains("syncDurableSubs"))
        }
    }

    @Test("A bridge's durable subscription goes offline with its bridge; a conduit restarted with it in its broker's store reactivates it unless dynamicOnly",
          arguments: [("", "B"), (" dynamicOnly=\"true\"", "A"), (" conduitSubscriptions=\"false\"", "A")])
    func durableAcrossRestart(_ example: (attributes: String, holder: String)) throws {
        let network = try Fixture.network([
            ("A", Fixture.broker("A", port: 1, connectors: Fixture.connector("a_b", to: "B", port: 2, example.attributes))),
            ("B", Fixture.broker("B", port: 2)),
        ])
        let identity = Scenario.Durable(clientId: "reader", subscription: "news")
        let prediction = Simulator(network: network).run([
            .consume(.init(id: "d", broker: 1, destination: .topic("T"), durable: identity)),
            .produce(broker: 0, destination: .topic("T"), count: 5, properties: [:]),
            .close(id: "d"),
            .stop(broker: 0), .start(broker: 0),
            .produce(broker: 0, destination: .topic("T"), count: 10, properties: [:]),
        ])
        #expect(prediction.residue.map { "\($0.broker) \($0.messages)" } == ["\(example.holder) 10"])
        // The subscriber comes back: whatever was held reaches it.
        let back = Simulator(network: network).run([
            .consume(.init(id: "d", broker: 1, destination: .topic("T"), durable: identity)),
            .close(id: "d"),
            .stop(broker: 0), .start(broker: 0),
            .produce(broker: 0, destination: .topic("T"), count: 10, properties: [:]),
            .consume(.init(id: "again", broker: 1, destination: .topic("T"), durable: identity)),
        ])
        #expect(back.consumers.map(\.received) == [MessageCount(0), MessageCount(10)])
        #expect(back.residue.isEmpty)
    }

    @Test("A returning durable subscriber gets each kept message once: its broker's store holds it, the bridge's kept copy is not delivered again; a live subscriber beside it gets both copies")
    func durableStoreHoldsOnce() throws {
        // C's duplex connector to A without conduit: A's bridge has a subscription per consumer,
        // and deactivates the durable one when its subscriber goes (A keeps what it would forward).
        let network = try Fixture.network([
            ("A", Fixture.broker("A", port: 1)),
            ("C", Fixture.broker("C", port: 2, connectors: Fixture.connector("c_a", to: "A", port: 1, #"duplex="true" conduitSubscriptions="false""#))),
        ])
        let identity = Scenario.Durable(clientId: "reader", subscription: "s")
        let prediction = Simulator(network: network).run([
            .consume(.init(id: "d", broker: 1, destination: .topic("T"), durable: identity)),
            .consume(.init(id: "live", broker: 1, destination: .topic("T"))),
            .close(id: "d"),
            .produce(broker: 0, destination: .topic("T"), count: 10, properties: [:]),
            .consume(.init(id: "back", broker: 1, destination: .topic("T"), durable: identity)),
        ])
        // Observed on 5.17.2 (a random scenario): the live consumer 20, the returning one 10.
        #expect(prediction.consumers.map(\.received) == [MessageCount(0), MessageCount(20), MessageCount(10)])
        #expect(prediction.residue.isEmpty)
    }
}
