import ArgumentParser
import Testing
@testable import ActiveMQConfigCLI

/// `CLI.parse` parses a leaf command on its own (start-up time) and falls back to the root for
/// anything else; these tests hold it to the root's results, command by command.
@Suite("Command dispatch")
struct CommandDispatchTests {
    /// Arguments that parse, at least one per leaf command (a test below checks that every leaf
    /// has some).
    static let accepted: [[String]] = [
        ["lint", "a.xml"],
        ["lint", "--profile", "amazon-mq", "--format", "sarif", "--disable", "zero-ttl", "--disable", "ttl-override", "a.xml", "b/"],
        ["lint", "--fix", "--unsafe-fixes", "--diff", "--secret-variable", "PW", "--report", "junit:out.xml", "--fail-on", "warning", "-"],
        ["lint", "--stdin-filename", "roles/x/activemq.xml.j2", "--template", "jinja", "--verbose", "-"],
        ["lint", "--", "--odd-name.xml"],
        ["rules"],
        ["explain", "embedded-password"],
        ["validate", "--profile", "amazon-mq", "--engine-version", "5.18", "a.xml"],
        ["topology", "generate", "spec.json", "--out", "network", "--target", "activemq"],
        ["topology", "graph", "spec.json", "--format", "mermaid"],
        ["topology", "check", "spec.json", "a.xml", "b.xml"],
        ["connectors", "list", "a.xml", "--format", "json"],
        ["connectors", "add", "a.xml", "--name", "n", "--uri", "static:(ssl://h:61617)", "--user", "u", "--duplex", "--in-place"],
        ["connectors", "set", "a.xml", "--name", "n", "--network-ttl", "2", "--exclude", "queue://local.>", "--diff"],
        ["connectors", "remove", "a.xml", "--name", "n", "-o", "b.xml"],
        ["connectors", "render", "--name", "n", "--uri", "masterslave:(ssl://a:61617,ssl://b:61617)", "--user", "u"],
        ["transport-connectors", "list", "a.xml"],
        ["transport-connectors", "add", "a.xml", "--name", "openwire", "--uri", "ssl://0.0.0.0:61617"],
        ["transport-connectors", "set", "a.xml", "--name", "openwire", "--no-update-cluster-clients", "--target", "amazon-mq"],
        ["transport-connectors", "remove", "a.xml", "--name", "openwire"],
        ["amazon-mq", "export", "a.xml", "--configuration-id", "c-1234"],
        ["amazon-mq", "import", "revision.json", "-o", "a.xml"],
        ["amazon-mq", "diff", "a.xml", "revision.json"],
        ["roundtrip", "a.xml"],
        ["lsp"],
        ["topology", "generate", "spec.json", "--out", "infra/", "--format", "terraform"],
        ["connectors", "set", "main.tf", "--resource", "aws_mq_configuration.hub", "--name", "n", "--network-ttl", "2", "--in-place"],
        ["network", "simulate", "scenario.json"],
        ["network", "simulate", "scenario.json", "--format", "json", "--engine-version", "5.18", "--fail-on", "warning"],
        ["network", "explain", "a.xml", "b.xml", "--destination", "queue://Q", "--from", "A", "--to", "B"],
        ["network", "explain", "a.xml", "--network", "spec.json", "--destination", "topic://T", "--from", "A", "--to", "B",
         "--selector", "k = 1", "--property", "k=1", "--count", "5", "--format", "json", "--profile", "amazon-mq"],
    ]

    /// Arguments the root must answer: help, versions, completion scripts and mistakes.
    static let answeredByTheRoot: [[String]] = [
        [], ["--help"], ["--version"], ["help", "lint"], ["lint", "--help"], ["lint", "-h"], ["lint", "--version"],
        ["lint"], ["lint", "--bogus", "a.xml"], ["lint", "--profile", "nonsense", "a.xml"], ["lint", "--fix", "-"],
        ["connectors"], ["connectors", "add", "a.xml"], ["connectors", "add", "--help"], ["topology", "--help"],
        ["nonsense"], ["--generate-completion-script", "bash"], ["lint", "--generate-completion-script", "bash"],
        ["roundtrip", "a.xml", "b.xml"],
    ]

    /// What a parser makes of the arguments: the command, with every value, or the error's message.
    static func outcome(_ arguments: [String], _ parse: ([String]) throws -> any ParsableCommand) -> String {
        do {
            let command = try parse(arguments)
            return "\(type(of: command)): \(String(reflecting: command))"
        } catch {
            return "error: \(RootCommand.fullMessage(for: error))"
        }
    }

    @Test("A leaf command parsed on its own equals the root's parse", arguments: accepted)
    func sameCommand(_ arguments: [String]) throws {
        let root = Self.outcome(arguments, RootCommand.parseAsRoot)
        #expect(!root.hasPrefix("error:"), "the root refuses \(arguments)")
        #expect(CLI.parseLeaf(arguments) != nil, "the leaf is not parsed on its own: start-up pays for the whole tree")
        #expect(Self.outcome(arguments, CLI.parse) == root)
    }

    @Test("Help, versions, completion scripts and errors are the root's", arguments: answeredByTheRoot)
    func sameAnswer(_ arguments: [String]) {
        #expect(CLI.parseLeaf(arguments) == nil, "a leaf answered what the root must")
        #expect(Self.outcome(arguments, CLI.parse) == Self.outcome(arguments, RootCommand.parseAsRoot))
    }

    @Test("Every leaf command has arguments in the table above")
    func everyLeafCovered() {
        func leaves(_ command: any ParsableCommand.Type, _ path: [String]) -> [[String]] {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { return [path] }
            return subcommands.flatMap { leaves($0, path + [$0.configuration.commandName ?? ""]) }
        }
        for path in leaves(RootCommand.self, []) {
            #expect(Self.accepted.contains { Array($0.prefix(path.count)) == path }, "no arguments for \(path.joined(separator: " "))")
        }
    }
}
