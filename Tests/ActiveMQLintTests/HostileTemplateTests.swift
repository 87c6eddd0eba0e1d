import ActiveMQConfig
import ActiveMQLint
import Testing

/// The new readers never crash on any input: templates (Jinja, ERB, Terraform tags in every place,
/// unclosed, nested), broken documents whose error is reworded, and lint over all of them, fed
/// seeded random mixes of XML and template fragments.
@Suite("Hostile templates and broken documents")
struct HostileTemplateTests {
    static let fragments = [
        "<broker xmlns=\"http://activemq.apache.org/schema/core\"", ">", "</broker>", "<networkConnectors>", "</networkConnectors>",
        "<networkConnector name=\"", "\" uri=\"static:(tcp://", ":61616)\"/>", "{{", "}}", "{%", "%}", "{#", "#}", "<%", "%>", "<%=",
        "%{", "}", "${", " if x ", " else ", " endif ", "\"", "'", "<", ">", "&", "&amp;", "<!--", "-->", "<![CDATA[", "]]>",
        "\n", " ", "\t", "é", "\u{201C}", "password=\"", "userName=\"u\" ", "duplex=\"{{ d }}\" ", "-", "/>",
    ]

    @Test("Seeded random templates: read, linted and edited without a crash; a document that parses round-trips",
          arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func random(_ seed: UInt64) throws {
        var random = Seeded(seed: seed)
        for _ in 0..<150 {
            var text = ""
            for _ in 0..<(Int(random.next() % 40) + 1) { text += Self.fragments[Int(random.next() % UInt64(Self.fragments.count))] }
            for name in ["activemq.xml.j2", "activemq.xml.erb", "broker.xml.tftpl", "activemq.xml"] {
                let bytes = Array(text.utf8)
                if let configuration = try? BrokerConfiguration(bytes: bytes, path: name) {
                    #expect(configuration.bytes == bytes)
                }
                _ = try Linter().lint([LintInput(path: name, bytes: .success(bytes))])
                _ = try Fixer(linter: Linter(), includeUnsafe: true).fix([LintInput(path: name, bytes: .success(bytes))])
            }
        }
    }

    @Test("Unclosed tags of every syntax end cleanly", arguments: ["{{ x", "{% if", "<%= x", "%{ for", "${x", "{#"])
    func unclosed(_ tag: String) throws {
        let text = "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"\(tag)\">\n</broker>\n"
        for name in ["a.xml.j2", "a.xml.erb", "a.xml.tftpl"] {
            _ = try Linter().lint([LintInput(path: name, bytes: .success(Array(text.utf8)))])
        }
        #expect(Placeholder.containsReference(tag))
        _ = try? NetworkConnectorURI.parse("static:(tcp://\(tag):61616)")
    }
}
