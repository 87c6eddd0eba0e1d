import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config explain RULE`: a rule's documentation.
struct ExplainCommand: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("explain", abstract: "Print a rule's documentation (the page in Docs/rules/).")
    }

    @Argument(help: "The rule's id, e.g. embedded-password.") var rule: String

    func run() throws {
        guard let found = RuleCatalog.rule(RuleID(rawValue: rule)) else {
            let suggestion = Spelling.closest(to: rule, in: RuleCatalog.all.map(\.id.rawValue))
            throw CLIError(message: "unknown rule '\(rule)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                           exitCode: ExitStatus.usageOrIO)
        }
        CLI.console.writeOutput(Array(found.page.utf8))
    }
}
