#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config amazon-mq`: the hand-off to Amazon MQ's configuration API.
struct AmazonMQCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "amazon-mq",
            abstract: "Hand a configuration to Amazon MQ's API and back: export, import, diff.",
            discussion: """
                export prints what 'aws mq update-configuration --cli-input-json file://…' takes; import turns \
                what 'aws mq describe-configuration-revision' prints back into the XML; diff says whether the \
                broker runs what the repository holds.
                """,
            subcommands: [ExportConfiguration.self, ImportConfiguration.self, DiffConfiguration.self])
    }
}

struct ExportConfiguration: ParsableCommand {
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
    @Option(name: .customLong("engine-version"), help: "Amazon MQ engine version: 5.15 to 5.19 (default 5.18).")
    var engineVersion: AmazonMQEngineVersion?
    @Flag(help: "Export despite lint errors (never despite an embedded password).") var force = false

    func validate() throws {
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
        do throws(LintSettingsError) {
            report = try Linter(profile: .amazonMQ(engineVersion ?? .v5_18)).lint([LintInput(path: file, bytes: .success(bytes))])
        } catch {
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

/// Reads `aws mq describe-configuration-revision` output (PascalCase) or the REST API's (camelCase).
enum RevisionJSON {
    private struct Revision: Decodable {
        var pascal: String?
        var camel: String?
        enum CodingKeys: String, CodingKey { case pascal = "Data", camel = "data" }
    }

    static func data(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        guard let revision = try? JSONDecoder().decode(Revision.self, from: Data(bytes)) else {
            throw CLIError(path: path, message: "not a configuration revision: the JSON of 'aws mq describe-configuration-revision' is expected",
                           exitCode: ExitStatus.usageOrIO)
        }
        guard let text = revision.pascal ?? revision.camel else {
            throw CLIError(path: path, message: "the revision has no \"Data\" (or \"data\") field", exitCode: ExitStatus.usageOrIO)
        }
        guard let decoded = Base64.decode(text) else {
            throw CLIError(path: path, message: "\"Data\" is not base64", exitCode: ExitStatus.usageOrIO)
        }
        return decoded
    }
}

struct ImportConfiguration: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "import", abstract: "Turn a configuration revision's JSON back into its XML, byte for byte.",
            discussion: "Accepts the AWS CLI's PascalCase fields and the REST API's camelCase ones.")
    }

    @Argument(help: "The revision JSON ('-' for standard input).") var revision: String
    @Option(name: .customShort("o"), help: "Write the XML to this file (atomically) instead of standard output.") var output: String?

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try CLI.console.read(revision)
        } catch {
            throw CLIError(error)
        }
        let xml = try RevisionJSON.data(bytes, path: revision)
        if let output {
            do {
                try AtomicFile.write(xml, to: output)
            } catch {
                throw CLIError([error.diagnostic])
            }
        } else {
            CLI.console.writeOutput(xml)
        }
    }
}

struct DiffConfiguration: ParsableCommand {
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
    @Option(name: .customLong("engine-version"), help: "Amazon MQ engine version: 5.15 to 5.19 (default 5.18).")
    var engineVersion: AmazonMQEngineVersion?

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
        do throws(LintSettingsError) {
            preview = try AmazonMQPreview.sanitized(localBytes, path: local, engine: engineVersion ?? .v5_18)
        } catch {
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
        for difference in differences { CLI.console.print("\(local): \(difference)") }
        if !differences.isEmpty { throw ExitCode(ExitStatus.failure) }
    }
}
