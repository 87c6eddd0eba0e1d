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

/// `activemq-config topology`: generate, draw and check networks of brokers.
struct TopologyCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "topology",
            abstract: "Generate, draw and check whole networks of brokers from a spec.",
            discussion: "The spec's JSON Schema is Docs/network-spec.schema.json; the topologies are described in Docs/topologies.md.",
            subcommands: [GenerateTopology.self, GraphTopology.self, CheckTopology.self])
    }
}

/// Reads and decodes a spec; exit 1 for a bad spec, 2 when it cannot be read.
func readSpec(_ path: String) throws -> NetworkSpec {
    let bytes: [UInt8]
    do {
        bytes = try CLI.console.read(path)
    } catch {
        throw CLIError(error)
    }
    do {
        return try NetworkSpec.decode(bytes)
    } catch {
        throw CLIError(path: path, message: error.message, exitCode: ExitStatus.failure)
    }
}
