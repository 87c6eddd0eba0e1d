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
            subcommands: [ListConnectors.self, AddConnector.self, SetConnector.self, RemoveConnector.self])
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

    /// The selected broker.
    func broker(in configuration: BrokerConfiguration) throws -> Broker {
        do {
            return try configuration.broker(named: brokerName)
        } catch {
            throw CLIError(path: file, message: error.description, exitCode: ExitStatus.usageOrIO)
        }
    }
}

/// Where an edited document goes.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("in-place"), help: "Replace the file atomically (keeps its permissions).")
    var inPlace = false

    @Option(name: .customShort("o"), help: "Write the edited document to this file (atomically).")
    var output: String?

    func validate() throws {
        if inPlace && output != nil { throw ValidationError("--in-place and -o cannot be combined") }
    }

    /// Emits the edited bytes where asked.
    func emit(_ bytes: [UInt8], original: [UInt8], file: String) throws {
        if inPlace {
            guard file != "-" else {
                throw CLIError(message: "--in-place needs a file, not standard input", exitCode: ExitStatus.usageOrIO)
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
            switch error {
            case .changedOnDisk: throw CLIError(path: path, message: error.message, exitCode: ExitStatus.failure)
            case .io: throw CLIError(path: path, message: error.message, exitCode: ExitStatus.usageOrIO)
            }
        }
    }
}

/// `--target activemq|amazon-mq`.
enum TargetOption: String, ExpressibleByArgument, CaseIterable {
    case activemq
    case amazonMQ = "amazon-mq"

    var target: ConfigurationTarget { self == .activemq ? .activeMQ : .amazonMQ }
}

/// Reads the file, applies one connector edit to the chosen broker, and writes the result where
/// the output options say; a refused edit writes nothing.
func editConnectors(_ document: DocumentOptions, _ output: OutputOptions,
                    _ edit: (inout BrokerConfiguration, Broker) throws(ConnectorError) -> Void) throws {
    var configuration = try document.configuration()
    let original = configuration.bytes
    let broker = try document.broker(in: configuration)
    do {
        try edit(&configuration, broker)
    } catch {
        throw connectorFailure(error, file: document.file)
    }
    try output.emit(configuration.bytes, original: original, file: document.file)
}

/// Turns a connector error into the tool's error.
func connectorFailure(_ error: ConnectorError, file: String) -> CLIError {
    if case .brokerSelection = error {
        return CLIError(path: file, message: error.description, exitCode: ExitStatus.usageOrIO)
    }
    return CLIError(path: file, message: error.description, exitCode: ExitStatus.failure)
}

/// Accepts `VAR` or `${VAR}`.
func secretReference(_ text: String?) -> SecretReference? {
    guard var name = text else { return nil }
    if name.hasPrefix("${") && name.hasSuffix("}") { name = String(name.dropFirst(2).dropLast()) }
    return SecretReference(placeholderNamed: name)
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
            for connector in broker.networkConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, network: connector)) }
            for connector in broker.transportConnectors { rows.append(ConnectorRow(file: file, broker: brokerName, transport: connector)) }
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
        var line = "\(file):\(position.line):\(position.column): \(kind) \(name ?? "(unnamed)") \(uri ?? "(no uri)")"
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
            ("file", .string(file)), ("broker", .optional(broker)), ("kind", .string(kind)), ("name", .optional(name)),
            ("uri", .optional(uri)), ("scheme", .optional(scheme)), ("members", .array(self.members.map(JSONText.string))),
            ("userName", .optional(userName)), ("duplex", duplex),
            ("line", .number(position.line)), ("column", .number(position.column)),
        ]
        if let uriError { members.append(("uriError", .string(uriError))) }
        return .object(members)
    }
}

struct AddConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "add", abstract: "Add a network connector.",
            discussion: """
                The connector goes inside <networkConnectors> (created when missing). Example, the \
                Amazon MQ tutorial's connector: add activemq.xml --name connector_1_to_2 --user myCommonUser \
                --duplex --uri 'static:(ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617)' --target amazon-mq
                """)
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector's name (unique within the broker).") var name: String
    @Option(help: "static:(…) for one or more brokers, masterslave:(active,standby) for an active/standby pair.") var uri: String
    @Option(name: .customLong("user"), help: "The userName the bridge authenticates as.") var userName: String?
    @Flag(help: "Make the bridge duplex.") var duplex = false
    @Option(name: .customLong("network-ttl"), help: "How many brokers a message may cross.") var networkTTL: Int?
    @Option(name: .customLong("password-placeholder"), help: "Refer to the bridge password as ${VAR}.") var passwordPlaceholder: String?
    @Option(help: "activemq or amazon-mq (adds Amazon MQ's checks).") var target: TargetOption = .activemq
    @OptionGroup var output: OutputOptions

    func run() throws {
        var definition = NetworkConnectorDefinition(name: name, to: .uri(uri))
        if let userName { definition = definition.userName(userName) }
        if duplex { definition = definition.duplex() }
        if let networkTTL { definition = definition.networkTTL(networkTTL) }
        if let reference = secretReference(passwordPlaceholder) { definition = definition.password(reference) }
        try editConnectors(document, output) { (configuration, broker) throws(ConnectorError) in
            try configuration.addNetworkConnector(definition, to: broker, target: target.target)
        }
    }
}

struct SetConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "set", abstract: "Change a network connector's attributes.",
            discussion: """
                Only the values change. Example, the remote broker became an active/standby pair: \
                set activemq.xml --name connector_1_to_2 --uri 'masterslave:(ssl://…-1…:61617,ssl://…-2…:61617)'
                """)
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to change.") var name: String
    @Option(help: "A new URI.") var uri: String?
    @Option(name: .customLong("user"), help: "A new userName.") var userName: String?
    @Option(help: "true or false.") var duplex: Bool?
    @Option(name: .customLong("network-ttl"), help: "A new networkTTL.") var networkTTL: Int?
    @Option(help: "activemq or amazon-mq (adds Amazon MQ's checks).") var target: TargetOption = .activemq
    @OptionGroup var output: OutputOptions

    func run() throws {
        var change = NetworkConnectorChange()
        if let uri { change = change.remote(.uri(uri)) }
        if let userName { change = change.userName(userName) }
        if let duplex { change = change.duplex(duplex) }
        if let networkTTL { change = change.networkTTL(networkTTL) }
        try editConnectors(document, output) { (configuration, broker) throws(ConnectorError) in
            try configuration.updateNetworkConnector(named: name, in: broker, change, target: target.target)
        }
    }
}

struct RemoveConnector: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "remove", abstract: "Remove a network connector.",
            discussion: "Its lines go; an emptied <networkConnectors> goes too. Comments stay.")
    }

    @OptionGroup var document: DocumentOptions
    @Option(help: "The connector to remove.") var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        try editConnectors(document, output) { (configuration, broker) throws(ConnectorError) in
            try configuration.removeNetworkConnector(named: name, from: broker)
        }
    }
}
