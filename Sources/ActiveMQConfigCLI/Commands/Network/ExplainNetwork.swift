import ActiveMQConfig
import ActiveMQLint
import ActiveMQRouting
import ArgumentParser

/// `activemq-config network explain FILE… --destination D --from A --to B`: whether messages
/// sent on one broker reach a consumer on another, by which path, and why not.
struct ExplainNetwork: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "explain", abstract: "Whether messages sent on one broker reach a consumer on another, by which path, and why not.",
            discussion: """
                One consumer opens on --to, then --count messages (default 1) are sent on --from, played on the same \
                model as 'network simulate'. Each file is one broker, named by its brokerName (else by the file's name); \
                bridges are matched through connector URIs and transport connectors, or through --network SPEC. \
                Exit 0: every message arrives; 1: some or all do not (the reasons name the setting that decides); \
                2: a usage error. See Docs/routing.md.
                """)
    }

    @Argument(help: "The brokers' configuration files, one broker each.") var files: [String]
    @Option(help: "A network spec (JSON) mapping endpoints to brokers, for configurations without transport addresses.") var network: String?
    @Option(help: "The destination, queue://NAME or topic://NAME.") var destination: String
    @Option(help: "The broker the messages are sent on.") var from: String
    @Option(help: "The broker the consumer is on.") var to: String
    @Option(help: "The consumer's JMS selector (the supported subset: =, <>, <, >, <=, >=, AND, OR, NOT, IS [NOT] NULL).") var selector: String?
    @Option(name: .customLong("property"), help: "A property of the messages, NAME=VALUE (repeatable): a number, true/false, or text.")
    var properties: [String] = []
    @Option(help: "How many messages are sent.") var count = 1
    @OptionGroup var judgement: JudgementOptions
    @Option(help: "The explanation's format on standard output.") var format: ListConnectors.Format = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give the brokers' configuration files") }
        if count < 1 { throw ValidationError("--count must be at least 1") }
        if parsedDestination == nil { throw ValidationError("--destination must be queue://NAME or topic://NAME") }
        for property in properties where !property.contains("=") { throw ValidationError("--property takes NAME=VALUE") }
    }

    var parsedDestination: DestinationName? {
        for (prefix, kind) in [("queue://", DestinationEntry.Kind.queue), ("topic://", .topic)] where destination.hasPrefix(prefix) {
            let name = String(destination.dropFirst(prefix.count))
            return name.isEmpty ? nil : DestinationName(kind: kind, name: name)
        }
        return nil
    }

    func run() throws {
        let console = CLI.console
        var spec: NetworkSpec?
        if let network {
            do {
                spec = try NetworkSpec.decode(try console.read(network))
            } catch let error as NetworkSpecError {
                throw CLIError(path: network, message: error.message, exitCode: ExitStatus.usageOrIO)
            }
        }
        var brokers: [(name: String, file: String, configuration: BrokerConfiguration)] = []
        for file in files {
            let configuration: BrokerConfiguration
            do {
                configuration = try BrokerConfiguration(bytes: try console.read(file), path: file)
            } catch {
                throw CLIError(error)
            }
            let written: String? = if case .literal(let name)? = configuration.brokers.first?.brokerName { name } else { nil }
            let name = written ?? NetworkSpec.fileStem(file)
            if brokers.contains(where: { $0.name == name }) {
                throw CLIError(path: file, message: "two files configure a broker named '\(name)'", exitCode: ExitStatus.usageOrIO)
            }
            brokers.append((name, file, configuration))
        }
        let commandLine = try judgement.commandLine()
        let version = commandLine.activeMQVersion ?? commandLine.engineVersion.map(ActiveMQVersion.init(amazonMQ:)) ?? .defaultVersion
        let explanation: Explanation
        do throws(RoutingError) {
            let selector: MessageSelector?
            do {
                selector = try self.selector.map { (text) throws(MessageSelector.Unsupported) in try MessageSelector(text) }
            } catch {
                throw RoutingError("--selector: \(error.message)")
            }
            let routing = try RoutingNetwork(brokers: brokers, spec: spec, version: version)
            explanation = try Explanation.explain(routing, destination: parsedDestination!, from: from, to: to, selector: selector,
                                                  properties: Self.values(properties), count: count)
        } catch {
            throw CLIError(error.diagnostics.map { diagnostic in
                var usage = diagnostic
                usage.code = Diagnostic.usageCode
                return usage
            })
        }
        switch format {
        case .text: console.writeOutput(Array(explanation.text.utf8))
        case .json: console.writeOutput(Array(explanation.json.rendered().utf8))
        }
        if !explanation.arrives { throw ExitCode(ExitStatus.failure) }
    }

    /// `NAME=VALUE` pairs as message properties: an integer, a decimal, true or false, else text.
    static func values(_ pairs: [String]) -> [String: MessageSelector.Value] {
        var values: [String: MessageSelector.Value] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), text = String(pair[pair.index(after: equals)...])
            if let integer = Int(text) {
                values[name] = .integer(integer)
            } else if let decimal = Double(text) {
                values[name] = .decimal(decimal)
            } else if text == "true" || text == "false" {
                values[name] = .boolean(text == "true")
            } else {
                values[name] = .string(text)
            }
        }
        return values
    }
}
