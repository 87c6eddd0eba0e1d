import ActiveMQConfig
import Foundation
import LosslessXML
import Testing

/// `enableReplayWhenNoConsumers`: the replay policy for every queue, written where the file has
/// room for it and judged like every edit.
@Suite("The replay policy")
struct ReplayPolicyTests {
    static func configuration(_ inside: String) throws -> BrokerConfiguration {
        try BrokerConfiguration(bytes: Array("""
            <beans xmlns="http://www.springframework.org/schema/beans">
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="A">
            \(inside)  </broker>
            </beans>

            """.utf8), path: "A.xml")
    }

    static func enabled(_ inside: String) throws -> String {
        var configuration = try configuration(inside)
        try configuration.enableReplayWhenNoConsumers(settings: RuleSettings())
        return String(decoding: configuration.bytes, as: UTF8.self)
    }

    static let entry = """
            <policyEntry queue=">">
              <networkBridgeFilterFactory>
                <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>
              </networkBridgeFilterFactory>
            </policyEntry>
        """

    @Test("Without a destination policy: the whole policy, at its alphabetical place")
    func noPolicy() throws {
        let result = try Self.enabled("""
                <managementContext>
                  <managementContext createConnector="false"/>
                </managementContext>

            """)
        #expect(result.contains("""
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="A">
                <destinationPolicy>
                  <policyMap>
                    <policyEntries>
                      <policyEntry queue=">">
                        <networkBridgeFilterFactory>
                          <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>
                        </networkBridgeFilterFactory>
                      </policyEntry>
                    </policyEntries>
                  </policyMap>
                </destinationPolicy>
                <managementContext>
            """), "\(result)")
    }

    @Test("A self-closing queue=\">\" entry opens for the factory; the other entries stay as they are")
    func existingEntry() throws {
        let result = try Self.enabled("""
                <destinationPolicy>
                  <policyMap>
                    <policyEntries>
                      <policyEntry topic="&gt;" producerFlowControl="false"/>
                      <policyEntry queue="&gt;" gcInactiveDestinations="true" />
                    </policyEntries>
                  </policyMap>
                </destinationPolicy>

            """)
        #expect(result.contains("""
                      <policyEntry topic="&gt;" producerFlowControl="false"/>
                      <policyEntry queue="&gt;" gcInactiveDestinations="true">
                        <networkBridgeFilterFactory>
                          <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>
                        </networkBridgeFilterFactory>
                      </policyEntry>
            """), "\(result)")
    }

    @Test("Entries for other queues only: a queue=\">\" entry is added after them")
    func otherEntries() throws {
        let result = try Self.enabled("""
                <destinationPolicy>
                  <policyMap>
                    <policyEntries>
                      <policyEntry queue="ORDERS.>" memoryLimit="1mb"/>
                    </policyEntries>
                  </policyMap>
                </destinationPolicy>

            """)
        #expect(result.contains("""
                      <policyEntry queue="ORDERS.>" memoryLimit="1mb"/>
                      <policyEntry queue=">">
            """), "\(result)")
        let policy = try #require(try BrokerConfiguration(bytes: Array(result.utf8), path: "A.xml").brokers.first?.policyMap)
        let chosen = try #require(policy.entry(for: DestinationName(kind: .queue, name: "route.q")))
        #expect(try chosen.networkBridgeFilterFactory?.replayWhenNoConsumers == .literal(true))
        // A more specific entry wins for its queues, as in ActiveMQ: the replay does not reach them.
        #expect(policy.entry(for: DestinationName(kind: .queue, name: "ORDERS.x"))?.networkBridgeFilterFactory == nil)
    }

    @Test("An existing conditional factory: only its attribute changes; written already, nothing changes")
    func existingFactory() throws {
        let inside = """
                <destinationPolicy><policyMap><policyEntries>
                  <policyEntry queue=">"><networkBridgeFilterFactory><conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="false" replayDelay="500"/></networkBridgeFilterFactory></policyEntry>
                </policyEntries></policyMap></destinationPolicy>

            """
        let result = try Self.enabled(inside)
        let before = String(decoding: try Self.configuration(inside).bytes, as: UTF8.self)
        #expect(result == before.replacingOccurrences(of: "replayWhenNoConsumers=\"false\"", with: "replayWhenNoConsumers=\"true\""))
        var twice = try Self.configuration(inside)
        try twice.enableReplayWhenNoConsumers(settings: RuleSettings())
        let once = twice.bytes
        #expect(try twice.enableReplayWhenNoConsumers(settings: RuleSettings()).isEmpty)
        #expect(twice.bytes == once)
    }

    @Test("Another factory in its place is refused, and the file is left as it was")
    func otherFactory() throws {
        var configuration = try Self.configuration("""
                <destinationPolicy><policyMap><policyEntries>
                  <policyEntry queue=">"><networkBridgeFilterFactory><bean xmlns="http://www.springframework.org/schema/beans" class="com.example.Filter"/></networkBridgeFilterFactory></policyEntry>
                </policyEntries></policyMap></destinationPolicy>

            """)
        let before = configuration.bytes
        #expect(throws: ConnectorError.self) { try configuration.enableReplayWhenNoConsumers(settings: RuleSettings()) }
        #expect(configuration.bytes == before)
    }
}
