import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// The library as Swift tools use it: typed connector options, fragments, and saving a file.
@Suite("Library conveniences")
struct LibraryConveniencesTests {
    static let pair = RemoteBrokers.activeStandbyPair(active: "ssl://b-9876-1.mq.us-east-2.amazonaws.com:61617",
                                                      standby: "ssl://b-9876-2.mq.us-east-2.amazonaws.com:61617")

    @Test("Typed options write their attributes, checked; the last value wins")
    func typedOptions() throws {
        let attributes = try NetworkConnectorDefinition(name: "n", to: Self.pair).userName("u")
            .conduitSubscriptions(false).dynamicOnly(true).prefetchSize(500).messageTTL(2).consumerTTL(1)
            .decreaseNetworkConsumerPriority(true).staticBridge(false).prefetchSize(100)
            .validate(for: .amazonMQ)
        let values = Dictionary(uniqueKeysWithValues: attributes.map { ($0.name, $0.value) })
        #expect(values["conduitSubscriptions"] == "false" && values["dynamicOnly"] == "true" && values["prefetchSize"] == "100")
        #expect(values["messageTTL"] == "2" && values["consumerTTL"] == "1" && values["decreaseNetworkConsumerPriority"] == "true")
        let more = try NetworkConnectorDefinition(name: "n", to: Self.pair).userName("u")
            .dispatchAsync(false).useCompression(true).advisoryPrefetchSize(10).advisoryAckPercentage(50)
            .gcDestinationViews(false).gcSweepTime(30000).clientIdToken("-")
            .validate(for: .amazonMQ)
        let written = Dictionary(uniqueKeysWithValues: more.map { ($0.name, $0.value) })
        #expect(written.filter { !["name", "userName", "uri"].contains($0.key) } == [
            "dispatchAsync": "false", "useCompression": "true", "advisoryPrefetchSize": "10", "advisoryAckPercentage": "50",
            "gcDestinationViews": "false", "gcSweepTime": "30000", "clientIdToken": "-",
        ])
        let refused = #expect(throws: ConnectorError.self) {
            try NetworkConnectorDefinition(name: "n", to: Self.pair).userName("u").messageTTL(0).validate(for: .amazonMQ)
        }
        guard case .refused(let findings)? = refused else { Issue.record("expected a refusal"); return }
        #expect(findings.map(\.rule) == [.zeroTTL])
    }

    @Test("Attribute names and values are judged by the linter's schema rules, for the version that applies")
    func attributesJudgedByRules() throws {
        func refusal(_ definition: NetworkConnectorDefinition, _ settings: RuleSettings = RuleSettings()) -> [Finding] {
            do {
                _ = try definition.validate(settings: settings, rules: RuleCatalog.rules)
                return []
            } catch {
                guard case .refused(let findings) = error else { return [] }
                return findings
            }
        }
        let base = NetworkConnectorDefinition(name: "n", to: .broker("tcp://h:61616")).userName("u")
        let unknown = refusal(base.attribute("duplx", "true"))
        #expect(unknown.map(\.rule) == [.unknownAttribute] && unknown.first?.message.contains("did you mean 'duplex'") == true)
        #expect(refusal(base.attribute("conduitSubscriptions", "yes")).map(\.rule) == [.invalidValue])
        // remoteUserName is in the schemas from 5.16.5: refused for 5.15, written for 5.18.
        var old = RuleSettings()
        old.activeMQVersion = ActiveMQVersion(major: 5, minor: 15)
        #expect(refusal(base.attribute("remoteUserName", "r"), old).map(\.rule) == [.unknownAttribute])
        var current = RuleSettings()
        current.activeMQVersion = ActiveMQVersion(major: 5, minor: 18)
        #expect(refusal(base.attribute("remoteUserName", "r"), current).isEmpty)
    }

    @Test("A rendered fragment, pasted into a configuration, lints clean under the same profile", arguments: [true, false])
    func fragment(_ wrapped: Bool) throws {
        let definitions = [
            NetworkConnectorDefinition(name: "connector_1_to_2", to: Self.pair).userName("myCommonUser").duplex(),
            NetworkConnectorDefinition(name: "connector_1_to_3", to: .broker("ssl://b-3333-1.mq.us-east-2.amazonaws.com:61617"))
                .userName("myCommonUser").dynamicOnly(true),
        ]
        let text = try ConnectorFragment.render(definitions, settings: RuleSettings(profile: .amazonMQ(.v5_18)), rules: RuleCatalog.rules,
                                                indentation: "    ", quote: .single, wrapped: wrapped).text
        #expect(text.hasPrefix(wrapped ? "<networkConnectors>\n    <networkConnector name='connector_1_to_2'" : "<networkConnector name='connector_1_to_2'"))
        let body = wrapped ? text : "<networkConnectors>\n" + text + "</networkConnectors>\n"
        let configuration = "<broker xmlns=\"http://activemq.apache.org/schema/core\">\n" + body + "</broker>\n"
        let findings = try Linter(profile: .amazonMQ(.v5_18)).lint([LintInput(path: "MyBroker1.xml", bytes: .success(Array(configuration.utf8)))]).findings
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
    }

    @Test("save() writes back atomically and refuses a file changed since it was read; onlyBroker() names the problem")
    func saving() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("save-\(UUID().uuidString).xml").path
        try Data("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n</broker>\n".utf8).write(to: URL(fileURLWithPath: path))
        var configuration = try BrokerConfiguration(contentsOfFile: path)
        try configuration.addNetworkConnector(NetworkConnectorDefinition(name: "n", to: .broker("tcp://h:61616")).userName("u"))
        try configuration.save()
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<networkConnector name=\"n\""))
        try Data("changed\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FileWriteError.self) { try configuration.save() }
        let two = try BrokerConfiguration(bytes: Array("<beans xmlns=\"http://www.springframework.org/schema/beans\"><broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"a\"/><broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\"/></beans>".utf8))
        let error = #expect(throws: ConnectorError.self) { try two.onlyBroker() }
        #expect(error?.description == "the document has 2 brokers (a, b); name one by its brokerName")
    }

    @Test("Destination filters: added with the connector, linting clean; removed with it, giving the bytes back; bad ones warned")
    func destinationFilters() throws {
        let text = "<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n  </networkConnectors>\n</broker>\n"
        var configuration = try BrokerConfiguration(bytes: Array(text.utf8), path: "activemq.xml")
        let definition = NetworkConnectorDefinition(name: "n", to: .broker("tcp://peer.example:61616")).userName("u")
            .excluding(.topic("ActiveMQ.Advisory.>")).includingDynamically(.queue("orders.>"), .topic("prices.*.eu"))
            .includingStatically(.queue("audit"))
        let edit = try configuration.addNetworkConnector(definition, settings: RuleSettings(), rules: RuleCatalog.rules)
        #expect(edit.warnings.isEmpty)
        #expect(edit.connector.dynamicallyIncludedDestinations.compactMap(\.physicalName) == ["orders.>", "prices.*.eu"])
        #expect(edit.connector.excludedDestinations.compactMap(\.physicalName) == ["ActiveMQ.Advisory.>"])
        #expect(edit.connector.staticallyIncludedDestinations.compactMap(\.physicalName) == ["audit"])
        let findings = try Linter().lint([LintInput(path: "activemq.xml", bytes: .success(configuration.bytes))]).findings
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
        try configuration.removeNetworkConnector(named: "n")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == text.replacingOccurrences(of: "  <networkConnectors>\n  </networkConnectors>\n", with: ""))
        var other = try BrokerConfiguration(bytes: Array(text.utf8), path: "activemq.xml")
        let warned = try other.addNetworkConnector(
            NetworkConnectorDefinition(name: "n", to: .broker("tcp://peer.example:61616")).userName("u")
                .excluding(.queue("orders"), .queue("a*b")).includingDynamically(.queue("orders")),
            settings: RuleSettings(), rules: RuleCatalog.rules)
        #expect(Set(warned.warnings.map(\.rule)) == [.destinationWildcard, .destinationIncludedAndExcluded])
        #expect(Destination(uri: "queue://x")?.kind == .queue && Destination(uri: "topic://") == nil && Destination(uri: "x") == nil)
    }
}
