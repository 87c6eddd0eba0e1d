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

struct GraphTopology: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("graph", abstract: "Draw the network: brokers, pairs as one node, an arrow per connector.")
    }

    @Argument(help: "The network spec (JSON).") var spec: String
    @Option(help: "The graph language.") var format: TopologyGraph.Format = .dot

    func run() throws {
        let network = try readSpec(spec)
        do {
            CLI.console.writeOutput(Array(try TopologyGraph.draw(network, format: format).utf8))
        } catch {
            throw CLIError(path: spec, message: error.message, exitCode: ExitStatus.failure)
        }
    }
}
