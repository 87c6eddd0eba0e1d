import ActiveMQConfig
import LosslessXML
import Testing

@Suite("Connector URIs")
struct URITests {
    @Test("static: with parentheses, options on the composite and on members")
    func staticList() throws {
        let uri = try NetworkConnectorURI.parse("static:(tcp://h1:61616,ssl://h2:61617?verifyHostName=false)?maxReconnectDelay=5000&useExponentialBackOff=false")
        #expect(uri.discovery == .staticList)
        #expect(uri.scheme == "static")
        #expect(uri.members.count == 2)
        #expect(uri.options == [URIOption("maxReconnectDelay", "5000"), URIOption("useExponentialBackOff", "false")])
        let second = try #require(uri.transports.last)
        #expect(second.scheme == "ssl" && second.host == "h2" && second.port == .literal(61617))
        #expect(second.options == [URIOption("verifyHostName", "false")])
        #expect(second.isTLS)
    }

    @Test("static:u without parentheses: the whole rest, options included, is one member")
    func staticWithoutParentheses() throws {
        let uri = try NetworkConnectorURI.parse("static:tcp://h:61616?x=1")
        #expect(uri.members.count == 1)
        #expect(uri.options.isEmpty)
        #expect(uri.transports.first?.options == [URIOption("x", "1")])
    }

    @Test("static://(…) is accepted, as ActiveMQ strips the '//'")
    func staticWithSlashes() throws {
        let uri = try NetworkConnectorURI.parse("static://(tcp://host1:61616,tcp://host2:61616)")
        #expect(uri.members.map(\.description) == ["tcp://host1:61616", "tcp://host2:61616"])
        #expect(uri.text == "static://(tcp://host1:61616,tcp://host2:61616)")
    }

    @Test("masterslave: keeps its members in order, the first tried first")
    func masterSlave() throws {
        let uri = try NetworkConnectorURI.parse("masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1-2.mq.us-east-2.amazonaws.com:61617)")
        #expect(uri.discovery == .masterSlave)
        #expect(uri.transports.map(\.host) == ["b-1-1.mq.us-east-2.amazonaws.com", "b-1-2.mq.us-east-2.amazonaws.com"])
    }

    @Test("Nested failover inside static:, with its own options")
    func nestedFailover() throws {
        let uri = try NetworkConnectorURI.parse("static:(failover:(ssl://a:61617,ssl://b:61617)?randomize=false&maxReconnectAttempts=0)")
        guard case .composite(let scheme, let members, let options, _)? = uri.members.first else {
            Issue.record("expected a composite member")
            return
        }
        #expect(scheme == "failover")
        #expect(members.count == 2)
        #expect(options == [URIOption("randomize", "false"), URIOption("maxReconnectAttempts", "0")])
        #expect(uri.transports.count == 2)
    }

    @Test("multicast:// and zeroconf:")
    func otherDiscovery() throws {
        #expect(try NetworkConnectorURI.parse("multicast://default").discovery == .multicast)
        #expect(try NetworkConnectorURI.parse("multicast://default?group=${groupId}").options == [URIOption("group", "${groupId}")])
        #expect(try NetworkConnectorURI.parse("multicast://224.1.2.6:6123").discovery == .multicast)
        #expect(try NetworkConnectorURI.parse("zeroconf:_activemq_development.").discovery == .zeroconf)
    }

    @Test("Placeholders for the whole value, a member, a host or a port")
    func placeholders() throws {
        #expect(try NetworkConnectorURI.parse("${network.uri}").discovery == .placeholder)
        #expect(try NetworkConnectorURI.parse("static:(${remote.uri})").members == [.placeholder("${remote.uri}")])
        let host = try #require(try NetworkConnectorURI.parse("static:(tcp://${host}:61616)").transports.first)
        #expect(host.host == "${host}")
        let port = try #require(try NetworkConnectorURI.parse("static:(tcp://localhost:${receiverPort})").transports.first)
        #expect(port.port == .placeholder("${receiverPort}"))
        // A placeholder may hold characters a URI may not, and commas.
        #expect(try NetworkConnectorURI.parse("static:(${a,b},tcp://h:1)").members.count == 2)
    }

    @Test("Transport URIs: schemes, IPv6, options in order, opaque vm URIs")
    func transportURIs() throws {
        for scheme in ["tcp", "ssl", "nio", "nio+ssl", "auto", "auto+ssl", "amqp", "amqp+ssl", "stomp", "stomp+ssl", "mqtt", "mqtt+ssl", "ws", "wss"] {
            let uri = try TransportURI.parse("\(scheme)://0.0.0.0:61616?maximumConnections=1000&wireFormat.maxFrameSize=104857600")
            #expect(uri.scheme == scheme)
            #expect(uri.options.map(\.name) == ["maximumConnections", "wireFormat.maxFrameSize"])
        }
        let ipv6 = try TransportURI.parse("tcp://[::1]:61616")
        #expect(ipv6.host == "::1" && ipv6.port == .literal(61616))
        #expect(try TransportURI.parse("vm://localhost").host == "localhost")
        #expect(try TransportURI.parse("vm:(broker:(tcp://localhost:6000)?persistent=false)?marshal=false").options == [URIOption("marshal", "false")])
        let built = try TransportURI(scheme: "ssl", host: "b-1.mq.us-east-2.amazonaws.com", port: 61617, options: [URIOption("a", "1")])
        #expect(built.text == "ssl://b-1.mq.us-east-2.amazonaws.com:61617?a=1")
    }

    struct Malformed: CustomStringConvertible, Sendable {
        var uri: String
        var kind: URIError.Kind
        var error: String
        var description: String { uri }
    }

    static let malformed: [Malformed] = [
        Malformed(uri: "static:(tcp://h:61616", kind: .unbalancedParentheses,
                  error: "character 8: unbalanced parentheses: 1 '(' and 0 ')' (ActiveMQ: \"Not a matching number of '(' and ')' parenthesis\")"),
        Malformed(uri: "static:tcp://h:61616)", kind: .unbalancedParentheses,
                  error: "character 21: unbalanced parentheses: 0 '(' and 1 ')' (ActiveMQ: \"Not a matching number of '(' and ')' parenthesis\")"),
        Malformed(uri: "static:()", kind: .emptyMemberList, error: "character 8: the member list '()' is empty"),
        Malformed(uri: "static:", kind: .emptyMemberList, error: "character 8: the member list is empty"),
        Malformed(uri: "static:(tcp://a:1,,tcp://b:2)", kind: .emptyMember, error: "character 19: an empty member between commas"),
        Malformed(uri: "static:(tcp://h)", kind: .missingPort, error: "character 16: missing port: 'tcp://' needs ':PORT' after the host"),
        Malformed(uri: "static:(tcp://h:)", kind: .badPort, error: "character 17: missing port number after ':'"),
        Malformed(uri: "static:(tcp://h:99999)", kind: .badPort, error: "character 17: the port must be a number from 0 to 65535"),
        Malformed(uri: "static:(tcp://:61616)", kind: .missingHost, error: "character 15: missing host: 'tcp://' must be followed by a host"),
        Malformed(uri: "static:(tpc://h:61616)", kind: .unknownScheme, error: "character 9: unknown transport scheme 'tpc'"),
        Malformed(uri: "statik:(tcp://h:61616)", kind: .unknownScheme,
                  error: "character 1: unknown discovery scheme 'statik': ActiveMQ knows static, masterslave, multicast, simple and zeroconf"),
        Malformed(uri: "(tcp://h:61616)", kind: .missingScheme, error: "character 1: a URI must start with a scheme such as 'tcp:' or 'static:'"),
        Malformed(uri: "masterslave:(ssl://h1:61617, ssl://h2:61617)", kind: .whitespace,
                  error: "character 29: whitespace is not allowed in a URI (ActiveMQ rejects it; a URI wrapped onto a second line in the XML reads as a space)"),
        Malformed(uri: "static:(tcp://h:61616)\n", kind: .whitespace,
                  error: "character 23: whitespace is not allowed in a URI (ActiveMQ rejects it; a URI wrapped onto a second line in the XML reads as a space)"),
        Malformed(uri: "static:(tcp://h|x:61616)", kind: .illegalCharacter, error: "character 16: '|' is not allowed in a URI"),
        Malformed(uri: "static:(tcp://h:61616?a=%zz)", kind: .badPercentEscape, error: "character 25: '%' must be followed by two hexadecimal digits"),
        Malformed(uri: "static:(${host)", kind: .unterminatedPlaceholder, error: "character 9: a '${' placeholder is not closed with '}'"),
        Malformed(uri: "static:(tcp://h:1)(tcp://i:2)", kind: .unexpectedText,
                  error: "character 19: only '?options' may follow the closing parenthesis of a composite URI"),
        Malformed(uri: "masterslave:(ssl://h:61617)", kind: .masterSlaveArity,
                  error: "character 1: masterslave: needs at least two members, the active broker first (it has 1); ActiveMQ fails with \"Expecting at least 2 arguments\""),
    ]

    @Test("Malformed URIs are reported with the offending character and why", arguments: malformed)
    func malformedURI(_ example: Malformed) {
        let error = #expect(throws: URIError.self) { try NetworkConnectorURI.parse(example.uri) }
        #expect(error?.kind == example.kind)
        #expect(error?.description == example.error)
    }

    @Test("Builders refuse what parsing refuses")
    func builders() throws {
        let one = NetworkConnectorURI.Member.transport(try TransportURI.parse("ssl://a:61617"))
        #expect(try NetworkConnectorURI.staticList([one]).text == "static:(ssl://a:61617)")
        #expect(throws: URIError.self) { try NetworkConnectorURI.staticList([]) }
        #expect(throws: URIError.self) { try NetworkConnectorURI.masterSlave([one]) }
        #expect(try NetworkConnectorURI.masterSlave([one, one], options: [URIOption("x", "1")]).text == "masterslave:(ssl://a:61617,ssl://a:61617)?x=1")
        #expect(throws: URIError.self) { try TransportURI(scheme: "tcp", host: "h", port: nil) }
    }

    @Test("Literal passwords are located, never shown; placeholders are references", arguments: [
        ("static:(tcp://user:s3cret@h:61616)", ["member 1 of the URI: a password in 'user:password@'"]),
        ("static:(tcp://h:61616?password=s3cret)", ["member 1 of the URI: the 'password' option"]),
        ("static:(tcp://h:61616)?password=s3cret", ["the connector URI's 'password' option"]),
        ("static:(failover:(tcp://h:1?trustStorePassword=s3cret,tcp://i:2))", ["member 1 of the URI, member 1: the 'trustStorePassword' option"]),
        ("static:(tcp://user:${PW}@h:61616?password=${PW})", []),
        ("static:(tcp://user@h:61616)", []),
    ])
    func passwords(_ uri: String, _ locations: [String]) throws {
        let parsed = try NetworkConnectorURI.parse(uri)
        #expect(parsed.literalPasswordLocations == locations)
        #expect(!parsed.redacted.contains("s3cret"))
        #expect(!redactText(uri).contains("s3cret"))
    }

    @Test("print∘parse is the identity on generated URIs", arguments: 0..<4)
    func printParseIdentity(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let schemes = ["tcp", "ssl", "nio", "nio+ssl", "auto+ssl"]
        let hosts = ["localhost", "b-1234a5b6-1.mq.us-east-2.amazonaws.com", "10.0.0.1", "[::1]", "${host}"]
        func option() -> URIOption {
            [URIOption("maxReconnectDelay", "5000"), URIOption("useExponentialBackOff", "false"),
             URIOption("wireFormat.maxFrameSize", "104857600"), URIOption("verifyHostName", nil)][Int(generator.next() % 4)]
        }
        func transport() -> String {
            var text = "\(schemes[Int(generator.next() % 5)])://\(hosts[Int(generator.next() % 5)]):\(1 + generator.next() % 65535)"
            if generator.next() % 3 == 0 { text += "?" + (0...(generator.next() % 2)).map { _ in option().description }.joined(separator: "&") }
            return text
        }
        func member(_ depth: Int) -> String {
            if depth < 2 && generator.next() % 5 == 0 {
                return "failover:(" + (0...(generator.next() % 2)).map { _ in member(depth + 1) }.joined(separator: ",") + ")"
            }
            return generator.next() % 7 == 0 ? "${remote.uri}" : transport()
        }
        for _ in 0..<200 {
            let masterSlave = generator.next() % 2 == 0
            let count = masterSlave ? 2 + Int(generator.next() % 2) : 1 + Int(generator.next() % 3)
            var text = (masterSlave ? "masterslave:(" : "static:(") + (0..<count).map { _ in member(0) }.joined(separator: ",") + ")"
            if generator.next() % 2 == 0 { text += "?" + option().description }
            let parsed = try NetworkConnectorURI.parse(text)
            #expect(parsed.text == text)
            #expect(parsed.members.count == count)
            // Rebuilding from the parsed parts prints the same text.
            let rebuilt = masterSlave
                ? try NetworkConnectorURI.masterSlave(parsed.members, options: parsed.options)
                : try NetworkConnectorURI.staticList(parsed.members, options: parsed.options)
            #expect(rebuilt.text == text)
            #expect(rebuilt == parsed)
            let hasWhitespace = rebuilt.text.contains { $0.isWhitespace }
            #expect(!hasWhitespace)
        }
    }
}

/// The URI and configuration property tests' generator, offset from the seed as it always was.
struct SeededGenerator: RandomNumberGenerator {
    var base: SplitMix64
    init(seed: UInt64) { base = SplitMix64(seed: seed &+ 0x1234_5678) }
    mutating func next() -> UInt64 { base.next() }
}
