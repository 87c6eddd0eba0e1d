#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct DiffConfiguration: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "diff", abstract: "Say whether the broker runs what the repository holds (exit 0 same, 1 different).",
            discussion: """
                Compares LOCAL, after Amazon MQ's sanitization preview, with a stored revision as XML: elements, \
                attributes in any order and text, comments and whitespace-only text ignored (Amazon MQ re-serializes \
                what it stores). Differences are printed by element path, secrets as ***.
                """)
    }

    @Argument(help: "The configuration in the repository.") var local: String
    @Argument(help: "The revision JSON from 'aws mq describe-configuration-revision' ('-' for standard input).") var revision: String
    @OptionGroup var judgement: JudgementOptions

    func validate() throws {
        try judgement.requireAmazonMQ("amazon-mq diff")
    }

    func run() throws {
        let localBytes: [UInt8]
        let revisionBytes: [UInt8]
        do {
            localBytes = try CLI.console.read(local)
            revisionBytes = try CLI.console.read(revision)
        } catch {
            throw CLIError(error)
        }
        let stored = try RevisionJSON.data(revisionBytes, path: revision)
        let preview: [UInt8]
        do {
            var commandLine = try judgement.commandLine()
            commandLine.profile = "amazon-mq"
            let settings = try commandLine.settings(for: local, lookup: ProjectConfigurationLookup())
            guard case .amazonMQ(let engine) = settings.profile else { return }
            preview = try AmazonMQPreview.sanitized(localBytes, path: local, engine: engine)
        } catch let error as LintSettingsError {
            throw CLIError(error.diagnostics)
        }
        let a: LosslessDocument, b: LosslessDocument
        do {
            a = try LosslessDocument(bytes: preview, path: local)
            b = try LosslessDocument(bytes: stored, path: revision)
        } catch {
            throw CLIError(error)
        }
        let differences = SemanticComparison.differences(a, b) { name, value in
            isSecretName(name) && isLiteralSecret(value) ? "***" : "\"\(redactText(value))\""
        }
        for difference in differences { CLI.console.print(difference.formatted) }
        try finish(differences)
    }
}
