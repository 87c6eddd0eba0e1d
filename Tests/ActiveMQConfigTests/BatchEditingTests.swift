import ActiveMQConfig
import LosslessXML
import Foundation
import Testing

/// A batch of connector edits (one parse, one judgement) writes exactly the bytes the same edits
/// write one at a time, in every style and over every real configuration of the corpus.
@Suite("Batched connector edits")
struct BatchEditingTests {
    static let additions = (1...3).map { n in
        NetworkConnectorDefinition(name: "batch_\(n)", to: .broker("ssl://b-000\(n)-1.mq.us-east-2.amazonaws.com:61617"))
            .userName("myCommonUser").duplex().networkTTL(2)
    }

    /// The edits one at a time, through the single-connector API.
    static func oneByOne(_ configuration: BrokerConfiguration, _ edits: [NetworkConnectorEdit]) throws -> [UInt8] {
        var copy = configuration
        for edit in edits {
            switch edit {
            case .add(let definition): try copy.addNetworkConnector(definition, settings: RuleSettings())
            case .update(let name, let change): try copy.updateNetworkConnector(named: name, change, settings: RuleSettings())
            case .remove(let name): try copy.removeNetworkConnector(named: name)
            }
        }
        return copy.bytes
    }

    /// The same edits as one batch.
    static func batched(_ configuration: BrokerConfiguration, _ edits: [NetworkConnectorEdit]) throws -> [UInt8] {
        var copy = configuration
        try copy.applyNetworkConnectorEdits(edits, settings: RuleSettings())
        return copy.bytes
    }

    @Test("Adds into an existing list, into a missing list, and into an empty <networkConnectors/>", arguments: DocumentStyle.all)
    func additionsInEveryStyle(_ style: DocumentStyle) throws {
        for template in [ConnectorEditingTests.withoutConnectors, """
            <{p}broker {x}="http://activemq.apache.org/schema/core">
            {i}<{p}networkConnectors>
            {i}{i}<{p}networkConnector name="old" userName="u" uri="static:(tcp://h:61616)"/>
            {i}</{p}networkConnectors>
            </{p}broker>

            """, """
            <{p}broker {x}="http://activemq.apache.org/schema/core"><{p}networkConnectors/></{p}broker>
            """] {
            let configuration = try BrokerConfiguration(bytes: Array(style.render(template).utf8))
            let edits = Self.additions.map(NetworkConnectorEdit.add)
            #expect(try Self.batched(configuration, edits) == Self.oneByOne(configuration, edits), "\(style): \(template)")
        }
    }

    @Test("Adds, updates and removals together; removing every connector takes the list too")
    func mixed() throws {
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core">
              <networkConnectors>
                <networkConnector name="a" userName="u" uri="static:(tcp://a:61616)"/>
                <networkConnector name="b" userName="u" uri="static:(tcp://b:61616)"/>
              </networkConnectors>
              <transportConnectors/>
            </broker>

            """
        let configuration = try BrokerConfiguration(bytes: Array(text.utf8))
        let mixed: [NetworkConnectorEdit] = [.remove(named: "a"), .update(named: "b", NetworkConnectorChange().networkTTL(3).duplex(true)),
                                             .add(Self.additions[0])]
        #expect(try Self.batched(configuration, mixed) == Self.oneByOne(configuration, mixed))
        let all: [NetworkConnectorEdit] = [.remove(named: "a"), .remove(named: "b")]
        let emptied = try Self.batched(configuration, all)
        #expect(emptied == (try Self.oneByOne(configuration, all)))
        #expect(!String(decoding: emptied, as: UTF8.self).contains("networkConnectors"))
    }

    @Test("A refused batch leaves the document unchanged and names the rule")
    func refused() throws {
        var configuration = try BrokerConfiguration(bytes: Array(#"<broker xmlns="http://activemq.apache.org/schema/core"/>"#.utf8))
        let before = configuration.bytes
        let bad = NetworkConnectorDefinition(name: "x", to: .broker("tcp://h:61616")).userName("u")
        #expect {
            try configuration.applyNetworkConnectorEdits([.add(Self.additions[0]), .add(bad)], settings: RuleSettings(profile: .amazonMQ(.v5_18)))
        } throws: { error in
            guard case ConnectorError.refused(let findings) = error else { return false }
            return findings.contains { $0.rule == .insecureTransport }
        }
        #expect(configuration.bytes == before)
    }

    @Test("Over the corpus: a batch of three additions writes what three additions write",
          .enabled(if: FileManager.default.fileExists(atPath: CorpusConnectorTests.corpus.path), "../shared is absent"),
          arguments: CorpusConnectorTests.files)
    func corpus(_ relative: String) throws {
        let path = CorpusConnectorTests.corpus.appendingPathComponent(relative).path
        let configuration = try BrokerConfiguration(contentsOfFile: path)
        guard configuration.brokers.count == 1 else { return }
        let edits = Self.additions.map(NetworkConnectorEdit.add)
        let single = Result { try Self.oneByOne(configuration, edits) }
        let batch = Result { try Self.batched(configuration, edits) }
        switch (single, batch) {
        case (.success(let a), .success(let b)): #expect(a == b, "\(relative)")
        case (.failure, .failure): break
        default: Issue.record("\(relative): one way refused, the other did not: \(single) / \(batch)")
        }
    }

    @Test("One parse per edit, however many connectors or destinations it touches")
    func oneParse() throws {
        let path = "one-parse-\(UInt64.random(in: 0...UInt64.max)).xml"
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core">
              <networkConnectors>
                <networkConnector name="a" userName="u" uri="static:(tcp://a:61616)">
                  <excludedDestinations><queue physicalName="old.one"/><queue physicalName="old.two"/></excludedDestinations>
                </networkConnector>
              </networkConnectors>
            </broker>

            """
        var configuration = try BrokerConfiguration(bytes: Array(text.utf8), path: path)
        ParseCounter.watch(path)
        // An attribute, three destinations added, one removed, one list created: one parse.
        try configuration.updateNetworkConnector(
            named: "a",
            NetworkConnectorChange().networkTTL(2).excluding(.queue("x.1"), .queue("x.2"), .queue("x.3")).removing([.queue("old.one")], from: .excluded)
                .includingDynamically(.topic("events.>")),
            settings: RuleSettings())
        #expect(ParseCounter.count(path) == 1)
        let written = String(decoding: configuration.bytes, as: UTF8.self)
        #expect(written.contains("<dynamicallyIncludedDestinations>") && written.contains("x.3") && !written.contains("old.one"))
        // Ten connectors in one batch: one parse.
        ParseCounter.watch(path)
        try configuration.applyNetworkConnectorEdits((1...10).map { n in
            .add(NetworkConnectorDefinition(name: "b\(n)", to: .broker("tcp://b\(n):61616")).userName("u"))
        }, settings: RuleSettings())
        #expect(ParseCounter.count(path) == 1)
    }
}
