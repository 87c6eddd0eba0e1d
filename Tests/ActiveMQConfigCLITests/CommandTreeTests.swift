import ArgumentParser
import Foundation
import Testing
@testable import ActiveMQConfigCLI

/// What every command of the tree shares: the commands that judge a document take `--profile`
/// (alias `--target`) and `--engine-version`, every leaf says whether it judges, and no help text
/// names some of an option's values but not all.
@Suite("Command tree")
struct CommandTreeTests {
    /// Every leaf command, with its words (`connectors add`).
    static func leaves(_ command: any ParsableCommand.Type = RootCommand.self, _ words: [String] = []) -> [(words: String, type: any ParsableCommand.Type)] {
        let subcommands = command.configuration.subcommands
        if subcommands.isEmpty { return [(words.joined(separator: " "), command)] }
        return subcommands.flatMap { leaves($0, words + [$0.configuration.commandName ?? ""]) }
    }

    @Test("Every leaf command says whether it judges; those that judge take --profile, --target and --engine-version")
    func judgingCommands() {
        let all = Self.leaves()
        #expect(all.count >= 20)
        var judging: [String] = []
        for (words, type) in all {
            let judges = type is any JudgingCommand.Type
            #expect(judges != (type is any NonJudgingCommand.Type), "'\(words)' must conform to exactly one of JudgingCommand and NonJudgingCommand")
            guard judges else { continue }
            judging.append(words)
            let help = type.helpMessage(columns: 400)
            for option in ["--profile", "--target", "--engine-version"] {
                #expect(help.contains(option), "'\(words)' judges but does not take \(option)")
            }
        }
        #expect(Set(judging).isSuperset(of: ["lint", "validate", "connectors add", "connectors set", "connectors render",
                                             "transport-connectors add", "transport-connectors set", "topology generate",
                                             "amazon-mq export", "amazon-mq diff"]))
    }

    @Test("No option's help names some of its values but not all (the parser lists them all)")
    func helpListsEveryValue() throws {
        let run = try runBinary(["--experimental-dump-help"])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        var checked = 0
        func walk(_ command: [String: Any], _ path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard let values = argument["allValues"] as? [String], !values.isEmpty else { continue }
                let abstract = argument["abstract"] as? String ?? ""
                let words = Set(abstract.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "+") })
                    .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) })
                let named = values.filter(words.contains)
                checked += 1
                #expect(named.isEmpty || named.count == values.count,
                        "\(path) \(argument["valueName"] ?? ""): the help names \(named) of \(values)")
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path + " " + (sub["commandName"] as? String ?? ""))
            }
        }
        walk(try #require(info["command"] as? [String: Any]), "activemq-config")
        #expect(checked >= 10)
    }
}
