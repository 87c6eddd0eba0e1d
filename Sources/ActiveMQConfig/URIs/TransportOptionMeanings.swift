extension TransportOptions {
    /// What a transport URI option does, in one sentence (for hovers and explanations): the server
    /// options, the TLS and AUTO server options, each accepted connection's options and OpenWire's
    /// wire format options, by name without prefix. Nil for an option the tool does not know.
    public static func meaning(of option: String) -> String? {
        let name = option.hasPrefix("transport.") ? String(option.dropFirst("transport.".count))
            : option.hasPrefix("wireFormat.") ? String(option.dropFirst("wireFormat.".count)) : option
        return meanings[name]
    }

    static let meanings: [String: String] = [
        // The server (TcpTransportServer), read without a prefix on a transport connector.
        "maximumConnections": "The most client connections the connector accepts; more are refused.",
        "backlog": "The length of the server socket's queue of connections not yet accepted.",
        "trace": "Logs every command the connection sends and receives (a debugging aid).",
        "logWriterName": "The log writer `trace` uses.",
        "dynamicManagement": "Lets JMX switch `trace` logging on and off while the broker runs.",
        "startLogging": "With `dynamicManagement`, whether `trace` logging starts switched on.",
        "jmxPort": "The JMX port `dynamicManagement` registers its logging control on (default 1099).",
        "useQueueForAccept": "Hands accepted sockets to a separate thread, so a slow handshake does not block accepting.",
        "soTimeout": "The socket read timeout in milliseconds (0: none).",
        "socketBufferSize": "The socket's send and receive buffer size in bytes (default 64 KiB).",
        "connectionTimeout": "Milliseconds a new connection may take to send its first command before it is dropped (default 30000).",
        "maxInactivityDuration": "Milliseconds without any command before the inactivity monitor closes the connection (default 30000; 0 turns it off).",
        "maxInactivityDurationInitalDelay": "Milliseconds before the inactivity monitor's first check (default 10000; ActiveMQ's own spelling).",
        "minmumWireFormatVersion": "The oldest OpenWire version a client may negotiate (ActiveMQ's own spelling).",
        "allowLinkStealing": "A new connection with a client id already connected takes it over, closing the old one (default false; true for MQTT).",
        "daemon": "Runs the connector's threads as daemon threads.",
        "joinOnStop": "Waits for the accepting thread to end when the connector stops.",
        "stackSize": "The stack size of the connection threads, in bytes.",
        "needClientAuth": "TLS: every client must present a certificate the trust store accepts.",
        "wantClientAuth": "TLS: clients are asked for a certificate, and may connect without one.",
        "protocolDetectionTimeOut": "AUTO: milliseconds a client has to send enough bytes to detect its protocol.",
        "maxConnectionThreadPoolSize": "AUTO: the most threads that detect protocols at once.",
        // Each connection (TcpTransport, SslTransport, the inactivity monitor): `transport.` on a connector.
        "tcpNoDelay": "Disables Nagle's algorithm on the socket, sending small commands at once.",
        "keepAlive": "Sets the socket's SO_KEEPALIVE.",
        "useKeepAlive": "The inactivity monitor sends keep-alive commands to keep an idle connection open (default true).",
        "soLinger": "The socket's SO_LINGER in seconds (-1 turns it off).",
        "soWriteTimeout": "Milliseconds a blocked socket write may take before the connection is closed (0: none).",
        "ioBufferSize": "The size of the buffer around the socket's streams, in bytes (default 8 KiB).",
        "closeAsync": "Closes sockets on a thread of their own, so a close does not block (default true).",
        "diffServ": "The DiffServ class of the connection's packets (a DSCP name or value).",
        "typeOfService": "The IP type-of-service byte of the connection's packets.",
        "useInactivityMonitor": "Whether the inactivity monitor runs on the connection (default true).",
        "useLocalHost": "Connects using `localhost` in place of the host name (a workaround for some hosts).",
        "threadName": "Names the connection's thread after this text and the remote address.",
        "initialDelayTime": "Milliseconds before the inactivity monitor's first check.",
        "readCheckTime": "Milliseconds between the inactivity monitor's read checks.",
        "keepAliveResponseRequired": "A keep-alive expects an answer.",
        "verifyHostName": "TLS: the server's certificate must name the host dialled.",
        "enabledCipherSuites": "TLS: the cipher suites the socket may use, comma-separated.",
        "enabledProtocols": "TLS: the protocol versions the socket may use (`TLSv1.2,TLSv1.3`).",
        // OpenWire's wire format: `wireFormat.` on a connector.
        "maxFrameSize": "The largest command accepted, in bytes (default 100 MiB on the broker); larger ones close the connection.",
        "maxFrameSizeEnabled": "Whether `maxFrameSize` is checked (default true).",
        "tightEncodingEnabled": "Packs commands tighter, for less bandwidth at more CPU (default true).",
        "cacheEnabled": "Caches repeated values (destinations, ids) on the wire (default true).",
        "cacheSize": "How many values the wire format cache holds (default 1024).",
        "sizePrefixDisabled": "Sends commands without their length prefix (default false).",
        "stackTraceEnabled": "Sends exceptions' stack traces to the client (default true).",
        "tcpNoDelayEnabled": "Asks the peer to set tcpNoDelay during the wire format negotiation (default true).",
        "version": "The OpenWire version proposed in the negotiation (the newest the broker speaks by default).",
    ]
}
