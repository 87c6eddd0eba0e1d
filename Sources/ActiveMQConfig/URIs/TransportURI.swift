/// A transport URI: where a transport connector listens, or a broker a network connector dials.
///
/// `scheme://[userInfo@]host[:port][/path][?options]`, for the schemes ActiveMQ 5.x registers
/// (`tcp`, `ssl`, `nio`, `nio+ssl`, `auto`, `auto+ssl`, `amqp`, `amqp+ssl`, `stomp`, `stomp+ssl`,
/// `mqtt`, `mqtt+ssl`, `ws`, `wss`, `vm`, …). Host, port and option values may be `${…}`
/// placeholders. A parsed URI keeps its original text; a built one prints without whitespace.
public struct TransportURI: Sendable, Hashable, CustomStringConvertible {
    /// The scheme, e.g. `ssl` or `nio+ssl`.
    public var scheme: String
    /// `user` or `user:password` before `@`, if any (a literal password there is refused by the builder).
    public var userInfo: String?
    /// The host (without brackets for IPv6), if the URI has an authority.
    public var host: String?
    /// The port: a number, or a `${…}` placeholder.
    public var port: ConfigValue<Int>?
    /// What follows the authority, e.g. `/path`; for opaque URIs (`vm:(broker:(…))`) the whole rest.
    public var path: String
    /// The query options, in order.
    public var options: [URIOption]
    /// The URI's text: as written when parsed, as printed when built.
    public var text: String

    /// Transport schemes ActiveMQ 5.x registers (client, broker, AMQP, STOMP, MQTT and HTTP modules).
    public static let knownSchemes: Set<String> = [
        "tcp", "ssl", "nio", "nio+ssl", "udp", "multicast", "failover", "fanout", "discovery", "mock",
        "auto", "auto+ssl", "auto+nio", "auto+nio+ssl", "vm", "peer",
        "amqp", "amqp+ssl", "amqp+nio", "amqp+nio+ssl", "amqp+ws", "amqp+wss",
        "stomp", "stomp+ssl", "stomp+nio", "stomp+nio+ssl",
        "mqtt", "mqtt+ssl", "mqtt+nio", "mqtt+nio+ssl",
        "ws", "wss", "http", "https",
    ]

    /// Schemes that listen on or dial a socket, and so need a port.
    static let needsPort: Set<String> = [
        "tcp", "ssl", "nio", "nio+ssl", "udp", "auto", "auto+ssl", "auto+nio", "auto+nio+ssl",
        "amqp", "amqp+ssl", "amqp+nio", "amqp+nio+ssl", "amqp+ws", "amqp+wss",
        "stomp", "stomp+ssl", "stomp+nio", "stomp+nio+ssl", "mqtt", "mqtt+ssl", "mqtt+nio", "mqtt+nio+ssl",
        "ws", "wss",
    ]

    /// Whether the scheme encrypts the connection with TLS.
    public var isTLS: Bool {
        scheme.hasSuffix("ssl") || scheme == "wss" || scheme == "https" || scheme == "amqp+wss"
    }

    /// Parses a transport URI.
    public static func parse(_ text: String) throws(URIError) -> TransportURI {
        let scanner = URIScanner(Substring(text))
        try scanner.checkCharacters()
        try scanner.checkParentheses()
        return try parse(scanner, 0..<scanner.count)
    }

    /// Parses the part [range) of a larger URI (errors point into the whole).
    static func parse(_ scanner: URIScanner, _ range: Range<Int>) throws(URIError) -> TransportURI {
        let sub = URIScanner(Substring(scanner.string(range)), base: scanner.base + range.lowerBound)
        let (scheme, afterColon) = try sub.scheme()
        // A scheme that is a template expression or placeholder is unknown: nothing that depends
        // on it (a needed port, its options) is judged.
        let unknownScheme = Placeholder.containsReference(scheme)
        guard knownSchemes.contains(scheme) || unknownScheme else {
            throw URIError(.unknownScheme, at: sub.base, "unknown transport scheme '\(scheme)'")
        }
        var uri = TransportURI(scheme: scheme, userInfo: nil, host: nil, port: nil, path: "", options: [],
                               text: sub.string(0..<sub.count))
        let end = sub.count
        let hierarchical = afterColon + 1 < end && sub.scalars[afterColon] == "/" && sub.scalars[afterColon + 1] == "/"
        let queryStart = sub.firstIndex(of: "?", from: afterColon, to: end, topLevelOnly: true)
        if let queryStart {
            uri.options = URIOption.parseList(Substring(sub.string((queryStart + 1)..<end)))
        }
        let bodyEnd = queryStart ?? end
        guard hierarchical else {
            uri.path = sub.string(afterColon..<bodyEnd)
            return uri
        }
        let authorityStart = afterColon + 2
        let authorityEnd = sub.firstIndex(of: "/", from: authorityStart, to: bodyEnd) ?? bodyEnd
        uri.path = sub.string(authorityEnd..<bodyEnd)
        var hostStart = authorityStart
        if let at = (authorityStart..<authorityEnd).last(where: { sub.scalars[$0] == "@" && sub.placeholderEnd(at: $0) == nil }) {
            uri.userInfo = sub.string(authorityStart..<at)
            hostStart = at + 1
        }
        var hostEnd = authorityEnd
        var portStart: Int?
        if hostStart < authorityEnd && sub.scalars[hostStart] == "[" {
            guard let close = (hostStart..<authorityEnd).first(where: { sub.scalars[$0] == "]" }) else {
                throw URIError(.missingHost, at: sub.base + hostStart, "an IPv6 host must end with ']'")
            }
            uri.host = sub.string((hostStart + 1)..<close)
            if close + 1 < authorityEnd {
                guard sub.scalars[close + 1] == ":" else {
                    throw URIError(.unexpectedText, at: sub.base + close + 1, "expected ':' and a port after an IPv6 host")
                }
                portStart = close + 2
            }
        } else {
            var i = hostStart
            while i < authorityEnd {
                if let stop = sub.placeholderEnd(at: i), stop > 0 {
                    i = stop
                    continue
                }
                if sub.scalars[i] == ":" {
                    hostEnd = i
                    portStart = i + 1
                    break
                }
                i += 1
            }
            if hostEnd > hostStart { uri.host = sub.string(hostStart..<hostEnd) }
        }
        if let portStart {
            let portText = sub.string(portStart..<authorityEnd)
            if Placeholder.containsReference(portText) {
                uri.port = .placeholder(portText)
            } else if let number = Int(portText), (0...65535).contains(number), portText.allSatisfy(\.isASCII) {
                uri.port = .literal(number)
            } else {
                throw URIError(.badPort, at: sub.base + portStart,
                               portText.isEmpty ? "missing port number after ':'" : "the port must be a number from 0 to 65535")
            }
        }
        if uri.host == nil && !unknownScheme && scheme != "vm" && scheme != "http" && scheme != "https" {
            throw URIError(.missingHost, at: sub.base + hostStart, "missing host: '\(scheme)://' must be followed by a host")
        }
        // A host that holds a placeholder (`ssl://${hub.address}`) may hold its port too: unknown, not missing.
        if uri.port == nil && !unknownScheme && needsPort.contains(scheme) && !Placeholder.containsReference(uri.host ?? "") {
            throw URIError(.missingPort, at: sub.base + authorityEnd, "missing port: '\(scheme)://' needs ':PORT' after the host")
        }
        return uri
    }

    /// Builds a URI from its parts; it prints without whitespace.
    ///
    /// - Throws: ``URIError`` when the result is not a URI ActiveMQ accepts (unknown scheme,
    ///   missing port, illegal characters).
    public init(scheme: String, host: String, port: Int?, options: [URIOption] = []) throws(URIError) {
        var text = "\(scheme)://\(host.contains(":") ? "[\(host)]" : host)"
        if let port { text += ":\(port)" }
        text += URIOption.render(options)
        self = try TransportURI.parse(text)
    }

    private init(scheme: String, userInfo: String?, host: String?, port: ConfigValue<Int>?, path: String,
                 options: [URIOption], text: String) {
        self.scheme = scheme
        self.userInfo = userInfo
        self.host = host
        self.port = port
        self.path = path
        self.options = options
        self.text = text
    }

    /// The URI's text.
    public var description: String { text }

    /// Whether the user information holds a literal password (`user:password@`).
    public var hasLiteralPasswordInUserInfo: Bool {
        guard let userInfo, let colon = userInfo.firstIndex(of: ":") else { return false }
        let password = String(userInfo[userInfo.index(after: colon)...])
        return !password.isEmpty && !Placeholder.isReference(password)
    }

    /// The options that carry a literal password.
    public var literalPasswordOptions: [String] {
        options.filter(\.isLiteralPassword)
            .map(\.name)
    }
}
