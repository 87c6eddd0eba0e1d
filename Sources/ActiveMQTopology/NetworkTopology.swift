public import ActiveMQConfig

/// The connectors a spec implies: who declares a connector to whom, duplex or not, with which
/// `networkTTL`. Each bad spec gives one clear error.
public struct NetworkTopology: Sendable {
    /// One connector to generate.
    public struct Connector: Sendable, Hashable {
        /// The declaring broker (index into the spec's brokers).
        public var from: Int
        /// The broker it connects to.
        public var to: Int
        /// Whether it is duplex.
        public var duplex: Bool
        /// Its `networkTTL`.
        public var networkTTL: Int
        /// Its name: the link's, else the spec's pattern filled in.
        public var name: String
    }

    /// The default connector name pattern.
    public static let defaultConnectorName = "connector_{from}_to_{to}"

    /// The spec.
    public let spec: NetworkSpec
    /// The connectors, in a stable order: by declaring broker, then target, as the spec lists them.
    public let connectors: [Connector]

    /// Computes the connectors of a spec.
    ///
    /// - Throws: ``NetworkSpecError`` for the first problem: duplicate or empty names, a broker without
    ///   endpoints or with more than two, an endpoint that is not a transport URI with host and port,
    ///   a link naming an unknown broker or itself, a missing or unknown hub, missing, unknown or
    ///   repeated layer members, a tree whose links form a cycle, a missing user.
    public init(_ spec: NetworkSpec) throws(NetworkSpecError) {
        self.spec = spec
        var index: [String: Int] = [:]
        for (i, broker) in spec.brokers.enumerated() {
            guard !broker.name.isEmpty else { throw NetworkSpecError(message: "broker \(i + 1) has an empty name") }
            guard broker.name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "._-:".unicodeScalars.contains($0)) }) else {
                throw NetworkSpecError(message: "broker name '\(broker.name)' may hold only letters, digits, '.', '_', '-' and ':' (ActiveMQ rewrites other characters)")
            }
            guard index[broker.name] == nil else { throw NetworkSpecError(message: "duplicate broker name '\(broker.name)'") }
            index[broker.name] = i
            guard (1...2).contains(broker.endpoints.count) else {
                throw NetworkSpecError(message: "broker '\(broker.name)' has \(broker.endpoints.count) endpoints: one for a single-instance broker, two for an active/standby pair")
            }
            for endpoint in broker.endpoints {
                let uri: TransportURI
                do {
                    uri = try TransportURI.parse(endpoint)
                } catch {
                    throw NetworkSpecError(message: "endpoint '\(redactText(endpoint))' of broker '\(broker.name)' is not a valid URI: \(error)")
                }
                guard uri.host != nil, uri.port?.literal != nil else {
                    throw NetworkSpecError(message: "endpoint '\(redactText(endpoint))' of broker '\(broker.name)' needs a host and a port")
                }
                if uri.hasLiteralPasswordInUserInfo || !uri.literalPasswordOptions.isEmpty {
                    throw NetworkSpecError(message: "endpoint \(broker.endpoints.firstIndex(of: endpoint)! + 1) of broker '\(broker.name)' holds a literal password; endpoints never carry one")
                }
            }
        }
        guard let user = spec.user, !user.isEmpty else {
            throw NetworkSpecError(message: "'user' is required: every connector authenticates as the network's common user")
        }
        func broker(_ name: String, _ role: String) throws(NetworkSpecError) -> Int {
            guard let i = index[name] else { throw NetworkSpecError(message: "\(role) '\(name)' is not one of the brokers") }
            return i
        }

        // Implied edges, declared by `from`.
        var implied: [(from: Int, to: Int, duplex: Bool?)] = []
        switch spec.topology {
        case .sourceSink:
            guard !(spec.links ?? []).isEmpty else { throw NetworkSpecError(message: "source-sink needs 'links'") }
        case .hubAndSpokes:
            guard let hubName = spec.hub else { throw NetworkSpecError(message: "hub-and-spokes needs 'hub'") }
            let hub = try broker(hubName, "the hub")
            for spoke in spec.brokers.indices where spoke != hub { implied.append((spoke, hub, nil)) }
        case .concentrator, .tree:
            guard let layers = spec.layers, layers.count >= 2 else {
                throw NetworkSpecError(message: "\(spec.topology.rawValue) needs 'layers': two or more, from the outermost inwards")
            }
            var placed = Set<Int>()
            var indices: [[Int]] = []
            for (n, layer) in layers.enumerated() {
                guard !layer.isEmpty else { throw NetworkSpecError(message: "layer \(n + 1) is empty") }
                var row: [Int] = []
                for name in layer {
                    let i = try broker(name, "layer member")
                    guard placed.insert(i).inserted else { throw NetworkSpecError(message: "broker '\(name)' is in more than one layer") }
                    row.append(i)
                }
                indices.append(row)
            }
            for n in 0..<(indices.count - 1) {
                let inner = indices[n + 1]
                for (position, outer) in indices[n].enumerated() {
                    if spec.topology == .concentrator {
                        for target in inner { implied.append((outer, target, nil)) }
                    } else {
                        // Parents assigned in order and evenly: the first share to the first parent…
                        implied.append((outer, inner[position * inner.count / indices[n].count], nil))
                    }
                }
            }
        case .mesh:
            for a in spec.brokers.indices {
                for b in spec.brokers.indices where b > a { implied.append((a, b, nil)) }
            }
        }
        // Links, merged with implied edges (in either direction) instead of duplicated.
        var explicitNames: [Int: String] = [:]  // by index into implied
        for link in spec.links ?? [] {
            let from = try broker(link.from, "link source")
            let to = try broker(link.to, "link target")
            guard from != to else { throw NetworkSpecError(message: "link from '\(link.from)' to itself") }
            if let existing = implied.firstIndex(where: { ($0.from == from && $0.to == to) || ($0.from == to && $0.to == from) }) {
                if link.duplex != nil { implied[existing].duplex = link.duplex }
                if let name = link.name { explicitNames[existing] = name }
            } else {
                implied.append((from, to, link.duplex))
                if let name = link.name { explicitNames[implied.count - 1] = name }
            }
        }
        if spec.topology == .tree {
            var parent = Array(spec.brokers.indices)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            for edge in implied {
                let (a, b) = (root(edge.from), root(edge.to))
                guard a != b else {
                    throw NetworkSpecError(message: "the link between '\(spec.brokers[edge.from].name)' and '\(spec.brokers[edge.to].name)' makes a cycle in the tree")
                }
                parent[a] = b
            }
        }
        // Amazon MQ's concentrator example is one-way (duplex="false"); every other topology is duplex.
        let defaultDuplex = spec.topology != .concentrator
        let bridges = implied.map { NetworkGraph.Bridge(from: $0.from, to: $0.to, duplex: $0.duplex ?? defaultDuplex) }
        let graph = NetworkGraph(count: spec.brokers.count, bridges: bridges)
        var ttl = [Int](repeating: 1, count: spec.brokers.count)
        for members in graph.components {
            let required = graph.requiredTTL(in: members)
            for member in members { ttl[member] = required }
        }
        let pattern = spec.connectorName ?? Self.defaultConnectorName
        var made: [Connector] = []
        // Each broker's connector names so far, to the connector's position (a set, not a scan:
        // a full mesh of 200 brokers has 19,900 connectors).
        var named: [Int: [String: Int]] = [:]
        for (i, bridge) in bridges.enumerated() {
            let name: String
            if let explicit = explicitNames[i] {
                name = explicit
            } else {
                name = try Self.fill(pattern, from: bridge.from, to: bridge.to, in: spec)
            }
            guard !name.isEmpty, !name.contains(where: { $0.isWhitespace }) else {
                throw NetworkSpecError(message: "connector name '\(name)' must be non-empty, without spaces")
            }
            if let clashIndex = named[bridge.from]?[name] {
                let clash = made[clashIndex]
                throw NetworkSpecError(message: "two connectors of '\(spec.brokers[bridge.from].name)' would be named '\(name)' (to '\(spec.brokers[clash.to].name)' and '\(spec.brokers[bridge.to].name)'); put {to} or {toIndex} in 'connectorName'")
            }
            named[bridge.from, default: [:]][name] = made.count
            made.append(Connector(from: bridge.from, to: bridge.to, duplex: bridge.duplex, networkTTL: ttl[bridge.from], name: name))
        }
        connectors = made.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }

    /// Fills a connector name pattern: `{from}`, `{to}`, `{fromIndex}`, `{toIndex}`.
    static func fill(_ pattern: String, from: Int, to: Int, in spec: NetworkSpec) throws(NetworkSpecError) -> String {
        let values = ["from": spec.brokers[from].name, "to": spec.brokers[to].name, "fromIndex": String(from + 1), "toIndex": String(to + 1)]
        var out = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw NetworkSpecError(message: "'connectorName' has a '{' without its '}'")
            }
            let key = String(rest[rest.index(after: open)..<close])
            guard let value = values[key] else {
                throw NetworkSpecError(message: "'connectorName' has an unknown placeholder {\(key)}: use {from}, {to}, {fromIndex} or {toIndex}")
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The connector's name: the link's, else the spec's `connectorName` pattern filled in
    /// (default `connector_{from}_to_{to}`).
    public func name(of connector: Connector) -> String { connector.name }

    /// The connector's remote brokers: `static:` for a single instance, `masterslave:` for a pair.
    public func remote(of connector: Connector) -> RemoteBrokers {
        let endpoints = spec.brokers[connector.to].endpoints
        return endpoints.count == 2 ? .activeStandbyPair(active: endpoints[0], standby: endpoints[1]) : .broker(endpoints[0])
    }
}
