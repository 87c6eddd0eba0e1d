import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct AddTransportConnector: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("add", abstract: "Add a transport connector, e.g. --name openwire --uri 'ssl://0.0.0.0:61617'.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector's name (Amazon MQ: openwire).") var name: String
    @Option(help: "The bind URI, e.g. ssl://0.0.0.0:61617?maximumConnections=1000 (omit it on Amazon MQ, which sets it).") var uri: String?
    @OptionGroup var values: TransportValueOptions
    @OptionGroup var judgement: JudgementOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var definition = TransportConnectorDefinition(name: name, uri: uri)
        for (attribute, value) in values.attributes { definition = definition.attribute(attribute, value ? "true" : "false") }
        try editConnectors(document, output, judgement: judgement) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.addTransportConnector(definition, to: broker, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}
