import ArgumentParser

/// `activemq-config network`: what a network of brokers does with messages.
struct NetworkCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "network",
            abstract: "Predict where messages go in a network of brokers, from its configurations.",
            subcommands: [SimulateNetwork.self, ExplainNetwork.self])
    }
}
