import ActiveMQConfig

/// The rules that look at all files of one invocation as one network of brokers:
/// `duplicate-bridge`, `username-mismatch`, `network-ttl`.
enum NetworkRules {
    struct Node {
        var context: DocumentContext
        var broker: Broker
        var name: String
        /// host:port (lowercased) the broker listens on or is reached at.
        var endpoints: Set<String>
        /// Ports bound on every interface.
        var wildcardPorts: Set<Int>
    }

    struct Edge {
        var from: Int
        var to: Int
        var connector: NetworkConnector
        var name: String
        var duplex: Bool
        var ttl: Int?
    }

    static func check(_ contexts: [DocumentContext], spec: NetworkSpec?) {
        var nodes: [Node] = []
        for context in contexts {
            let stem = NetworkSpec.fileStem(context.path)
            for broker in context.brokers {
                let brokerName = broker.brokerName?.literal
                let specBroker = spec?.broker(forFile: context.path, brokerName: brokerName)
                var node = Node(context: context, broker: broker, name: specBroker?.name ?? brokerName ?? stem, endpoints: [], wildcardPorts: [])
                for connector in broker.transportConnectors {
                    guard let uri = try? connector.uri?.literal, let port = uri.port?.literal, let host = uri.host else { continue }
                    if ["0.0.0.0", "::", "::0"].contains(host) { node.wildcardPorts.insert(port) }
                    node.endpoints.insert("\(host.lowercased()):\(port)")
                }
                for endpoint in specBroker?.endpoints ?? [] {
                    if let uri = try? TransportURI.parse(endpoint), let host = uri.host, let port = uri.port?.literal {
                        node.endpoints.insert("\(host.lowercased()):\(port)")
                    }
                }
                nodes.append(node)
            }
        }
        guard nodes.count > 1 else { return }

        func target(host: String, port: Int) -> Int? {
            let key = "\(host.lowercased()):\(port)"
            if let index = nodes.firstIndex(where: { $0.endpoints.contains(key) }) { return index }
            if let specName = spec?.broker(endpointHost: host, port: port)?.name,
                let index = nodes.firstIndex(where: { $0.name == specName })
            {
                return index
            }
            let byName = nodes.indices.filter { nodes[$0].name.lowercased() == host.lowercased() }
            if byName.count == 1 { return byName[0] }
            let wildcard = nodes.indices.filter { nodes[$0].wildcardPorts.contains(port) }
            return wildcard.count == 1 ? wildcard[0] : nil
        }

        var edges: [Edge] = []
        for (index, node) in nodes.enumerated() {
            for connector in node.broker.networkConnectors {
                guard case .literal(let uri)? = try? connector.uri else { continue }
                let targets = Set(uri.transports.compactMap { transport -> Int? in
                    guard let host = transport.host, let port = transport.port?.literal else { return nil }
                    return target(host: host, port: port)
                }).subtracting([index])
                let duplex = (try? connector.duplex)??.literal ?? false
                let ttl: Int? = {
                    if connector.element.attribute("networkTTL") == nil { return 1 }
                    return (try? connector.networkTTL)??.literal
                }()
                for to in targets.sorted() {
                    edges.append(Edge(from: index, to: to, connector: connector, name: connector.name?.description ?? "NC", duplex: duplex, ttl: ttl))
                }
            }
        }
        duplicateBridges(nodes, edges)
        userNames(nodes, edges)
        ttl(nodes, edges)
    }

    static func duplicateBridges(_ nodes: [Node], _ edges: [Edge]) {
        var reported = Set<Int>()
        for (i, edge) in edges.enumerated() where edge.duplex {
            for (j, reverse) in edges.enumerated() where reverse.from == edge.to && reverse.to == edge.from && !reported.contains(j) {
                if reverse.duplex && j < i { continue }  // both duplex: report once, on the later one
                reported.insert(j)
                let first = nodes[edge.from]
                nodes[reverse.from].context.report(
                    .duplicateBridge, reverse.connector.element,
                    "connector '\(reverse.name)' of \(nodes[reverse.from].name) duplicates the duplex bridge '\(edge.name)' that \(first.name) declares (\(first.context.path):\(edge.connector.element.position.line)); declare it on one side only")
            }
        }
    }

    static func userNames(_ nodes: [Node], _ edges: [Edge]) {
        var seen = Set<String>()
        var users: [(node: Int, connector: NetworkConnector, user: String)] = []
        for (index, node) in nodes.enumerated() {
            for connector in node.broker.networkConnectors {
                guard let user = connector.userName?.literal else { continue }
                let key = "\(index)#\(connector.element.range.lowerBound)"
                if seen.insert(key).inserted { users.append((index, connector, user)) }
            }
        }
        let counts = Dictionary(users.map { ($0.user, 1) }, uniquingKeysWith: +)
        guard counts.count > 1, let common = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            return
        }
        for entry in users where entry.user != common {
            let attribute = entry.connector.element.attribute("userName")!
            nodes[entry.node].context.report(
                .usernameMismatch, attribute,
                "userName '\(entry.user)' differs from '\(common)', used by \(counts[common]!) other connector(s) of this network; the bridge user must exist on both brokers")
        }
    }

    static func ttl(_ nodes: [Node], _ edges: [Edge]) {
        // The two members of an active/standby pair are two files with one brokerName: one broker.
        var brokerIndex: [String: Int] = [:]
        let broker = nodes.map { node in
            if let existing = brokerIndex[node.name] { return existing }
            brokerIndex[node.name] = brokerIndex.count
            return brokerIndex.count - 1
        }
        var seen = Set<NetworkGraph.Bridge>()
        let bridges = edges.compactMap { edge -> NetworkGraph.Bridge? in
            let bridge = NetworkGraph.Bridge(from: broker[edge.from], to: broker[edge.to], duplex: edge.duplex)
            return bridge.from != bridge.to && seen.insert(bridge).inserted ? bridge : nil
        }
        let graph = NetworkGraph(count: brokerIndex.count, bridges: bridges)
        let names = brokerIndex.sorted { $0.value < $1.value }.map(\.key)
        for members in graph.components {
            let memberEdges = edges.filter { members.contains(broker[$0.from]) }
            if graph.isFullMesh(members) {
                for edge in memberEdges {
                    if let ttl = edge.ttl, ttl > 1, let attribute = edge.connector.element.attribute("networkTTL") {
                        nodes[edge.from].context.report(
                            .networkTTL, attribute,
                            "networkTTL \(ttl) in a full mesh of \(members.count) brokers: every broker is one hop away, and a larger TTL makes subscriptions loop; use 1")
                    }
                }
                continue
            }
            let longest = graph.longestPath(in: members)
            guard longest.hops > 1 else { continue }
            for edge in memberEdges {
                guard let ttl = edge.ttl, ttl < longest.hops else { continue }
                let attribute = edge.connector.element.attribute("networkTTL")
                nodes[edge.from].context.report(
                    .networkTTL, at: attribute?.range.lowerBound ?? edge.connector.element.range.lowerBound,
                    "networkTTL \(ttl)\(attribute == nil ? " (the default)" : "") on connector '\(edge.name)' is less than the \(longest.hops) hops a message needs from \(names[longest.from]) to \(names[longest.to])")
            }
        }
    }
}
