import ActiveMQConfig
import ActiveMQTopology
import ArgumentParser
import LosslessXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct CheckTopology: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "check", abstract: "Check that configuration files implement a spec: every connector present, none extra, same URIs and users.",
            discussion: "Exit 0 when they do, 1 on any difference (each printed as FILE:LINE:COLUMN: error: MESSAGE [topology-drift]).")
    }

    @Argument(help: "The network spec (JSON).") var spec: String
    @Argument(help: "The configuration files.") var files: [String]

    func run() throws {
        let network = try readSpec(spec)
        var configurations: [(path: String, configuration: BrokerConfiguration)] = []
        for file in files {
            do {
                configurations.append((file, BrokerConfiguration(document: try CLI.console.document(file))))
            } catch {
                throw CLIError(error)
            }
        }
        let drift: [Diagnostic]
        do {
            drift = try TopologyCheck.check(network, specPath: spec, files: configurations)
        } catch {
            throw CLIError(path: spec, message: error.message, exitCode: ExitStatus.failure)
        }
        for difference in drift { CLI.console.print(difference.formatted) }
        try finish(drift)
    }
}
