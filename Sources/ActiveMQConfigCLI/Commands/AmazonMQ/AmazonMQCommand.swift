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
