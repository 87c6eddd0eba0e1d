import ActiveMQConfig

/// The brokers of one lint run as a network: which connector reaches which broker. Built once per
/// run (memoized on the first document) and read by `duplicate-bridge`, `username-mismatch` and
/// `network-ttl`.
struct NetworkModel {
    struct Node {
        var context: RuleContext
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

    var nodes: [Node] = []
    var edges: [Edge] = []

    static func of(_ contexts: [RuleContext], spec: NetworkSpec?) -> NetworkModel {
        guard let first = contexts.first else { return NetworkModel() }
        return first.memo("network-model") { NetworkModel(contexts, spec: spec) }
    }

    private init() {}

    private init(_ contexts: [RuleContext], spec: NetworkSpec?) {
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
        let nodes = self.nodes
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
                    edges.append(Edge(from: index, to: to, connector: connector, name: connector.effectiveName, duplex: duplex, ttl: ttl))
                }
            }
        }
    }
}

/// A two-broker network for rule examples: each broker listens on its own port.
func exampleBroker(_ name: String, port: Int, _ connectors: String) -> String {
    "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"\(name)\">\n  <networkConnectors>\n"
        + connectors.split(separator: "\n").map { "    \($0)\n" }.joined()
        + "  </networkConnectors>\n  <transportConnectors>\n    <transportConnector name=\"openwire\" uri=\"tcp://0.0.0.0:\(port)\"/>\n  </transportConnectors>\n</broker>\n"
}
