public import ActiveMQConfig

extension Scenario {
    /// The code of a difference between a prediction and the scenario's `expect`.
    public static let expectationCode = "scenario-expectation"

    /// Reads the brokers' configurations (relative to the scenario's folder) and predicts what the
    /// network does with the steps.
    ///
    /// - Parameter engineVersion: The version whose behaviour applies, when it is not the
    ///   scenario's (`--engine-version`).
    /// - Throws: ``RoutingError``: a configuration that cannot be read, a step on a broker that is
    ///   stopped then, or what the model does not play yet (`syncDurableSubs` with durable
    ///   subscriptions across a restart).
    public func predict(engineVersion: ActiveMQVersion? = nil) throws(RoutingError) -> Simulator.Prediction {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var configured: [(name: String, file: String, configuration: BrokerConfiguration)] = []
        for broker in brokers {
            let file = broker.config.hasPrefix("/") ? broker.config : folder + broker.config
            do {
                configured.append((broker.name, file, try BrokerConfiguration(contentsOfFile: file)))
            } catch {
                throw RoutingError(file: file, error.description)
            }
        }
        let network = try RoutingNetwork(brokers: configured, spec: self.network, version: engineVersion ?? self.engineVersion)
        let index = Dictionary(uniqueKeysWithValues: brokers.enumerated().map { ($0.element.name, $0.offset) })
        var steps: [Simulator.Step] = []
        var stopped: Set<String> = []
        /// The temporary destinations alive, with the consumer that created each.
        var temporaries: [DestinationName: String] = [:]
        let restarts = self.steps.contains { if case .stop = $0 { return true } else { return false } }
        for step in self.steps {
            func refuseIfStopped(_ broker: String, _ what: String) throws(RoutingError) {
                if stopped.contains(broker) { throw RoutingError(file: path, "\(what) on \(broker), which a stop step stopped and no start step started again") }
            }
            switch step {
            case .consume(let consume):
                try refuseIfStopped(consume.broker, "consumer '\(consume.id)' opens")
                if consume.destination.isTemporary {
                    // JMS: a temporary destination is consumed by the connection that created it only.
                    if let owner = temporaries[consume.destination] {
                        throw RoutingError(file: path, "consumer '\(consume.id)': \(consume.destination) belongs to consumer '\(owner)', whose connection created it; only that connection consumes it")
                    }
                    temporaries[consume.destination] = consume.id
                }
                if restarts && consume.durable != nil, let bridge = network.bridges.first(where: \.syncDurableSubs) {
                    throw RoutingError(file: bridge.file, line: bridge.line, column: bridge.column,
                                       "connector '\(bridge.connectorName)': syncDurableSubs across a broker's restart (the brokers exchange their durable subscriptions when they connect) is not modelled yet, and consumer '\(consume.id)' is durable")
                }
                if consume.destination.name.contains(",") {
                    throw RoutingError(file: path, "consumer '\(consume.id)': a consumer of a composite destination makes demand that AMQ-9262 changed (5.17.5, 5.18.2, 6.0.0), and its effect before is unknown: not modelled")
                }
                let selector: MessageSelector?
                do {
                    selector = try consume.selector.map { (text) throws(MessageSelector.Unsupported) in try MessageSelector(text) }
                } catch {
                    throw RoutingError(file: path, "consumer '\(consume.id)': \(error.message)")
                }
                steps.append(.consume(.init(id: consume.id, broker: index[consume.broker] ?? 0, destination: consume.destination, selector: selector,
                                            priority: consume.priority ?? 0, prefetch: consume.prefetch ?? (consume.destination.kind == .topic ? 32767 : 1000),
                                            acknowledges: consume.acknowledge, durable: consume.durable)))
            case .produce(let produce):
                try refuseIfStopped(produce.broker, "a produce step sends")
                if produce.destination.isTemporary, temporaries[produce.destination] == nil {
                    throw RoutingError(file: path, "a produce step sends to \(produce.destination), which no open consumer has created (a temporary destination lives while its consumer's connection does)")
                }
                steps.append(.produce(broker: index[produce.broker] ?? 0, destination: produce.destination, count: produce.count,
                                      properties: produce.properties, persistent: produce.persistent))
            case .close(let id):
                temporaries = temporaries.filter { $0.value != id }
                steps.append(.close(id: id))
            case .wait:
                steps.append(.wait)
            case .unsubscribe(let id):
                steps.append(.unsubscribe(id: id))
            case .stop(let broker):
                let closing = Set(self.steps.compactMap { step -> String? in
                    if case .consume(let consume) = step, consume.broker == broker { return consume.id } else { return nil }
                })
                temporaries = temporaries.filter { !closing.contains($0.value) }
                guard stopped.insert(broker).inserted else { throw RoutingError(file: path, "a stop step stops \(broker), which is stopped already") }
                steps.append(.stop(broker: index[broker] ?? 0))
            case .start(let broker):
                guard stopped.remove(broker) != nil else { throw RoutingError(file: path, "a start step starts \(broker), which runs already") }
                steps.append(.start(broker: index[broker] ?? 0))
            }
        }
        if let broker = stopped.sorted().first {
            throw RoutingError(file: path, "the steps end with \(broker) stopped: a start step must start it again, since residue is counted on running brokers")
        }
        return Simulator(network: network).run(steps)
    }

    /// Where a prediction differs from `expect`: one error diagnostic per difference (none without
    /// an `expect`).
    public func differences(from prediction: Simulator.Prediction) -> [Diagnostic] {
        guard let expect else { return [] }
        var found: [Diagnostic] = []
        func differ(_ message: String) {
            found.append(Diagnostic(file: path, severity: .error, code: Self.expectationCode, message: message))
        }
        func show(_ count: ExpectedCount) -> String { count.min == count.max ? "\(count.min)" : "\(count.min)…\(count.max)" }
        func same(_ predicted: MessageCount, _ expected: ExpectedCount) -> Bool { predicted.min == expected.min && predicted.max == expected.max }
        for expected in expect.consumers {
            guard let outcome = prediction.consumers.first(where: { $0.id == expected.id }) else {
                differ("expect names consumer '\(expected.id)', which no step opens")
                continue
            }
            if let received = expected.received, !same(outcome.received, received) {
                differ("consumer '\(expected.id)' on \(outcome.broker): predicted to receive \(outcome.received), expected \(show(received))")
            }
            if let unique = expected.unique, !same(outcome.unique, unique) {
                differ("consumer '\(expected.id)' on \(outcome.broker): predicted \(outcome.unique) distinct messages, expected \(show(unique))")
            }
        }
        if let residue = expect.residue {
            for expected in residue {
                let predicted = prediction.residue.first { $0.broker == expected.broker && $0.destination == expected.destination }?.messages ?? .zero
                if !same(predicted, expected.messages) {
                    differ("\(expected.destination) on \(expected.broker): predicted \(predicted) left, expected \(show(expected.messages))")
                }
            }
            for left in prediction.residue where !residue.contains(where: { $0.broker == left.broker && $0.destination == left.destination }) {
                differ("\(left.destination) on \(left.broker): predicted \(left.messages) left, which expect does not list")
            }
        }
        return found
    }
}

extension Simulator.Prediction {
    /// The prediction as JSON: `consumers`, `residue`, `paths` and `findings`, each count as
    /// `{"min", "max"}` with the reasons of a range.
    package func json(findings: [Diagnostic]) -> JSONText {
        func count(_ value: MessageCount) -> JSONText {
            .object([("min", .number(value.min)), ("max", .number(value.max))])
        }
        func reason(_ value: MessageCount) -> JSONText {
            value.isExact ? .null : .string(value.reasons.sorted().map(\.rawValue).joined(separator: ", "))
        }
        return .object([
            ("version", .number(1)),
            ("consumers", .array(consumers.map { outcome in
                .object([("id", .string(outcome.id)), ("broker", .string(outcome.broker)), ("destination", .string(outcome.destination.description)),
                         ("received", count(outcome.received)), ("unique", count(outcome.unique)), ("reason", reason(outcome.received))])
            })),
            ("residue", .array(residue.map { left in
                .object([("broker", .string(left.broker)), ("destination", .string(left.destination.description)),
                         ("messages", count(left.messages)), ("reason", .string(left.reason))])
            })),
            ("paths", .array(paths.map { flow in
                .object([("route", .array(flow.route.map(JSONText.string))), ("messages", count(flow.messages)),
                         ("stoppedAt", .optional(flow.stoppedAt)), ("stopReason", .optional(flow.stopReason)),
                         ("reason", reason(flow.messages))])
            })),
            ("findings", .array(findings.map { finding in
                var members: [(String, JSONText)] = [
                    ("file", .optional(finding.file)), ("line", finding.line.map(JSONText.number) ?? .null),
                    ("column", finding.column.map(JSONText.number) ?? .null), ("severity", .string(finding.severity.rawValue)),
                    ("code", .optional(finding.code)), ("message", .string(finding.message)),
                ]
                // The fix as `lint --format json` gives it: byte edits against the finding's file.
                if let fix = finding.fix {
                    members.append(("fix", .object([
                        ("message", .string(fix.message)), ("applicability", .string(fix.applicability.rawValue)),
                        ("edits", .array(fix.edits.map { edit in
                            .object([("start", .number(edit.range.lowerBound)), ("end", .number(edit.range.upperBound)),
                                     ("replacement", .string(String(decoding: edit.replacement, as: UTF8.self)))])
                        })),
                    ])))
                }
                return .object(members)
            })),
        ])
    }

    /// The prediction for a person: one line per consumer, residue and route
    /// (`A → B ✗ C`-style routes mark where messages stopped).
    package var text: String {
        var lines: [String] = []
        for outcome in consumers {
            lines.append("consumer \(outcome.id) on \(outcome.broker) (\(outcome.destination)): received \(outcome.received), unique \(outcome.unique)")
        }
        for left in residue {
            lines.append("left on \(left.broker) (\(left.destination)): \(left.messages): \(left.reason)")
        }
        for flow in paths {
            let route = flow.route.joined(separator: " → ")
            lines.append("path \(route)\(flow.stoppedAt == nil ? "" : " ✗"): \(flow.messages)" + (flow.stoppedAt.map { at in " (stopped at \(at)" + (flow.stopReason.map { ": \($0)" } ?? "") + ")" } ?? ""))
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
