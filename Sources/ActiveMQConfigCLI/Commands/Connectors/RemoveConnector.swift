import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct RemoveConnector: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "remove", abstract: "Remove a network connector.",
            discussion: "Its lines go; an emptied <networkConnectors> goes too. Comments stay. NC names an unnamed connector.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to remove (NC for an unnamed one).") var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try editConnectors(document, output, judgement: nil) { (configuration, broker, _) throws(ConnectorError) in
            try configuration.removeNetworkConnector(named: name, from: broker)
            return []
        }
    }
}
