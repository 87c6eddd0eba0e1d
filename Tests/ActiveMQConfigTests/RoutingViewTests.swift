import ActiveMQConfig
import Testing

/// The typed views message routing reads: the policy map and ActiveMQ's rule for choosing a
/// destination's entry, bridge filter factories, virtual destinations, and which schema versions
/// know an attribute.
@Suite("Routing views")
struct RoutingViewTests {
    static func broker(_ children: String) throws -> Broker {
        let text = "<broker xmlns=\"http://activemq.apache.org/schema/core\" advisorySupport=\"false\" useVirtualDestSubs=\"true\">\n" + children + "\n</broker>\n"
        return try #require(try BrokerConfiguration(bytes: Array(text.utf8)).brokers.first)
    }

    static let policies = """
        <destinationPolicy><policyMap>
          <policyEntries>
            <policyEntry queue=">" enableAudit="false"/>
            <policyEntry queue="queue.child.>" queuePrefetch="10"/>
            <policyEntry queue="queue.child.one.>" queuePrefetch="1">
              <networkBridgeFilterFactory><conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true" replayDelay="500" selectorAware="true"/></networkBridgeFilterFactory>
            </policyEntry>
            <policyEntry queue="exact.one"/>
            <policyEntry queue="exact.*"/>
            <policyEntry topic="A,B.>"/>
            <policyEntry tempQueue="true"/>
          </policyEntries>
          <defaultEntry><policyEntry topic=">" enableAudit="true"/></defaultEntry>
        </policyMap></destinationPolicy>
        """

    @Test("The entry for a destination: exact first, then the most specific pattern, else the default entry")
    func policySelection() throws {
        let map = try #require(try Self.broker(Self.policies).policyMap)
        #expect(map.entries.count == 7)
        func chosen(_ destination: DestinationName) -> String? {
            map.entry(for: destination)?.destination?.description
        }
        // ActiveMQ's own test (AMQ-6901): the deepest matching wildcard wins.
        #expect(chosen(.queue("queue.child.one")) == "queue://queue.child.one.>")
        #expect(chosen(.queue("queue.child.two")) == "queue://queue.child.>")
        #expect(chosen(.queue("queue.other")) == "queue://>")
        #expect(chosen(.queue("exact.one")) == "queue://exact.one")
        #expect(chosen(.queue("exact.two")) == "queue://exact.*")
        #expect(chosen(.topic("A")) == "topic://A,B.>")
        #expect(chosen(.topic("B")) == "topic://A,B.>", "B.> matches B itself")
        #expect(chosen(.topic("C")) == "topic://>", "the default entry")
        #expect(chosen(DestinationName(kind: .tempQueue, name: "ID:x-1")) == "temp-queue://>")
        #expect(map.matchingEntries(for: .queue("queue.child.one")).map { $0.destination?.name } == ["queue.child.one.>", "queue.child.>", ">"])
        let filter = try #require(map.entry(for: .queue("queue.child.one.x"))?.networkBridgeFilterFactory)
        #expect(try filter.replayWhenNoConsumers == .literal(true))
        #expect(try filter.replayDelay == .literal(500))
        #expect(try filter.selectorAware == .literal(true))
        #expect(try map.entry(for: .queue("q"))?.enableAudit == .literal(false))
        #expect(try map.defaultEntry?.enableAudit == .literal(true))
    }

    @Test("Pattern matching as ActiveMQ's DestinationFilter does it")
    func matching() {
        #expect(DestinationName.queue("A.>").matches(.queue("A")))
        #expect(DestinationName.queue("A.>").matches(.queue("A.B.C")))
        #expect(!DestinationName.queue("A.>").matches(.queue("AB")))
        #expect(DestinationName.queue("A.*.C").matches(.queue("A.B.C")))
        #expect(!DestinationName.queue("A.*").matches(.queue("A.B.C")))
        #expect(!DestinationName.queue(">").matches(.topic("A")))
        #expect(DestinationName.queue("X,A.*").matches(.queue("A.B")))
    }

    @Test("Virtual topics and composite destinations, with their forwards and selectors")
    func virtualDestinations() throws {
        let broker = try Self.broker("""
            <destinationInterceptors><virtualDestinationInterceptor><virtualDestinations>
              <virtualTopic name="VirtualTopic.>" prefix="Consumer.*." selectorAware="true"/>
              <compositeQueue name="orders" forwardOnly="false">
                <forwardTo>
                  <queue physicalName="orders.audit"/>
                  <topic physicalName="orders.events"/>
                  <filteredDestination selector="region = 'EU'" queue="orders.eu"/>
                </forwardTo>
              </compositeQueue>
              <compositeTopic name="prices"><forwardTo><queue physicalName="prices.all"/></forwardTo></compositeTopic>
            </virtualDestinations></virtualDestinationInterceptor></destinationInterceptors>
            """)
        #expect(try broker.advisorySupport == .literal(false))
        #expect(try broker.useVirtualDestSubs == .literal(true))
        let virtual = broker.virtualDestinations
        #expect(virtual.count == 3)
        guard case .virtualTopic(let topic) = virtual[0], case .composite(let queue) = virtual[1], case .composite(let prices) = virtual[2] else {
            Issue.record("unexpected kinds: \(virtual)")
            return
        }
        #expect(topic.name == .literal("VirtualTopic.>") && topic.prefix == .literal("Consumer.*."))
        #expect(try topic.selectorAware == .literal(true))
        #expect(queue.destination == .queue("orders") && prices.destination == .topic("prices"))
        #expect(try queue.forwardOnly == .literal(false))
        #expect(queue.forwards.count == 3)
        #expect(queue.forwards[0] == .destination(.queue("orders.audit")))
        #expect(queue.forwards[1] == .destination(.topic("orders.events")))
        guard case .filtered(let filtered) = queue.forwards[2] else {
            Issue.record("no filtered destination")
            return
        }
        #expect(filtered.selector == .literal("region = 'EU'") && filtered.target == .queue("orders.eu"))
    }

    @Test("Every network connector attribute routing reads is typed, with the versions that know it")
    func connectorAttributes() throws {
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core"><networkConnectors>
              <networkConnector name="n" uri="static:(tcp://h:61616)" conduitSubscriptions="false" conduitNetworkQueueSubscriptions="true"
                suppressDuplicateQueueSubscriptions="true" suppressDuplicateTopicSubscriptions="false" decreaseNetworkConsumerPriority="true"
                staticBridge="false" useVirtualDestSubs="true" bridgeTempDestinations="false" dynamicOnly="true" consumerTTL="2" messageTTL="3"/>
            </networkConnectors></broker>
            """
        let connector = try #require(try BrokerConfiguration(bytes: Array(text.utf8)).brokers.first?.networkConnectors.first)
        #expect(try connector.conduitSubscriptions == .literal(false))
        #expect(try connector.conduitNetworkQueueSubscriptions == .literal(true))
        #expect(try connector.suppressDuplicateQueueSubscriptions == .literal(true))
        #expect(try connector.suppressDuplicateTopicSubscriptions == .literal(false))
        #expect(try connector.decreaseNetworkConsumerPriority == .literal(true))
        #expect(try connector.staticBridge == .literal(false))
        #expect(try connector.useVirtualDestSubs == .literal(true))
        #expect(try connector.bridgeTempDestinations == .literal(false))
        #expect(try connector.dynamicOnly == .literal(true))
        #expect(try connector.consumerTTL == .literal(2) && connector.messageTTL == .literal(3))
        let remoteUser = try #require(SchemaAvailability.of("remoteUserName", in: "networkConnector"))
        #expect(!remoteUser.contains(ActiveMQVersion(major: 5, minor: 15)))
        #expect(remoteUser.contains(ActiveMQVersion(major: 5, minor: 16)))
        #expect(remoteUser.contains(ActiveMQVersion(major: 5, minor: 18, patch: 4)))
        #expect(remoteUser.contains(ActiveMQVersion(major: 6, minor: 1)))
        #expect(SchemaAvailability.of("conduitSubscriptions", in: "networkConnector")?.first == ActiveMQVersion(major: 5, minor: 15, patch: 15))
        #expect(SchemaAvailability.of("noSuchThing", in: "networkConnector") == nil)
        #expect(!NetworkConnector.defaultDecreaseNetworkConsumerPriority(in: ActiveMQVersion(major: 5, minor: 17, patch: 2)))
        #expect(NetworkConnector.defaultDecreaseNetworkConsumerPriority(in: ActiveMQVersion(major: 5, minor: 18)))
    }
}
