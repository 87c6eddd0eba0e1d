public import ActiveMQConfig

/// Compares configuration files with a spec: is every connector the spec implies present, with the
/// same URI members and user, and is there no other? For drift in repositories.
public enum TopologyCheck {
    /// The code of a difference between a file and the spec.
    public static let driftCode = "topology-drift"

    /// One difference (an error, code ``driftCode``), at a place when there is one.
    static func drift(_ file: String, _ position: SourcePosition?, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: position?.line, column: position?.column, severity: .error, code: driftCode,
                   message: message, byteRange: position.map { $0.offset..<$0.offset })
    }

    /// The differences between the files and the spec, as diagnostics (errors, code ``driftCode``);
    /// empty when they implement it.
    ///
    /// Files are matched to the spec's brokers by `brokerName`, or by file name (`MyBroker1.xml`,
    /// `MyBroker2-1.xml` for a pair member).
    public static func check(_ spec: NetworkSpec, specPath: String, files: [(path: String, configuration: BrokerConfiguration)])
        throws(TopologyError) -> [Diagnostic]
    {
        let topology: NetworkTopology
        do {
            topology = try NetworkTopology(spec)
        } catch {
            throw TopologyError(error.message)
        }
        var drift: [Diagnostic] = []
        var covered = Set<String>()
        for (path, configuration) in files {
            for broker in configuration.brokers {
                let stem = NetworkSpec.fileStem(path)
                let name = broker.brokerName?.literal ?? spec.broker(forFile: path, brokerName: nil)?.name
                guard let name, let index = spec.brokers.firstIndex(where: { $0.name == name }) else {
                    drift.append(Self.drift(path, broker.element.position, "broker '\(name ?? stem)' is not in the spec"))
                    continue
                }
                covered.insert(name)
                let expected = topology.connectors.filter { $0.from == index }
                // The broker's connectors by effective name, read once.
                let present = Dictionary(grouping: broker.networkConnectors, by: \.effectiveName)
                var expectedNames = Set<String>()
                for connector in expected {
                    let connectorName = topology.name(of: connector)
                    expectedNames.insert(connectorName)
                    guard let found = present[connectorName]?.first else {
                        drift.append(Self.drift(path, broker.element.position, "missing network connector '\(connectorName)'"))
                        continue
                    }
                    let wanted = (try? topology.remote(of: connector).networkURI())
                    let actual = try? found.uri?.literal
                    if wanted?.discovery != actual?.discovery || wanted?.transports.map(\.text) != actual?.transports.map(\.text) {
                        drift.append(Self.drift(path, found.element.position, "connector '\(connectorName)' has uri '\(actual?.redacted ?? "?")', the spec says '\(wanted?.text ?? "?")'"))
                    }
                    if found.userName?.literal != spec.user {
                        drift.append(Self.drift(path, found.element.position, "connector '\(connectorName)' has userName '\(found.userName?.description ?? "")', the spec says '\(spec.user ?? "")'"))
                    }
                    if let duplex = try? found.duplex?.literal ?? false, duplex != connector.duplex {
                        drift.append(Self.drift(path, found.element.position, "connector '\(connectorName)' has duplex=\(duplex), the spec says \(connector.duplex)"))
                    }
                }
                for connector in broker.networkConnectors where !expectedNames.contains(connector.effectiveName) {
                    drift.append(Self.drift(path, connector.element.position, "network connector '\(connector.effectiveName)' is not in the spec"))
                }
            }
        }
        for broker in spec.brokers where !covered.contains(broker.name) && topology.connectors.contains(where: { spec.brokers[$0.from].name == broker.name }) {
            drift.append(Self.drift(specPath, nil, "no file configures broker '\(broker.name)', which declares connectors"))
        }
        return drift
    }
}
