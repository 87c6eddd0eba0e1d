/// The brokers of a set of documents as a network: which connector reaches which broker, by the
/// network spec, by a transport connector bound to the host and port, or by `brokerName` and a port
/// the broker listens on. A part of a run's ``NetworkIndex``, built once when first read and
/// dropped with the run; read by the cross-file rules and by message routing.
package struct BrokerNetwork: Sendable {
    package struct Node {
        /// The document's position in the run.
        package var document: Int
        /// Its path.
        package var path: String
        package var broker: Broker
        /// The broker's position in its document.
        package var brokerNumber: Int
        package var name: String
        /// The literal brokerName, lowercased, when it names this broker (not `localhost`).
        package var brokerName: String?
        /// host:port (lowercased) of transport connectors bound to a specific, non-loopback host.
        package var endpoints: Set<String>
        /// host:port (lowercased) the network spec gives this broker.
        package var specEndpoints: Set<String>
        /// Every port a transport connector listens on (port 0 excluded).
        package var ports: Set<Int>
        /// Text by which a connector's `uri` reaches this broker (``DocumentIndex/networkAliases``).
        package var aliases: [String] = []
    }

    package struct Edge {
        package var from: Int
        package var to: Int
        package var connector: NetworkConnector
        package var name: String
        package var duplex: Bool
        package var ttl: Int?
    }

    package var nodes: [Node] = []
    package var edges: [Edge] = []
    /// For each node, the index of its connected component (files linked by connectors).
    package var component: [Int] = []

    package static let part = NetworkIndex.Part("network-model") { BrokerNetwork($0.documents, spec: $0.spec) }

    /// Whether a host is this machine: it never links two files (every broker has one).
    package static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "0.0.0.0" || host == "::" || host == "::1" || host == "[::1]"
            || host.hasPrefix("127.") || host == "ip6-localhost"
    }

    /// The network of these documents' brokers.
    ///
    /// - Parameter loopbackByPort: Whether a loopback address (`127.0.0.1`, `localhost`) reaches the
    ///   one broker listening on its port: true for brokers that run together on one machine (a
    ///   scenario); false for files linted together, where every broker has a localhost.
    package init(_ documents: [DocumentIndex], spec: NetworkSpec?, loopbackByPort: Bool = false) {
        var connectorsOfNode: [[IndexedNetworkConnector]] = []
        for (number, document) in documents.enumerated() {
            let stem = NetworkSpec.fileStem(document.path)
            for (brokerNumber, broker) in document.brokers.enumerated() {
                let brokerName = broker.brokerName?.literal
                let specBroker = spec?.broker(forFile: document.path, brokerName: brokerName ?? document.networkName)
                var node = Node(document: number, path: document.path, broker: broker, brokerNumber: brokerNumber,
                                name: specBroker?.name ?? brokerName ?? document.networkName ?? stem,
                                brokerName: brokerName.flatMap { Self.isLoopback($0) ? nil : $0.lowercased() },
                                endpoints: [], specEndpoints: [], ports: [], aliases: document.networkAliases)
                for entry in document.transportConnectors where entry.broker == brokerNumber {
                    guard let uri = entry.literalURI, let port = uri.port?.literal, port != 0, let host = uri.host else { continue }
                    node.ports.insert(port)
                    if !Self.isLoopback(host) { node.endpoints.insert("\(host.lowercased()):\(port)") }
                }
                for endpoint in specBroker?.endpoints ?? [] {
                    if let uri = try? TransportURI.parse(endpoint), let host = uri.host, let port = uri.port?.literal {
                        node.specEndpoints.insert("\(host.lowercased()):\(port)")
                    }
                }
                nodes.append(node)
                connectorsOfNode.append(document.networkConnectors.filter { $0.broker == brokerNumber })
            }
        }
        component = Array(nodes.indices)
        guard nodes.count > 1 else { return }
        let nodes = self.nodes
        // Every look-up below is a dictionary read, built once: the model costs what the network's
        // size does, not its square.
        var specOwner: [String: String] = [:]  // host:port → the first spec broker listing it
        for broker in spec?.brokers ?? [] {
            for endpoint in broker.endpoints {
                if let uri = try? TransportURI.parse(endpoint), let host = uri.host, let port = uri.port?.literal {
                    specOwner["\(host.lowercased()):\(port)"] = specOwner["\(host.lowercased()):\(port)"] ?? broker.name
                }
            }
        }
        var firstNamed: [String: Int] = [:]
        var firstWithSpecEndpoint: [String: Int] = [:]
        var bound: [String: [Int]] = [:]
        var byBrokerName: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            if firstNamed[node.name] == nil { firstNamed[node.name] = index }
            for key in node.specEndpoints where firstWithSpecEndpoint[key] == nil { firstWithSpecEndpoint[key] = index }
            for key in node.endpoints { bound[key, default: []].append(index) }
            if let name = node.brokerName { byBrokerName[name, default: []].append(index) }
        }
        /// The file a connector member reaches: by the spec; by a transport connector bound to that
        /// host and port; or by brokerName and a port the broker listens on. Loopback hosts and
        /// port 0 reach no other file.
        func target(host: String, port: Int) -> Int? {
            let lowered = host.lowercased()
            let key = "\(lowered):\(port)"
            if let specName = specOwner[key], let index = firstNamed[specName] { return index }
            if let index = firstWithSpecEndpoint[key] { return index }
            guard port != 0 else { return nil }
            if Self.isLoopback(host) {
                guard loopbackByPort else { return nil }
                let listening = nodes.indices.filter { nodes[$0].ports.contains(port) }
                return listening.count == 1 ? listening[0] : nil
            }
            if let found = bound[key], found.count == 1 { return found[0] }
            let named = (byBrokerName[lowered] ?? []).filter { nodes[$0].ports.contains(port) }
            return named.count == 1 ? named[0] : nil
        }
        // Host files' references (`${aws_mq_broker.hub.instances[0].endpoints[0]}`): the broker
        // whose document the referenced resource runs.
        let aliased = nodes.indices.flatMap { index in nodes[index].aliases.map { ($0, index) } }
        edges.reserveCapacity(connectorsOfNode.reduce(0) { $0 + $1.count })
        for index in nodes.indices {
            for entry in connectorsOfNode[index] {
                let connector = entry.connector
                var targets: Set<Int> = []
                if !aliased.isEmpty, let text = connector.element.attribute("uri")?.value {
                    for (alias, node) in aliased where text.containsUTF8(alias) { targets.insert(node) }
                }
                if let uri = entry.uriIgnoringWhitespace {
                    targets.formUnion(uri.transports.compactMap { transport -> Int? in
                        guard let host = transport.host, let port = transport.port?.literal else { return nil }
                        return target(host: host, port: port)
                    })
                }
                targets.subtract([index])
                guard !targets.isEmpty else { continue }
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
        // Components: union-find over the edges.
        func root(_ i: Int) -> Int {
            var i = i
            while component[i] != i { i = component[i] }
            return i
        }
        for edge in edges {
            let a = root(edge.from), b = root(edge.to)
            if a != b { component[max(a, b)] = min(a, b) }
        }
        component = component.indices.map(root)
    }
}
