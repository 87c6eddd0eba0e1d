import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct SetTransportConnector: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("set", abstract: "Change a transport connector's attributes.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to change (its name, else its URI).") var name: String
    @Option(name: .customLong("new-name"), help: "Rename the connector.") var newName: String?
    @Option(help: "A new bind URI.") var uri: String?
    @OptionGroup var values: TransportValueOptions
    @OptionGroup var judgement: JudgementOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var change = TransportConnectorChange()
        if let newName { change = change.name(newName) }
        if let uri { change = change.uri(uri) }
        for (attribute, value) in values.attributes { change = change.attribute(attribute, value ? "true" : "false") }
        guard !change.attributes.isEmpty else {
            throw CLIError(path: document.file, message: "nothing to change: give --new-name, --uri or a cluster-clients flag", exitCode: ExitStatus.usageOrIO)
        }
        try editConnectors(document, output, judgement: judgement) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.updateTransportConnector(named: name, in: broker, change, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}
