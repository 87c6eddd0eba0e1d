import ArgumentParser

/// `activemq-config`: the root command.
struct RootCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "activemq-config",
            abstract: "Read, check, change and generate Apache ActiveMQ 5.x broker configuration.",
            discussion: """
                Exit codes: 0 success; 1 findings, a document that is not well-formed, a rejected edit \
                or a bad spec; 2 a usage or I/O error (2 wins over 1). FILE may be '-' for standard input.
                """,
            subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self, ValidateCommand.self, TopologyCommand.self, ConnectorsCommand.self, TransportConnectorsCommand.self, AmazonMQCommand.self, NetworkCommand.self, RoundtripCommand.self, LanguageServerCommand.self])
    }
}
