import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// Edits addressed by identity, and destination filters edited on existing connectors.
@Suite("Stable addressing and destination filter edits")
struct StableEditingTests {
    static let twoBrokers = """
        <beans xmlns="http://www.springframework.org/schema/beans">
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="hub">
            <networkConnectors>
              <networkConnector name="to_spoke" userName="u" uri="static:(tcp://spoke:61616)"/>
            </networkConnectors>
          </broker>
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="spoke"/>
        </beans>

        """

    @Test("Many edits by identity, no look-up between them; views taken earlier stay readable snapshots")
    func manyEdits() throws {
        var configuration = try BrokerConfiguration(bytes: Array(Self.twoBrokers.utf8), path: "hub.xml")
        let before = try configuration.broker("hub")
        try configuration.addNetworkConnector(NetworkConnectorDefinition(name: "to_hub", to: .broker("tcp://hub:61616")).userName("u"), to: "spoke")
        try configuration.updateNetworkConnector(named: "to_spoke", in: "hub", NetworkConnectorChange().duplex(true).excluding(.topic("ActiveMQ.Advisory.>")))
        try configuration.updateNetworkConnector(named: "to_hub", in: .index(1), NetworkConnectorChange().networkTTL(2))
        try configuration.updateNetworkConnector(named: "to_spoke", in: "hub", NetworkConnectorChange().name("hub_to_spoke"))
        try configuration.addTransportConnector(TransportConnectorDefinition(name: "openwire", uri: "tcp://0.0.0.0:61616"), to: "spoke")
        try configuration.removeNetworkConnector(named: "to_hub", from: "spoke")
        // The view of the first version still reads that version.
        #expect(before.networkConnectors.map(\.effectiveName) == ["to_spoke"])
        #expect(try before.networkConnectors[0].duplex == nil)
        // The document reads the latest.
        let bridge = try configuration.networkConnector(named: "hub_to_spoke", in: "hub")
        #expect(try bridge.duplex == .literal(true))
        #expect(bridge.excludedDestinations.compactMap(\.physicalName) == ["ActiveMQ.Advisory.>"])
        #expect(try configuration.transportConnector(named: "openwire", in: "spoke").effectiveName == "openwire")
        #expect(try configuration.broker("spoke").networkConnectors.isEmpty)
        let findings = try Linter().lint([LintInput(path: "hub.xml", bytes: .success(configuration.bytes))]).findings.filter { $0.severity == .error }
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
    }

    @Test("Selectors say what went wrong: several brokers, no such name, a shared name, a position out of range")
    func selectors() throws {
        let configuration = try BrokerConfiguration(bytes: Array(Self.twoBrokers.utf8))
        #expect(throws: ConnectorError.brokerSelection("the document has 2 brokers (hub, spoke); name one by its brokerName")) {
            try configuration.broker(.only)
        }
        #expect(throws: ConnectorError.brokerSelection("no broker named 'edge' (brokers: hub, spoke)")) { try configuration.broker("edge") }
        #expect(throws: ConnectorError.brokerSelection("no broker #3: the document has 2 brokers")) { try configuration.broker(.index(2)) }
        #expect(throws: ConnectorError.brokerSelection("no broker #0: the document has 2 brokers")) { try configuration.broker(.index(-1)) }
        #expect(try configuration.broker(.index(1)).brokerName == .literal("spoke"))
        #expect(BrokerSelector(nil) == .only && BrokerSelector("x") == .named("x"))
        let twins = try BrokerConfiguration(bytes: Array(Self.twoBrokers.replacingOccurrences(of: "\"spoke\"/>", with: "\"hub\"/>").utf8))
        #expect(throws: ConnectorError.brokerSelection("2 brokers are named 'hub' (lines 2, 7); choose one by position")) { try twins.broker("hub") }
        var editable = twins
        #expect(throws: ConnectorError.self) { try editable.removeNetworkConnector(named: "to_spoke", from: "hub") }
        try editable.removeNetworkConnector(named: "to_spoke", from: .index(0))
        #expect(throws: ConnectorError.noSuchConnector("to_spoke")) { try editable.networkConnector(named: "to_spoke", in: .index(0)) }
    }

    static let withFilters = """
        <broker xmlns="http://activemq.apache.org/schema/core">\r
        \t<networkConnectors>\r
        \t\t<networkConnector name="a" userName="u" uri="static:(tcp://peer:61616)">\r
        \t\t\t<excludedDestinations>\r
        \t\t\t\t<!-- advisories stay local -->\r
        \t\t\t\t<topic physicalName="ActiveMQ.Advisory.>"/>\r
        \t\t\t</excludedDestinations>\r
        \t\t</networkConnector>\r
        \t\t<networkConnector name="b" userName="u" uri="static:(tcp://peer2:61616)"/>\r
        \t</networkConnectors>\r
        </broker>\r

        """

    @Test("Filters add, replace and remove in the file's own layout; add then remove gives the bytes back")
    func filterRoundTrip() throws {
        let original = try BrokerConfiguration(bytes: Array(Self.withFilters.utf8), path: "activemq.xml")
        var configuration = original
        try configuration.updateNetworkConnector(named: "a", NetworkConnectorChange().excluding(.queue("tmp.>")).includingDynamically(.queue("orders.>")))
        let text = String(decoding: configuration.bytes, as: UTF8.self)
        #expect(text.contains("\t\t\t\t<topic physicalName=\"ActiveMQ.Advisory.>\"/>\r\n\t\t\t\t<queue physicalName=\"tmp.>\"/>\r\n\t\t\t</excludedDestinations>"))
        #expect(text.contains("\t\t<networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://peer:61616)\">\r\n\t\t\t<dynamicallyIncludedDestinations>\r\n\t\t\t\t<queue physicalName=\"orders.>\"/>\r\n\t\t\t</dynamicallyIncludedDestinations>\r\n\t\t\t<excludedDestinations>"))
        try configuration.updateNetworkConnector(named: "a", NetworkConnectorChange().removing([.queue("tmp.>")], from: .excluded)
            .replacing(.dynamicallyIncluded, with: []))
        #expect(configuration.bytes == original.bytes)
        // A self-closing connector opens for its first filter and closes again after the last.
        try configuration.updateNetworkConnector(named: "b", NetworkConnectorChange().includingStatically(.queue("audit")))
        #expect(try configuration.networkConnector(named: "b").staticallyIncludedDestinations.compactMap(\.physicalName) == ["audit"])
        try configuration.updateNetworkConnector(named: "b", NetworkConnectorChange().replacing(.staticallyIncluded, with: []))
        #expect(configuration.bytes == original.bytes)
        // Adding what is there changes nothing; removing what is not is an error; comments stay.
        try configuration.updateNetworkConnector(named: "a", NetworkConnectorChange().excluding(.topic("ActiveMQ.Advisory.>")))
        #expect(configuration.bytes == original.bytes)
        #expect(throws: ConnectorError.noSuchDestination("queue://ActiveMQ.Advisory.>", list: "excludedDestinations")) {
            try configuration.updateNetworkConnector(named: "a", NetworkConnectorChange().removing([.queue("ActiveMQ.Advisory.>")], from: .excluded))
        }
        try configuration.updateNetworkConnector(named: "a", NetworkConnectorChange().removing([.topic("ActiveMQ.Advisory.>")], from: .excluded))
        #expect(String(decoding: configuration.bytes, as: UTF8.self).contains("<excludedDestinations>\r\n\t\t\t\t<!-- advisories stay local -->\r\n\t\t\t</excludedDestinations>"))
    }

    @Test("The rules judge filter edits: wildcards that never match and included-and-excluded warn; nothing is refused silently")
    func filterRules() throws {
        var configuration = try BrokerConfiguration(bytes: Array(Self.withFilters.utf8), path: "activemq.xml")
        let edit = try configuration.updateNetworkConnector(named: "b", in: .only,
            NetworkConnectorChange().excluding(.queue("a.>.b")).includingDynamically(.queue("orders")).excluding(.queue("orders")),
            settings: RuleSettings(), rules: RuleCatalog.rules)
        #expect(Set(edit.warnings.map(\.rule)) == [.destinationWildcard, .destinationIncludedAndExcluded])
    }

    @Test("A connector closed ' />' gets it back after its last filter goes, though a Spring <bean/> is written tight")
    func emptyTagStyleByNamespace() throws {
        let source = """
            <beans xmlns="http://www.springframework.org/schema/beans">
              <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer"/>
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="a">
                <networkConnectors>
                  <networkConnector name="b" userName="u" uri="static:(tcp://b:61616)" />
                </networkConnectors>
                <transportConnectors>
                  <transportConnector name="openwire" uri="tcp://0.0.0.0:61616" />
                </transportConnectors>
              </broker>
            </beans>

            """
        let original = try BrokerConfiguration(bytes: Array(source.utf8), path: "activemq.xml")
        var configuration = original
        try configuration.updateNetworkConnector(named: "b", NetworkConnectorChange().excluding(.queue("local.>")))
        #expect(String(decoding: configuration.bytes, as: UTF8.self).contains("<queue physicalName=\"local.>\" />"))
        try configuration.updateNetworkConnector(named: "b", NetworkConnectorChange().removing([.queue("local.>")], from: .excluded))
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == source)
    }

    /// Real configurations: every network connector gets two filters and loses them again, bytes
    /// back exactly; with them, the file has no more errors than before.
    @Test("Filters round-trip on every connector of the corpus",
          .enabled(if: Shared.isPresent, "../shared is absent"), arguments: Shared.corpusFiles.filter { !$0.hasSuffix(".erb") && !$0.hasSuffix(".j2") })
    func corpusFilters(_ path: String) throws {
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        guard let original = try? BrokerConfiguration(bytes: bytes, path: path) else { return }
        let errorsBefore = try Linter().lint([LintInput(path: path, bytes: .success(bytes))]).findings.filter { $0.severity == .error }.count
        for (index, broker) in original.brokers.enumerated() {
            let names = broker.networkConnectors.map(\.effectiveName)
            for name in names where names.filter({ $0 == name }).count == 1 {
                var configuration = original
                let added = NetworkConnectorChange().excluding(.topic("RoundTrip.Test.>")).includingStatically(.queue("roundtrip.audit"))
                do throws(ConnectorError) {
                    try configuration.updateNetworkConnector(named: name, in: .index(index), added, settings: RuleSettings(), rules: .model)
                } catch {
                    guard case .refused = error else { throw error }
                    continue   // the connector already breaks a rule the builder enforces
                }
                let errorsWith = try Linter().lint([LintInput(path: path, bytes: .success(configuration.bytes))]).findings.filter { $0.severity == .error }.count
                #expect(errorsWith <= errorsBefore, "\(name)")
                try configuration.updateNetworkConnector(named: name, in: .index(index), NetworkConnectorChange()
                    .removing([.topic("RoundTrip.Test.>")], from: .excluded).removing([.queue("roundtrip.audit")], from: .staticallyIncluded))
                // A connector written open but empty (`<networkConnector …>⏎</networkConnector>`) comes
                // back as an empty-element tag, as one that was self-closing does.
                var expected = original.document
                if let element = try original.networkConnector(named: name, in: .index(index)).element as LosslessDocument.Element?,
                    let collapse = try expected.editCollapsingEmptyElement(element)
                {
                    try expected.apply([collapse])
                }
                // A self-closing tag reopened and closed again follows the majority of its namesakes,
                // else of its namespace, else of the file, for the space before '/>': where the file
                // writes them both ways (two files of the corpus), the one difference allowed.
                func tight(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " />", with: "/>") }
                let back = configuration.bytes == expected.bytes || tight(configuration.bytes) == tight(expected.bytes)
                #expect(back, "\(name) in broker #\(index + 1): \(firstDifference(configuration.bytes, expected.bytes))")
            }
        }
    }
}

/// The first line where two texts differ, both versions, for a failure message.
func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let left = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let right = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for (index, (l, r)) in zip(left, right).enumerated() where l != r { return "line \(index + 1): '\(l)' vs '\(r)'" }
    return "lengths \(left.count) vs \(right.count) lines"
}
