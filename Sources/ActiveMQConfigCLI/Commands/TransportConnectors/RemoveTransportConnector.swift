import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct RemoveTransportConnector: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("remove", abstract: "Remove a transport connector and its own lines.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to remove (its name, else its URI).") var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try editConnectors(document, output, judgement: nil) { (configuration, broker, _) throws(ConnectorError) in
            try configuration.removeTransportConnector(named: name, from: broker)
            return []
        }
    }
}
