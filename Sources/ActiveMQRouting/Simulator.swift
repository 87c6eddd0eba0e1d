public import ActiveMQConfig
import LosslessXML

/// Predicts what a network of brokers does with messages, from configuration alone: how consumer
/// demand crosses the bridges (consumer advisories, `consumerTTL`, the broker-path rule, conduit
/// subscriptions, destination filters, `advisorySupport`, `staticBridge`, priorities), then where
/// each batch of messages goes (`messageTTL`, the broker-path rule, queue dispatch by priority and
/// round-robin, topic copies per path and the audits that hide them, stranding and
/// `replayWhenNoConsumers`). Messages are counted, never simulated one by one; an outcome the
/// configuration cannot decide is a range with its reasons.
///
/// The semantics are those of `network-routing.md` §1, read from ActiveMQ's source; each step
/// settles before the next one starts.
public struct Simulator: Sendable {
    /// The network.
    public let network: RoutingNetwork

    /// A simulator over a network.
    public init(network: RoutingNetwork) {
        self.network = network
    }

    /// How many seeded shuffles of the advisories' arrival a prediction plays, besides the
    /// shortest-path-first and the longest-path-first orders, when duplicate suppression made its
    /// outcome depend on that order: many on a small network, a few on a large one.
    func orderSamples() -> Int {
        network.bridges.count <= 200 ? 48 : 4
    }

    /// A consumer as a scenario opens it.
    public struct Consumer: Sendable, Hashable {
        /// Its id.
        public var id: String
        /// Its broker's position in ``RoutingNetwork/brokers``.
        public var broker: Int
        /// What it consumes (wildcards allowed).
        public var destination: DestinationName
        /// Its selector, if any.
        public var selector: MessageSelector?
        /// Its priority (JMS default 0).
        public var priority: Int
        /// Its prefetch (1000 for queues by default).
        public var prefetch: Int
        /// Whether it acknowledges what it receives; one that does not holds its queue messages,
        /// and they go back to its broker's queue when it closes.
        public var acknowledges: Bool
        /// For a durable topic subscriber, its subscription's identity: closing it leaves the
        /// subscription, which keeps messages until a consumer with the same identity
        /// comes back to the same broker, or it is unsubscribed.
        public var durable: Scenario.Durable?

        /// A consumer.
        public init(id: String, broker: Int, destination: DestinationName, selector: MessageSelector? = nil, priority: Int = 0,
                    prefetch: Int = 1000, acknowledges: Bool = true, durable: Scenario.Durable? = nil) {
            self.durable = durable
            self.id = id
            self.broker = broker
            self.destination = destination
            self.selector = selector
            self.priority = priority
            self.prefetch = prefetch
            self.acknowledges = acknowledges
        }
    }

    /// One step of a scenario, as the simulator plays it.
    public enum Step: Sendable, Hashable {
        /// A consumer opens (and stays until closed).
        case consume(Consumer)
        /// Messages are sent (persistent unless said otherwise: an offline durable subscription
        /// keeps non-persistent ones only while its broker has `keepDurableSubsActive`).
        case produce(broker: Int, destination: DestinationName, count: Int, properties: [String: MessageSelector.Value], persistent: Bool = true)
        /// A consumer closes.
        case close(id: String)
        /// The durable subscription of a closed consumer is removed, with what it kept.
        case unsubscribe(id: String)
        /// Time passes (nothing the model needs).
        case wait
        /// A broker stops: its consumers go (what they held returns to its store), its bridges go
        /// down, and of what it holds only persistent messages in a persistent store remain.
        case stop(broker: Int)
        /// A stopped broker starts again with what its store kept (nothing under
        /// `deleteAllMessagesOnStartup`); bridges to and from it reconnect, a `masterslave:`
        /// connector to its first running member.
        case start(broker: Int)
    }

    /// What the network did.
    public struct Prediction: Sendable {
        /// Per consumer: what it received.
        public struct ConsumerOutcome: Sendable, Hashable {
            /// Its id.
            public var id: String
            /// Its broker's name.
            public var broker: String
            /// What it consumes.
            public var destination: DestinationName
            /// Deliveries, duplicates included.
            public var received: MessageCount
            /// Distinct messages.
            public var unique: MessageCount
        }

        /// Messages left on a broker's queue at the end.
        public struct Residue: Sendable, Hashable {
            /// The broker's name.
            public var broker: String
            /// The queue.
            public var destination: DestinationName
            /// How many.
            public var messages: MessageCount
            /// Why they stay: no consumer at all, or stranded (they came over a bridge and may not
            /// go back), with the setting that decides.
            public var reason: String
        }

        /// Messages that took one route.
        public struct PathFlow: Sendable, Hashable {
            /// The brokers, producer's first.
            public var route: [String]
            /// How many.
            public var messages: MessageCount
            /// Where they stopped without a consumer, if they did.
            public var stoppedAt: String?
            /// Why they stopped there: the setting that decides (`messageTTL` of a connector, the
            /// broker-path rule, selectors), or that nothing asks for them.
            public var stopReason: String?
        }

        /// The consumers, in the order they opened.
        public var consumers: [ConsumerOutcome]
        /// What stays on each broker.
        public var residue: [Residue]
        /// The routes messages took.
        public var paths: [PathFlow]
        /// Losses, strandings and duplicates, each at the configuration line that causes it, under
        /// its rule's id (`stranded-messages`, `undelivered-messages`, `duplicate-deliveries`) at
        /// the rule's default severity; `network simulate` applies the settings.
        public var findings: [Diagnostic] = []
    }

    /// Plays the steps and predicts the outcome.
    ///
    /// Demand crosses the network one consumer at a time (each step settles before the next), its
    /// advisories arriving shortest path first. Where duplicate subscription suppression dropped a
    /// subscription, which one survives depends on the order advisories arrive in
    /// (`network-routing.md` §1.6): the steps are then played again with the longest paths first
    /// and with seeded shuffles of the arrivals, and every count the orders disagree on becomes a
    /// range with the reason `suppression-order`. The range spans the orders played: 50 on a
    /// network of up to 200 bridges, 6 on a larger one.
    public func run(_ steps: [Step]) -> Prediction {
        let (first, suppressed) = play(steps, order: .shortestFirst)
        guard suppressed else { return first }
        var merged = first
        merged.widen(with: play(steps, order: .longestFirst).prediction)
        for seed in 1...UInt64(orderSamples()) {
            merged.widen(with: play(steps, order: .shuffled(seed: seed)).prediction)
        }
        // The duplicates, as the widened counts tell them.
        merged.findings.removeAll { $0.code == RuleID.duplicateDeliveries.rawValue }
        for outcome in merged.consumers {
            guard let broker = network.brokers.firstIndex(where: { $0.name == outcome.broker }),
                  let finding = network.duplicateFinding(consumer: outcome.id, broker: broker, received: outcome.received, unique: outcome.unique)
            else { continue }
            merged.findings.append(finding)
        }
        return merged
    }

    /// Plays the steps with advisories arriving in one order; whether a duplicate subscription was
    /// suppressed on the way.
    func play(_ steps: [Step], order: AdvisoryOrder) -> (prediction: Prediction, suppressed: Bool) {
        var state = State(network: network, order: order)
        for step in steps {
            switch step {
            case .consume(let consumer): state.open(consumer)
            case .close(let id): state.close(id)
            case .produce(let broker, let destination, let count, let properties, let persistent):
                state.produce(at: broker, destination, count: count, properties: properties, persistent: persistent)
            case .unsubscribe(let id): state.unsubscribe(id)
            case .wait: continue
            case .stop(let broker): state.stop(broker)
            case .start(let broker): state.start(broker)
            }
            // After each step the network settles before the next begins.
            state.settle()
        }
        state.refreshDemand()
        // At the end every consumer closes. While one that does not acknowledge is open, the others
        // close first (their demand goes), then the holders: what they give back goes to their
        // brokers' queues and on only where demand is left (a static include), as the runner plays
        // it. The temporary destinations go, with what waits for them.
        let holders = state.consumers.indices.filter { state.consumers[$0].open && !state.consumers[$0].consumer.acknowledges }
        if !holders.isEmpty {
            for index in state.consumers.indices where state.consumers[index].open && state.consumers[index].consumer.acknowledges {
                state.close(index)
            }
            for index in holders {
                let id = state.consumers[index].consumer.id
                state.held[index] = state.held[index]?.map { batch in
                    var batch = batch
                    batch.heldBy = id
                    return batch
                }
                state.close(index)
            }
            state.refreshDemand()
            let returned = state.waiting.filter { $0.heldBy != nil }
            state.waiting.removeAll { $0.heldBy != nil }
            for batch in returned { state.dispatch(batch, depth: 0) }
        }
        state.waiting.removeAll { $0.destination.isTemporary }
        return (state.prediction(), state.suppressedDemand)
    }
}

/// The order in which consumer advisories reach the bridges while one consumer's demand spreads.
enum AdvisoryOrder: Sendable, Hashable {
    /// Each advisory before those it causes, as on an idle network: the shorter path first.
    case shortestFirst
    /// The latest advisory first: demand runs down the longest paths before the short ones arrive.
    case longestFirst
    /// Any advisory already sent may arrive next, chosen by a seeded generator.
    case shuffled(seed: UInt64)
}

extension Simulator.Prediction {
    /// Widens every count to hold `other`'s too, the same steps played in another advisory order:
    /// a count the two disagree on gains the reason `suppression-order`; a residue or a route only
    /// one of them has counts from zero in the other.
    mutating func widen(with other: Simulator.Prediction) {
        func span(_ a: MessageCount, _ b: MessageCount) -> MessageCount {
            MessageCount(min: Swift.min(a.min, b.min), max: Swift.max(a.max, b.max),
                         reasons: a.reasons.union(b.reasons).union(a == b ? [] : [.suppressionOrder]))
        }
        for (index, outcome) in other.consumers.enumerated() where consumers.indices.contains(index) {
            consumers[index].received = span(consumers[index].received, outcome.received)
            consumers[index].unique = span(consumers[index].unique, outcome.unique)
        }
        for index in residue.indices
        where !other.residue.contains(where: { $0.broker == residue[index].broker && $0.destination == residue[index].destination }) {
            residue[index].messages = span(residue[index].messages, .zero)
        }
        for left in other.residue {
            if let index = residue.firstIndex(where: { $0.broker == left.broker && $0.destination == left.destination }) {
                residue[index].messages = span(residue[index].messages, left.messages)
            } else {
                residue.append(.init(broker: left.broker, destination: left.destination, messages: span(.zero, left.messages), reason: left.reason))
            }
        }
        for index in paths.indices where !other.paths.contains(where: { $0.route == paths[index].route && $0.stoppedAt == paths[index].stoppedAt }) {
            paths[index].messages = span(paths[index].messages, .zero)
        }
        for flow in other.paths {
            if let index = paths.firstIndex(where: { $0.route == flow.route && $0.stoppedAt == flow.stoppedAt }) {
                paths[index].messages = span(paths[index].messages, flow.messages)
            } else {
                var added = flow
                added.messages = span(.zero, flow.messages)
                paths.append(added)
            }
        }
        paths.sort { ($0.route.joined(separator: " "), $0.stoppedAt == nil ? 0 : 1) < ($1.route.joined(separator: " "), $1.stoppedAt == nil ? 0 : 1) }
        // A finding of another order only: what happens when advisories arrive that way.
        for var finding in other.findings
        where !findings.contains(where: { $0.code == finding.code && $0.file == finding.file && $0.line == finding.line && $0.column == finding.column }) {
            finding.message += ", when advisories arrive in some orders (suppression-order)"
            findings.append(finding)
        }
    }
}

// MARK: The state of a run

/// A subscription on a broker: a local consumer, or a demand subscription a bridge made there.
struct Subscription {
    enum Kind {
        case local(consumer: Int)
        /// A demand subscription of bridge `bridge`, toward its remote broker.
        case demand(bridge: Int)
    }

    var broker: Int
    var destination: DestinationName
    var kind: Kind
    var priority: Int
    var selector: MessageSelector?
    var prefetch: Int
    /// Made for durable subscriptions that are offline: it keeps persistent messages, never
    /// forwards or delivers them (`DurableTopicSubscription` inactive; a bridge's durable
    /// subscription is deactivated, not removed, when its remote subscriber goes).
    var offline = false
    /// The durable subscriptions (positions in `State.durables`) it serves.
    var owners: [Int] = []

    var isNetwork: Bool {
        if case .demand = kind { return true }
        return false
    }
}

struct ConduitKey: Hashable {
    var bridge: Int
    var destination: DestinationName
}

struct BrokerDestination: Hashable {
    var broker: Int
    var destination: DestinationName
}

/// Messages of one send (`origin`) for one durable subscription (its position in `State.durables`).
struct DurableOrigin: Hashable {
    var durable: Int
    var origin: Int
}

/// Messages of one send (`origin`) on one broker's destination, as the queue audit remembers them.
struct OriginKey: Hashable {
    var place: BrokerDestination
    var origin: Int
}

/// A batch of queue messages: where they are, the brokers they have left, their properties, and the
/// send they come from (copies of one send share their message ids, which the audits compare).
struct Batch {
    var broker: Int
    var destination: DestinationName
    var path: [Int]
    var count: MessageCount
    var properties: [String: MessageSelector.Value]
    var origin: Int
    /// Whether the messages are persistent: only those outlive their broker's restart.
    var persistent = true
    /// The consumer that held them unacknowledged until the scenario's end closed it.
    var heldBy: String?
}

struct State {
    let network: RoutingNetwork
    /// Subscription positions by broker (rebuilt with the subscriptions).
    var subscriptionsAt: [Int: [Int]] = [:]
    var consumers: [(consumer: Simulator.Consumer, open: Bool, received: MessageCount, unique: MessageCount)] = []
    /// Queue messages waiting on each broker.
    var waiting: [Batch] = []
    /// How many messages each send (a `produce` step) holds.
    var originTotals: [Int] = []
    /// The queues that exist on each broker (a consumer, a demand subscription or a message made
    /// them): a virtual topic copies into those only.
    var existingQueues: [Int: Set<DestinationName>] = [:]
    /// What each queue's audit has let in, per send.
    var queueSeen: [OriginKey: MessageCount] = [:]
    /// Sends whose copies reached a queue without an audit: which of them its consumers get, and
    /// which go to the DLQ, depends on timing (§1.14, observed on 5.17.2).
    var unaudited: Set<OriginKey> = []
    /// Distinct messages each consumer has had, per send (by the consumer's position).
    var distinct: [[Int: MessageCount]] = []
    /// The subscriptions the open consumers cause; computed when messages need them, so that
    /// consumers opening one after another cost one computation, not one each.
    var subscriptions: [Subscription] = []
    /// Whether consumers opened or closed since ``subscriptions`` was computed.
    var demandIsStale = true
    /// Messages per route, and whether the route ends without a consumer.
    var routes: [RouteKey: MessageCount] = [:]
    /// Why a route ended without a consumer.
    var stopReasons: [RouteKey: String] = [:]

    struct RouteKey: Hashable {
        var route: [Int]
        var stopped: Bool
    }
    /// The bridges that end at each broker.
    let bridgesTo: [Int: [Int]]

    /// Queue messages a consumer that does not acknowledge holds, as they arrived.
    var held: [Int: [Batch]] = [:]

    /// A durable topic subscription: where, for what, and the consumer that last had it.
    struct Durable {
        var broker: Int
        var identity: Scenario.Durable
        var consumer: Int
        var active: Bool
        var removed = false
        /// Whether the same identity has since been opened on another broker.
        var movedTo: Int?
    }

    /// Topic messages an offline durable subscription keeps, on its own broker (`bridge` nil) or
    /// on a broker whose bridge's durable subscription serves it.
    struct Kept {
        var broker: Int
        var destination: DestinationName
        var bridge: Int?
        var owners: Set<Int>
        var path: [Int]
        var count: MessageCount
        var properties: [String: MessageSelector.Value]
        var origin: Int
        /// Whether the messages are persistent: only those outlive their broker's restart.
        var persistent = true
    }

    /// A bridge's durable subscription for a durable subscriber: `NC-DS_<X>_<topic>` on the
    /// bridge's forwarding broker, kept in its store.
    struct BridgeDurable: Hashable {
        var bridge: Int
        var durable: Int
    }

    /// The bridges' durable subscriptions that exist in their brokers' stores.
    var bridgeDurables: Set<BridgeDurable> = []
    /// Those that went offline when their bridge went down, and stay so until their subscriber
    /// comes back (its advisory) or, through a conduit without `dynamicOnly`, until the bridge
    /// starts with the subscription among its broker's durable destinations.
    var dormant: Set<BridgeDurable> = []
    /// Per broker, the bridges' durable subscriptions its store held when it last started: its
    /// connectors' `durableDestinations` (`BrokerService.startNetworkConnector`).
    var bootDurables: [Int: Set<BridgeDurable>] = [:]

    var durables: [Durable] = []
    /// The live durable subscription of each broker and identity.
    var durableAt: [DurableKey: Int] = [:]
    /// The durable subscription of each consumer that has one.
    var durableOf: [Int: Int] = [:]
    /// What offline durable subscriptions keep.
    var kept: [Kept] = []
    /// What each durable subscription's store has had of each send (kept or delivered).
    var durableSeen: [DurableOrigin: MessageCount] = [:]
    /// Whether the messages being sent are persistent.
    var persistentSend = true

    struct DurableKey: Hashable {
        var broker: Int
        var identity: Scenario.Durable
    }

    /// Every virtual topic's consumer queues (`PREFIX>`), once each.
    let consumerQueuePatterns: [DestinationName]

    /// The temporary destinations alive, by the consumer whose connection created each.
    var temporaries: [DestinationName: Int] = [:]
    /// Sends to a temporary destination that the sending broker does not know: refused
    /// (`DestinationDoesNotExistException`), per broker and destination.
    var refused: [(broker: Int, destination: DestinationName, count: Int)] = []

    /// Which brokers run (a `stop` step stops one, `start` starts it again).
    var running: [Bool]
    /// Which bridges are up: both brokers run, and for a `masterslave:` connector, the member its
    /// connection reaches.
    var live: [Bool]
    /// Per `masterslave:` connector, the member broker its connection reaches (none while its
    /// broker or every member is stopped).
    var connected: [Int: Int] = [:]
    /// Per `masterslave:` connector, its initiating bridges in the list's order.
    let groupMembers: [Int: [Int]]

    /// The order in which advisories arrive while demand spreads.
    let order: AdvisoryOrder
    /// Whether a demand computation suppressed a duplicate subscription.
    var suppressedDemand = false

    init(network: RoutingNetwork, order: AdvisoryOrder = .shortestFirst) {
        self.network = network
        self.order = order
        var patterns: [DestinationName] = []
        for broker in network.brokers {
            for topic in broker.virtualTopics where !patterns.contains(.queue(topic.prefix + ">")) { patterns.append(.queue(topic.prefix + ">")) }
        }
        consumerQueuePatterns = patterns
        bridgesTo = Dictionary(grouping: network.bridges.indices, by: { network.bridges[$0].to })
        running = Array(repeating: true, count: network.brokers.count)
        live = Array(repeating: true, count: network.bridges.count)
        groupMembers = Dictionary(grouping: network.bridges.indices.filter { network.bridges[$0].group != nil && !network.bridges[$0].isDuplexResponder },
                                  by: { network.bridges[$0].group ?? 0 })
            .mapValues { $0.sorted { (network.bridges[$0].rank, $0) < (network.bridges[$1].rank, $1) } }
        reconnect()
    }

    // MARK: Restarts

    /// Brings the bridges up or down with the brokers: a `masterslave:` connector keeps its
    /// connection while that member runs, else connects to the first running member in its list.
    mutating func reconnect() {
        let before = live
        for (group, members) in groupMembers {
            guard let first = members.first, running[network.bridges[first].from] else {
                connected[group] = nil
                continue
            }
            if let current = connected[group], running[current] { continue }
            connected[group] = members.first { running[network.bridges[$0].to] }.map { network.bridges[$0].to }
        }
        live = network.bridges.map { bridge in
            guard running[bridge.from] && running[bridge.to] else { return false }
            guard let group = bridge.group else { return true }
            return connected[group] == (bridge.isDuplexResponder ? bridge.from : bridge.to)
        }
        demandIsStale = true
        guard !bridgeDurables.isEmpty else { return }
        // A bridge that goes down leaves its durable subscriptions offline on its broker.
        for entry in bridgeDurables where before[entry.bridge] && !live[entry.bridge] { dormant.insert(entry) }
        // One that comes up reactivates them for subscribers that are online (their advisories
        // come again), and, through a conduit without dynamicOnly, for the durable destinations
        // its broker started with (a duplex responder's are read when the connection comes).
        var woken: [BridgeDurable] = []
        for entry in dormant where !before[entry.bridge] && live[entry.bridge] {
            let bridge = network.bridges[entry.bridge]
            let atStart = bridge.conduit && !bridge.dynamicOnly
                && (bridge.isDuplexResponder || bootDurables[bridge.from]?.contains(entry) == true)
            if durables[entry.durable].active || atStart { woken.append(entry) }
        }
        guard !woken.isEmpty else { return }
        dormant.subtract(woken)
        release(woken)
    }

    /// What a durable subscription takes of `share` copies of a send: its store holds a message
    /// once, so a copy of one it has had already (kept while offline, or delivered) is not
    /// delivered again (observed on 5.17.2: a returning subscriber got the messages its broker kept
    /// once, not again when a bridge's durable subscription forwarded its own kept copies).
    mutating func storeForDurable(_ durable: Int, _ share: MessageCount, origin: Int) -> MessageCount {
        let key = DurableOrigin(durable: durable, origin: origin)
        let before = durableSeen[key] ?? .zero
        let after = (before + share).capped(at: originTotals[origin])
        durableSeen[key] = after
        return after.increase(over: before)
    }

    /// Forwards what reactivated bridge durable subscriptions kept.
    mutating func release(_ entries: [BridgeDurable]) {
        refreshDemand()
        var remaining: [Kept] = []
        var released: [Kept] = []
        for entry in kept {
            if let bridge = entry.bridge, entries.contains(where: { $0.bridge == bridge && entry.owners.contains($0.durable) }) {
                released.append(entry)
            } else {
                remaining.append(entry)
            }
        }
        kept = remaining
        for entry in released {
            persistentSend = entry.persistent
            publish(at: entry.broker, entry.destination, path: entry.path, count: entry.count, properties: entry.properties, origin: entry.origin,
                    depth: 0, only: entry.bridge.map { ($0, entry.owners) })
        }
        persistentSend = true
    }

    /// A broker stops: its consumers close, its bridges go down, and what is not persistent in a
    /// persistent store is lost (a path that ends there says so).
    mutating func stop(_ broker: Int) {
        refreshDemand()
        for index in consumers.indices where consumers[index].open && consumers[index].consumer.broker == broker {
            close(index)
        }
        running[broker] = false
        let keeps = network.brokers[broker].keepsMessages
        kept.removeAll { $0.broker == broker && !(keeps && $0.persistent) }
        if !keeps { forgetDurables(at: broker) }
        drop(at: broker, keeping: { keeps && $0.persistent },
             reason: keeps ? "non-persistent: lost when \(network.brokers[broker].name) stopped"
                           : "lost when \(network.brokers[broker].name) stopped: its store keeps no messages (persistent=\"false\" or a memory store)")
        reconnect()
    }

    /// A stopped broker starts with what its store kept.
    mutating func start(_ broker: Int) {
        running[broker] = true
        if network.brokers[broker].deletesMessagesOnStart {
            drop(at: broker, keeping: { _ in false }, reason: "deleted when \(network.brokers[broker].name) started (deleteAllMessagesOnStartup)")
            kept.removeAll { $0.broker == broker }
            forgetDurables(at: broker)
        }
        bootDurables[broker] = bridgeDurables.filter { network.bridges[$0.bridge].from == broker }
        reconnect()
    }

    /// A store that kept nothing: the durable subscriptions on `broker`, its subscribers' and its
    /// bridges', are gone.
    mutating func forgetDurables(at broker: Int) {
        for index in durables.indices where durables[index].broker == broker && !durables[index].removed { remove(index) }
        bridgeDurables = bridgeDurables.filter { network.bridges[$0.bridge].from != broker }
        dormant = dormant.filter { network.bridges[$0.bridge].from != broker }
    }

    /// Removes the messages waiting at `broker` that `keeping` refuses; a forwarded batch's path
    /// ends there with `reason`.
    mutating func drop(at broker: Int, keeping: (Batch) -> Bool, reason: String) {
        var remaining: [Batch] = []
        for batch in waiting {
            guard batch.broker == broker, !keeping(batch) else {
                remaining.append(batch)
                continue
            }
            if !batch.path.isEmpty {
                let key = RouteKey(route: batch.path + [broker], stopped: true)
                record(key.route, batch.count, stopped: true)
                stopReasons[key] = stopReasons[key] ?? reason
            }
        }
        waiting = remaining
    }

    /// Brings ``subscriptions`` up to date with the open consumers.
    mutating func refreshDemand() {
        guard demandIsStale else { return }
        let computed = demand()
        subscriptions = computed.subscriptions
        suppressedDemand = suppressedDemand || computed.suppressed
        subscriptionsAt = Dictionary(grouping: subscriptions.indices, by: { subscriptions[$0].broker })
        demandIsStale = false
        // A bridge's subscription for a durable subscriber is durable in its broker's store.
        for subscription in subscriptions where !subscription.owners.isEmpty {
            if case .demand(let bridge) = subscription.kind {
                for owner in subscription.owners { bridgeDurables.insert(BridgeDurable(bridge: bridge, durable: owner)) }
            }
        }
        // A consumer, local or a bridge's, makes its queue exist on its broker; only a virtual
        // topic's consumer queues need remembering (a network's demand holds a subscription per
        // broker and destination, and most name no such queue).
        let consumerQueues = Set(consumers.lazy.filter(\.open).map(\.consumer.destination).filter(isVirtualTopicConsumerQueue))
        if !consumerQueues.isEmpty {
            for subscription in subscriptions where consumerQueues.contains(subscription.destination) {
                existingQueues[subscription.broker, default: []].insert(subscription.destination)
            }
        }
    }

    /// Whether some broker's virtual topic may copy into this queue.
    func isVirtualTopicConsumerQueue(_ destination: DestinationName) -> Bool {
        guard destination.kind == .queue, !destination.isPattern else { return false }
        return consumerQueuePatterns.contains { $0.matches(destination) }
    }

    mutating func open(_ consumer: Simulator.Consumer) {
        consumers.append((consumer, true, .zero, .zero))
        distinct.append([:])
        demandIsStale = true
        if consumer.destination.isTemporary, temporaries[consumer.destination] == nil {
            temporaries[consumer.destination] = consumers.count - 1
        }
        guard let identity = consumer.durable else { return }
        let index = consumers.count - 1
        let key = DurableKey(broker: consumer.broker, identity: identity)
        if let existing = durableAt[key] {
            // Its advisory reactivates the bridges' durable subscriptions that went offline.
            dormant = dormant.filter { $0.durable != existing }
            let before = consumers[durables[existing].consumer].consumer
            if before.destination == consumer.destination && before.selector?.text == consumer.selector?.text {
                durables[existing].consumer = index
                durables[existing].active = true
                durableOf[index] = existing
                reactivate(existing)
                return
            }
            // Another topic or selector: JMS replaces the subscription.
            remove(existing)
        }
        for other in durables.indices where !durables[other].removed && durables[other].identity == identity && durables[other].broker != consumer.broker {
            durables[other].movedTo = consumer.broker
        }
        durables.append(Durable(broker: consumer.broker, identity: identity, consumer: index, active: true))
        durableAt[key] = durables.count - 1
        durableOf[index] = durables.count - 1
    }

    /// A durable subscription comes back: what it kept on its broker goes to its consumer, and
    /// what bridges' durable subscriptions kept for it is forwarded, as they are active again.
    mutating func reactivate(_ durable: Int) {
        refreshDemand()
        let consumer = durables[durable].consumer
        var remaining: [Kept] = []
        var release: [Kept] = []
        for entry in kept {
            guard entry.owners.contains(durable) else {
                remaining.append(entry)
                continue
            }
            if let bridge = entry.bridge, !live[bridge] || dormant.contains(BridgeDurable(bridge: bridge, durable: durable)) {
                remaining.append(entry)
            } else if entry.bridge == nil {
                receive(consumer, entry.count, origin: entry.origin)
                record(entry.path + [entry.broker], entry.count, stopped: false)
                // No longer a route that ends there.
                let stopped = RouteKey(route: entry.path + [entry.broker], stopped: true)
                if let count = routes[stopped] {
                    let left = MessageCount(min: Swift.max(0, count.min - entry.count.max), max: Swift.max(0, count.max - entry.count.min), reasons: count.reasons)
                    routes[stopped] = left.max == 0 ? nil : left
                }
            } else {
                release.append(entry)
            }
        }
        kept = remaining
        for entry in release {
            persistentSend = true
            publish(at: entry.broker, entry.destination, path: entry.path, count: entry.count, properties: entry.properties, origin: entry.origin,
                    depth: 0, only: entry.bridge.map { ($0, entry.owners) })
        }
    }

    /// Removes a durable subscription and what it kept; a bridge's durable subscription goes with
    /// its last owner (`cleanupDurableSub`).
    mutating func remove(_ durable: Int) {
        durables[durable].removed = true
        durables[durable].active = false
        durableAt[DurableKey(broker: durables[durable].broker, identity: durables[durable].identity)] = nil
        kept = kept.compactMap { entry in
            guard entry.owners.contains(durable) else { return entry }
            var entry = entry
            entry.owners.remove(durable)
            return entry.owners.isEmpty || entry.bridge == nil ? nil : entry
        }
        demandIsStale = true
    }

    mutating func unsubscribe(_ id: String) {
        guard let index = consumers.indices.last(where: { consumers[$0].consumer.id == id }), let durable = durableOf[index] else { return }
        refreshDemand()
        remove(durable)
    }

    mutating func close(_ id: String) {
        // The queues its demand made exist stay when it goes.
        refreshDemand()
        for index in consumers.indices where consumers[index].consumer.id == id && consumers[index].open {
            close(index)
        }
    }

    /// Closes the consumer at `index`: what it held goes back to its broker's queue, with the path
    /// it came by.
    mutating func close(_ index: Int) {
        consumers[index].open = false
        waiting.append(contentsOf: held.removeValue(forKey: index) ?? [])
        // A temporary destination goes with the connection that created it, and what waits for it
        // (on its broker and where bridges mirrored it) with it.
        for (destination, owner) in temporaries where owner == index {
            temporaries[destination] = nil
            waiting.removeAll { $0.destination == destination }
        }
        if let durable = durableOf[index] { durables[durable].active = false }
        demandIsStale = true
    }

    // MARK: Demand

    /// Every subscription the open consumers cause, across the bridges (§1.2, §1.5, §1.6, §1.7,
    /// §1.8), and whether duplicate suppression dropped one. Each consumer's demand spreads in
    /// full, in ``order``, before the next one's (in the order they opened), as each step settles
    /// before the next on real brokers.
    func demand() -> (subscriptions: [Subscription], suppressed: Bool) {
        var suppressed = false
        var generator = SplitMix64(seed: { if case .shuffled(let seed) = order { return seed } else { return 0 } }())
        var result: [Subscription] = []
        // Per subscription: the brokers its demand crossed, and the consumers it was created for
        // (its network consumer ids, which duplicate suppression compares).
        var paths: [[Int]] = []
        var origins: [Set<Int>] = []
        // Per subscription: the subscriptions whose advisories it serves (the one it was made
        // for, then those a conduit joined to it), the one it was made for, and whether a
        // higher-priority duplicate replaced it; per subscription, those it serves in turn.
        var interest: [[Int]] = []
        var creator: [Int] = []
        var gone: [Bool] = []
        var dependents: [Int: [Int]] = [:]
        // The consumers' own subscriptions, whose demand spreads one after another; then, while
        // one spreads, the advisories sent and not yet arrived at a bridge (a subscription's
        // advisory reaches each bridge to its broker on its own), from `head` on.
        var seeds: [Int] = []
        var nextSeed = 0
        var work: [(item: Int, bridge: Int)] = []
        var head = 0
        func advise(_ item: Int) {
            let y = result[item].broker
            guard network.brokers[y].advisorySupport else { return }
            for bridge in bridgesTo[y] ?? [] { work.append((item, bridge)) }
        }
        // Look-ups by key, not scans: a mesh of 200 brokers has tens of thousands of subscriptions.
        var conduitOf: [ConduitKey: Int] = [:]
        var demandAt: [BrokerDestination: [Int]] = [:]
        // Statically included destinations first: each live bridge subscribes to them when it
        // starts, before any consumer's advisory (`setupStaticDestinations`). Such a subscription
        // has an id of its own, and a conduit bridge joins later demand for its destination to it
        // (`ConduitBridge.canConduit`: statically included); it is a consumer on its broker, so its
        // advisory travels on as any demand does.
        for (bridgeIndex, bridge) in network.bridges.enumerated() where live[bridgeIndex] {
            for destination in bridge.staticallyIncluded where !bridge.excluded.contains(where: { $0.matches(destination) }) {
                result.append(Subscription(broker: bridge.from, destination: destination, kind: .demand(bridge: bridgeIndex),
                                           priority: bridge.decreasePriority ? bridge.priorityBase : 0, selector: nil, prefetch: Int.max))
                paths.append([bridge.to])
                origins.append([-result.count])
                interest.append([result.count - 1])
                creator.append(result.count - 1)
                gone.append(false)
                seeds.append(result.count - 1)
                if bridge.conduit { conduitOf[ConduitKey(bridge: bridgeIndex, destination: destination)] = result.count - 1 }
                demandAt[BrokerDestination(broker: bridge.from, destination: destination), default: []].append(result.count - 1)
            }
        }
        for (index, entry) in consumers.enumerated() where entry.open {
            let consumer = entry.consumer
            var subscription = Subscription(broker: consumer.broker, destination: consumer.destination, kind: .local(consumer: index),
                                            priority: consumer.priority, selector: consumer.selector, prefetch: consumer.prefetch)
            subscription.owners = durableOf[index].map { [$0] } ?? []
            result.append(subscription)
            paths.append([])
            origins.append([index])
            interest.append([])
            creator.append(result.count - 1)
            gone.append(false)
            seeds.append(result.count - 1)
        }
        /// Takes `source`'s interest out of `target`; a subscription left with none goes, and
        /// with it the interest it gave the subscriptions its advisory made elsewhere (the
        /// `RemoveInfo` advisory; `ConduitBridge.removeDemandSubscription`).
        func withdraw(_ source: Int, from target: Int) {
            interest[target].removeAll { $0 == source }
            guard interest[target].isEmpty, !gone[target] else { return }
            gone[target] = true
            if case .demand(let bridge) = result[target].kind {
                let key = ConduitKey(bridge: bridge, destination: result[target].destination)
                if conduitOf[key] == target { conduitOf[key] = nil }
            }
            for dependent in dependents[target] ?? [] { withdraw(target, from: dependent) }
        }
        var offlineAdded = false
        while true {
            if head == work.count, nextSeed < seeds.count {
                work.removeAll(keepingCapacity: true)
                head = 0
                advise(seeds[nextSeed])
                nextSeed += 1
                continue
            }
            if head == work.count {
                // Then the offline durable subscriptions, whose bridges' subscriptions stay:
                // active through a conduit, deactivated without one.
                guard !offlineAdded else { break }
                offlineAdded = true
                for (position, durable) in durables.enumerated() where !durable.removed && !durable.active {
                    let consumer = consumers[durable.consumer].consumer
                    var subscription = Subscription(broker: durable.broker, destination: consumer.destination, kind: .local(consumer: durable.consumer),
                                                    priority: consumer.priority, selector: consumer.selector, prefetch: consumer.prefetch)
                    subscription.offline = true
                    subscription.owners = [position]
                    result.append(subscription)
                    paths.append([])
                    origins.append([consumers.count + position])
                    interest.append([])
                    creator.append(result.count - 1)
                    gone.append(false)
                    seeds.append(result.count - 1)
                }
                if nextSeed == seeds.count { break }
                continue
            }
            // The advisory that arrives next.
            switch order {
            case .shortestFirst: break
            case .longestFirst: work.swapAt(head, work.count - 1)
            case .shuffled: work.swapAt(head, Int.random(in: head..<work.count, using: &generator))
            }
            let (item, bridgeIndex) = work[head]
            head += 1
            if gone[item] { continue }
            let source = result[item]
            let y = source.broker
            do {
                let bridge = network.bridges[bridgeIndex]
                let x = bridge.from
                if bridge.staticBridge { continue }
                if bridge.consumerTTL != -1 && paths[item].count >= bridge.consumerTTL { continue }
                if paths[item].contains(x) || x == y { continue }
                // A bridge that is down makes no demand; its durable subscriptions stay offline on
                // its running broker, keeping what their subscribers would get.
                let bridgeLive = live[bridgeIndex]
                let storedOwners = bridgeLive ? source.owners
                    : source.owners.filter { bridgeDurables.contains(BridgeDurable(bridge: bridgeIndex, durable: $0)) }
                if !bridgeLive && (!running[x] || storedOwners.isEmpty) { continue }
                // The consumer's own advisory, and under the broker's useVirtualDestSubs one for
                // each virtual destination whose targets it consumes, which only listening bridges
                // take.
                var advertised = [(destination: source.destination, virtual: false)]
                if network.brokers[y].useVirtualDestSubs && bridge.useVirtualDestSubs {
                    advertised += virtualDestinations(advertisedBy: source.destination, at: y).map { ($0, true) }
                }
                for (destination, virtual) in advertised where !virtual || bridge.useVirtualDestSubs {
                if !bridge.permits(destination) { continue }
                let canConduit = bridge.conduit
                    && (destination.kind == .topic || !source.isNetwork || bridge.conduitNetworkQueues)
                if canConduit, let joined = conduitOf[ConduitKey(bridge: bridgeIndex, destination: destination)] {
                    if source.offline && result[joined].offline { result[joined].owners.append(contentsOf: source.owners) }
                    interest[joined].append(item)
                    dependents[item, default: []].append(joined)
                    // Added to the existing conduit subscription: no new advisory travels on, and the
                    // subscription's network consumer ids stay those it was created with
                    // (`DemandSubscription.add` records the id on the bridge only).
                    continue
                }
                let path = paths[item] + [y]
                let priority = bridge.decreasePriority
                    ? bridge.priorityBase - (path.count > 1 ? path.count + 1 : 0)
                    : source.priority
                let suppress = destination.kind == .topic ? bridge.suppressDuplicateTopics : bridge.suppressDuplicateQueues
                let place = BrokerDestination(broker: x, destination: destination)
                // The first subscription on the broker for the same consumer decides
                // (`duplicateSuppressionIsRequired`): one of equal or higher priority suppresses the
                // new one; one of lower priority is replaced, its bridge withdrawing the interest it
                // was made for (`hasLowerPriority`). A duplex responder's bridge is none of its
                // broker's connectors, which `removeDuplicateSubscription` searches: its
                // subscription stays.
                if suppress, let other = (demandAt[place] ?? []).first(where: { !gone[$0] && !origins[$0].isDisjoint(with: origins[item]) }) {
                    suppressed = true
                    if result[other].priority >= priority { continue }
                    if case .demand(let existing) = result[other].kind, !network.bridges[existing].isDuplexResponder {
                        withdraw(creator[other], from: other)
                    }
                }
                var made = Subscription(broker: x, destination: destination, kind: .demand(bridge: bridgeIndex),
                                        priority: priority, selector: canConduit ? nil : source.selector, prefetch: Int.max)
                // A conduit (`DurableConduitBridge`) gives its durable subscription an id of its own,
                // so the remote subscriber going offline leaves it active: messages go on to the
                // subscriber's broker, which keeps them. Without conduit it is deactivated, and
                // this broker keeps them (observed on 5.17.2: `durable-*` scenarios).
                made.offline = (source.offline && !canConduit) || !bridgeLive
                    || (source.offline && storedOwners.contains { dormant.contains(BridgeDurable(bridge: bridgeIndex, durable: $0)) })
                made.owners = storedOwners
                result.append(made)
                paths.append(path)
                origins.append(origins[item])
                interest.append([item])
                creator.append(item)
                gone.append(false)
                dependents[item, default: []].append(result.count - 1)
                if canConduit { conduitOf[ConduitKey(bridge: bridgeIndex, destination: destination)] = result.count - 1 }
                demandAt[place, default: []].append(result.count - 1)
                advise(result.count - 1)
                }
            }
        }
        if gone.contains(true) { result = result.indices.filter { !gone[$0] }.map { result[$0] } }
        return (result, suppressed)
    }

    /// The virtual destinations a consumer of `destination` on broker `y` advertises under
    /// `useVirtualDestSubs` (`DestinationFilterVirtualDestinationMatcher`): each composite one of
    /// whose targets covers it, and each virtual topic whose consumer queues it is one of.
    func virtualDestinations(advertisedBy destination: DestinationName, at y: Int) -> [DestinationName] {
        var found: [DestinationName] = []
        for composite in network.brokers[y].composites
        where composite.targets.contains(where: { $0.destination == destination || $0.destination.matches(destination) }) {
            found.append(composite.destination)
        }
        for topic in network.brokers[y].virtualTopics {
            if let advertised = topic.topic(advertisedBy: destination), !found.contains(advertised) { found.append(advertised) }
        }
        return found
    }

    // MARK: Flow

    /// Where a message sent to `destination` on broker `x` lands, after the broker's virtual
    /// destinations (`VirtualDestinationInterceptor`): each composite sends it on to its matching
    /// targets (through their own interceptors) and keeps it only when not `forwardOnly`; each
    /// virtual topic copies it to the consumer queues that exist there (not a forwarded message
    /// under `local`) and keeps it. A destination appears once per copy it gets.
    func landing(at x: Int, _ destination: DestinationName, path: [Int], properties: [String: MessageSelector.Value], depth: Int = 0)
        -> [DestinationName]
    {
        let broker = network.brokers[x]
        var result: [DestinationName] = []
        var kept = 0
        var intercepted = false
        for composite in broker.composites
        where composite.destination.kind == destination.kind && (composite.destination == destination || composite.destination.matches(destination)) {
            intercepted = true
            let matched = composite.targets.filter { $0.selector?.matches(properties) ?? true }.map(\.destination)
            if depth < 8 {
                for target in matched { result += landing(at: x, target, path: path, properties: properties, depth: depth + 1) }
            }
            if composite.sendWhenNotMatched ? matched.isEmpty : !composite.forwardOnly { kept += 1 }
        }
        if destination.kind == .topic {
            for topic in broker.virtualTopics where topic.name == destination || topic.name.matches(destination) {
                intercepted = true
                kept += 1
                guard !(topic.local && !path.isEmpty) else { continue }
                let queues = topic.consumerQueues(of: destination)
                for queue in (existingQueues[x] ?? []).sorted(by: { $0.name < $1.name })
                where (queue == queues || queues.matches(queue)) && topic.dispatches(to: queue) {
                    result.append(queue)
                }
            }
        }
        if !intercepted { kept = 1 }
        result += repeatElement(destination, count: kept)
        return result
    }

    /// Sends messages to `destination` on broker `x`: queue messages wait there (or, `now`, are
    /// dispatched at once, as a bridge's forward is), topic messages are published.
    mutating func land(at x: Int, _ destination: DestinationName, path: [Int], count: MessageCount,
                       properties: [String: MessageSelector.Value], origin: Int, now: Bool, depth: Int) {
        for target in landing(at: x, destination, path: path, properties: properties) {
            accept(at: x, target, path: path, count: count, properties: properties, origin: origin, now: now, depth: depth)
        }
    }

    /// Takes messages into a destination on broker `x`, past its virtual destinations: a queue
    /// lets in what its audit admits, a topic publishes.
    mutating func accept(at x: Int, _ target: DestinationName, path: [Int], count: MessageCount,
                         properties: [String: MessageSelector.Value], origin: Int, now: Bool, depth: Int) {
        if target.kind == .topic || target.kind == .tempTopic {
            if depth < 16 { publish(at: x, target, path: path, count: count, properties: properties, origin: origin, depth: depth + 1) }
            return
        }
        let admitted = admit(at: x, target, path: path, count: count, origin: origin, bouncing: now && depth > 1)
        guard admitted.max > 0 else { return }
        if !target.isPattern { existingQueues[x, default: []].insert(target) }
        let batch = Batch(broker: x, destination: target, path: path, count: admitted, properties: properties, origin: origin,
                          persistent: persistentSend)
        if now {
            dispatch(batch, depth: depth)
        } else {
            waiting.append(batch)
        }
    }

    /// What a queue lets in of a send's messages: its audit (on unless a policy entry turns
    /// `enableAudit` off) drops a second copy of a message (`cursor got duplicate send`); without
    /// it the copies go on, and what becomes of them depends on timing (§1.14). A message coming
    /// back to a broker it left (a replay) is no new send: the broker's audit forgot it when its
    /// forward was acknowledged (AMQ-4607). Unless it comes straight back (`bouncing`: replayed
    /// there by the broker it was just forwarded to, which has no consumer for it either): then
    /// the acknowledgement and the copy race, and the audit may drop the copy (observed on
    /// 5.17.2: `cursor got duplicate send` while two brokers with `replayWhenNoConsumers` pass
    /// messages back and forth), so any number of them may be lost (`timing`).
    mutating func admit(at x: Int, _ destination: DestinationName, path: [Int], count: MessageCount, origin: Int, bouncing: Bool) -> MessageCount {
        if path.contains(x) {
            return bouncing && queueAudits(at: x, destination) ? count.upTo(.timing) : count
        }
        let key = OriginKey(place: BrokerDestination(broker: x, destination: destination), origin: origin)
        let total = originTotals[origin]
        let before = queueSeen[key] ?? .zero
        let after = before + count
        if queueAudits(at: x, destination) {
            let capped = after.capped(at: total)
            queueSeen[key] = capped
            return capped.increase(over: before)
        }
        queueSeen[key] = after
        guard after.min > total else { return count }
        unaudited.insert(key)
        return count.upTo(.timing)
    }

    /// Whether a queue's cursor audit is on: unless its policy entry says `enableAudit="false"`.
    func queueAudits(at broker: Int, _ destination: DestinationName) -> Bool {
        guard let entry = network.brokers[broker].policyMap?.entry(for: destination) else { return true }
        if case .literal(false)? = try? entry.enableAudit { return false }
        return true
    }

    /// Counts what a consumer receives of a send: every delivery, and the messages new to it.
    mutating func receive(_ consumer: Int, _ count: MessageCount, origin: Int) {
        consumers[consumer].received = consumers[consumer].received + count
        distinct[consumer][origin] = ((distinct[consumer][origin] ?? .zero) + count).capped(at: originTotals[origin])
        consumers[consumer].unique = distinct[consumer].values.reduce(.zero, +)
    }

    func selectorMatches(_ subscription: Subscription, _ properties: [String: MessageSelector.Value]) -> Bool {
        subscription.selector?.matches(properties) ?? true
    }

    func covers(_ subscription: Subscription, _ destination: DestinationName) -> Bool {
        subscription.destination == destination || subscription.destination.matches(destination)
    }

    func covers(_ consumer: Simulator.Consumer, _ destination: DestinationName) -> Bool {
        consumer.destination == destination || consumer.destination.matches(destination)
    }

    func replays(at broker: Int, _ destination: DestinationName) -> Bool {
        guard destination.kind == .queue, let factory = network.brokers[broker].policyMap?.entry(for: destination)?.networkBridgeFilterFactory,
            case .literal(true)? = try? factory.replayWhenNoConsumers
        else { return false }
        return true
    }

    func audits(at broker: Int, _ destination: DestinationName) -> Bool {
        guard let entry = network.brokers[broker].policyMap?.entry(for: destination) else { return false }
        if case .literal(false)? = try? entry.enableAudit { return false }
        return true
    }

    mutating func produce(at broker: Int, _ destination: DestinationName, count: Int, properties: [String: MessageSelector.Value],
                          persistent: Bool = true) {
        refreshDemand()
        // A broker knows a temporary destination where it was created, or where a bridge mirrored it:
        // its creation advisory travels as its consumer's demand does (`DestinationInfo`, under the
        // same consumerTTL, broker-path and bridgeTempDestinations checks). Elsewhere a send is refused.
        if destination.isTemporary {
            let owner = temporaries[destination].map { consumers[$0].consumer.broker }
            let mirrored = (subscriptionsAt[broker] ?? []).contains { subscriptions[$0].isNetwork && covers(subscriptions[$0], destination) }
            guard owner == broker || mirrored else {
                refused.append((broker, destination, count))
                return
            }
        }
        persistentSend = persistent
        defer { persistentSend = true }
        let origin = originTotals.count
        originTotals.append(count)
        land(at: broker, destination, path: [], count: MessageCount(count), properties: properties, origin: origin, now: false, depth: 0)
    }

    /// Moves queue messages until nothing moves: each batch goes to the consumers that may have it
    /// (§1.4), forwarded batches arrive with the longer path, and what no one may have waits.
    mutating func settle() {
        guard !waiting.isEmpty else { return }
        refreshDemand()
        var rounds = 0
        while !waiting.isEmpty && rounds < 64 {
            rounds += 1
            let batches = waiting
            waiting = []
            var moved = false
            for batch in batches {
                moved = dispatch(batch, depth: 0) || moved
            }
            if !moved { break }
        }
    }

    /// Dispatches a batch of queue messages at a broker; whether any of it moved.
    @discardableResult
    mutating func dispatch(_ batch: Batch, depth: Int) -> Bool {
        let (x, destination, path, count, properties) = (batch.broker, batch.destination, batch.path, batch.count, batch.properties)
        guard count.max > 0 else { return false }
        // What it forwards keeps its persistence.
        let sending = persistentSend
        persistentSend = batch.persistent
        defer { persistentSend = sending }
        let here = (subscriptionsAt[x] ?? []).map { subscriptions[$0] }
        let locals = here.filter { subscription in
            if case .local(let consumer) = subscription.kind {
                return consumers[consumer].open && covers(subscription, destination) && selectorMatches(subscription, properties)
            }
            return false
        }
        let replay = replays(at: x, destination) && locals.isEmpty
        var eligible = locals
        for subscription in here where covers(subscription, destination) && selectorMatches(subscription, properties) {
            guard case .demand(let bridgeIndex) = subscription.kind else { continue }
            let bridge = network.bridges[bridgeIndex]
            guard bridge.permits(destination) else { continue }
            let ttlAllows = bridge.messageTTL == -1 || path.count < bridge.messageTTL
            if !path.contains(bridge.to) && ttlAllows {
                eligible.append(subscription)
            } else if replay && path.contains(bridge.to) && !(path.last == bridge.to && path.contains(x)) {
                // The replay branch checks no TTL. A message that was replayed back here and would
                // go straight back again is in a loop that lasts until an audit drops a copy
                // (see `admit`): the model stops it here.
                eligible.append(subscription)
            }
        }
        guard !eligible.isEmpty, depth < network.brokers.count * 2 + 4 else {
            waiting.append(batch)
            return false
        }
        let top = eligible.map(\.priority).max() ?? 0
        let level = eligible.filter { $0.priority == top }
        let lower = eligible.filter { $0.priority < top }
        var share = count.roundRobinShare(of: level.count)
        // A local consumer of the top level may fill its prefetch: then the lower levels get some.
        let canFill = level.contains { subscription in
            if case .local = subscription.kind { return share.max > subscription.prefetch }
            return false
        }
        if !lower.isEmpty && canFill {
            share = MessageCount(min: 0, max: share.max, reasons: share.reasons.union([.prefetch]))
        }
        // What goes over the bridges is gathered per remote broker (many network subscriptions toward
        // one broker forward along one path), then dispatched there once.
        var forwards: [Int: MessageCount] = [:]
        for subscription in level { deliver(subscription, batch, count: share, forwards: &forwards) }
        if !lower.isEmpty && canFill {
            let lowerShare = count.upTo(.prefetch).roundRobinShare(of: lower.count)
            for subscription in lower { deliver(subscription, batch, count: lowerShare, forwards: &forwards) }
        }
        for (to, forwarded) in forwards.sorted(by: { $0.key < $1.key }) {
            land(at: to, destination, path: path + [x], count: forwarded, properties: properties, origin: batch.origin, now: true, depth: depth + 1)
        }
        return true
    }

    mutating func deliver(_ subscription: Subscription, _ batch: Batch, count: MessageCount, forwards: inout [Int: MessageCount]) {
        switch subscription.kind {
        case .local(let consumer):
            receive(consumer, count, origin: batch.origin)
            if !consumers[consumer].consumer.acknowledges {
                var kept = batch
                kept.count = count
                held[consumer, default: []].append(kept)
            }
            record(batch.path + [batch.broker], count, stopped: false)
        case .demand(let bridgeIndex):
            let to = network.bridges[bridgeIndex].to
            forwards[to] = (forwards[to] ?? .zero) + count
        }
    }

    /// Publishes topic messages at broker `broker` (where they already passed its virtual
    /// destinations): a copy for every subscription that may have one, per path, each arrival over
    /// a bridge passing the remote broker's virtual destinations; the audit of a subscription a
    /// policy entry covers lets each message through once (§1.6).
    ///
    /// With `only`, the messages at `broker` go to that bridge's subscription alone (what a
    /// reactivated durable subscription of a bridge forwards).
    mutating func publish(at broker: Int, _ destination: DestinationName, path start: [Int], count: MessageCount,
                          properties: [String: MessageSelector.Value], origin: Int, depth: Int, only: (bridge: Int, owners: Set<Int>)? = nil) {
        let total = originTotals[origin]
        var passed: [Int: MessageCount] = [:]  // per subscription, under an audit
        var work: [(broker: Int, path: [Int], copies: MessageCount)] = [(broker, start, count)]
        var elsewhere: [(broker: Int, destination: DestinationName, path: [Int], copies: MessageCount)] = []
        var next = 0
        var received = Array(repeating: MessageCount.zero, count: consumers.count)
        while next < work.count, next < 10_000 {
            let (x, path, copies) = work[next]
            next += 1
            var landedHere = 1
            var landedElsewhere = false
            if next > 1 {
                // Arrived over a bridge: the remote broker's virtual destinations apply.
                let landed = landing(at: x, destination, path: path, properties: properties)
                landedHere = landed.filter { $0 == destination }.count
                for other in landed where other != destination {
                    elsewhere.append((x, other, path, copies))
                    landedElsewhere = true
                }
            }
            let audited = audits(at: x, destination)
            var delivered = false
            for _ in 0..<landedHere {
                for index in subscriptionsAt[x] ?? [] {
                    let subscription = subscriptions[index]
                    guard covers(subscription, destination), selectorMatches(subscription, properties) else { continue }
                    if let only, next == 1 {
                        guard case .demand(let bridgeIndex) = subscription.kind, bridgeIndex == only.bridge, !subscription.offline,
                              !only.owners.isDisjoint(with: subscription.owners) else { continue }
                    }
                    var share = copies
                    if audited {
                        let before = passed[index] ?? .zero
                        let after = (before + copies).capped(at: total)
                        share = after.increase(over: before)
                        passed[index] = after
                    }
                    guard share.max > 0 else { continue }
                    if subscription.offline {
                        // Kept for an offline durable subscription: non-persistent messages too
                        // unless the broker has keepDurableSubsActive="false".
                        if case .demand(let bridgeIndex) = subscription.kind {
                            let bridge = network.bridges[bridgeIndex]
                            guard bridge.permits(destination), !path.contains(bridge.to), bridge.messageTTL == -1 || path.count < bridge.messageTTL
                            else { continue }
                            delivered = true
                            guard persistentSend || network.brokers[x].keepDurableSubsActive else { continue }
                            kept.append(Kept(broker: x, destination: destination, bridge: bridgeIndex, owners: Set(subscription.owners), path: path,
                                             count: share, properties: properties, origin: origin, persistent: persistentSend))
                        } else {
                            delivered = true
                            guard persistentSend || network.brokers[x].keepDurableSubsActive else { continue }
                            for owner in subscription.owners { share = storeForDurable(owner, share, origin: origin) }
                            guard share.max > 0 else { continue }
                            let entry = Kept(broker: x, destination: destination, bridge: nil, owners: Set(subscription.owners), path: path,
                                             count: share, properties: properties, origin: origin, persistent: persistentSend)
                            kept.append(entry)
                            record(path + [x], share, stopped: true)
                            let key = RouteKey(route: path + [x], stopped: true)
                            if stopReasons[key] == nil { stopReasons[key] = keptReason(entry) }
                        }
                        continue
                    }
                    switch subscription.kind {
                    case .local(let consumer):
                        guard consumers[consumer].open else { continue }
                        if let durable = durableOf[consumer] {
                            share = storeForDurable(durable, share, origin: origin)
                            guard share.max > 0 else { continue }
                        }
                        received[consumer] = received[consumer] + share
                        record(path + [x], share, stopped: false)
                        delivered = true
                    case .demand(let bridgeIndex):
                        let bridge = network.bridges[bridgeIndex]
                        guard bridge.permits(destination), !path.contains(bridge.to),
                            bridge.messageTTL == -1 || path.count < bridge.messageTTL
                        else { continue }
                        work.append((bridge.to, path + [x], share))
                        delivered = true
                    }
                }
            }
            if !delivered && landedHere > 0 && !path.isEmpty && !landedElsewhere {
                record(path + [x], copies, stopped: true)
                let key = RouteKey(route: path + [x], stopped: true)
                if stopReasons[key] == nil { stopReasons[key] = stopReason(at: x, destination, path: path, properties: properties) }
            }
        }
        if next < work.count {
            // More paths than the analyser follows: what is left is a range.
            for index in received.indices { received[index] = MessageCount(min: received[index].min, max: Int.max / 4, reasons: [.pathLimit]) }
        }
        for index in consumers.indices where received[index] != .zero {
            receive(index, received[index], origin: origin)
        }
        for landed in elsewhere {
            accept(at: landed.broker, landed.destination, path: landed.path, count: landed.copies, properties: properties, origin: origin,
                   now: false, depth: depth)
        }
    }

    mutating func record(_ route: [Int], _ count: MessageCount, stopped: Bool) {
        guard route.count > 1 || !stopped else { return }
        let key = RouteKey(route: route, stopped: stopped)
        routes[key] = (routes[key] ?? .zero) + count
    }

    // MARK: Outcome

    /// Why messages that reached `x` by `path` go no further, and where in the configuration: the
    /// first bridge asking for them whose `messageTTL` they used up (at its connector), else the
    /// broker-path rule, dropped selectors, or that nothing here asks for them (at the holding
    /// broker's `<broker>` element).
    func cause(at x: Int, _ destination: DestinationName, path: [Int], properties: [String: MessageSelector.Value])
        -> (reason: String, brokerPath: Bool, file: String, line: Int, column: Int, fix: Diagnostic.Fix?)
    {
        let name = { (broker: Int) in network.brokers[broker].name }
        let broker = network.brokers[x]
        var stoppedByTTL: RoutingNetwork.Bridge?
        var stoppedByPath: RoutingNetwork.Bridge?
        var selected = false
        for index in subscriptionsAt[x] ?? [] {
            let subscription = subscriptions[index]
            guard covers(subscription, destination) else { continue }
            guard selectorMatches(subscription, properties) else {
                selected = true
                continue
            }
            guard case .demand(let bridgeIndex) = subscription.kind else { continue }
            let bridge = network.bridges[bridgeIndex]
            guard bridge.permits(destination) else { continue }
            if path.contains(bridge.to) {
                stoppedByPath = stoppedByPath ?? bridge
            } else if bridge.messageTTL != -1 && path.count >= bridge.messageTTL {
                stoppedByTTL = stoppedByTTL ?? bridge
            }
        }
        if let last = path.last, path.contains(x), replays(at: x, destination), replays(at: last, destination) {
            return ("replayWhenNoConsumers on both \(name(x)) and \(name(last)), neither with a consumer for them, sends them back and forth, and a queue's audit drops the copies that come back too soon (`cursor got duplicate send`): how many stay depends on timing",
                    false, broker.file, broker.line, broker.column, nil)
        }
        if let bridge = stoppedByTTL {
            let side = bridge.isDuplexResponder ? ", the duplex responder of" : " of"
            return ("messageTTL \(bridge.messageTTL)\(side) connector '\(bridge.connectorName)' (\(bridge.file):\(bridge.line)) reached at \(name(x)): \(name(bridge.to)) asks for them, but they have crossed \(path.count) bridge\(path.count == 1 ? "" : "s") already",
                    false, bridge.file, bridge.line, bridge.column, ttlFix(bridge, crossed: path.count))
        }
        if let bridge = stoppedByPath, let last = path.last {
            return ("they came from \(name(last)), and the broker-path rule keeps them from going back to \(name(bridge.to)), which asks for them; replayWhenNoConsumers on \(name(x)) would return them",
                    true, broker.file, broker.line, broker.column, replayFix(at: x))
        }
        let reason: String
        if let last = path.last {
            reason = selected
                ? "forwarded from \(name(last)), but the consumers here select other messages (a conduit subscription forwards without the selectors), and no bridge asks for them"
                : "forwarded from \(name(last)), where no consumer may have them now, and no bridge asks for them"
        } else {
            reason = "no consumer may have them here, and no bridge asks for them"
        }
        return (reason, false, broker.file, broker.line, broker.column, nil)
    }

    /// The fix for messages a bridge's `messageTTL` stops after crossing `crossed` bridges: the
    /// connector's TTL that decides its `messageTTL` (the later of `networkTTL` and `messageTTL`,
    /// else `networkTTL`) raised to one more. Unsafe: more messages travel further.
    func ttlFix(_ bridge: RoutingNetwork.Bridge, crossed: Int) -> Diagnostic.Fix? {
        guard let element = bridge.connector, let document = bridge.connectorDocument else { return nil }
        let names = element.attributes.filter { $0.prefix == nil }.map(\.localName)
        let name = names.last { $0 == "networkTTL" || $0 == "messageTTL" } ?? "networkTTL"
        guard let edit = try? document.editSettingAttribute(name, to: String(crossed + 1), on: element) else { return nil }
        return Diagnostic.Fix("set \(name)=\"\(crossed + 1)\" on connector '\(bridge.connectorName)'", edits: [edit], applicability: .unsafe)
    }

    /// The fix for queue messages stranded on broker `x` by the broker-path rule: its
    /// `replayWhenNoConsumers` policy for every queue (``BrokerConfiguration/enableReplayWhenNoConsumers(on:settings:rules:)``).
    /// Unsafe: messages then go back over the bridges they came by.
    func replayFix(at x: Int) -> Diagnostic.Fix? {
        let broker = network.brokers[x]
        guard let document = broker.document, let element = broker.element,
              let edit = try? BrokerConfiguration.replayEdit(in: document, broker: element) else { return nil }
        return Diagnostic.Fix("write replayWhenNoConsumers=\"true\" for \(broker.name)'s queues", edits: [edit], applicability: .unsafe)
    }

    /// ``cause(at:_:path:properties:)``'s reason as residue and stopped paths say it.
    func stopReason(at x: Int, _ destination: DestinationName, path: [Int], properties: [String: MessageSelector.Value]) -> String {
        let found = cause(at: x, destination, path: path, properties: properties)
        return (found.brokerPath ? "stranded: " : "") + found.reason
    }

    func prediction() -> Simulator.Prediction {
        let name = { (broker: Int) in network.brokers[broker].name }
        let consumers = outcomeCounts()
        let outcomes = consumers.map { entry in
            Simulator.Prediction.ConsumerOutcome(id: entry.consumer.id, broker: name(entry.consumer.broker), destination: entry.consumer.destination,
                                                 received: entry.received, unique: entry.unique)
        }
        var residue: [String: Simulator.Prediction.Residue] = [:]
        var order: [String] = []
        for batch in waiting {
            let key = "\(batch.broker) \(batch.destination)"
            let reason = batch.heldBy.map { "held by consumer '\($0)', which did not acknowledge them, until it closed at the end" }
                ?? stopReason(at: batch.broker, batch.destination, path: batch.path, properties: batch.properties)
            if var existing = residue[key] {
                existing.messages = existing.messages + batch.count
                residue[key] = existing
            } else {
                order.append(key)
                residue[key] = .init(broker: name(batch.broker), destination: batch.destination, messages: batch.count, reason: reason)
            }
        }
        for entry in kept {
            let key = "\(entry.broker) \(entry.destination)"
            if var existing = residue[key] {
                existing.messages = existing.messages + entry.count
                residue[key] = existing
            } else {
                order.append(key)
                residue[key] = .init(broker: name(entry.broker), destination: entry.destination, messages: entry.count, reason: keptReason(entry))
            }
        }
        var routes = self.routes
        var stopReasons = self.stopReasons
        for batch in waiting where !batch.path.isEmpty && batch.heldBy == nil {
            let key = RouteKey(route: batch.path + [batch.broker], stopped: true)
            routes[key] = (routes[key] ?? .zero) + batch.count
            if stopReasons[key] == nil {
                stopReasons[key] = stopReason(at: batch.broker, batch.destination, path: batch.path, properties: batch.properties)
            }
        }
        let paths = routes.sorted { ($0.key.route.map(name).joined(separator: " "), $0.key.stopped ? 1 : 0) < ($1.key.route.map(name).joined(separator: " "), $1.key.stopped ? 1 : 0) }
            .map { key, messages in
                Simulator.Prediction.PathFlow(route: key.route.map(name), messages: messages, stoppedAt: key.stopped ? key.route.last.map(name) : nil,
                                              stopReason: key.stopped ? stopReasons[key] : nil)
            }
        return Simulator.Prediction(consumers: outcomes, residue: order.compactMap { residue[$0] }, paths: paths, findings: findings())
    }

    /// Why an offline durable subscription's messages stay where they are.
    func keptReason(_ entry: Kept) -> String {
        let name = { (broker: Int) in network.brokers[broker].name }
        let owners = entry.owners.sorted().map { durables[$0] }
        let described = owners.map { "'\($0.identity.subscription)' of client '\($0.identity.clientId)' on \(name($0.broker))" }.joined(separator: ", ")
        let moved = owners.compactMap(\.movedTo).first.map { " (that subscriber has since opened on \(name($0)), where a new subscription began)" } ?? ""
        if entry.bridge == nil {
            return "kept for the offline durable subscription \(described) until its subscriber comes back\(moved)"
        }
        return "kept by the bridge's durable subscription for the offline durable subscription \(described), which stays when its subscriber goes\(moved)"
    }

    /// The consumers' counts at the end: where copies reached a queue without an audit, its
    /// consumers may have had fewer of those messages, down to none (some go to the DLQ).
    func outcomeCounts() -> [(consumer: Simulator.Consumer, open: Bool, received: MessageCount, unique: MessageCount)] {
        var consumers = self.consumers
        var distinct = self.distinct
        for key in unaudited.sorted(by: { $0.origin < $1.origin }) {
            for index in consumers.indices
            where consumers[index].consumer.broker == key.place.broker && covers(consumers[index].consumer, key.place.destination) {
                guard let had = distinct[index][key.origin] else { continue }
                distinct[index][key.origin] = had.upTo(.timing)
                consumers[index].unique = distinct[index].values.reduce(.zero, +)
                let received = consumers[index].received
                consumers[index].received = MessageCount(min: Swift.max(0, received.min - had.min), max: received.max, reasons: received.reasons.union([.timing]))
            }
        }
        return consumers
    }

    /// The findings of the run: each residue (stranded where it was forwarded, or undelivered where
    /// it was sent while a consumer elsewhere wanted it) and each consumer that gets copies.
    func findings() -> [Diagnostic] {
        let name = { (broker: Int) in network.brokers[broker].name }
        // What waits, per broker and destination, apart by whether it was forwarded there.
        var groups: [String: (first: Int, total: MessageCount)] = [:]
        var order: [String] = []
        for (index, batch) in waiting.enumerated() where batch.count.max > 0 && batch.heldBy == nil {
            let key = "\(batch.path.isEmpty ? "sent" : "forwarded") \(batch.broker) \(batch.destination)"
            if let group = groups[key] {
                groups[key] = (group.first, group.total + batch.count)
            } else {
                groups[key] = (index, batch.count)
                order.append(key)
            }
        }
        var found: [Diagnostic] = []
        for key in order {
            guard let (first, total) = groups[key] else { continue }
            let batch = waiting[first]
            let messages = "\(total) message\(total.max == 1 ? "" : "s") for \(batch.destination)"
            if batch.path.isEmpty {
                guard let wanting = consumers.first(where: { entry in
                    entry.consumer.broker != batch.broker
                        && (entry.consumer.destination == batch.destination || entry.consumer.destination.matches(batch.destination))
                }) else { continue }
                let broker = network.brokers[batch.broker]
                found.append(Diagnostic(
                    file: broker.file, line: broker.line, column: broker.column, severity: .warning, code: RuleID.undeliveredMessages.rawValue,
                    message: "\(messages) stay on \(name(batch.broker)), where they were sent, while consumer '\(wanting.consumer.id)' on \(name(wanting.consumer.broker)) wanted them: no bridge asked for them (networkTTL, a connector's direction, advisorySupport or a filter)"))
            } else {
                let at = cause(at: batch.broker, batch.destination, path: batch.path, properties: batch.properties)
                var finding = Diagnostic(
                    file: at.file, line: at.line, column: at.column, severity: .warning, code: RuleID.strandedMessages.rawValue,
                    message: "\(messages) stranded on \(name(batch.broker)): \(at.reason)")
                finding.fix = at.fix
                found.append(finding)
            }
        }
        for entry in refused {
            let broker = network.brokers[entry.broker]
            let owner = temporaries[entry.destination].map { network.brokers[consumers[$0].consumer.broker].name } ?? "another broker"
            found.append(Diagnostic(
                file: broker.file, line: broker.line, column: broker.column, severity: .warning, code: RuleID.undeliveredMessages.rawValue,
                message: "\(entry.count) message\(entry.count == 1 ? "" : "s") sent to \(entry.destination) on \(broker.name) are refused: \(broker.name) does not know the temporary destination, which lives on \(owner) (no bridge brought its consumer's demand here: bridgeTempDestinations, networkTTL, a connector's direction or advisorySupport)"))
        }
        for entry in kept where entry.owners.contains(where: { durables[$0].movedTo != nil }) && entry.count.max > 0 {
            let broker = network.brokers[entry.broker]
            found.append(Diagnostic(
                file: broker.file, line: broker.line, column: broker.column, severity: .warning, code: RuleID.strandedMessages.rawValue,
                message: "\(entry.count) message\(entry.count.max == 1 ? "" : "s") for \(entry.destination) stranded on \(broker.name): \(keptReason(entry)); a durable subscriber that moves leaves its subscription behind (virtual topics with replayWhenNoConsumers move with it)"))
        }
        for entry in outcomeCounts() {
            if let finding = network.duplicateFinding(consumer: entry.consumer.id, broker: entry.consumer.broker, received: entry.received, unique: entry.unique) {
                found.append(finding)
            }
        }
        return found
    }
}

extension RoutingNetwork {
    /// The `duplicate-deliveries` finding for a consumer that may receive more deliveries than
    /// distinct messages, at its broker's element.
    func duplicateFinding(consumer id: String, broker index: Int, received: MessageCount, unique: MessageCount) -> Diagnostic? {
        guard received.max > unique.max else { return nil }
        let broker = brokers[index]
        let certain = received.min > unique.max
        return Diagnostic(
            file: broker.file, line: broker.line, column: broker.column, severity: .warning, code: RuleID.duplicateDeliveries.rawValue,
            message: "consumer '\(id)' on \(broker.name) \(certain ? "receives" : "may receive") \(received) deliveries of \(unique) distinct messages: they reach \(broker.name) over more than one path, and no audit hides the copies")
    }
}
