import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct RenderConnector: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "render", abstract: "Print a network connector as XML, for a template, a console or another tool.",
            discussion: """
                Judged by the same rules as add (under --target, else the current folder's .activemq-config.json): \
                an error refuses it (exit 1, with the rule's id). Pasted into a configuration of that profile, \
                it lints clean. Example: render --name connector_1_to_2 --user myCommonUser --duplex \
                --uri 'masterslave:(ssl://…-1…:61617,ssl://…-2…:61617)' --target amazon-mq
                """)
    }

    @Option(help: "The connector's name.") var name: String
    @Option(help: "static:(…) for one or more brokers, masterslave:(active,standby) for an active/standby pair.") var uri: String
    @OptionGroup var values: ConnectorValueOptions
    @OptionGroup var destinations: DestinationOptions
    @OptionGroup var judgement: JudgementOptions
    @Option(help: "Spaces per level, or 'tab' (default 2).") var indent: String = "2"
    @Option(help: "The quote attributes are written with.") var quote: ConnectorFragment.Quote = .double
    @Flag(name: .customLong("wrap"), inversion: .prefixedNo, help: "Wrap in <networkConnectors> (default), or not.") var wrap = true

    func run() throws {
        let indentation: String
        if indent == "tab" {
            indentation = "\t"
        } else if let spaces = Int(indent), (0...16).contains(spaces) {
            indentation = String(repeating: " ", count: spaces)
        } else {
            throw CLIError(message: "--indent takes a number of spaces (0 to 16) or 'tab'", exitCode: ExitStatus.usageOrIO)
        }
        let definition = values.apply(to: destinations.apply(to: NetworkConnectorDefinition(name: name, to: .uri(uri))))
        let settings = try judgement.settings(for: currentWorkingDirectory().map { $0 + "/(fragment).xml" } ?? "(fragment).xml")
        do {
            let rendered = try ConnectorFragment.render([definition], settings: settings, rules: RuleCatalog.rules,
                                                        indentation: indentation, quote: quote, wrapped: wrap)
            for warning in rendered.warnings {
                var shown = warning
                shown.line = nil
                shown.column = nil
                CLI.console.printError(shown.formatted)
            }
            CLI.console.writeOutput(Array(rendered.text.utf8))
        } catch {
            throw connectorFailure(error, file: "(fragment)")
        }
    }
}
