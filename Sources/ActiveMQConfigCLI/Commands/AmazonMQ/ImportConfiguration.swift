#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

struct ImportConfiguration: NonJudgingCommand {
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
