import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// Templates as first-class input: Jinja, ERB and Terraform tags are masked for parsing, byte for
/// byte; positions stay true, the round trip is identical, and expressions are unknown values.
@Suite("Templates")
struct TemplateTests {
    static let jinja = """
        <beans xmlns="http://www.springframework.org/schema/beans">
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="{{ inventory_hostname }}" {% if jmx %}useJmx="true"{% endif %}>
        {% if network %}
            <networkConnectors>
        {% for peer in peers %}
              <networkConnector name="{{ peer.name }}" userName="{{ amq_user }}" password="{{ amq_password }}" duplex="{{ peer.duplex | default(true) }}"
                                uri="static:(ssl://{{ peer.host }}:{{ peer.port }})"/>
        {% endfor %}
            </networkConnectors>
        {% endif %}
            <transportConnectors>
              <transportConnector name="openwire" uri="ssl://0.0.0.0:{{ openwire_port }}?maximumConnections={{ max_conn }}"/>
            </transportConnectors>
          </broker>
        </beans>

        """

    static let erb = """
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="<%= @broker_name %>">
        <% if @network && @peers.size > 0 -%>
          <networkConnectors>
            <networkConnector name="bridge" userName="<%= @user %>" password="<%= @password %>" uri="static:(tcp://<%= @peer %>:61616)"/>
          </networkConnectors>
        <% end -%>
          <transportConnectors>
        <% if @ssl %>
            <transportConnector name="openwire" uri="ssl://0.0.0.0:61617"/>
        <% else %>
            <transportConnector name="openwire" uri="tcp://0.0.0.0:61617"/>
        <% end %>
          </transportConnectors>
        </broker>

        """

    static let terraform = """
        <broker xmlns="http://activemq.apache.org/schema/core">
          <networkConnectors>
        %{ for peer in peers ~}
            <networkConnector name="${peer.name}" userName="${user}" duplex="true" uri="static:(ssl://${peer.host}:61617)"/>
        %{ endfor ~}
          </networkConnectors>
        </broker>

        """

    @Test("Jinja, ERB and Terraform templates round-trip byte for byte and lint clean",
          arguments: [("activemq.xml.j2", jinja, "activemq"), ("activemq.xml.erb", erb, "activemq"), ("broker.xml.tftpl", terraform, "amazon-mq")])
    func clean(_ name: String, _ text: String, _ profile: String) throws {
        let configuration = try BrokerConfiguration(bytes: Array(text.utf8), path: name)
        #expect(configuration.document.template != nil)
        #expect(configuration.bytes == Array(text.utf8))
        let findings = try lint([(name, text)], profile: profile).filter { $0.severity >= .warning }
        #expect(findings.isEmpty, "\(findings.map(\.formatted))")
    }

    @Test("The same text read as plain XML is not what the template means")
    func plainIsDifferent() throws {
        #expect(throws: XMLDocumentError.self) { try BrokerConfiguration(bytes: Array(Self.erb.utf8), path: "activemq.xml") }
        let findings = try lint([("activemq.xml", Self.erb)])
        #expect(findings.map(\.rule) == [.notWellFormed])
    }

    @Test("Positions stay true: a finding after a masked tag points where it is in the template")
    func positions() throws {
        let text = Self.jinja.replacingOccurrences(of: "name=\"openwire\" uri", with: "name=\"openwire\" duplx=\"true\" uri")
        let finding = try #require(try lint([("activemq.xml.j2", text)]).first { $0.rule == .unknownAttribute })
        #expect(finding.line == 12)
        #expect(finding.column == position(of: "duplx", in: text).column)
    }

    @Test("Literal secrets in a template are still found; expressions are never secrets")
    func secrets() throws {
        let text = Self.jinja.replacingOccurrences(of: "password=\"{{ amq_password }}\"", with: "password=\"literal-S3cret\"")
        let findings = try lint([("activemq.xml.j2", text)]).filter { $0.rule == .embeddedPassword }
        #expect(findings.count == 1 && !findings[0].formatted.contains("literal-S3cret"))
    }

    @Test("A template whose branches choose between start tags gets a clear error at a position")
    func alternatives() throws {
        let text = """
            <beans xmlns="http://www.springframework.org/schema/beans">
            {% if old %}
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="a">
            {% else %}
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b" useJmx="false">
            {% endif %}
              </broker>
            </beans>

            """
        let finding = try #require(try lint([("activemq.xml.j2", text)]).first)
        #expect(finding.rule == .notWellFormed && finding.line == 8)
        #expect(finding.message.contains("in a Jinja template, tags that choose between whole elements"))
    }

    @Test("Editing a template changes only the connector's lines")
    func editing() throws {
        var configuration = try BrokerConfiguration(bytes: Array(Self.erb.utf8), path: "activemq.xml.erb")
        try configuration.updateNetworkConnector(named: "bridge", in: .index(0), NetworkConnectorChange().networkTTL(2))
        let expected = Self.erb.replacingOccurrences(of: "uri=\"static:(tcp://<%= @peer %>:61616)\"/>",
                                                     with: "uri=\"static:(tcp://<%= @peer %>:61616)\" networkTTL=\"2\"/>")
        #expect(String(decoding: configuration.bytes, as: UTF8.self) == expected)
    }

    @Test("Template expressions in connector URIs are unknown values: scheme, host and port, of transport and network connectors",
          arguments: [
              #"<transportConnector name="openwire" uri="{{ proto }}://{{ host }}:{{ port }}"/>"#,
              #"<transportConnector name="openwire" uri="{{ proto }}://0.0.0.0:{{ port }}?maximumConnections=1000"/>"#,
              #"<transportConnector name="openwire" uri="tcp://{{ host }}:616{{ suffix }}"/>"#,
              #"<transportConnector name="openwire" uri="<%= @scheme %>://0.0.0.0:<%= @port %>"/>"#,
          ])
    func templatedTransportURIs(_ connector: String) throws {
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">
              <networkConnectors>
                <networkConnector name="n" userName="u" uri="static:({{ peer_proto }}://{{ peer_host }}:{{ peer_port }})"/>
                <networkConnector name="m" userName="u" uri="{{ discovery }}:(tcp://h:61616)"/>
              </networkConnectors>
              <transportConnectors>
                \(connector)
              </transportConnectors>
            </broker>
            """
        let name = connector.contains("<%") ? "activemq.xml.erb" : "activemq.xml.j2"
        let findings = try lint([(name, text)])
        #expect(!findings.contains { $0.rule == .uriSyntax }, "\(findings.map(\.formatted))")
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.map(\.formatted))")
    }
}
