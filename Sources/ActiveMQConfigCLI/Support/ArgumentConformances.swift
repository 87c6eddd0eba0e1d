// The library's own enums as command-line options. The conformances live here, in the CLI, so the
// library does not depend on the argument parser.
public import ActiveMQConfig
public import ActiveMQLint
public import ActiveMQTopology
public import ArgumentParser

extension ConfigurationTarget: ExpressibleByArgument {}

extension AmazonMQEngineVersion: ExpressibleByArgument {}

extension ReportFormat: ExpressibleByArgument {}

extension Severity: ExpressibleByArgument {}

extension TopologyGraph.Format: ExpressibleByArgument {}
