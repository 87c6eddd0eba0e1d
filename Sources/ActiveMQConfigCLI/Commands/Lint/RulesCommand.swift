import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config rules`: every rule with its default severity per profile.
struct RulesCommand: NonJudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration("rules", abstract: "List every rule with its default severity per profile.")
    }

    func run() {
        var lines = ["RULE                            ACTIVEMQ  AMAZON-MQ  SUMMARY"]
        for rule in RuleCatalog.all {
            let id = rule.id.rawValue.padding(32)
            let activeMQ = (rule.activeMQSeverity?.rawValue ?? "off").padding(10)
            let amazon = (rule.amazonMQSeverity?.rawValue ?? "off").padding(11)
            lines.append(id + activeMQ + amazon + rule.summary)
        }
        CLI.console.print(lines.joined(separator: "\n"))
    }
}
