import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// The file to read and the broker to work on.
struct DocumentOptions: ParsableArguments {
    @Argument(help: "The configuration file ('-' for standard input).")
    var file: String

    @Option(name: .customLong("broker"), help: "The broker's brokerName (required when the file has several brokers).")
    var brokerName: String?

    @Option(name: .customLong("resource"),
            help: "In a Terraform, YAML or JSON file: the configuration's address (aws_mq_configuration.hub, a logical id), required when it holds several.")
    var resource: String?

    /// Reads the configuration.
    func configuration() throws -> BrokerConfiguration {
        do {
            return BrokerConfiguration(document: try CLI.console.document(file))
        } catch {
            throw CLIError(error)
        }
    }

    /// The selected broker, checked to exist in the configuration.
    func broker(in configuration: BrokerConfiguration) throws -> BrokerSelector {
        do throws(ConnectorError) {
            _ = try configuration.broker(BrokerSelector(brokerName))
            return BrokerSelector(brokerName)
        } catch {
            var message = error.description
            if configuration.brokers.count > 1 { message += "; choose one with --broker NAME" }
            throw CLIError(path: file, message: message, exitCode: ExitStatus.usageOrIO)
        }
    }
}
