// The library's own enums as command-line options. The conformances live here, in the CLI, so the
// library does not depend on the argument parser.
public import ActiveMQConfig
public import ArgumentParser

extension ConfigurationTarget: ExpressibleByArgument {}

extension AmazonMQEngineVersion: ExpressibleByArgument {}
