public import ActiveMQConfig

/// Whether messages sent to a destination on one broker reach a consumer on another, by which
/// paths, and why not: what `activemq-config network explain` prints.
public struct Explanation: Sendable {
    /// The destination.
    public var destination: DestinationName
    /// The producer's broker.
    public var from: String
    /// The consumer's broker.
    public var to: String
    /// How many messages were sent.
    public var sent: Int
    /// How many the consumer receives (a range when the configuration cannot decide).
    public var received: MessageCount
    /// The routes the messages take, those that stop without a consumer included.
    public var paths: [Simulator.Prediction.PathFlow]
    /// Why messages do not arrive, each at the setting that decides, if any.
    public var reasons: [String]

    /// Whether every message arrives, whatever the timing.
    public var arrives: Bool { received.min >= sent }

    /// One consumer on `to`, `count` messages sent on `from`, played on the model; when not every
    /// message arrives, the reasons come from what stops them and from the bridges on the
    /// shortest path between the two brokers.
    ///
    /// - Throws: ``RoutingError`` for a broker name the network does not have.
    public static func explain(_ network: RoutingNetwork, destination: DestinationName, from: String, to: String,
                               selector: MessageSelector? = nil, properties: [String: MessageSelector.Value] = [:],
                               count: Int = 1) throws(RoutingError) -> Explanation {
        let names = network.brokers.map(\.name)
        guard let source = names.firstIndex(of: from) else { throw RoutingError("no broker named '\(from)' (the brokers: \(names.joined(separator: ", ")))") }
        guard let target = names.firstIndex(of: to) else { throw RoutingError("no broker named '\(to)' (the brokers: \(names.joined(separator: ", ")))") }
        let prediction = Simulator(network: network).run([
            .consume(.init(id: "explain", broker: target, destination: destination, selector: selector,
                           prefetch: destination.kind == .topic ? 32767 : 1000)),
            .produce(broker: source, destination: destination, count: count, properties: properties),
        ])
        let received = prediction.consumers.first?.received ?? .zero
        var reasons: [String] = []
        if received.min < count {
            if let selector, !selector.matches(properties) {
                reasons.append("the consumer's selector does not select these messages (give their properties with --property)")
            }
            reasons += prediction.residue.map { "\($0.messages) left on \($0.broker): \($0.reason)" }
            reasons += Self.pathReasons(network, destination: destination, from: source, to: target)
            if !received.isExact { reasons.append("how many arrive depends on \(received.reasons.map(\.rawValue).sorted().joined(separator: ", "))") }
        }
        return Explanation(destination: destination, from: from, to: to, sent: count, received: received,
                           paths: prediction.paths, reasons: reasons)
    }

    /// The shortest chain of bridges from `from` to `to`, and the first setting on it that stops
    /// the consumer's demand or the messages (the rules the simulator plays, said bridge by bridge).
    static func pathReasons(_ network: RoutingNetwork, destination: DestinationName, from: Int, to: Int) -> [String] {
        let name = { (broker: Int) in network.brokers[broker].name }
        var previous = [Int?](repeating: nil, count: network.brokers.count)
        var reached = [Bool](repeating: false, count: network.brokers.count)
        reached[from] = true
        let outgoing = Dictionary(grouping: network.bridges.indices, by: { network.bridges[$0].from })
        var queue = [from]
        var next = 0
        while next < queue.count {
            let x = queue[next]
            next += 1
            for index in outgoing[x] ?? [] where !reached[network.bridges[index].to] {
                let bridge = network.bridges[index]
                reached[bridge.to] = true
                previous[bridge.to] = index
                queue.append(bridge.to)
            }
        }
        guard reached[to] else {
            return ["no chain of bridges forwards from \(name(from)) to \(name(to)): a connector forwards from its own broker to its remote one, and back only with duplex=\"true\""]
        }
        var chain: [RoutingNetwork.Bridge] = []
        var at = to
        while at != from, let index = previous[at] {
            chain.insert(network.bridges[index], at: 0)
            at = network.bridges[index].from
        }
        let route = ([from] + chain.map(\.to)).map(name).joined(separator: " ⇒ ")
        var reasons: [String] = []
        if !network.brokers[to].advisorySupport {
            reasons.append("\(name(to)) has advisorySupport=\"false\": no bridge learns of its consumer")
        }
        for (hop, bridge) in chain.enumerated() {
            let connector = "connector '\(bridge.connectorName)'\(bridge.isDuplexResponder ? " (duplex, answering)" : "") at \(bridge.file):\(bridge.line)"
            // Demand reaches this bridge having crossed the bridges after it; messages, those before.
            let demandHops = chain.count - hop - 1
            if bridge.staticBridge && !bridge.staticallyIncluded.contains(where: { $0.matches(destination) }) {
                reasons.append("\(connector) is a staticBridge that does not include \(destination)")
            } else if !bridge.permits(destination) {
                reasons.append("\(connector) does not forward \(destination) (its destination filters)")
            } else if bridge.consumerTTL != -1 && demandHops >= bridge.consumerTTL {
                reasons.append("on \(route), \(name(to)) is \(chain.count) bridges from \(name(from)): \(connector) has consumerTTL \(bridge.consumerTTL), so the consumer's demand, \(demandHops) bridge\(demandHops == 1 ? "" : "s") away, stops before it (networkTTL=\"\(chain.count)\" on the chain's connectors would reach it)")
            } else if bridge.messageTTL != -1 && hop >= bridge.messageTTL {
                reasons.append("on \(route), \(connector) has messageTTL \(bridge.messageTTL): messages that crossed \(hop) bridge\(hop == 1 ? "" : "s") stop before it")
            }
        }
        return reasons
    }
}

extension Explanation {
    /// For a person: the verdict, the routes, then the reasons.
    package var text: String {
        var lines = ["\(destination) from \(from) to \(to): " + (arrives
            ? "arrives (\(received) of \(sent))"
            : received.max == 0 ? "does not arrive (0 of \(sent))" : "\(received) of \(sent) arrive")]
        for flow in paths {
            let route = flow.route.joined(separator: " → ")
            lines.append("  path \(route)\(flow.stoppedAt == nil ? "" : " ✗"): \(flow.messages)")
        }
        for reason in reasons { lines.append("  because \(reason)") }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `{"version", "destination", "from", "to", "sent", "received": {"min", "max"}, "arrives",
    /// "paths", "reasons"}`.
    package var json: JSONText {
        func count(_ value: MessageCount) -> JSONText { .object([("min", .number(value.min)), ("max", .number(value.max))]) }
        return .object([
            ("version", .number(1)), ("destination", .string(destination.description)), ("from", .string(from)), ("to", .string(to)),
            ("sent", .number(sent)), ("received", count(received)), ("arrives", .bool(arrives)),
            ("paths", .array(paths.map { flow in
                .object([("route", .array(flow.route.map(JSONText.string))), ("messages", count(flow.messages)),
                         ("stoppedAt", .optional(flow.stoppedAt)), ("stopReason", .optional(flow.stopReason))])
            })),
            ("reasons", .array(reasons.map(JSONText.string))),
        ])
    }
}
