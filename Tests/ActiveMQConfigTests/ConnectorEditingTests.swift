import ActiveMQConfig
import Foundation
import Testing

struct DocumentStyle: CustomStringConvertible, Sendable {
    var name: String
    var eol = "\n"
    var indent = "  "
    var prefix = ""
    var description: String { name }

    static let all: [DocumentStyle] = [
        DocumentStyle(name: "LF"), DocumentStyle(name: "CRLF", eol: "\r\n"),
        DocumentStyle(name: "tabs", indent: "\t"), DocumentStyle(name: "amq prefix", prefix: "amq:"),
    ]

    /// `{i}` one indentation step, `{p}` the prefix, `{x}` the namespace declaration's name.
    func render(_ template: String) -> String {
        template
            .split(separator: "{x}", omittingEmptySubsequences: false).joined(separator: prefix.isEmpty ? "xmlns" : "xmlns:amq")
            .split(separator: "{i}", omittingEmptySubsequences: false).joined(separator: indent)
            .split(separator: "{p}", omittingEmptySubsequences: false).joined(separator: prefix)
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: eol)
    }
}

let tutorialEndpoint = "ssl://b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9-1.mq.us-east-2.amazonaws.com:61617"
let tutorialConnector = NetworkConnectorDefinition(name: "connector_1_to_2", to: .broker(tutorialEndpoint))
    .userName("myCommonUser").duplex()
let tutorialLine = "<{p}networkConnector name=\"connector_1_to_2\" userName=\"myCommonUser\" duplex=\"true\" uri=\"static:(\(tutorialEndpoint))\"/>"

@Suite("Adding, changing and removing connectors: golden bytes")
struct ConnectorEditingTests {
    func configuration(_ template: String, _ style: DocumentStyle) throws -> BrokerConfiguration {
        try BrokerConfiguration(bytes: Array(style.render(template).utf8))
    }

    static let withoutConnectors = """
        <{p}broker {x}="http://activemq.apache.org/schema/core" brokerName="MyBroker1">
        {i}<{p}destinationPolicy/>
        {i}<!-- <{p}networkConnectors> uncomment and fill in </{p}networkConnectors> -->
        {i}<{p}persistenceAdapter/>
        {i}<{p}transportConnectors/>
        </{p}broker>

        """

    @Test("Add to a config without <networkConnectors>: created at its alphabetical place; the commented block stays",
          arguments: DocumentStyle.all)
    func addCreatesList(_ style: DocumentStyle) throws {
        var configuration = try configuration(Self.withoutConnectors, style)
        try configuration.addNetworkConnector(tutorialConnector, target: .amazonMQ)
        // Before <persistenceAdapter/>, above the comment block directly above it.
        let expected = Self.withoutConnectors.replacingOccurrences(of: "{i}<!-- <{p}networkConnectors>", with: """
            {i}<{p}networkConnectors>
            {i}{i}\(tutorialLine)
            {i}</{p}networkConnectors>
            {i}<!-- <{p}networkConnectors>
            """)
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render(expected))
        // And removing it gives the original back.
        try configuration.removeNetworkConnector(named: "connector_1_to_2")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render(Self.withoutConnectors))
    }

    @Test("Add to an empty <networkConnectors/>: it opens", arguments: DocumentStyle.all)
    func addToEmptyList(_ style: DocumentStyle) throws {
        let template = "<{p}broker {x}=\"http://activemq.apache.org/schema/core\">\n{i}<{p}networkConnectors/>\n</{p}broker>\n"
        var configuration = try configuration(template, style)
        try configuration.addNetworkConnector(tutorialConnector)
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render("""
            <{p}broker {x}="http://activemq.apache.org/schema/core">
            {i}<{p}networkConnectors>
            {i}{i}\(tutorialLine)
            {i}</{p}networkConnectors>
            </{p}broker>

            """))
    }

    static let withConnectors = """
        <{p}broker {x}="http://activemq.apache.org/schema/core" brokerName="MyBroker1">
        {i}<{p}networkConnectors>
        {i}{i}<!-- to the hub -->
        {i}{i}<{p}networkConnector name="a" uri="static:(tcp://hub:61616)" duplex="false"
        {i}{i}{i}networkTTL="1"/>
        {i}{i}<{p}networkConnector name="b" uri="static:(tcp://other:61616)"/>
        {i}</{p}networkConnectors>
        </{p}broker>

        """

    @Test("Add among connectors: one new line after the last", arguments: DocumentStyle.all)
    func addAmongConnectors(_ style: DocumentStyle) throws {
        var configuration = try configuration(Self.withConnectors, style)
        try configuration.addNetworkConnector(tutorialConnector)
        let expected = Self.withConnectors.replacingOccurrences(
            of: "{i}</{p}networkConnectors>", with: "{i}{i}\(tutorialLine)\n{i}</{p}networkConnectors>")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render(expected))
        let duplicate = #expect(throws: ConnectorError.self) {
            try configuration.addNetworkConnector(tutorialConnector)
        }
        guard case .refused(let findings)? = duplicate else {
            Issue.record("expected a refusal")
            return
        }
        #expect(findings.map(\.rule) == [.duplicateConnectorName])
        #expect(findings.first?.notes.count == 1)
    }

    @Test("Set changes only attribute values (and appends a new one)", arguments: DocumentStyle.all)
    func set(_ style: DocumentStyle) throws {
        var configuration = try configuration(Self.withConnectors, style)
        try configuration.updateNetworkConnector(
            named: "a",
            NetworkConnectorChange().remote(.activeStandbyPair(active: "ssl://h-1:61617", standby: "ssl://h-2:61617"))
                .duplex(true).networkTTL(2).userName("myCommonUser"))
        let expected = Self.withConnectors
            .replacingOccurrences(of: "uri=\"static:(tcp://hub:61616)\" duplex=\"false\"",
                                  with: "uri=\"masterslave:(ssl://h-1:61617,ssl://h-2:61617)\" duplex=\"true\"")
            .replacingOccurrences(of: "networkTTL=\"1\"/>", with: "networkTTL=\"2\"\n{i}{i}{i}userName=\"myCommonUser\"/>")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render(expected))
        #expect(throws: ConnectorError.noSuchConnector("zz")) {
            try configuration.updateNetworkConnector(named: "zz", NetworkConnectorChange().duplex(true))
        }
    }

    @Test("Remove takes only its own lines; the comment above stays", arguments: DocumentStyle.all)
    func remove(_ style: DocumentStyle) throws {
        var configuration = try configuration(Self.withConnectors, style)
        try configuration.removeNetworkConnector(named: "a")
        let expected = Self.withConnectors.replacingOccurrences(
            of: "{i}{i}<{p}networkConnector name=\"a\" uri=\"static:(tcp://hub:61616)\" duplex=\"false\"\n{i}{i}{i}networkTTL=\"1\"/>\n", with: "")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == style.render(expected))
        // The list still holds a comment, so it stays after the last connector goes.
        try configuration.removeNetworkConnector(named: "b")
        #expect(configuration.brokers.first?.networkConnectorsElement != nil)
    }
}

@Suite("Connectors over the corpus")
struct CorpusConnectorTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static let files: [String] = {
        ["activemq", "wild"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".j2") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    @Test("Every network connector reads without error; add then remove gives the bytes back",
          .enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared is absent"), arguments: files)
    func corpusFile(_ relative: String) throws {
        let path = Self.corpus.appendingPathComponent(relative).path
        let original = try BrokerConfiguration(contentsOfFile: path)
        for broker in original.brokers {
            for connector in broker.networkConnectors {
                _ = try connector.uri
                _ = try connector.duplex
                _ = try connector.networkTTL
                _ = try connector.conduitSubscriptions
                _ = try connector.decreaseNetworkConsumerPriority
                _ = try connector.dynamicOnly
            }
        }
        for (index, broker) in original.brokers.enumerated() {
            let hadEmptyList = broker.networkConnectorsElement.map { $0.childElements.isEmpty } ?? false
            var configuration = original
            let name = "connector_added_by_test"
            try configuration.addNetworkConnector(tutorialConnector.networkTTL(2).attribute("conduitSubscriptions", "false").validatedName(name),
                                                  to: .index(index))
            let added = configuration.brokers[index].networkConnector(named: name)
            #expect(try added?.uri?.literal?.text == "static:(\(tutorialEndpoint))")
            #expect(configuration.bytes != original.bytes)
            try configuration.removeNetworkConnector(named: name, from: .index(index))
            if !hadEmptyList { #expect(configuration.bytes == original.bytes) }
        }
    }
}

extension NetworkConnectorDefinition {
    func validatedName(_ name: String) -> NetworkConnectorDefinition {
        var copy = self
        copy.name = name
        return copy
    }
}
