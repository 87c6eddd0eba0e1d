import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct SetConnector: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "set", abstract: "Change a network connector's attributes.",
            discussion: """
                Only the values change, in one edit. The connector is named as ActiveMQ names it: its name \
                as written (a ${…} placeholder too), or NC when it has none. The rules judge the result as \
                for add. Example, the remote broker became an active/standby pair: set activemq.xml --name \
                connector_1_to_2 --uri 'masterslave:(ssl://…-1…:61617,ssl://…-2…:61617)'
                """)
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to change (NC for an unnamed one).") var name: String
    @Option(name: .customLong("new-name"), help: "Rename the connector (restarts its bridge and durable network subscriptions).")
    var newName: String?
    @Option(help: "A new URI.") var uri: String?
    @OptionGroup var values: ConnectorValueOptions
    @OptionGroup var destinations: DestinationOptions
    @OptionGroup var filterRemovals: DestinationRemovalOptions
    @OptionGroup var judgement: JudgementOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var change = filterRemovals.apply(destinations, to: NetworkConnectorChange())
        if let newName { change = change.name(newName) }
        if let uri { change = change.remote(.uri(uri)) }
        change = values.apply(to: change)
        guard !change.isEmpty else {
            throw CLIError(path: document.file,
                           message: "nothing to change: give --new-name, --uri, --user, --duplex/--no-duplex, --network-ttl, --password-placeholder, or a destination filter option (--exclude, --remove-exclude, --replace-exclude, …)",
                           exitCode: ExitStatus.usageOrIO)
        }
        try editConnectors(document, output, judgement: judgement) { (configuration, broker, settings) throws(ConnectorError) in
            let before = configuration.bytes
            var notes = try configuration.updateNetworkConnector(named: name, in: broker, change, settings: settings, rules: RuleCatalog.rules).warnings
            if configuration.bytes == before {
                notes.append(Diagnostic(file: document.file, severity: .info, code: nil,
                                        message: "nothing changed: connector '\(name)' already has these values"))
            } else if let newName, newName != name {
                notes.append(Diagnostic(file: document.file, severity: .warning, code: "rename",
                                        message: "renaming '\(name)' to '\(newName)' restarts its bridge, and its durable network subscriptions are made anew under the new name"))
            }
            return notes
        }
    }
}
