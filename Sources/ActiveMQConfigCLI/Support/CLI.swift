import ArgumentParser
import LosslessXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `activemq-config` command line: parses arguments, runs a command, and maps every outcome
/// to the documented exit codes (0 success, 1 findings or a bad document, 2 usage or I/O error;
/// never swift-argument-parser's 64).
public enum CLI {
    /// The console of the command that is running (task-local, so parallel runs do not mix).
    @TaskLocal static var console: Console = .standard

    /// The tool's version.
    public static let version = "0.1.0"

    /// The version line printed by `--version`.
    static var versionLine: String { "\(version) (libxml2 \(libxml2Version))" }

    /// Runs the tool with these arguments (without the program name) and returns its exit code.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        // There is no password option; refuse one without echoing its value.
        if arguments.contains(where: { $0 == "--password" || $0.hasPrefix("--password=") }) {
            let refusal = [Diagnostic(file: nil, severity: .error, code: Diagnostic.usageCode,
                                      message: "there is no --password option: a password never goes into the file; use --password-placeholder VAR to write ${VAR}")]
            console.printError(refusal.map(\.formatted).joined(separator: "\n"))
            return refusal.exitCode()
        }
        return CLI.$console.withValue(console) {
            do {
                var command = try parse(arguments)
                try command.run()
                return ExitStatus.success
            } catch let error as CLIError {
                console.printError(error.description)
                return error.exitCode
            } catch let error as ExitCode {
                return error.rawValue
            } catch {
                let code = RootCommand.exitCode(for: error)
                let message = RootCommand.fullMessage(for: error)
                if code == .success {
                    if !message.isEmpty { console.print(message) }
                    return ExitStatus.success
                }
                // The parser's own text (its usage lines), and the exit code of a usage error.
                if !message.isEmpty { console.printError(message) }
                return [Diagnostic(file: nil, severity: .error, code: Diagnostic.usageCode, message: message)].exitCode()
            }
        }
    }

    /// The command the arguments name, parsed and validated: by ``parseLeaf(_:)`` when it can,
    /// else from the root, so that every message, usage line and exit code is the root's.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        try parseLeaf(arguments) ?? RootCommand.parseAsRoot(arguments)
    }

    /// The leaf command the leading words name (`lint`, `connectors add`), parsed on its own; nil
    /// for anything it does not take as a plain run: a request for help, the version or a
    /// completion script, a command group, or any error.
    ///
    /// swift-argument-parser sets up every command on the way to the one named by reflecting over
    /// its properties, several times over, which is most of the tool's start-up
    /// (Docs/performance.md); a leaf parsed alone skips that.
    static func parseLeaf(_ arguments: [String]) -> (any ParsableCommand)? {
        var command: any ParsableCommand.Type = RootCommand.self
        var rest = arguments[...]
        while let word = rest.first,
            let subcommand = command.configuration.subcommands.first(where: { $0.configuration.commandName == word }) {
            command = subcommand
            rest = rest.dropFirst()
        }
        // Only an instance of the leaf itself counts: for `--help` the parser returns its own help
        // command, whose usage would name the leaf alone.
        guard command != RootCommand.self, command.configuration.subcommands.isEmpty,
            let parsed = try? command.parseAsRoot(Array(rest)), type(of: parsed) == command
        else { return nil }
        return parsed
    }

    /// Runs the tool with the process's arguments and exits with its code.
    public static func main() -> Never {
        signal(SIGPIPE, SIG_DFL)
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }
}

/// The command configuration every subcommand shares: its version flag.
func configuration(_ name: String, abstract: String, discussion: String = "",
                   subcommands: [any ParsableCommand.Type] = []) -> CommandConfiguration {
    CommandConfiguration(commandName: name, abstract: abstract, discussion: discussion,
                         version: CLI.versionLine, subcommands: subcommands)
}
