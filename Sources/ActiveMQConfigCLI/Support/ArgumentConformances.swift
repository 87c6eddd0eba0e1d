// The library's own enums as command-line options. The conformances live here, in the CLI, so the
// library does not depend on the argument parser.
public import ActiveMQConfig
public import ActiveMQLint
public import ActiveMQTopology
public import ArgumentParser

/// An enum read from the command line by its raw value.
///
/// The argument parser's own defaults for `allValueStrings`, `allValueDescriptions` and
/// `defaultValueDescription` build a key path and reflect on the values each time a command's
/// arguments are set up; these give the same strings with plain code, which is a measurable part
/// of the tool's start-up (Docs/performance.md).
public protocol RawValueArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension RawValueArgument {
    /// Every raw value, in declaration order.
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    /// No descriptions beyond the raw values.
    public static var allValueDescriptions: [String: String] { [:] }
    /// The raw value.
    public var defaultValueDescription: String { rawValue }
}

extension ConfigurationTarget: RawValueArgument {}

extension AmazonMQEngineVersion: RawValueArgument {}

extension ReportFormat: RawValueArgument {}

extension TemplateSyntax: RawValueArgument {}

extension Severity: RawValueArgument {}

extension TopologyGraph.Format: RawValueArgument {}

/// `--engine-version V`: an Amazon MQ engine version under `amazon-mq` (5.15 to 5.19), an Apache
/// ActiveMQ version under `activemq` (`MAJOR.MINOR[.PATCH]`, 5.15 to 6.3).
enum EngineVersionArgument {
    /// Puts the version into the command line's settings, or says why it is not one.
    static func apply(_ text: String?, profile: ConfigurationTarget?, to commandLine: inout LintCommandLine) throws {
        guard let text else { return }
        let amazon = AmazonMQEngineVersion(rawValue: text)
        let apache = ActiveMQVersion(text).flatMap { Vocabulary.activeMQ($0) == nil ? nil : $0 }
        if profile == .amazonMQ, amazon == nil {
            throw ValidationError("--engine-version under amazon-mq is one of \(AmazonMQEngineVersion.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard amazon != nil || apache != nil else {
            throw ValidationError("--engine-version takes MAJOR.MINOR[.PATCH], ActiveMQ 5.15 to 6.3 (Amazon MQ: 5.15 to 5.19)")
        }
        commandLine.engineVersion = amazon
        commandLine.activeMQVersion = apache
    }
}

extension ConnectorFragment.Quote: RawValueArgument {}
