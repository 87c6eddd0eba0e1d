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
            console.printError("error: there is no --password option: a password never goes into the file; use --password-placeholder VAR to write ${VAR}")
            return ExitStatus.usageOrIO
        }
        return CLI.$console.withValue(console) {
            do {
                var command = try RootCommand.parseAsRoot(arguments)
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
                if !message.isEmpty { console.printError(message) }
                return ExitStatus.usageOrIO
            }
        }
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
