import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct ListConnectors: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "list", abstract: "List every network and transport connector.",
            discussion: "Passwords in URIs are shown as ***. Lines and columns are 1-based.")
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The configuration file ('-' for standard input).")
    var file: String

    @Option(help: "The listing's format.")
    var format: Format = .text

    func run() throws {
        try Self.list(file: file, format: format, kinds: ["network", "transport"])
    }

    /// Lists the connectors of these kinds.
    static func list(file: String, format: Format, kinds: Set<String>) throws {
        let document: LosslessDocument
        do {
            document = try CLI.console.document(file)
        } catch {
            throw CLIError(error)
        }
        let configuration = BrokerConfiguration(document: document)
        var rows: [ConnectorRow] = []
        for broker in configuration.brokers {
            let brokerName = broker.brokerName?.description
            if kinds.contains("network") {
                for connector in broker.networkConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, network: connector)) }
            }
            if kinds.contains("transport") {
                for connector in broker.transportConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, transport: connector)) }
            }
        }
        switch format {
        case .text:
            CLI.console.writeOutput(Array(rows.map { $0.text + "\n" }.joined().utf8))
        case .json:
            let json = JSONText.object([("version", .number(1)), ("connectors", .array(rows.map(\.json)))])
            CLI.console.writeOutput(Array(json.rendered().utf8))
        }
    }
}
