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
                serialized from the tree with no edit: the output equals the input byte for byte.
                """)
    }

    @Argument(help: "The XML file to read ('-' for standard input).")
    var file: String

    func run() throws {
        let console = CLI.console
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
