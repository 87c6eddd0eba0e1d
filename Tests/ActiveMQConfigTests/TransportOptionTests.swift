import ActiveMQConfig
import Testing

/// The options each transport reads, and what `transport-option` says about the others.
@Suite("Transport URI options")
struct TransportOptionTests {
    @Test("Options the broker would ignore are named, with the spelling that works", arguments: [
        ("tcp://0.0.0.0:61616?maximumConection=1000", "maximumConection", "maximumConnections"),
        ("tcp://0.0.0.0:61616?tcpNoDelay=true", "tcpNoDelay", "transport.tcpNoDelay"),
        ("nio://0.0.0.0:61616?maxFrameSize=1048576", "maxFrameSize", "wireFormat.maxFrameSize"),
        ("ssl://0.0.0.0:61617?wireFormat.maxInactivityDurationInitialDelay=1", "wireFormat.maxInactivityDurationInitialDelay",
         "wireFormat.maxInactivityDurationInitalDelay"),
        ("ssl://0.0.0.0:61617?wireformat.maxFrameSize=1", "wireformat.maxFrameSize", "wireFormat.maxFrameSize"),
        ("ssl://0.0.0.0:61617?transport.needClientAuht=true", "transport.needClientAuht", "transport.needClientAuth"),
        ("stomp+ssl://0.0.0.0:61612?enabledProtocols=TLSv1.2", "enabledProtocols", "transport.enabledProtocols"),
    ])
    func replacements(_ uri: String, _ option: String, _ replacement: String) throws {
        let parsed = try TransportURI.parse(uri)
        let problems = TransportOptions.check(parsed.options, scheme: parsed.scheme)
        #expect(problems.map(\.option) == [option])
        #expect(problems.first?.replacement == replacement)
    }

    @Test("No replacement where none works: TLS options on plain TCP, connector attributes, unknown names")
    func withoutReplacement() throws {
        for (uri, words) in [("tcp://0.0.0.0:61616?needClientAuth=true", "a tcp:// connector has no TLS"),
                             ("tcp://0.0.0.0:61616?updateClusterClients=true", "an attribute of <transportConnector>"),
                             ("mqtt://0.0.0.0:1883?frobnicate=1", "the mqtt transport has no option 'frobnicate'")] {
            let parsed = try TransportURI.parse(uri)
            let problems = TransportOptions.check(parsed.options, scheme: parsed.scheme)
            #expect(problems.count == 1 && problems[0].replacement == nil && problems[0].message.contains(words), "\(problems)")
        }
    }

    @Test("What every transport reads, what other protocols' wire formats read, placeholders and unchecked schemes pass")
    func quiet() throws {
        for uri in [
            "tcp://0.0.0.0:61616?maximumConnections=1000&wireFormat.maxFrameSize=104857600&transport.closeAsync=false&trace=true",
            "ssl://0.0.0.0:61617?needClientAuth=true&wantClientAuth=false&transport.enabledProtocols=TLSv1.2&transport.verifyHostName=false",
            "auto+nio+ssl://0.0.0.0:61618?auto.protocols=default,mqtt&protocolDetectionTimeOut=5000&maxConnectionThreadPoolSize=10",
            "amqp://0.0.0.0:5672?wireFormat.maxAmqpFrameSize=1048576&transport.transformer=jms",
            "tcp://0.0.0.0:61616?${extra.option}=1&backlog=${backlog}",
            "ws://0.0.0.0:61614?anything=1", "vm://localhost?broker.persistent=false", "udp://0.0.0.0:61616?x=1",
        ] {
            let parsed = try TransportURI.parse(uri)
            #expect(TransportOptions.check(parsed.options, scheme: parsed.scheme).isEmpty, "\(uri)")
        }
    }

    @Test("The builder warns about an ignored option on a transport connector it writes; it does not refuse")
    func builderWarns() throws {
        var configuration = try BrokerConfiguration(bytes: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>".utf8), path: "b.xml")
        let edit = try configuration.addTransportConnector(TransportConnectorDefinition(name: "openwire", uri: "tcp://0.0.0.0:61616?maximumConection=1000"))
        #expect(edit.warnings.map(\.rule) == [.transportOption])
        #expect(edit.warnings.first?.message.contains("did you mean 'maximumConnections'?") == true)
        #expect(edit.warnings.first?.fix?.applicability == .unsafe)
    }
}
