import ActiveMQConfig
import ActiveMQLint
import ActiveMQTopology
import Foundation
import Testing

/// `topology generate` is judged as lint judges: by the rule set it is given, schema rules and
/// cross-file rules included, over the files it would write, with the spec as the network.
@Suite("Generation is judged by the whole rule set")
struct GenerationJudgementTests {
    /// A network rule that refuses any network of more than one file, naming the files it saw.
    static let seen = Locked<[String]>([])
    static let refuseNetworks = Rule(
        id: "test-refuse-networks", summary: "", rationale: "", activeMQ: .error, amazonMQ: .error,
        triggering: [], nonTriggering: [],
        check: .network { context in
            GenerationJudgementTests.seen.withLock { $0 = context.documents.map(\.path) }
            guard context.documents.count > 1, let connector = context.documents[0].networkConnectors.first?.connector else { return }
            context.report(in: 0, connector.element, "refused for the test")
        })

    @Test("The cross-file rules see every file the generator would write, with the spec; an error writes nothing")
    func crossFileRules() throws {
        let spec = try TopologyFixtures.spec("hub-and-spokes")
        let error = #expect(throws: TopologyError.self) {
            try TopologyGenerator.generate(spec, target: .amazonMQ, rules: RuleSet.model.adding([Self.refuseNetworks]))
        }
        let files = try TopologyGenerator.generate(spec, target: .amazonMQ).map(\.fileName)
        #expect(Self.seen.withLock { $0 } == files)
        #expect(error?.findings.map(\.rule) == ["test-refuse-networks"])
        #expect(error?.findings.first?.file == files.first)
    }

    @Test("With the linter's rules, the generated files lint clean as one network, under both profiles",
          arguments: TopologyFixtures.cases)
    func lintClean(_ example: TopologyFixtures.Case) throws {
        let spec = try TopologyFixtures.spec(example.topology)
        let files = try TopologyGenerator.generate(spec, target: example.target, rules: RuleCatalog.rules)
        var commandLine = LintCommandLine()
        commandLine.profile = example.target.profile.name
        commandLine.network = spec
        let report = try Linter(commandLine: commandLine).lint(files.map { LintInput(path: $0.fileName, bytes: .success($0.bytes)) })
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings.map(\.formatted))")
    }
}
