#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct ExportConfiguration: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "export", abstract: "Print the JSON for 'aws mq update-configuration --cli-input-json'.",
            discussion: """
                {"ConfigurationId", "Data" (the base64 of the file's exact bytes), "Description" (only when \
                given)}. The file is linted first with the amazon-mq profile: an error stops the export (exit 1), \
                unless --force; an embedded password always stops it.
                """)
    }

    @Argument(help: "The configuration file ('-' for standard input).") var file: String
    @Option(name: .customLong("configuration-id"), help: "The configuration's id, c-….") var configurationID: String
    @Option(help: "The revision's description.") var description: String?
    @OptionGroup var judgement: JudgementOptions
    @Flag(help: "Export despite lint errors (never despite an embedded password).") var force = false

    func validate() throws {
        try judgement.requireAmazonMQ("amazon-mq export")
        guard !configurationID.isEmpty, configurationID.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw ValidationError("--configuration-id takes the configuration's id, e.g. c-1234abcd-…")
        }
    }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try CLI.console.read(file)
        } catch {
            throw CLIError(error)
        }
        let report: LintReport
        do {
            // Every rule lint runs, under amazon-mq (the engine version as lint resolves it).
            var commandLine = try judgement.commandLine()
            commandLine.profile = "amazon-mq"
            report = try Linter(commandLine: commandLine).lint([LintInput(path: file, bytes: .success(bytes))])
        } catch let error as LintSettingsError {
            throw CLIError(error.diagnostics)
        }
        let errors = report.findings.filter { $0.severity == .error }
        let blocking = errors.filter { !force || $0.rule == .embeddedPassword }
        for finding in errors { CLI.console.printError(finding.formatted) }
        guard blocking.isEmpty else {
            throw CLIError(path: file, message: "not exported: fix the errors above" + (force ? " (an embedded password is never exported)" : ", or use --force"),
                           exitCode: ExitStatus.failure, code: "not-exported")
        }
        var members: [(String, JSONText)] = [("ConfigurationId", .string(configurationID)), ("Data", .string(Base64.encode(bytes)))]
        if let description { members.append(("Description", .string(description))) }
        CLI.console.writeOutput(Array(JSONText.object(members).rendered().utf8))
    }
}
