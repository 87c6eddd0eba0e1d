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

/// The options `add` and `set` share.
struct TransportValueOptions: ParsableArguments {
    @Flag(name: .customLong("update-cluster-clients"), inversion: .prefixedNo, help: "updateClusterClients.") var updateClusterClients: Bool?
    @Flag(name: .customLong("rebalance-cluster-clients"), inversion: .prefixedNo, help: "rebalanceClusterClients.") var rebalanceClusterClients: Bool?
    @Flag(name: .customLong("update-cluster-clients-on-remove"), inversion: .prefixedNo, help: "updateClusterClientsOnRemove.")
    var updateClusterClientsOnRemove: Bool?

    var attributes: [(String, Bool)] {
        [("updateClusterClients", updateClusterClients), ("rebalanceClusterClients", rebalanceClusterClients),
         ("updateClusterClientsOnRemove", updateClusterClientsOnRemove)].compactMap { name, value in value.map { (name, $0) } }
    }
}

struct ListTransportConnectors: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("list", abstract: "List every transport connector (as connectors list does, transports only).")
    }

    @Argument(help: "The configuration file ('-' for standard input).") var file: String
    @Option(help: "Output format: text or json.") var format: ListConnectors.Format = .text

    func run() throws {
        try ListConnectors.list(file: file, format: format, kinds: ["transport"])
    }
}

struct AddTransportConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("add", abstract: "Add a transport connector, e.g. --name openwire --uri 'ssl://0.0.0.0:61617'.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector's name (Amazon MQ: openwire).") var name: String
    @Option(help: "The bind URI, e.g. ssl://0.0.0.0:61617?maximumConnections=1000 (omit it on Amazon MQ, which sets it).") var uri: String?
    @OptionGroup var values: TransportValueOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var definition = TransportConnectorDefinition(name: name, uri: uri)
        for (attribute, value) in values.attributes { definition = definition.attribute(attribute, value ? "true" : "false") }
        try editConnectors(document, output, rules: rules) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.addTransportConnector(definition, to: broker, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}

struct SetTransportConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("set", abstract: "Change a transport connector's attributes.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to change (its name, else its URI).") var name: String
    @Option(name: .customLong("new-name"), help: "Rename the connector.") var newName: String?
    @Option(help: "A new bind URI.") var uri: String?
    @OptionGroup var values: TransportValueOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var change = TransportConnectorChange()
        if let newName { change = change.name(newName) }
        if let uri { change = change.uri(uri) }
        for (attribute, value) in values.attributes { change = change.attribute(attribute, value ? "true" : "false") }
        guard !change.attributes.isEmpty else {
            throw CLIError(path: document.file, message: "nothing to change: give --new-name, --uri or a cluster-clients flag", exitCode: ExitStatus.usageOrIO)
        }
        try editConnectors(document, output, rules: rules) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.updateTransportConnector(named: name, in: broker, change, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}

struct RemoveTransportConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("remove", abstract: "Remove a transport connector and its own lines.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to remove (its name, else its URI).") var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try editConnectors(document, output, rules: nil) { (configuration, broker, _) throws(ConnectorError) in
            try configuration.removeTransportConnector(named: name, from: broker)
            return []
        }
    }
}
