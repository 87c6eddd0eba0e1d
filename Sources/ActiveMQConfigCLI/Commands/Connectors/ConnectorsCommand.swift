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

/// Reads the file, applies one connector edit to the chosen broker, prints the rules' warnings,
/// and writes the result where the output options say; a refused edit writes nothing (exit 1,
/// each finding with its rule's id).
func editConnectors(_ document: DocumentOptions, _ output: OutputOptions, judgement options: JudgementOptions?,
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
