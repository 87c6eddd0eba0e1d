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

    /// The URI as it is written: `static:(…)`, `masterslave:(…)`, or the text given.
    public var uriText: String {
        switch self {
        case .broker(let endpoint): return "static:(\(endpoint))"
        case .brokers(let endpoints): return "static:(\(endpoints.joined(separator: ",")))"
        case .activeStandby(let endpoints): return "masterslave:(\(endpoints.joined(separator: ",")))"
        case .uri(let text): return text
        }
    }

    /// The URI, parsed: `static:` needs one member or more, `masterslave:` two or more.
    public func networkURI() throws(URIError) -> NetworkConnectorURI {
        try NetworkConnectorURI.parse(uriText)
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
    /// Destination filters, by list (written as child elements of the connector).
    public var destinationFilters: [DestinationList: [Destination]] = [:]

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

    /// Judges the connector on its own (in an otherwise empty broker) with the rules the builder
    /// runs, and returns its attributes, in the order they are written (`name`, `userName`,
    /// `password`, `duplex`, `networkTTL`, the others, `uri`).
    ///
    /// - Throws: ``ConnectorError/refused(_:)`` with the error-level findings, each with its rule's
    ///   id; other ``ConnectorError``s for values that cannot be written at all.
    public func validate(for target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> [NewElement.Attribute] {
        try validate(settings: RuleSettings(profile: target.profile)).attributes
    }

    /// Judges the connector on its own with `rules` under `settings`; returns its attributes and
    /// the warnings.
    public func validate(settings: RuleSettings, rules: RuleSet = .model) throws(ConnectorError)
        -> (attributes: [NewElement.Attribute], warnings: [Diagnostic])
    {
        let attributes = try attributeList()
        var configuration: BrokerConfiguration
        do {
            configuration = try BrokerConfiguration(bytes: Array("<broker xmlns=\"\(ActiveMQNamespace.core)\">\n</broker>\n".utf8),
                                                    path: "(connector)")
        } catch {
            throw .edit(.rejected(error))
        }
        let edit = try configuration.addNetworkConnector(self, to: .only, settings: settings, rules: rules)
        return (attributes, edit.warnings)
    }

    /// The attributes to write, each value checked (no rule is run here).
    func attributeList() throws(ConnectorError) -> [NewElement.Attribute] {
        try ConnectorValues.assignments(
            name: name, userName: userName, password: password, duplex: duplex, networkTTL: networkTTL,
            others: otherAttributes, remote: remote)
    }
}

/// The values a connector write may take: what cannot be written at all (an empty name, a
/// malformed placeholder reference, an attribute that has its own modifier). Everything else,
/// attribute names and value types included, is the rules' to judge (`unknown-attribute` and
/// `invalid-value` of the linter's schema rules; the model's own rules do not read the schema).
enum ConnectorValues {
    /// The attributes to write, in order (`name`, `userName`, `password`, `duplex`, `networkTTL`,
    /// the others, `uri`), for a new connector or a change to one.
    static func assignments(
        name: String?, userName: String?, password: SecretReference?, duplex: Bool?, networkTTL: Int?,
        others: [NewElement.Attribute], remote: RemoteBrokers?
    ) throws(ConnectorError) -> [NewElement.Attribute] {
        var result: [NewElement.Attribute] = []
        if let name {
            guard !name.isEmpty else { throw .invalidName }
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
            result.append(attribute)
        }
        if let remote { result.append(.init(name: "uri", value: remote.uriText)) }
        return result
    }
}

/// Suggests the closest known name for a misspelt one (a did-you-mean).
package enum Spelling {
    /// The candidate closest to `name` by edit distance, ignoring case, when close enough.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
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
