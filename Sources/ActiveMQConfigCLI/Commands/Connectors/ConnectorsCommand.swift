import ActiveMQConfig
import ActiveMQHosts
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
    if HostFormat(fileName: document.file) != nil {
        try editHostConnectors(document, output, judgement: options, edit)
        return
    }
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

/// The same edit on a configuration inside a Terraform, YAML or JSON file: the configuration chosen
/// by `--resource` (or the only one), edited as a document, its change written back into the host
/// spelled for it (``HostDocument/encode(_:at:in:)``), and the host read again to check it holds
/// exactly the edited configuration.
func editHostConnectors(_ document: DocumentOptions, _ output: OutputOptions, judgement options: JudgementOptions?,
                        _ edit: (inout BrokerConfiguration, BrokerSelector, RuleSettings) throws(ConnectorError) -> [Diagnostic]) throws {
    let file = document.file
    let host: [UInt8]
    do {
        host = try CLI.console.read(file)
    } catch {
        throw CLIError(error)
    }
    guard let found = HostFile.documents(in: host, path: file) else { return }
    if !found.errors.isEmpty { throw CLIError(found.errors.map(\.diagnostic)) }
    let matching = document.resource.map { wanted in found.documents.filter { $0.address == wanted } } ?? found.documents
    let addresses = found.documents.map(\.address).joined(separator: ", ")
    guard matching.count == 1, let target = matching.first else {
        let message = found.documents.isEmpty ? "holds no broker configuration"
            : matching.isEmpty ? "no configuration has the address '\(document.resource ?? "")' (there are: \(addresses))"
            : "holds \(matching.count) configurations: choose one with --resource (\(addresses))"
        throw CLIError(path: file, message: message, exitCode: ExitStatus.usageOrIO)
    }
    guard target.encoding != nil, target.readOnlyReason == nil, target.positionsInside else {
        throw CLIError(path: file, message: "\(target.address) cannot be edited in place: \(target.readOnlyReason ?? "its text is not mapped to the file")",
                       exitCode: ExitStatus.failure)
    }
    var configuration: BrokerConfiguration
    do {
        configuration = try BrokerConfiguration(bytes: target.bytes, path: file, template: target.template)
    } catch {
        throw CLIError(path: file, message: "\(target.address): \(error.description)", exitCode: ExitStatus.failure)
    }
    let original = configuration.bytes
    let broker = try document.broker(in: configuration)
    let settings = try options?.settings(for: file, host: (target.profile, target.engineVersion)) ?? RuleSettings()
    let warnings: [Diagnostic]
    do {
        warnings = try edit(&configuration, broker, settings)
    } catch {
        throw connectorFailure(error, file: file)
    }
    // The change as one edit of the document: what lies between the common start and end.
    let edited = configuration.bytes
    var prefix = 0
    while prefix < min(original.count, edited.count), original[prefix] == edited[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < min(original.count, edited.count) - prefix, original[original.count - 1 - suffix] == edited[edited.count - 1 - suffix] { suffix += 1 }
    let replaced = prefix..<(original.count - suffix)
    guard let range = target.map.hostRange(replaced),
        let spelled = target.encode(Array(edited[prefix..<(edited.count - suffix)]), at: range.lowerBound, in: host)
    else {
        throw CLIError(path: file, message: "\(target.address): the edit cannot be written into the \(HostFormat(fileName: file)?.displayName ?? "host") text there",
                       exitCode: ExitStatus.failure)
    }
    var result = host
    result.replaceSubrange(range, with: spelled)
    guard let again = HostFile.documents(in: result, path: file)?.documents.first(where: { $0.address == target.address }), again.bytes == edited else {
        throw CLIError(path: file, message: "internal error: \(target.address) does not read back as edited; nothing was written", exitCode: ExitStatus.failure)
    }
    for warning in warnings {
        var shown = warning
        shown.file = file
        shown.line = nil
        shown.column = nil
        shown.message = "\(target.address): \(warning.message)"
        CLI.console.printError(shown.formatted)
    }
    try output.emit(result, original: host, file: file)
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
