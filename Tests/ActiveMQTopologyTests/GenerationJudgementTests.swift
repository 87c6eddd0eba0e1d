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

    @Test("replayWhenNoConsumers in the spec: every broker's file replays every queue, and lints clean",
          arguments: TopologyFixtures.cases)
    func replay(_ example: TopologyFixtures.Case) throws {
        var spec = try TopologyFixtures.spec(example.topology)
        spec.replayWhenNoConsumers = true
        let files = try TopologyGenerator.generate(spec, target: example.target, rules: RuleCatalog.rules)
        // Every broker has a file, those that declare no connector too (a hub holds what spokes send).
        #expect(Set(files.map(\.broker)) == Set(spec.brokers.map(\.name)))
        for file in files {
            let configuration = try BrokerConfiguration(bytes: file.bytes, path: file.fileName)
            let entry = configuration.brokers.first?.policyMap?.entry(for: DestinationName(kind: .queue, name: "any.queue"))
            #expect(try entry?.networkBridgeFilterFactory?.replayWhenNoConsumers == .literal(true), "\(file.fileName)")
        }
        var commandLine = LintCommandLine()
        commandLine.profile = example.target.profile.name
        commandLine.network = spec
        let report = try Linter(commandLine: commandLine).lint(files.map { LintInput(path: $0.fileName, bytes: .success($0.bytes)) })
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings.map(\.formatted))")
        // Generating again over its own output changes nothing.
        let bases = try Dictionary(uniqueKeysWithValues: files.filter { !$0.fileName.hasSuffix("-2.xml") }.map {
            ($0.broker, try BrokerConfiguration(bytes: $0.bytes, path: $0.fileName))
        })
        if example.target == .amazonMQ {
            let again = try TopologyGenerator.generate(spec, target: example.target, bases: bases, rules: RuleCatalog.rules)
            #expect(again.map(\.bytes) == files.map(\.bytes))
        }
    }
}

