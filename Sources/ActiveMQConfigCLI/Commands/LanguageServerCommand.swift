import ActiveMQLanguageServer
import ArgumentParser
import Foundation

/// `activemq-config lsp`: the language server over standard input and output.
struct LanguageServerCommand: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "lsp", abstract: "Run the language server (LSP over standard input and output): the linter's findings as you type.",
            discussion: """
                Speaks LSP 3.17 over stdio: lifecycle, incremental text sync, UTF-16 positions (UTF-8 when the \
                client offers them), diagnostics with the rule id and a link to its page. Settings (profile, \
                engineVersion) come from initializationOptions.settings or workspace/didChangeConfiguration, then \
                .activemq-config.json. Exit status: 0 after shutdown and exit, 1 on exit without shutdown or when \
                the input ends first. See Docs/editors.md.
                """)
    }

    func run() throws {
        let output = FileHandle.standardOutput
        let server = LanguageServer(send: { bytes in output.write(Data(bytes)) })
        var reader = Framing.Reader()
        let input = FileHandle.standardInput
        while true {
            let chunk = input.availableData
            if chunk.isEmpty {
                server.waitForIdle()
                throw ExitCode(server.endOfInput())
            }
            reader.feed(Array(chunk))
            // What arrived together is handled together: a cancel among it reaches the requests before it.
            var batch: [[UInt8]] = []
            while let next = reader.next() {
                if case .success(let body) = next { batch.append(body) }
            }
            if let code = server.handle(batch: batch) {
                server.waitForIdle()
                throw ExitCode(code)
            }
        }
    }
}
