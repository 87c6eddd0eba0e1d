import ActiveMQConfig
import Testing

/// A seeded generator of broker configurations with varied layout.
struct ConfigGenerator {
    var random: SeededGenerator

    mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    mutating func document() -> String {
        let eol = pick(["\n", "\r\n"])
        let unit = pick(["  ", "    ", "\t"])
        let q = pick(["\"", "'"])
        let prefix = pick(["", "amq:"])
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:amq"
        var lines: [String] = []
        if chance(60) { lines.append("<?xml version=\(q)1.0\(q) encoding=\(q)UTF-8\(q)?>") }
        if chance(50) { lines.append("<!-- generated \(random.next() % 1000) -->") }
        let wrapped = chance(40)
        let brokerOpen = wrapped
            ? "<\(prefix)broker \(ns)=\(q)http://activemq.apache.org/schema/core\(q)\(eol)\(unit)\(unit)brokerName=\(q)b\(random.next() % 100)\(q)>"
            : "<\(prefix)broker \(ns)=\(q)http://activemq.apache.org/schema/core\(q) brokerName=\(q)b\(random.next() % 100)\(q)>"
        lines.append(brokerOpen)
        if chance(50) {
            lines.append("\(unit)<\(prefix)destinationPolicy>")
            lines.append("\(unit)\(unit)<\(prefix)policyMap><\(prefix)policyEntries>")
            for i in 0..<Int(random.next() % 4) {
                lines.append("\(unit)\(unit)\(unit)<\(prefix)policyEntry queue=\(q)Q\(i).&gt;\(q) memoryLimit = \(q)\(i + 1)mb\(q)/>")
            }
            lines.append("\(unit)\(unit)</\(prefix)policyEntries></\(prefix)policyMap>")
            lines.append("\(unit)</\(prefix)destinationPolicy>")
        }
        if chance(30) { lines.append("\(unit)<!-- <\(prefix)networkConnectors> commented out </\(prefix)networkConnectors> -->") }
        if chance(60) {
            lines.append("\(unit)<\(prefix)networkConnectors>")
            for i in 0..<(1 + Int(random.next() % 3)) {
                if chance(30) { lines.append("\(unit)\(unit)<!-- bridge \(i) -->") }
                lines.append("\(unit)\(unit)<\(prefix)networkConnector name=\(q)nc\(i)\(q) userName=\(q)u\(q) uri=\(q)static:(ssl://h\(i):61617)\(q)/>")
            }
            lines.append("\(unit)</\(prefix)networkConnectors>")
        }
        if chance(70) {
            lines.append("\(unit)<\(prefix)transportConnectors>")
            lines.append("\(unit)\(unit)<\(prefix)transportConnector name=\(q)openwire\(q) uri=\(q)tcp://0.0.0.0:61616?a=1&amp;b=2\(q)/>")
            lines.append("\(unit)</\(prefix)transportConnectors>")
        }
        lines.append("</\(prefix)broker>")
        return lines.joined(separator: eol) + (chance(80) ? eol : "")
    }
}

@Suite("Properties over generated documents")
struct PropertyTests {
    @Test("Round trip is the identity; the model reads every connector", arguments: 0..<5)
    func roundTrip(_ seed: Int) throws {
        var generator = ConfigGenerator(random: SeededGenerator(seed: UInt64(seed) * 7919))
        for _ in 0..<60 {
            let text = generator.document()
            let configuration = try BrokerConfiguration(bytes: Array(text.utf8))
            #expect(configuration.document.serialized() == Array(text.utf8))
            for connector in try #require(configuration.brokers.first).networkConnectors {
                #expect(try connector.uri?.literal?.discovery == .staticList)
            }
        }
    }

    @Test("Adding then removing a connector gives the document back", arguments: 0..<5)
    func addThenRemove(_ seed: Int) throws {
        var generator = ConfigGenerator(random: SeededGenerator(seed: UInt64(seed) * 104_729))
        for _ in 0..<40 {
            let original = Array(generator.document().utf8)
            var configuration = try BrokerConfiguration(bytes: original)
            let definition = NetworkConnectorDefinition(name: "added", to: .activeStandbyPair(active: "ssl://a-1:61617", standby: "ssl://a-2:61617"))
                .userName("u").duplex().networkTTL(2)
            let added = try configuration.addNetworkConnector(definition)
            #expect(try added.uri?.literal?.discovery == .masterSlave)
            try configuration.removeNetworkConnector(named: "added")
            #expect(configuration.bytes == original)
        }
    }

    @Test("Any edit leaves a document libxml2 accepts, which reads back to what was written, changing only lines of the edited element",
          arguments: 0..<5)
    func edits(_ seed: Int) throws {
        var generator = ConfigGenerator(random: SeededGenerator(seed: UInt64(seed) * 15_485_863))
        for _ in 0..<40 {
            let original = generator.document()
            var configuration = try BrokerConfiguration(bytes: Array(original.utf8))
            let broker = try configuration.onlyBroker()
            let connectors = broker.networkConnectors
            guard let connector = connectors.first, let name = connector.name?.literal else { continue }
            let element = connector.element
            let firstLine = element.position.line
            let lastLine = configuration.document.position(ofOffset: element.range.upperBound).line
            let value = generator.pick(["ssl://x:61617", "failover:(ssl://x:1,ssl://y:2)", "ssl://x:61617?k=v&w=z"])
            try configuration.updateNetworkConnector(named: name,
                NetworkConnectorChange().remote(.uri("static:(\(value))")).duplex(generator.chance(50)).networkTTL(3))
            // libxml2 accepts it, and it reads back to what was written.
            let reread = try BrokerConfiguration(bytes: configuration.bytes)
            let written = try #require(reread.brokers.first?.networkConnector(named: name))
            #expect(try written.uri?.literal?.text == "static:(\(value))")
            #expect(try written.networkTTL == .literal(3))
            // Only the lines of the edited element differ (it may have gained one line).
            let before = original.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let after = String(decoding: configuration.bytes, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            #expect(Array(before.prefix(firstLine - 1)) == Array(after.prefix(firstLine - 1)))
            let tailBefore = before.dropFirst(lastLine)
            #expect(Array(tailBefore) == Array(after.suffix(tailBefore.count)))
        }
    }
}
