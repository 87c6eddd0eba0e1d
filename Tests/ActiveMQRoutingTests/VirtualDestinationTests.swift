import ActiveMQConfig
import ActiveMQRouting
import Foundation
import Testing

/// Virtual topics and composite destinations in the forwarding model (`network-routing.md` §1.14);
/// the cases real brokers decided are the scenarios `virtual-*` and `composite-*` of
/// `Fixtures/scenarios`, these are the rest.
@Suite("Virtual destinations")
struct VirtualDestinationTests {
    typealias S = SimulatorTests

    static func interceptors(_ inner: String) -> String {
        "<destinationInterceptors><virtualDestinationInterceptor><virtualDestinations>\(inner)</virtualDestinations></virtualDestinationInterceptor></destinationInterceptors>"
    }

    static let duplex = S.connector("a_b", to: "B", port: 2, "duplex=\"true\"")

    @Test("A virtual topic copies only into consumer queues that exist on the broker: none, nothing copied; one consumer's queue, copied there")
    func copiesIntoExistingQueues() throws {
        let network = try S.network([("A", S.broker("A", port: 1)), ("B", S.broker("B", port: 2))])
        let before = Simulator(network: network).run([
            .produce(broker: 0, destination: .topic("VirtualTopic.Orders"), count: 5, properties: [:]),
            .consume(.init(id: "q", broker: 0, destination: .queue("Consumer.X.VirtualTopic.Orders"))),
        ])
        #expect(before.consumers[0].received == .zero && before.residue.isEmpty)
        let after = Simulator(network: network).run([
            .consume(.init(id: "q", broker: 0, destination: .queue("Consumer.X.VirtualTopic.Orders"))),
            .close(id: "q"),
            .produce(broker: 0, destination: .topic("VirtualTopic.Orders"), count: 5, properties: [:]),
        ])
        #expect(after.residue.map(\.messages) == [MessageCount(5)], "the queue stays when its consumer goes, and keeps the copies")
    }

    @Test("Written <destinationInterceptors> replace the default virtual topic; useVirtualTopics=\"false\" turns it off")
    func defaultVirtualTopic() throws {
        let steps: [Simulator.Step] = [.consume(.init(id: "q", broker: 0, destination: .queue("Consumer.X.VirtualTopic.Orders"))),
                                       .produce(broker: 0, destination: .topic("VirtualTopic.Orders"), count: 5, properties: [:])]
        let plain = try S.network([("A", S.broker("A", port: 1))])
        #expect(Simulator(network: plain).run(steps).consumers[0].received == MessageCount(5))
        let off = try S.network([("A", S.broker("A", port: 1, attributes: " useVirtualTopics=\"false\""))])
        #expect(Simulator(network: off).run(steps).consumers[0].received == .zero)
        let other = try S.network([("A", S.broker("A", port: 1, more: Self.interceptors("<compositeQueue name=\"X\"><forwardTo><queue physicalName=\"Y\"/></forwardTo></compositeQueue>")))])
        #expect(Simulator(network: other).run(steps).consumers[0].received == .zero)
        let custom = try S.network([("A", S.broker("A", port: 1, more: Self.interceptors("<virtualTopic name=\"Orders.>\" prefix=\"VQ.*.\" postfix=\".in\"/>")))])
        let customSteps: [Simulator.Step] = [.consume(.init(id: "q", broker: 0, destination: .queue("VQ.billing.Orders.eu.in"))),
                                             .produce(broker: 0, destination: .topic("Orders.eu"), count: 3, properties: [:])]
        #expect(Simulator(network: custom).run(customSteps).consumers[0].received == MessageCount(3))
    }

    @Test("With the queue audit off, the second copies of a virtual topic's messages reach the queue, and what comes of them is a range")
    func auditOffIsARange() throws {
        let audited = try S.network([("A", S.broker("A", port: 1, connectors: Self.duplex)), ("B", S.broker("B", port: 2))])
        let off = try S.network([
            ("A", S.broker("A", port: 1, connectors: Self.duplex)),
            ("B", S.broker("B", port: 2, more: "<destinationPolicy><policyMap><policyEntries><policyEntry queue=\">\" enableAudit=\"false\"/></policyEntries></policyMap></destinationPolicy>")),
        ])
        let steps: [Simulator.Step] = [.consume(.init(id: "q", broker: 1, destination: .queue("Consumer.X.VirtualTopic.Orders"))),
                                       .consume(.init(id: "t", broker: 1, destination: .topic("VirtualTopic.Orders"))),
                                       .produce(broker: 0, destination: .topic("VirtualTopic.Orders"), count: 20, properties: [:])]
        #expect(Simulator(network: audited).run(steps).consumers[0].received == MessageCount(20))
        let queue = Simulator(network: off).run(steps).consumers[0]
        #expect(queue.received.min < 20 && queue.received.max == 40 && queue.received.reasons == [.timing])
        #expect(queue.unique.max == 20)
    }

    @Test("useVirtualDestSubs on one end only makes no demand for the composite; filtered targets take the messages their selector matches")
    func virtualDestSubsNeedsBothEnds() throws {
        let composite = Self.interceptors("<compositeQueue name=\"in\"><forwardTo><filteredDestination selector=\"region = 'eu'\" queue=\"work.eu\"/><queue physicalName=\"work.all\"/></forwardTo></compositeQueue>")
        let steps: [Simulator.Step] = [.consume(.init(id: "eu", broker: 1, destination: .queue("work.eu"))),
                                       .produce(broker: 0, destination: .queue("in"), count: 4, properties: ["region": .string("eu")]),
                                       .produce(broker: 0, destination: .queue("in"), count: 6, properties: ["region": .string("us")])]
        let connectorOnly = try S.network([
            ("A", S.broker("A", port: 1, connectors: S.connector("a_b", to: "B", port: 2, "useVirtualDestSubs=\"true\""))),
            ("B", S.broker("B", port: 2, more: composite)),
        ])
        #expect(Simulator(network: connectorOnly).run(steps).consumers[0].received == .zero)
        let both = try S.network([
            ("A", S.broker("A", port: 1, connectors: S.connector("a_b", to: "B", port: 2, "useVirtualDestSubs=\"true\""))),
            ("B", S.broker("B", port: 2, attributes: " useVirtualDestSubs=\"true\"", more: composite)),
        ])
        let prediction = Simulator(network: both).run(steps)
        #expect(prediction.consumers[0].received == MessageCount(4))
        #expect(prediction.residue.map { "\($0.broker) \($0.destination) \($0.messages)" } == ["B queue://work.all 10"])
    }

    @Test("What the model does not play is refused at its place: selectorAware virtual topics, useVirtualDestSubsOnCreation")
    func refusals() throws {
        #expect(throws: RoutingError.self) {
            try S.network([("A", S.broker("A", port: 1, more: Self.interceptors("<virtualTopic name=\">\" selectorAware=\"true\"/>")))])
        }
        #expect(throws: RoutingError.self) {
            try S.network([("A", S.broker("A", port: 1, attributes: " useVirtualDestSubs=\"true\" useVirtualDestSubsOnCreation=\"true\""))])
        }
        let error = #expect(throws: RoutingError.self) {
            try S.network([("A", S.broker("A", port: 1, more: Self.interceptors("<virtualTopic name=\">\" selectorAware=\"true\"/>")))])
        }
        #expect(error?.line == 2 && error?.message.contains("selectorAware") == true)
    }

    @Test("A consumer of a composite destination (A,B) is refused: AMQ-9262 changed its demand, and the effect before is unknown")
    func compositeConsumerIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("composite-consumer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(S.broker("A", port: 1).utf8).write(to: folder.appendingPathComponent("A.xml"))
        let text = #"{"engineVersion": "5.17.2", "brokers": [{"name": "A", "config": "A.xml"}], "steps": [{"consume": {"id": "c", "broker": "A", "destination": "queue://X,Y"}}]}"#
        let path = folder.appendingPathComponent("scenario.json").path
        let scenario = try Scenario(bytes: Array(text.utf8), path: path)
        let error = #expect(throws: RoutingError.self) { try scenario.predict() }
        #expect(error?.message.contains("AMQ-9262") == true)
    }
}
