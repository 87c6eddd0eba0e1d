/// The brokers a network connector bridges to.
public enum RemoteBrokers: Sendable, Hashable {
    /// One broker (a single-instance Amazon MQ broker): `static:(endpoint)`.
    case broker(String)
    /// Several independent brokers, one bridge each: `static:(e1,e2,…)`.
    case brokers([String])
    /// An active/standby pair (or group), one bridge to whichever is active, the first tried
    /// first: `masterslave:(active,standby)`.
    case activeStandby([String])
    /// Any network connector URI, e.g. `static:(failover:(a,b))?maxReconnectDelay=5000`.
    case uri(String)

    /// An active/standby pair: `masterslave:(active,standby)`.
    public static func activeStandbyPair(active: String, standby: String) -> RemoteBrokers {
        .activeStandby([active, standby])
    }

    /// The URI, checked: `static:` needs one member or more, `masterslave:` two or more.
    public func networkURI() throws(URIError) -> NetworkConnectorURI {
        switch self {
        case .broker(let endpoint): return try NetworkConnectorURI.parse("static:(\(endpoint))")
        case .brokers(let endpoints): return try NetworkConnectorURI.parse("static:(\(endpoints.joined(separator: ",")))")
        case .activeStandby(let endpoints):
            return try NetworkConnectorURI.parse("masterslave:(\(endpoints.joined(separator: ",")))")
        case .uri(let text): return try NetworkConnectorURI.parse(text)
        }
    }
}

/// A network connector to build, in the words of the domain.
///
/// The tutorial's connector from MyBroker1 to MyBroker2, and the same to an active/standby pair:
///
/// ```swift
/// let toSingle = NetworkConnectorDefinition(name: "connector_1_to_2",
///                                           to: .broker("ssl://b-1234a5b6-…-1.mq.us-east-2.amazonaws.com:61617"))
///     .userName("myCommonUser")
///     .duplex()
/// let toPair = NetworkConnectorDefinition(name: "connector_1_to_2",
///                                         to: .activeStandbyPair(active: "ssl://b-9876…-1.mq.us-east-2.amazonaws.com:61617",
///                                                                standby: "ssl://b-9876…-2.mq.us-east-2.amazonaws.com:61617"))
///     .userName("myCommonUser")
///     .duplex()
/// ```
///
/// There is no way to give a literal password: ``password(_:)`` takes a ``SecretReference``
/// (`${NAME}`), and ``validate(for:)`` refuses a password that arrives by any other road
/// (`user:password@` in a member, a `password=` option, a `password` attribute).
public struct NetworkConnectorDefinition: Sendable, Hashable {
    /// The connector's name, unique within its broker.
    public var name: String
    /// The brokers it bridges to.
    public var remote: RemoteBrokers
    /// The user it authenticates as.
    public var userName: String?
    /// A reference to the bridge password, resolved by the broker at start.
    public var password: SecretReference?
    /// Whether one bridge carries messages both ways.
    public var duplex: Bool?
    /// How many brokers a message may cross.
    public var networkTTL: Int?
    /// Other `<networkConnector>` attributes, in order (checked against ActiveMQ's schema).
    public var otherAttributes: [NewElement.Attribute]

    /// A connector named `name` to `remote`.
    public init(name: String, to remote: RemoteBrokers) {
        self.name = name
        self.remote = remote
        self.otherAttributes = []
    }

    /// Sets the user the bridge authenticates as.
    public func userName(_ userName: String) -> Self {
        var copy = self
        copy.userName = userName
        return copy
    }

    /// Makes the bridge duplex (or not).
    public func duplex(_ duplex: Bool = true) -> Self {
        var copy = self
        copy.duplex = duplex
        return copy
    }

    /// Sets how many brokers a message may cross.
    public func networkTTL(_ hops: Int) -> Self {
        var copy = self
        copy.networkTTL = hops
        return copy
    }

    /// Refers to the bridge password by placeholder; the file never holds the password.
    public func password(_ reference: SecretReference) -> Self {
        var copy = self
        copy.password = reference
        return copy
    }

    /// Sets another `<networkConnector>` attribute, e.g. `conduitSubscriptions`.
    public func attribute(_ name: String, _ value: String) -> Self {
        var copy = self
        copy.otherAttributes.removeAll { $0.name == name }
        copy.otherAttributes.append(NewElement.Attribute(name: name, value: value))
        return copy
    }

    /// Checks every rule and returns the connector's attributes, in the order they are written
    /// (`name`, `userName`, `password`, `duplex`, `networkTTL`, the others, `uri`).
    ///
    /// - Throws: ``ConnectorError`` naming the first rule broken.
    public func validate(for target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> [NewElement.Attribute] {
        let (attributes, uri) = try ConnectorRules.assignments(
            name: name, userName: userName, password: password, duplex: duplex, networkTTL: networkTTL,
            others: otherAttributes, remote: remote)
        if let uri { try ConnectorRules.check(uri: uri, attributes: attributes, target: target) }
        return attributes
    }
}

/// The rules every connector write obeys, for building and for changing one.
enum ConnectorRules {
    /// The attributes to write, in order (`name`, `userName`, `password`, `duplex`, `networkTTL`,
    /// the others, `uri`), each checked, for a new connector or a change to one.
    static func assignments(
        name: String?, userName: String?, password: SecretReference?, duplex: Bool?, networkTTL: Int?,
        others: [NewElement.Attribute], remote: RemoteBrokers?
    ) throws(ConnectorError) -> ([NewElement.Attribute], NetworkConnectorURI?) {
        var result: [NewElement.Attribute] = []
        if let name {
            guard !name.isEmpty, !Placeholder.containsReference(name) else { throw .invalidName }
            result.append(.init(name: "name", value: name))
        }
        if let userName { result.append(.init(name: "userName", value: userName)) }
        if let password {
            guard password.isValid else { throw .invalidSecretReference }
            result.append(.init(name: "password", value: password.placeholder))
        }
        if let duplex { result.append(.init(name: "duplex", value: duplex ? "true" : "false")) }
        if let networkTTL { result.append(.init(name: "networkTTL", value: String(networkTTL))) }
        for attribute in others {
            guard !["name", "uri", "userName", "password", "duplex", "networkTTL"].contains(attribute.name) else {
                throw .invalidValue(attribute: attribute.name, expected: "set with its own modifier, not attribute(_:_:)")
            }
            try check(attribute: attribute.name, value: attribute.value)
            result.append(attribute)
        }
        var uri: NetworkConnectorURI?
        if let remote {
            do {
                uri = try remote.networkURI()
            } catch {
                throw .invalidURI(error)
            }
            if let location = uri?.literalPasswordLocations.first { throw .embeddedPassword(location) }
            result.append(.init(name: "uri", value: uri!.text))
        }
        return (result, uri)
    }

    /// Checks one attribute: known to ActiveMQ's schema, of the right type, no literal password.
    static func check(attribute name: String, value: String) throws(ConnectorError) {
        guard let kind = NetworkConnectorAttributes.kinds[name] else {
            throw .unknownAttribute(name, suggestion: Spelling.closest(to: name, in: NetworkConnectorAttributes.kinds.keys))
        }
        if Placeholder.containsReference(value) { return }
        switch kind {
        case .boolean:
            guard LexicalValue.boolean(value) != nil else { throw .invalidValue(attribute: name, expected: "true or false") }
        case .integer:
            guard LexicalValue.int32(value) != nil else { throw .invalidValue(attribute: name, expected: "an integer") }
        case .long:
            guard LexicalValue.int64(value) != nil else { throw .invalidValue(attribute: name, expected: "an integer") }
        case .secret:
            if !value.isEmpty && !Placeholder.isEncrypted(value) { throw .embeddedPassword("the '\(name)' attribute") }
        case .string:
            break
        }
    }

    /// Checks the URI and the whole attribute set against the target.
    static func check(uri: NetworkConnectorURI, attributes: [NewElement.Attribute], target: ConfigurationTarget) throws(ConnectorError) {
        if let location = uri.literalPasswordLocations.first { throw .embeddedPassword(location) }
        guard target == .amazonMQ else { return }
        if attributes.contains(where: { $0.name == "password" || $0.name == "remotePassword" }) {
            throw .targetRequirement(target, "no password attribute: Amazon MQ supplies the password of the user named by userName")
        }
        guard let userName = attributes.first(where: { $0.name == "userName" })?.value, !userName.isEmpty else {
            throw .targetRequirement(target, "a userName is required: Amazon MQ authenticates the bridge as that user")
        }
        if let placeholder = attributes.first(where: { Placeholder.containsReference($0.value) }) {
            throw .targetRequirement(target, "'\(placeholder.name)' holds a placeholder, which Amazon MQ removes; use literal values")
        }
        switch uri.discovery {
        case .staticList, .masterSlave: break
        default: throw .targetRequirement(target, "only static: and masterslave: connector URIs are supported")
        }
        for (i, member) in uri.members.enumerated() {
            for transport in member.transports where transport.scheme != "ssl" {
                throw .targetRequirement(target, "member \(i + 1) uses '\(transport.scheme)://'; Amazon MQ accepts ssl:// only")
            }
        }
    }
}

/// Suggests the closest known name for a misspelt one (a did-you-mean).
public enum Spelling {
    /// The candidate closest to `name` by edit distance, ignoring case, when close enough.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = levenshtein(lowered, candidate.lowercased())
            if distance <= max(2, name.count / 4), distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// The attributes ActiveMQ 5.17's schema defines on `<networkConnector>`, by type.
enum NetworkConnectorAttributes {
    enum Kind { case boolean, integer, long, string, secret }

    static let kinds: [String: Kind] = [
        "advisoryAckPercentage": .integer, "advisoryForFailedForward": .boolean, "advisoryPrefetchSize": .integer,
        "alwaysSyncSend": .boolean, "bridgeFactory": .string, "bridgeTempDestinations": .boolean, "brokerName": .string,
        "brokerService": .string, "brokerURL": .string, "checkDuplicateMessagesOnDuplex": .boolean,
        "clientIdToken": .string, "conduitNetworkQueueSubscriptions": .boolean, "conduitSubscriptions": .boolean,
        "connectionFilter": .string, "consumerPriorityBase": .integer, "consumerTTL": .integer,
        "decreaseNetworkConsumerPriority": .boolean, "destinationFilter": .string, "discoveryAgent": .string,
        "discoveryURI": .string, "dispatchAsync": .boolean, "duplex": .boolean, "dynamicOnly": .boolean,
        "gcDestinationViews": .boolean, "gcSweepTime": .long, "localUri": .string, "messageTTL": .integer,
        "name": .string, "networkTTL": .integer, "objectName": .string, "password": .secret, "prefetchSize": .integer,
        "remotePassword": .secret, "remoteUserName": .string, "sslContext": .string, "staticBridge": .boolean,
        "suppressDuplicateQueueSubscriptions": .boolean, "suppressDuplicateTopicSubscriptions": .boolean,
        "syncDurableSubs": .boolean, "uri": .string, "useBrokerNameAsIdSees": .boolean, "useCompression": .boolean,
        "useVirtualDestSubs": .boolean, "userName": .string, "id": .string,
    ]
}
