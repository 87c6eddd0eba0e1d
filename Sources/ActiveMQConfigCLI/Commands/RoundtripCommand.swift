import ActiveMQConfig
import ActiveMQHosts
import ArgumentParser
import LosslessXML

/// `activemq-config roundtrip FILE`: parse with libxml2, build the lossless tree, write it back.
struct RoundtripCommand: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "roundtrip",
            abstract: "Parse a document and write it back unchanged to standard output.",
            discussion: """
                The document goes through libxml2 (which must accept it) and the lossless tree, and is \
                serialized from the tree with no edit: the output equals the input byte for byte. A \
                Terraform, YAML or JSON file (.tf, .yaml, .yml, .json, .template) gives back its own \
                bytes, once each embedded configuration has.
                """)
    }

    @Argument(help: "The XML file to read ('-' for standard input).")
    var file: String

    func run() throws {
        let console = CLI.console
        if HostFormat(fileName: file) != nil {
            try roundtripHost(console)
            return
        }
        let document: LosslessDocument
        do {
            document = try console.document(file)
        } catch {
            throw CLIError(error)
        }
        let output = document.serialized()
        guard output == document.bytes else {
            throw CLIError(path: file, message: "internal error: the serialized tree differs from the input",
                           exitCode: ExitStatus.failure)
        }
        console.writeOutput(output)
    }
}

extension RoundtripCommand {
    /// A host file (`.tf`, `.yaml`, `.json`, …): each embedded configuration goes through libxml2 and the lossless tree
    /// and must come back byte for byte; then the host's own bytes are written, unchanged.
    func roundtripHost(_ console: Console) throws {
        let bytes: [UInt8]
        do {
            bytes = try console.read(file)
        } catch {
            throw CLIError(error)
        }
        guard let found = HostFile.documents(in: bytes, path: file) else { return }
        if !found.errors.isEmpty { throw CLIError(found.errors.map(\.diagnostic)) }
        for document in found.documents {
            let configuration: BrokerConfiguration
            do {
                configuration = try BrokerConfiguration(bytes: document.bytes, path: file, template: document.template)
            } catch {
                throw CLIError(path: file, message: "\(document.address): \(error.description)", exitCode: ExitStatus.usageOrIO)
            }
            guard configuration.document.serialized() == document.bytes else {
                throw CLIError(path: file, message: "internal error: \(document.address): the serialized tree differs from the input",
                               exitCode: ExitStatus.failure)
            }
        }
        console.writeOutput(bytes)
    }
}
