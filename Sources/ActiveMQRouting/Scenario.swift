public import ActiveMQConfig

/// A scenario: brokers and their configurations, then steps (consumers open and close, messages are
/// sent), and optionally what must come of it. The same file drives the prediction and a run on
/// real brokers; its JSON Schema is `Docs/scenario.schema.json`, and an unknown key is an error at
/// its place.
///
/// ```json
/// {"engineVersion": "5.17.2",
///  "brokers": [{"name": "A", "config": "A.xml"}, {"name": "B", "config": "B.xml"}],
///  "steps": [{"consume": {"id": "b", "broker": "B", "destination": "queue://Q"}},
///            {"produce": {"broker": "A", "destination": "queue://Q", "count": 20}}],
///  "expect": {"consumers": [{"id": "b", "received": {"min": 20, "max": 20}}]}}
/// ```
public struct Scenario: Sendable {
    /// A broker of the scenario and its configuration file (relative to the scenario's folder).
    public struct Broker: Sendable, Hashable {
        /// Its name, as steps name it.
        public var name: String
        /// Its configuration file.
        public var config: String
    }

    /// A consumer a `consume` step opens.
    public struct Consume: Sendable, Hashable {
        /// Its id, for `close`, `unsubscribe` and `expect`.
        public var id: String
        /// Its broker's name.
        public var broker: String
        /// `queue://NAME` or `topic://NAME` (wildcards allowed), or `temp-queue://NAME` or
        /// `temp-topic://NAME`: a temporary destination the first consumer of NAME creates on its
        /// broker (its connection's), which lives until that consumer closes.
        public var destination: DestinationName
        /// Its JMS selector, if any.
        public var selector: String?
        /// Its prefetch, if not the client's default.
        public var prefetch: Int?
        /// Its priority (`consumer.priority`), if not 0.
        public var priority: Int?
        /// Whether it acknowledges what it receives (default true).
        public var acknowledge: Bool
        /// A durable subscription's client id and name, if durable.
        public var durable: Durable?
    }

    /// A durable subscription's identity.
    public struct Durable: Sendable, Hashable {
        /// The connection's client id.
        public var clientId: String
        /// The subscription's name.
        public var subscription: String

        /// A durable subscription's identity.
        public init(clientId: String, subscription: String) {
            self.clientId = clientId
            self.subscription = subscription
        }
    }

    /// Messages a `produce` step sends.
    public struct Produce: Sendable, Hashable {
        /// The broker's name.
        public var broker: String
        /// The destination.
        public var destination: DestinationName
        /// How many.
        public var count: Int
        /// Their properties: a JSON string is a String, an integer a Long, a boolean a Boolean,
        /// any other number a Double.
        public var properties: [String: MessageSelector.Value]
        /// Whether they are persistent (default true).
        public var persistent: Bool
    }

    /// A step; after each one the network settles before the next begins.
    public enum Step: Sendable, Hashable {
        /// A consumer opens.
        case consume(Consume)
        /// Messages are sent.
        case produce(Produce)
        /// A consumer closes.
        case close(id: String)
        /// A durable subscription is removed.
        case unsubscribe(id: String)
        /// A broker stops.
        case stop(broker: String)
        /// A broker starts again.
        case start(broker: String)
        /// Time passes.
        case wait(seconds: Double)
    }

    /// An expected count: `{"min": N, "max": M}`.
    public struct ExpectedCount: Sendable, Hashable {
        /// The fewest.
        public var min: Int
        /// The most.
        public var max: Int

        /// A count from `min` to `max`.
        public init(min: Int, max: Int) {
            self.min = min
            self.max = max
        }
    }

    /// What must come of the scenario.
    public struct Expectation: Sendable, Hashable {
        /// What one consumer must have received.
        public struct ConsumerCounts: Sendable, Hashable {
            /// The consumer's id.
            public var id: String
            /// Deliveries, duplicates included, if given.
            public var received: ExpectedCount?
            /// Distinct messages, if given.
            public var unique: ExpectedCount?

            /// What a consumer must have received.
            public init(id: String, received: ExpectedCount?, unique: ExpectedCount?) {
                self.id = id
                self.received = received
                self.unique = unique
            }
        }

        /// What must stay on a broker.
        public struct ResidueCount: Sendable, Hashable {
            /// The broker's name.
            public var broker: String
            /// The destination.
            public var destination: DestinationName
            /// How many.
            public var messages: ExpectedCount

            /// What must stay on a broker.
            public init(broker: String, destination: DestinationName, messages: ExpectedCount) {
                self.broker = broker
                self.destination = destination
                self.messages = messages
            }
        }

        /// Per consumer id: received and unique counts (either may be left out).
        public var consumers: [ConsumerCounts]
        /// Residue per broker and destination, when given: then any other residue is a difference.
        public var residue: [ResidueCount]?

        /// An expectation.
        public init(consumers: [ConsumerCounts], residue: [ResidueCount]?) {
            self.consumers = consumers
            self.residue = residue
        }
    }

    /// The scenario file, as given.
    public var path: String
    /// The ActiveMQ version whose behaviour applies.
    public var engineVersion: ActiveMQVersion
    /// The brokers.
    public var brokers: [Broker]
    /// A network spec, for configurations that declare no transport address.
    public var network: NetworkSpec?
    /// How long counts must stay still for a real network to count as settled (default 2, at most 60).
    public var settleSeconds: Double
    /// The steps, in order.
    public var steps: [Step]
    /// What must come of it, if given.
    public var expect: Expectation?

    /// The keys of a scenario, of a broker, of each step and of an expectation.
    static let keys = ["$schema", "engineVersion", "brokers", "network", "settleSeconds", "steps", "expect"]

    /// Reads a scenario file.
    ///
    /// - Throws: ``RoutingError`` at the place of the mistake.
    public init(contentsOfFile path: String) throws(RoutingError) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw RoutingError(file: path, error.message)
        }
        try self.init(bytes: bytes, path: path)
    }

    /// Reads a scenario from its bytes (`path` names it in errors and places its configurations).
    public init(bytes: [UInt8], path: String) throws(RoutingError) {
        let root: StrictJSON.Located
        do {
            root = try StrictJSON.parse(bytes)
        } catch {
            throw RoutingError(file: path, line: error.line, column: error.column, "not a valid scenario: \(error.message)")
        }
        let reader = Reader(path: path)
        let top = try reader.object(root, allowed: Self.keys, what: "a scenario")
        self.path = path
        guard let version = top["engineVersion"] else { throw reader.fail("a scenario needs 'engineVersion' (the ActiveMQ version whose behaviour applies)", root) }
        guard let parsed = ActiveMQVersion(try reader.string(version, "engineVersion")) else {
            throw reader.fail("'engineVersion' must be MAJOR.MINOR[.PATCH]", version)
        }
        engineVersion = parsed
        guard let brokerList = top["brokers"] else { throw reader.fail("a scenario needs 'brokers'", root) }
        brokers = try reader.array(brokerList, "brokers").map { (item) throws(RoutingError) in
            let fields = try reader.object(item, allowed: ["name", "config"], what: "a broker")
            return Broker(name: try reader.required(fields, "name", in: item), config: try reader.required(fields, "config", in: item))
        }
        if brokers.isEmpty { throw reader.fail("'brokers' must name at least one broker", brokerList) }
        if let duplicate = Dictionary(grouping: brokers, by: \.name).first(where: { $0.value.count > 1 })?.key {
            throw reader.fail("two brokers are named '\(duplicate)'", brokerList)
        }
        if let spec = top["network"] {
            do {
                network = try NetworkSpec.decode(reader.slice(spec, of: bytes))
            } catch {
                throw reader.fail("'network' is not a valid network spec: \(error.message)", spec)
            }
        }
        settleSeconds = 2
        if let settle = top["settleSeconds"] {
            let seconds = try reader.number(settle, "settleSeconds")
            guard seconds > 0 && seconds <= 60 else { throw reader.fail("'settleSeconds' must be above 0 and at most 60", settle) }
            settleSeconds = seconds
        }
        let names = Set(brokers.map(\.name))
        guard let stepList = top["steps"] else { throw reader.fail("a scenario needs 'steps'", root) }
        steps = []
        var opened = Set<String>()
        var durables: [String: Durable] = [:]
        for item in try reader.array(stepList, "steps") {
            let step = try reader.step(item, brokers: names)
            switch step {
            case .consume(let consume):
                if opened.contains(consume.id) { throw reader.fail("a consumer with the id '\(consume.id)' is already open", item) }
                opened.insert(consume.id)
                durables[consume.id] = consume.durable
            case .close(let id):
                if !opened.contains(id) { throw reader.fail("no open consumer has the id '\(id)'", item) }
                opened.remove(id)
            case .unsubscribe(let id):
                if durables[id] == nil { throw reader.fail("no durable consumer has the id '\(id)'", item) }
                if opened.contains(id) { throw reader.fail("consumer '\(id)' is open: a durable subscription is removed after its consumer closes", item) }
            default:
                break
            }
            steps.append(step)
        }
        if let expected = top["expect"] { expect = try reader.expectation(expected, brokers: names) }
    }

    /// Reads JSON values, each error at its place.
    struct Reader {
        let path: String

        func fail(_ message: String, _ at: StrictJSON.Located) -> RoutingError {
            RoutingError(file: path, line: at.line, column: at.column, message)
        }

        func object(_ located: StrictJSON.Located, allowed: [String], what: String) throws(RoutingError) -> [String: StrictJSON.Located] {
            guard case .object(let members) = located.value else { throw fail("\(what) must be an object, not \(located.value.typeName)", located) }
            var result: [String: StrictJSON.Located] = [:]
            for member in members {
                guard allowed.contains(member.key) else {
                    let hint = Spelling.closest(to: member.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                    throw RoutingError(file: path, line: member.line, column: member.column, "unknown key '\(member.key)' in \(what)\(hint)")
                }
                result[member.key] = member.value
            }
            return result
        }

        func array(_ located: StrictJSON.Located, _ key: String) throws(RoutingError) -> [StrictJSON.Located] {
            guard case .array(let items) = located.value else { throw fail("'\(key)' must be an array, not \(located.value.typeName)", located) }
            return items
        }

        func string(_ located: StrictJSON.Located, _ key: String) throws(RoutingError) -> String {
            guard case .string(let text) = located.value else { throw fail("'\(key)' must be a string, not \(located.value.typeName)", located) }
            return text
        }

        func number(_ located: StrictJSON.Located, _ key: String) throws(RoutingError) -> Double {
            guard case .number(let value) = located.value else { throw fail("'\(key)' must be a number, not \(located.value.typeName)", located) }
            return value
        }

        func integer(_ located: StrictJSON.Located, _ key: String, minimum: Int = Int.min) throws(RoutingError) -> Int {
            let value = try number(located, key)
            guard value == value.rounded(), abs(value) < 1e15, Int(value) >= minimum else {
                throw fail("'\(key)' must be a whole number\(minimum == Int.min ? "" : " of at least \(minimum)")", located)
            }
            return Int(value)
        }

        func bool(_ located: StrictJSON.Located, _ key: String) throws(RoutingError) -> Bool {
            guard case .bool(let value) = located.value else { throw fail("'\(key)' must be true or false, not \(located.value.typeName)", located) }
            return value
        }

        func required(_ fields: [String: StrictJSON.Located], _ key: String, in parent: StrictJSON.Located) throws(RoutingError) -> String {
            guard let value = fields[key] else { throw fail("'\(key)' is missing", parent) }
            let text = try string(value, key)
            guard !text.isEmpty else { throw fail("'\(key)' must not be empty", value) }
            return text
        }

        func broker(_ fields: [String: StrictJSON.Located], in parent: StrictJSON.Located, brokers: Set<String>) throws(RoutingError) -> String {
            let name = try required(fields, "broker", in: parent)
            guard brokers.contains(name) else { throw fail("no broker is named '\(name)'", fields["broker"] ?? parent) }
            return name
        }

        func destination(_ fields: [String: StrictJSON.Located], in parent: StrictJSON.Located) throws(RoutingError) -> DestinationName {
            let text = try required(fields, "destination", in: parent)
            for (prefix, kind) in [("queue://", DestinationEntry.Kind.queue), ("topic://", .topic), ("temp-queue://", .tempQueue), ("temp-topic://", .tempTopic)]
            where text.hasPrefix(prefix) {
                let name = String(text.dropFirst(prefix.count))
                guard !name.isEmpty else { break }
                let destination = DestinationName(kind: kind, name: name)
                if destination.isTemporary && (destination.isPattern || name.contains(",")) {
                    throw fail("a temporary destination's name is a plain name: no wildcard, no composite", fields["destination"] ?? parent)
                }
                return destination
            }
            throw fail("'destination' must be queue://NAME, topic://NAME, temp-queue://NAME or temp-topic://NAME", fields["destination"] ?? parent)
        }

        func step(_ item: StrictJSON.Located, brokers: Set<String>) throws(RoutingError) -> Step {
            let kinds = ["consume", "produce", "close", "unsubscribe", "stop", "start", "wait"]
            let wrapper = try object(item, allowed: kinds, what: "a step")
            guard wrapper.count == 1, let (kind, body) = wrapper.first else {
                throw fail("a step is an object with one key: " + kinds.joined(separator: ", "), item)
            }
            switch kind {
            case "consume":
                let fields = try object(body, allowed: ["id", "broker", "destination", "selector", "prefetch", "priority", "acknowledge", "durable"], what: "a consume step")
                var consume = Consume(id: try required(fields, "id", in: body), broker: try broker(fields, in: body, brokers: brokers),
                                      destination: try destination(fields, in: body), selector: nil, prefetch: nil, priority: nil,
                                      acknowledge: true, durable: nil)
                if let selector = fields["selector"] {
                    let text = try string(selector, "selector")
                    do {
                        _ = try MessageSelector(text)
                    } catch {
                        throw fail(error.message, selector)
                    }
                    consume.selector = text
                }
                if let prefetch = fields["prefetch"] { consume.prefetch = try integer(prefetch, "prefetch", minimum: 0) }
                if let priority = fields["priority"] { consume.priority = try integer(priority, "priority", minimum: 0) }
                if let acknowledge = fields["acknowledge"] { consume.acknowledge = try bool(acknowledge, "acknowledge") }
                if let durable = fields["durable"] {
                    let inner = try object(durable, allowed: ["clientId", "subscription"], what: "'durable'")
                    consume.durable = Durable(clientId: try required(inner, "clientId", in: durable), subscription: try required(inner, "subscription", in: durable))
                    if consume.destination.kind != .topic { throw fail("only a topic consumer can be durable", durable) }
                }
                return .consume(consume)
            case "produce":
                let fields = try object(body, allowed: ["broker", "destination", "count", "properties", "persistent"], what: "a produce step")
                guard let count = fields["count"] else { throw fail("'count' is missing", body) }
                var produce = Produce(broker: try broker(fields, in: body, brokers: brokers), destination: try destination(fields, in: body),
                                      count: try integer(count, "count", minimum: 0), properties: [:], persistent: true)
                if let properties = fields["properties"] {
                    guard case .object(let members) = properties.value else { throw fail("'properties' must be an object", properties) }
                    for member in members {
                        switch member.value.value {
                        case .string(let text): produce.properties[member.key] = .string(text)
                        case .bool(let value): produce.properties[member.key] = .boolean(value)
                        case .number(let value):
                            produce.properties[member.key] = value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : .decimal(value)
                        default:
                            throw RoutingError(file: path, line: member.line, column: member.column,
                                               "property '\(member.key)' must be a string, a number or true or false")
                        }
                    }
                }
                if let persistent = fields["persistent"] { produce.persistent = try bool(persistent, "persistent") }
                return .produce(produce)
            case "close", "unsubscribe":
                let fields = try object(body, allowed: ["id"], what: "a \(kind) step")
                let id = try required(fields, "id", in: body)
                return kind == "close" ? .close(id: id) : .unsubscribe(id: id)
            case "stop", "start":
                let fields = try object(body, allowed: ["broker"], what: "a \(kind) step")
                let name = try broker(fields, in: body, brokers: brokers)
                return kind == "stop" ? .stop(broker: name) : .start(broker: name)
            default:
                let fields = try object(body, allowed: ["seconds"], what: "a wait step")
                guard let seconds = fields["seconds"] else { throw fail("'seconds' is missing", body) }
                let value = try number(seconds, "seconds")
                guard value >= 0 && value <= 600 else { throw fail("'seconds' must be from 0 to 600", seconds) }
                return .wait(seconds: value)
            }
        }

        func count(_ located: StrictJSON.Located, _ key: String) throws(RoutingError) -> ExpectedCount {
            let fields = try object(located, allowed: ["min", "max"], what: "'\(key)'")
            guard let min = fields["min"], let max = fields["max"] else { throw fail("'\(key)' needs 'min' and 'max'", located) }
            let low = try integer(min, "min", minimum: 0), high = try integer(max, "max", minimum: 0)
            guard low <= high else { throw fail("'min' is above 'max'", located) }
            return ExpectedCount(min: low, max: high)
        }

        func expectation(_ located: StrictJSON.Located, brokers: Set<String>) throws(RoutingError) -> Expectation {
            let fields = try object(located, allowed: ["consumers", "residue"], what: "'expect'")
            var result = Expectation(consumers: [], residue: nil)
            for item in try fields["consumers"].map({ (value) throws(RoutingError) in try array(value, "consumers") }) ?? [] {
                let entry = try object(item, allowed: ["id", "received", "unique"], what: "an expected consumer")
                result.consumers.append(Expectation.ConsumerCounts(
                    id: try required(entry, "id", in: item), received: try entry["received"].map { (value) throws(RoutingError) in try count(value, "received") },
                    unique: try entry["unique"].map { (value) throws(RoutingError) in try count(value, "unique") }))
            }
            if let residue = fields["residue"] {
                result.residue = []
                for item in try array(residue, "residue") {
                    let entry = try object(item, allowed: ["broker", "destination", "messages"], what: "an expected residue")
                    guard let messages = entry["messages"] else { throw fail("'messages' is missing", item) }
                    result.residue?.append(Expectation.ResidueCount(broker: try broker(entry, in: item, brokers: brokers),
                                                                   destination: try destination(entry, in: item), messages: try count(messages, "messages")))
                }
            }
            return result
        }

        /// The bytes of a value, for a nested document read by its own reader.
        func slice(_ located: StrictJSON.Located, of bytes: [UInt8]) -> [UInt8] {
            // StrictJSON keeps positions, not offsets: find the value's start from its line and column.
            var line = 1, start = 0
            while line < located.line, let newline = bytes[start...].firstIndex(of: 0x0A) {
                start = newline + 1
                line += 1
            }
            var offset = start
            var column = 1
            while column < located.column, offset < bytes.count {
                // Columns count scalars: skip continuation bytes.
                offset += 1
                while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                column += 1
            }
            var depth = 0
            var inString = false
            var escaped = false
            var end = offset
            while end < bytes.count {
                let byte = bytes[end]
                if inString {
                    if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                } else if byte == 0x22 {
                    inString = true
                } else if byte == 0x7B || byte == 0x5B {
                    depth += 1
                } else if byte == 0x7D || byte == 0x5D {
                    depth -= 1
                    if depth == 0 { end += 1; break }
                }
                end += 1
            }
            return Array(bytes[offset..<end])
        }
    }
}
