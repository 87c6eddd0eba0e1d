/// The query options a transport connector's URI is read for, by transport, as ActiveMQ 5.x/6.x's
/// transport servers read them (`TcpTransportFactory.doBind` and its SSL, NIO and AUTO siblings).
///
/// On the broker side an option without a prefix is a property of the transport *server*; one with
/// `transport.` is set on each accepted connection (socket options such as `tcpNoDelay` belong
/// there); one with `wireFormat.` configures the wire format. An unprefixed name the server does
/// not have is silently ignored by the broker: ``check(_:scheme:)`` says why each such option does
/// nothing.
public enum TransportOptions {
    /// What is wrong with one option.
    public struct Problem: Sendable, Hashable {
        /// The option as written.
        public var option: String
        /// Why the broker ignores it, with the spelling that works when one is known.
        public var message: String
        /// The spelling the broker reads, when the option is a misspelling or misses its prefix.
        public var replacement: String?
    }

    /// Properties of every TCP-based transport server (`TcpTransportServer` and the servers
    /// built on it: NIO, AUTO, AMQP, STOMP, MQTT), read without a prefix.
    public static let serverOptions: Set<String> = [
        "maximumConnections", "backlog", "trace", "logWriterName", "dynamicManagement", "startLogging", "jmxPort",
        "useQueueForAccept", "soTimeout", "socketBufferSize", "connectionTimeout", "maxInactivityDuration",
        "maxInactivityDurationInitalDelay", "minmumWireFormatVersion", "allowLinkStealing", "daemon", "joinOnStop",
        "stackSize",
    ]

    /// Server properties of the TLS variants (`ssl`, `nio+ssl`, `auto+ssl`, `stomp+ssl`, …).
    public static let tlsServerOptions: Set<String> = ["needClientAuth", "wantClientAuth"]

    /// Server properties of the AUTO variants, besides `auto.protocols`.
    public static let autoServerOptions: Set<String> = ["protocolDetectionTimeOut", "maxConnectionThreadPoolSize"]

    /// Properties of each accepted connection (`TcpTransport`, `SslTransport`, the inactivity
    /// monitor): on a transport connector they take effect only as `transport.NAME`.
    public static let connectionOptions: Set<String> = [
        "tcpNoDelay", "keepAlive", "useKeepAlive", "soLinger", "soWriteTimeout", "ioBufferSize", "closeAsync",
        "diffServ", "typeOfService", "useInactivityMonitor", "useLocalHost", "threadName", "initialDelayTime",
        "readCheckTime", "keepAliveResponseRequired", "verifyHostName", "enabledCipherSuites", "enabledProtocols",
    ]

    /// OpenWire's wire format options: on a transport connector they take effect only as
    /// `wireFormat.NAME` (`maxInactivityDurationInitalDelay` is ActiveMQ's own spelling).
    public static let openWireFormatOptions: Set<String> = [
        "maxFrameSize", "maxFrameSizeEnabled", "maxInactivityDuration", "maxInactivityDurationInitalDelay",
        "tightEncodingEnabled", "cacheEnabled", "cacheSize", "sizePrefixDisabled", "stackTraceEnabled",
        "tcpNoDelayEnabled", "version",
    ]

    /// The schemes whose server is a TCP-based one (every option is checked).
    static let tcpBased: Set<String> = [
        "tcp", "ssl", "nio", "nio+ssl", "auto", "auto+ssl", "auto+nio", "auto+nio+ssl",
        "amqp", "amqp+ssl", "amqp+nio", "amqp+nio+ssl", "stomp", "stomp+ssl", "stomp+nio", "stomp+nio+ssl",
        "mqtt", "mqtt+ssl", "mqtt+nio", "mqtt+nio+ssl",
    ]

    /// Whether the scheme's wire format is OpenWire (the AUTO variants detect it among others).
    static func speaksOpenWire(_ scheme: String) -> Bool {
        ["tcp", "ssl", "nio", "nio+ssl"].contains(scheme) || scheme.hasPrefix("auto")
    }

    /// Whether the options of a transport connector with this scheme are checked (TCP-based
    /// servers; the HTTP and WebSocket servers, `vm`, `udp` and the composite schemes are not).
    public static func isChecked(scheme: String) -> Bool { tcpBased.contains(scheme) }

    /// The unprefixed options a transport connector with this scheme reads.
    public static func serverOptions(scheme: String) -> Set<String> {
        var known = serverOptions
        if scheme.containsUTF8("ssl") { known.formUnion(tlsServerOptions) }
        if scheme.hasPrefix("auto") { known.formUnion(autoServerOptions) }
        return known
    }

    /// Whether a name is one to judge: a plain property path (letters, digits, `.`, `_`, `-`), not
    /// a placeholder or what a template leaves in a value.
    private static func isJudged(_ name: String) -> Bool {
        !name.isEmpty && !Placeholder.containsReference(name)
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0)) }
    }

    /// The problems of a transport connector's options: unprefixed names the server does not read
    /// (socket and wire format options missing their prefix, TLS options on a plain transport,
    /// misspellings), and misspelt `wireFormat.`/`transport.` names. Names holding a `${…}`
    /// placeholder or anything but letters, digits, `.`, `_` and `-` are not judged, nor are the
    /// options of unchecked schemes.
    public static func check(_ options: [URIOption], scheme: String) -> [Problem] {
        guard isChecked(scheme: scheme) else { return [] }
        let known = serverOptions(scheme: scheme)
        var problems: [Problem] = []
        for option in options where isJudged(option.name) {
            let name = option.name
            if let dot = name.firstIndex(of: ".") {
                let prefix = String(name[..<dot]), rest = String(name[name.index(after: dot)...])
                switch prefix {
                case "wireFormat":
                    // AMQP, STOMP and MQTT have wire formats of their own: only OpenWire's names are
                    // known, and only near-misses of them are reported.
                    if speaksOpenWire(scheme), !openWireFormatOptions.contains(rest), let close = Spelling.closest(to: rest, in: openWireFormatOptions) {
                        problems.append(Problem(option: name, message: "the wire format has no option '\(rest)' (did you mean 'wireFormat.\(close)'?); it is ignored",
                                                replacement: "wireFormat.\(close)"))
                    }
                case "transport":
                    let connection = connectionOptions.union(serverOptions).union(tlsServerOptions)
                    if !connection.contains(rest), let close = Spelling.closest(to: rest, in: connection), close != rest {
                        problems.append(Problem(option: name, message: "connections have no option '\(rest)' (did you mean 'transport.\(close)'?); it is ignored",
                                                replacement: "transport.\(close)"))
                    }
                case "auto" where scheme.hasPrefix("auto"), "socket", "jms", "nested":
                    break
                default:
                    if let close = Spelling.closest(to: prefix, in: ["wireFormat", "transport"]), close != prefix {
                        problems.append(Problem(option: name, message: "'\(prefix).' is not a prefix the \(scheme) transport reads (did you mean '\(close).'?); '\(name)' is ignored",
                                                replacement: close + "." + rest))
                    }
                }
                continue
            }
            if known.contains(name) { continue }
            if SchemaAvailability.of(name, in: "transportConnector") != nil {
                problems.append(Problem(option: name, message: "'\(name)' is an attribute of <transportConnector>, not a URI option: here it is ignored",
                                        replacement: nil))
            } else if tlsServerOptions.contains(name) {
                problems.append(Problem(option: name, message: "'\(name)' is a TLS option: a \(scheme):// connector has no TLS, so it is ignored (use \(scheme == "tcp" ? "ssl" : scheme + "+ssl")://)",
                                        replacement: nil))
            } else if connectionOptions.contains(name) {
                problems.append(Problem(option: name, message: "'\(name)' is read from each connection only as 'transport.\(name)': here it is ignored",
                                        replacement: "transport.\(name)"))
            } else if openWireFormatOptions.contains(name) {
                problems.append(Problem(option: name, message: "'\(name)' is a wire format option, read only as 'wireFormat.\(name)': here it is ignored",
                                        replacement: "wireFormat.\(name)"))
            } else if let close = Spelling.closest(to: name, in: known.union(connectionOptions)) {
                let spelled = known.contains(close) ? close : "transport.\(close)"
                problems.append(Problem(option: name, message: "the \(scheme) transport has no option '\(name)' (did you mean '\(spelled)'?); it is ignored",
                                        replacement: spelled))
            } else {
                problems.append(Problem(option: name, message: "the \(scheme) transport has no option '\(name)'; it is ignored (connection options take 'transport.', wire format options 'wireFormat.')",
                                        replacement: nil))
            }
        }
        return problems
    }
}
