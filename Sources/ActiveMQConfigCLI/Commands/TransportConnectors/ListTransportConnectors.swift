import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct ListTransportConnectors: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("list", abstract: "List every transport connector (as connectors list does, transports only).")
    }

    @Argument(help: "The configuration file ('-' for standard input).") var file: String
    @Option(help: "The listing's format.") var format: ListConnectors.Format = .text

    func run() throws {
        try ListConnectors.list(file: file, format: format, kinds: ["transport"])
    }
}
