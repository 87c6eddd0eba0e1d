import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config connectors`: list, add, change and remove connectors.
struct ConnectorsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "connectors",
            abstract: "List, add, change and remove network connectors.",
            discussion: """
                Edits change only the lines or attribute values they must, in the file's own style. \
                By default the edited document goes to standard output; --in-place replaces the file \
                atomically (refusing if it changed since it was read), -o writes another file. \
                No option takes a password: use --password-placeholder VAR for ${VAR}.
                """,
            subcommands: [ListConnectors.self, AddConnector.self, SetConnector.self, RemoveConnector.self, RenderConnector.self])
    }
}

/// The file to read and the broker to work on.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "The configuration file ('-' for standard input).")
    var file: String

    @Option(name: .customLong("broker"), help: "The broker's brokerName (required when the file has several brokers).")
    var brokerName: String?

    /// Reads the configuration.
    func configuration() throws -> BrokerConfiguration {
        do {
            return BrokerConfiguration(document: try CLI.console.document(file))
        } catch {
            throw CLIError(error)
        }
    }

    /// The selected broker, checked to exist in the configuration.
    func broker(in configuration: BrokerConfiguration) throws -> BrokerSelector {
        do throws(ConnectorError) {
            _ = try configuration.broker(BrokerSelector(brokerName))
            return BrokerSelector(brokerName)
        } catch {
            var message = error.description
            if configuration.brokers.count > 1 { message += "; choose one with --broker NAME" }
            throw CLIError(path: file, message: message, exitCode: ExitStatus.usageOrIO)
        }
    }
}

/// Where an edited document goes.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("in-place"), help: "Replace the file atomically (keeps its permissions).")
    var inPlace = false

    @Option(name: .customShort("o"), help: "Write the edited document to this file (atomically).")
    var output: String?

    @Flag(help: "Print the change as a unified diff (passwords shown as ***) instead of writing.")
    var diff = false

    @Flag(help: "With --in-place, replace a file whose mode denies its owner write permission.")
    var force = false

    func validate() throws {
        if inPlace && output != nil { throw ValidationError("--in-place and -o cannot be combined") }
        if diff && (inPlace || output != nil) { throw ValidationError("--diff prints the change; it cannot be combined with --in-place or -o") }
    }

    /// Emits the edited bytes where asked.
    func emit(_ bytes: [UInt8], original: [UInt8], file: String) throws {
        if diff {
            CLI.console.writeOutput(Array(UnifiedDiff.render(original, bytes, path: file).utf8))
        } else if inPlace {
            guard file != "-" else {
                throw CLIError(message: "--in-place needs a file, not standard input", exitCode: ExitStatus.usageOrIO)
            }
            if !force, let mode = FileMode.of(file), !mode.ownerCanWrite {
                throw CLIError(path: file, message: "the file is read-only (mode \(mode.octal)); nothing was written (use --force to replace it anyway)",
                               exitCode: ExitStatus.usageOrIO)
            }
            try write(bytes, to: file, expecting: original)
        } else if let output {
            try write(bytes, to: output, expecting: nil)
        } else {
            CLI.console.writeOutput(bytes)
        }
    }

    private func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]?) throws {
        do {
            try AtomicFile.write(bytes, to: path, expecting: original)
        } catch {
            throw CLIError([error.diagnostic])
        }
    }
}

/// How the rules judge an edit: the profile (`--target`, else `.activemq-config.json`, else
/// `activemq`) and the project's disabled rules and severities, exactly as `lint` reads them.
struct RuleOptions: ParsableArguments {
    @Option(help: "activemq or amazon-mq: whose rules judge the edit (default: .activemq-config.json's profile, else activemq).")
    var target: ConfigurationTarget?

    @Option(name: .customLong("engine-version"),
            help: "The version whose schema applies: ActiveMQ MAJOR.MINOR[.PATCH], 5.15 to 6.3; Amazon MQ 5.15 to 5.19.")
    var engineVersion: String?

    /// The settings for the file being edited.
    func settings(for file: String) throws -> RuleSettings {
        var commandLine = LintCommandLine()
        commandLine.profile = target?.rawValue
        try EngineVersionArgument.apply(engineVersion, profile: target, to: &commandLine)
        do throws(LintSettingsError) {
            return try commandLine.settings(for: file, lookup: ProjectConfigurationLookup())
        } catch {
            throw CLIError(error.diagnostics)
        }
    }
}

/// Reads the file, applies one connector edit to the chosen broker, prints the rules' warnings,
/// and writes the result where the output options say; a refused edit writes nothing (exit 1,
/// each finding with its rule's id).
func editConnectors(_ document: DocumentOptions, _ output: OutputOptions, rules options: RuleOptions?,
                    _ edit: (inout BrokerConfiguration, BrokerSelector, RuleSettings) throws(ConnectorError) -> [Diagnostic]) throws {
    var configuration = try document.configuration()
    let original = configuration.bytes
    let broker = try document.broker(in: configuration)
    let settings = try options?.settings(for: document.file) ?? RuleSettings()
    let warnings: [Diagnostic]
    do {
        warnings = try edit(&configuration, broker, settings)
    } catch {
        throw connectorFailure(error, file: document.file)
    }
    for warning in warnings { CLI.console.printError(warning.formatted) }
    try output.emit(configuration.bytes, original: original, file: document.file)
}

/// Turns a connector error into the tool's error: findings as they are; a broker or connector
/// that cannot be chosen is a usage error (exit 2); anything else a failure (exit 1).
func connectorFailure(_ error: ConnectorError, file: String) -> CLIError {
    switch error {
    case .refused(let findings):
        return CLIError(findings)
    case .brokerSelection, .ambiguousName:
        return CLIError(path: file, message: error.description, exitCode: ExitStatus.usageOrIO)
    default:
        return CLIError(path: file, message: error.description, exitCode: ExitStatus.failure, code: error.code)
    }
}

/// Accepts `VAR` or `${VAR}`.
func secretReference(_ text: String?) -> SecretReference? {
    guard var name = text else { return nil }
    if name.hasPrefix("${") && name.hasSuffix("}") { name = String(name.dropFirst(2).dropLast()) }
    return SecretReference(placeholderNamed: name)
}

/// The connector options `add` and `set` share, in the same shapes.
struct ConnectorValueOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: "The userName the bridge authenticates as.") var userName: String?
    @Flag(inversion: .prefixedNo, help: "Make the bridge duplex (one bridge both ways), or not.") var duplex: Bool?
    @Option(name: .customLong("network-ttl"), parsing: .unconditional, help: "How many brokers a message may cross (-1: unlimited).")
    var networkTTL: Int?
    @Option(name: .customLong("password-placeholder"), help: "Refer to the bridge password as ${VAR} (never a password).")
    var passwordPlaceholder: String?
}

struct ListConnectors: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "list", abstract: "List every network and transport connector.",
            discussion: "Passwords in URIs are shown as ***. Lines and columns are 1-based.")
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The configuration file ('-' for standard input).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        try Self.list(file: file, format: format, kinds: ["network", "transport"])
    }

    /// Lists the connectors of these kinds.
    static func list(file: String, format: Format, kinds: Set<String>) throws {
        let document: LosslessDocument
        do {
            document = try CLI.console.document(file)
        } catch {
            throw CLIError(error)
        }
        let configuration = BrokerConfiguration(document: document)
        var rows: [ConnectorRow] = []
        for broker in configuration.brokers {
            let brokerName = broker.brokerName?.description
            if kinds.contains("network") {
                for connector in broker.networkConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, network: connector)) }
            }
            if kinds.contains("transport") {
                for connector in broker.transportConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, transport: connector)) }
            }
        }
        switch format {
        case .text:
            CLI.console.writeOutput(Array(rows.map { $0.text + "\n" }.joined().utf8))
        case .json:
            let json = JSONText.object([("version", .number(1)), ("connectors", .array(rows.map(\.json)))])
            CLI.console.writeOutput(Array(json.rendered().utf8))
        }
    }
}

/// One connector in a listing; URIs are redacted.
struct ConnectorRow {
    var file: String
    var broker: String?
    var kind: String
    var name: String?
    /// The name ActiveMQ gives it (`NC` for an unnamed network connector).
    var effectiveName: String
    var uri: String?
    var scheme: String?
    var members: [String]
    var userName: String?
    var duplex: JSONText
    var uriError: String?
    var position: SourcePosition

    init(file: String, broker: String?, network connector: NetworkConnector) {
        self.file = file
        self.broker = broker
        kind = "network"
        name = connector.name?.description
        effectiveName = connector.effectiveName
        userName = connector.userName?.description
        position = connector.element.position
        members = []
        switch try? connector.duplex {
        case .literal(let value)?: duplex = .bool(value)
        case .placeholder(let text)?, .encrypted(let text)?: duplex = .string(text)
        case nil: duplex = connector.element.attribute("duplex").map { .string($0.value) } ?? .null
        }
        readURI(connector.element, { () throws(ConfigValueError) in try connector.uri }) { uri in
            (uri.redacted, uri.scheme, uri.members.map { redactText($0.description) })
        }
    }

    init(file: String, broker: String?, transport connector: TransportConnector) {
        self.file = file
        self.broker = broker
        kind = "transport"
        name = connector.name?.description
        effectiveName = redactText(connector.effectiveName)
        userName = nil
        duplex = .null
        members = []
        position = connector.element.position
        readURI(connector.element, { () throws(ConfigValueError) in try connector.uri }) { uri in
            (redactText(uri.text), uri.scheme, [])
        }
    }

    /// Fills `uri`, `scheme` and `members` from a typed URI attribute, or `uriError` when it does
    /// not parse; everything printed is redacted.
    private mutating func readURI<URI>(
        _ element: LosslessDocument.Element, _ read: () throws(ConfigValueError) -> ConfigValue<URI>?,
        _ describe: (URI) -> (String, String?, [String])
    ) {
        do {
            switch try read() {
            case .literal(let uri)?:
                (self.uri, scheme, members) = describe(uri)
            case .placeholder(let text)?, .encrypted(let text)?:
                self.uri = text
            case nil:
                self.uri = nil
            }
        } catch {
            uri = element.attribute("uri").map { redactText($0.value) }
            uriError = error.uriError?.description ?? error.description
        }
    }

    var text: String {
        var line = "\(file):\(position.line):\(position.column): \(kind) \(name ?? "(unnamed: \(effectiveName))") \(uri ?? "(no uri)")"
        if let broker { line += " broker=\(broker)" }
        if let userName { line += " userName=\(userName)" }
        switch duplex {
        case .bool(let value): line += " duplex=\(value)"
        case .string(let value): line += " duplex=\(value)"
        default: break
        }
        if let uriError { line += " (invalid uri: \(uriError))" }
        return line
    }

    var json: JSONText {
        var members: [(String, JSONText)] = [
            ("file", .string(file)), ("broker", .optional(broker)), ("kind", .string(kind)), ("name", .optional(name)), ("effectiveName", .string(effectiveName)),
            ("uri", .optional(uri)), ("scheme", .optional(scheme)), ("members", .array(self.members.map(JSONText.string))),
            ("userName", .optional(userName)), ("duplex", duplex),
            ("line", .number(position.line)), ("column", .number(position.column)),
        ]
        if let uriError { members.append(("uriError", .string(uriError))) }
        return .object(members)
    }
}

/// `--exclude`, `--include-dynamic`, `--include-static`: destination filters, `queue://NAME` or `topic://NAME`.
struct DestinationOptions: ParsableArguments {
    @Option(name: .customLong("exclude"), help: "Never forward DEST, queue://NAME or topic://NAME (repeatable).") var excluded: [String] = []
    @Option(name: .customLong("include-dynamic"), help: "Forward DEST while a remote consumer exists (repeatable).") var dynamic: [String] = []
    @Option(name: .customLong("include-static"), help: "Always forward DEST (repeatable).") var staticallyIncluded: [String] = []

    func validate() throws {
        for text in excluded + dynamic + staticallyIncluded where Destination(uri: text) == nil {
            throw ValidationError("'\(text)' is not a destination: queue://NAME or topic://NAME")
        }
    }

    /// The definition with the filters added.
    func apply(to definition: NetworkConnectorDefinition) -> NetworkConnectorDefinition {
        definition.adding(excluded.compactMap(Destination.init(uri:)), to: .excluded)
            .adding(dynamic.compactMap(Destination.init(uri:)), to: .dynamicallyIncluded)
            .adding(staticallyIncluded.compactMap(Destination.init(uri:)), to: .staticallyIncluded)
    }

    /// The destinations given for each list.
    var byList: [(DestinationList, [Destination])] {
        let given: [(DestinationList, [String])] = [(.excluded, excluded), (.dynamicallyIncluded, dynamic), (.staticallyIncluded, staticallyIncluded)]
        return given.map { list, texts in (list, texts.compactMap(Destination.init(uri:))) }
    }
}

/// `set`'s removals and replacements of destination filters.
struct DestinationRemovalOptions: ParsableArguments {
    @Option(name: .customLong("remove-exclude"), help: "Forward DEST again: remove it from excludedDestinations (repeatable).")
    var excluded: [String] = []
    @Option(name: .customLong("remove-include-dynamic"), help: "Remove DEST from dynamicallyIncludedDestinations (repeatable).")
    var dynamic: [String] = []
    @Option(name: .customLong("remove-include-static"), help: "Remove DEST from staticallyIncludedDestinations (repeatable).")
    var staticallyIncluded: [String] = []
    @Flag(name: .customLong("replace-exclude"), help: "The --exclude values replace excludedDestinations (none given: the list goes).")
    var replaceExcluded = false
    @Flag(name: .customLong("replace-include-dynamic"), help: "The --include-dynamic values replace dynamicallyIncludedDestinations.")
    var replaceDynamic = false
    @Flag(name: .customLong("replace-include-static"), help: "The --include-static values replace staticallyIncludedDestinations.")
    var replaceStatic = false

    func validate() throws {
        for text in excluded + dynamic + staticallyIncluded where Destination(uri: text) == nil {
            throw ValidationError("'\(text)' is not a destination: queue://NAME or topic://NAME")
        }
    }

    /// The change with the filter edits of `additions` and these options, list by list:
    /// replacements, else removals then additions.
    func apply(_ additions: DestinationOptions, to change: NetworkConnectorChange) -> NetworkConnectorChange {
        var change = change
        let removals: [DestinationList: (remove: [String], replace: Bool)] = [
            .excluded: (excluded, replaceExcluded), .dynamicallyIncluded: (dynamic, replaceDynamic),
            .staticallyIncluded: (staticallyIncluded, replaceStatic),
        ]
        for (list, added) in additions.byList {
            let options = removals[list] ?? ([], false)
            if options.replace {
                change = change.replacing(list, with: added)
                continue
            }
            let removed = options.remove.compactMap(Destination.init(uri:))
            if !removed.isEmpty { change = change.removing(removed, from: list) }
            if !added.isEmpty { change = change.adding(added, to: list) }
        }
        return change
    }
}

struct AddConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "add", abstract: "Add a network connector.",
            discussion: """
                The connector goes inside <networkConnectors> (created when missing). Before anything is \
                written, lint's rules judge the connector under the profile (--target, else the project's \
                .activemq-config.json): an error refuses the edit (exit 1, with the rule's id), warnings are \
                printed. Example, the Amazon MQ tutorial's connector: add activemq.xml --name connector_1_to_2 \
                --user myCommonUser --duplex --uri 'static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)' --target amazon-mq
                """)
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector's name (unique within the broker).") var name: String
    @Option(help: "static:(…) for one or more brokers, masterslave:(active,standby) for an active/standby pair.") var uri: String
    @OptionGroup var values: ConnectorValueOptions
    @OptionGroup var destinations: DestinationOptions
    @OptionGroup var rules: RuleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var definition = destinations.apply(to: NetworkConnectorDefinition(name: name, to: .uri(uri)))
        if let userName = values.userName { definition = definition.userName(userName) }
        if let duplex = values.duplex { definition = definition.duplex(duplex) }
        if let networkTTL = values.networkTTL { definition = definition.networkTTL(networkTTL) }
        if let reference = secretReference(values.passwordPlaceholder) { definition = definition.password(reference) }
        try editConnectors(document, output, rules: rules) { (configuration, broker, settings) throws(ConnectorError) in
            try configuration.addNetworkConnector(definition, to: broker, settings: settings, rules: RuleCatalog.rules).warnings
        }
    }
}

struct SetConnector: ParsableCommand {
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
    @OptionGroup var rules: RuleOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        var change = filterRemovals.apply(destinations, to: NetworkConnectorChange())
        if let newName { change = change.name(newName) }
        if let uri { change = change.remote(.uri(uri)) }
        if let userName = values.userName { change = change.userName(userName) }
        if let duplex = values.duplex { change = change.duplex(duplex) }
        if let networkTTL = values.networkTTL { change = change.networkTTL(networkTTL) }
        if let reference = secretReference(values.passwordPlaceholder) { change = change.password(reference) }
        guard !change.isEmpty else {
            throw CLIError(path: document.file,
                           message: "nothing to change: give --new-name, --uri, --user, --duplex/--no-duplex, --network-ttl, --password-placeholder, or a destination filter option (--exclude, --remove-exclude, --replace-exclude, …)",
                           exitCode: ExitStatus.usageOrIO)
        }
        try editConnectors(document, output, rules: rules) { (configuration, broker, settings) throws(ConnectorError) in
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

struct RemoveConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "remove", abstract: "Remove a network connector.",
            discussion: "Its lines go; an emptied <networkConnectors> goes too. Comments stay. NC names an unnamed connector.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to remove (NC for an unnamed one).") var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try editConnectors(document, output, rules: nil) { (configuration, broker, _) throws(ConnectorError) in
            try configuration.removeNetworkConnector(named: name, from: broker)
            return []
        }
    }
}

struct RenderConnector: ParsableCommand {
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
    @OptionGroup var rules: RuleOptions
    @Option(help: "Spaces per level, or 'tab' (default 2).") var indent: String = "2"
    @Option(help: "double (default) or single.") var quote: ConnectorFragment.Quote = .double
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
        var definition = destinations.apply(to: NetworkConnectorDefinition(name: name, to: .uri(uri)))
        if let userName = values.userName { definition = definition.userName(userName) }
        if let duplex = values.duplex { definition = definition.duplex(duplex) }
        if let networkTTL = values.networkTTL { definition = definition.networkTTL(networkTTL) }
        if let reference = secretReference(values.passwordPlaceholder) { definition = definition.password(reference) }
        let settings = try rules.settings(for: currentWorkingDirectory().map { $0 + "/(fragment).xml" } ?? "(fragment).xml")
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
