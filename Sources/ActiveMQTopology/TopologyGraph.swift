public import ActiveMQConfig

/// Draws a network: brokers (a pair as one node with its two endpoints) and an arrow per connector.
public enum TopologyGraph {
    /// The drawing languages.
    public enum Format: String, Sendable, CaseIterable {
        /// Graphviz.
        case dot
        /// Mermaid flowchart.
        case mermaid
    }

    /// The drawing of a spec.
    public static func draw(_ spec: NetworkSpec, format: Format) throws(TopologyError) -> String {
        let topology: NetworkTopology
        do {
            topology = try NetworkTopology(spec)
        } catch {
            throw TopologyError(error.message)
        }
        switch format {
        case .dot:
            var lines = ["digraph network {", "  rankdir=LR;", "  node [shape=box];"]
            for broker in spec.brokers {
                let title = broker.endpoints.count == 2 ? "\(broker.name) (active/standby)" : broker.name
                lines.append("  \(quoted(broker.name)) [label=\(quoted(([title] + broker.endpoints.map(redactText)).joined(separator: "\n")))];")
            }
            for connector in topology.connectors {
                let label = "\(topology.name(of: connector)) (networkTTL \(connector.networkTTL))"
                lines.append("  \(quoted(spec.brokers[connector.from].name)) -> \(quoted(spec.brokers[connector.to].name)) [label=\(quoted(label))\(connector.duplex ? ", dir=both" : "")];")
            }
            return (lines + ["}"]).joined(separator: "\n") + "\n"
        case .mermaid:
            var lines = ["flowchart LR"]
            for (i, broker) in spec.brokers.enumerated() {
                let title = broker.endpoints.count == 2 ? "\(broker.name) (active/standby)" : broker.name
                lines.append("  b\(i)[\"\(([title] + broker.endpoints.map(redactText)).map(mermaidText).joined(separator: "<br/>"))\"]")
            }
            for connector in topology.connectors {
                lines.append("  b\(connector.from) \(connector.duplex ? "<-->" : "-->")|\(mermaidText(topology.name(of: connector)))| b\(connector.to)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"").replacingAll("\n", "\\n") + "\""
    }

    static func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", "#quot;").replacingAll("|", "#124;")
    }
}

