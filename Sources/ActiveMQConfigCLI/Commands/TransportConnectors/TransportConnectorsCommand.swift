import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config transport-connectors`: list, add, change and remove transport connectors.
struct TransportConnectorsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "transport-connectors",
            abstract: "List, add, change and remove transport connectors (where the broker listens).",
            discussion: """
                Edits change only the lines or values they must, judged by lint's rules as for network \
                connectors (an error refuses the edit, with the rule's id; a literal password in the URI is \
                refused too). A connector is named by its name, else its URI. Under amazon-mq only \
                <transportConnector name="openwire"> with updateClusterClients, rebalanceClusterClients and \
                updateClusterClientsOnRemove survives Amazon MQ's sanitizer; anything else is refused with its reason.
                """,
            subcommands: [ListTransportConnectors.self, AddTransportConnector.self, SetTransportConnector.self, RemoveTransportConnector.self])
    }
}
