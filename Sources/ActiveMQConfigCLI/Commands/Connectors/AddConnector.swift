import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct AddConnector: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "add", abstract: "Add a network connector.",
            discussion: """
                The connector goes inside <networkConnectors> (created when missing). Before anything is \
                written, lint's rules judge the connector under the profile (--target, else the project's \
                .activemq-config.json): an error refuses the edit (exit 1, with the rule's id), warnings are \
                printed. Example, the Amazon MQ tutorial's connector: add activemq.xml --name connector_1_to_2 \
                --user myCommonUser --duplex --uri 'static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)' --target amazon-mq
                """)
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector's name (unique within the broker).") var name: String
    @Option(help: "static:(…) for one or more brokers, masterslave:(active,standby) for an active/standby pair.") var uri: String
    @OptionGroup var values: ConnectorValueOptions
    @OptionGroup var destinations: DestinationOptions
    @OptionGroup var judgement: JudgementOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let definition = values.apply(to: destinations.apply(to: NetworkConnectorDefinition(name: name, to: .uri(uri))))
        try editConnectors(document, output, judgement: judgement) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.addNetworkConnector(definition, to: broker, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}
