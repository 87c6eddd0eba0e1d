import ActiveMQConfig
import ActiveMQLint
import ActiveMQRouting
import ArgumentParser

/// `activemq-config network simulate SCENARIO`: plays a scenario on the forwarding model.
struct SimulateNetwork: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "simulate", abstract: "Predict what a scenario's steps do: what each consumer receives, what stays where, by which path.",
            discussion: """
                The scenario (JSON, Docs/scenario.schema.json) names the brokers' configuration files, then steps: \
                consumers open and close, messages are sent. Counts the configuration cannot decide are ranges with \
                their reasons (timing, consumer-speed, prefetch, suppression-order, reconnect, path-limit). With the \
                scenario's 'expect', each difference is an error; losses, strandings and duplicates are findings of \
                their own rules (stranded-messages, undelivered-messages, duplicate-deliveries), which the settings, a \
                suppression comment before the element a finding points at (<!-- activemq-config-disable RULE -->) and \
                --baseline can silence. Exit 0: no finding at or above --fail-on; 1: such a finding; 2: a scenario \
                that cannot be read or played. See Docs/routing.md.
                """)
    }

    @Argument(help: "The scenario file (JSON).") var scenario: String
    @OptionGroup var judgement: JudgementOptions
    @Option(help: "The prediction's format on standard output.") var format: ListConnectors.Format = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above this severity.") var failOn: Severity = .error
    @OptionGroup var baselines: BaselineOptions

    func run() throws {
        let read: Scenario
        do {
            read = try Scenario(contentsOfFile: scenario)
        } catch {
            throw CLIError(error.diagnostics)
        }
        // The version: the flag's (an Amazon MQ engine runs its ActiveMQ version), else the scenario's.
        let commandLine = try judgement.commandLine()
        let version = commandLine.activeMQVersion ?? commandLine.engineVersion.map(ActiveMQVersion.init(amazonMQ:))
        let prediction: Simulator.Prediction
        do {
            prediction = try read.predict(engineVersion: version)
        } catch {
            throw CLIError(error.diagnostics)
        }
        // The model's findings under the settings of the scenario's folder (off, or another severity).
        let settings = try judgement.settings(for: read.path)
        var documents: [String: LosslessDocument] = [:]
        var judged = prediction.findings.compactMap { finding -> Diagnostic? in
            guard let rule = RuleCatalog.rule(RuleID(rawValue: finding.code ?? "")), let severity = settings.severity(of: rule) else { return nil }
            // A suppression comment before the element the finding points at, or for the whole file.
            if let file = finding.file, let line = finding.line, let column = finding.column {
                if documents[file] == nil, let bytes = try? FileBytes.read(file) { documents[file] = try? LosslessDocument(bytes: bytes, path: file) }
                if let document = documents[file], Suppressions.cover(rule.id.rawValue, line: line, column: column, in: document) { return nil }
            }
            var judged = finding
            judged.severity = severity
            return judged
        }
        judged = try baselines.apply(judged)
        let findings = judged + read.differences(from: prediction)
        switch format {
        case .text: CLI.console.writeOutput(Array(prediction.text.utf8))
        case .json: CLI.console.writeOutput(Array(prediction.json(findings: findings).rendered().utf8))
        }
        for finding in findings { CLI.console.printError(finding.formatted) }
        try finish(findings, failingAt: failOn)
    }
}
