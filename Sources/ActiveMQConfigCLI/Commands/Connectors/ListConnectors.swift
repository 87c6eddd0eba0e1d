import ActiveMQConfig
import ActiveMQHosts
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
        // A host file (a .tf, a .yaml): every configuration in it, each row at its place in the host.
        var sources: [(configuration: BrokerConfiguration, document: HostDocument?)] = []
        if HostFormat(fileName: file) != nil {
            let bytes: [UInt8]
            do {
                bytes = try CLI.console.read(file)
            } catch {
                throw CLIError(error)
            }
            let found = HostFile.documents(in: bytes, path: file) ?? ([], [])
            if !found.errors.isEmpty { throw CLIError(found.errors.map(\.diagnostic)) }
            for document in found.documents {
                do {
                    sources.append((try BrokerConfiguration(bytes: document.bytes, path: file, template: document.template), document))
                } catch {
                    throw CLIError(path: file, message: "\(document.address): \(error.description)", exitCode: ExitStatus.failure)
                }
            }
        } else {
            do {
                sources.append((BrokerConfiguration(document: try CLI.console.document(file)), nil))
            } catch {
                throw CLIError(error)
            }
        }
        var rows: [ConnectorRow] = []
        for (configuration, document) in sources {
            let lines = document.map { _ in HostLines((try? CLI.console.read(file)) ?? []) }
            for broker in configuration.brokers {
                var brokerName = broker.brokerName?.description
                if let document { brokerName = brokerName.map { "\(document.address):\($0)" } ?? document.address }
                var found: [ConnectorRow] = []
                if kinds.contains("network") {
                    for connector in broker.networkConnectors { found.append(ConnectorRow(file: file, broker: brokerName, network: connector)) }
                }
                if kinds.contains("transport") {
                    for connector in broker.transportConnectors { found.append(ConnectorRow(file: file, broker: brokerName, transport: connector)) }
                }
                if let document, let lines {
                    for index in found.indices {
                        let place = document.hostPosition(ofDocumentOffset: found[index].position.offset, in: lines)
                        found[index].position = SourcePosition(line: place.line, column: place.column, offset: document.map.hostOffset(found[index].position.offset))
                    }
                }
                rows += found
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
