import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// Every rule's examples, run as tests: each triggering example raises the rule exactly at its
/// `↓` markers, each non-triggering one raises nothing of it. The same values generate Docs/rules/.
@Suite("Rule examples")
struct RuleExampleTests {
    /// Runs one example through the linter (or, for `schema`, through XSD validation) and returns
    /// the rule's findings.
    static func findings(of rule: Rule, in example: RuleExample) throws -> [Finding] {
        let files = example.strippedFiles
        if rule.id == .schema {
            return try files.flatMap { file in
                try SchemaValidator.validate(Array(file.text.utf8), path: file.name, schema: Shared.schema)
            }.filter { $0.rule == rule.id }
        }
        return try lintAll(example).filter { $0.rule == rule.id }
    }

    /// Every finding of every rule on an example, as `lint` gives them.
    static func lintAll(_ example: RuleExample, rules: RuleSet = RuleCatalog.rules) throws -> [Finding] {
        try Linter(commandLine: commandLine(example), rules: rules).lint(inputs(example)).findings
    }

    static func commandLine(_ example: RuleExample) throws -> LintCommandLine {
        var commandLine = LintCommandLine()
        commandLine.profile = example.profile.name
        if case .amazonMQ(let engine) = example.profile { commandLine.engineVersion = engine }
        if let spec = example.networkSpec { commandLine.network = try NetworkSpec.decode(Array(spec.utf8)) }
        // Opt-in rules run on the examples as `--enable` turns them on.
        commandLine.enabled = RuleCatalog.all.filter(\.isOptIn).map(\.id)
        return commandLine
    }

    static func inputs(_ example: RuleExample) -> [LintInput] {
        example.strippedFiles.map { LintInput(path: $0.name, bytes: .success(Array($0.text.utf8))) }
    }

    /// The rules whose examples run through the linter; `schema`'s run through XSD validation
    /// with ../shared's schema, in tests of their own that say so when it is absent.
    static let linted = RuleCatalog.all.filter { !$0.tags.contains("routing") && !$0.tags.contains("hosts") }.map(\.id).filter { $0 != .schema }

    @Test("Every rule has at least two triggering and two non-triggering examples, and triggering ones have markers",
          arguments: RuleCatalog.all.map(\.id))
    func examplesExist(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        // The routing model's findings have scenarios for examples (Fixtures/scenarios/, played on
        // real brokers): ScenarioTests checks that each is raised by one and absent from others.
        if rule.tags.contains("routing") || rule.tags.contains("hosts") { return }
        #expect(rule.triggeringExamples.count >= 2)
        #expect(rule.nonTriggeringExamples.count >= 2)
        for example in rule.triggeringExamples { #expect(!example.markers.isEmpty) }
        for example in rule.nonTriggeringExamples { #expect(example.markers.isEmpty) }
    }

    @Test("Triggering examples raise the rule exactly at their markers", arguments: linted)
    func triggering(_ id: RuleID) throws {
        try checkTriggering(id)
    }

    @Test("schema: triggering examples, validated with ActiveMQ's XSD", .enabled(if: Shared.isPresent, "../shared is absent"))
    func schemaTriggering() throws {
        try checkTriggering(.schema)
    }

    @Test("schema: non-triggering examples, validated with ActiveMQ's XSD", .enabled(if: Shared.isPresent, "../shared is absent"))
    func schemaNonTriggering() throws {
        try checkNonTriggering(.schema)
    }

    func checkTriggering(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for (index, example) in rule.triggeringExamples.enumerated() {
            let found = try Self.findings(of: rule, in: example)
            let got = found.map { "\($0.file ?? "-"):\($0.line ?? 0):\($0.column ?? 0)" }.sorted()
            let expected = example.markers.map { "\($0.file):\($0.line):\($0.column)" }.sorted()
            #expect(got == expected, "example \(index + 1) of \(id): \(found.map(\.formatted))")
            for finding in found {
                #expect(finding.severity == rule.defaultSeverity(under: example.profile) ?? (rule.isOptIn ? .info : .error))
                // A fix is of the kind the rule declares; a rule that declares none carries none.
                #expect(finding.fix.map { $0.applicability == rule.fix } ?? true, "\(id): a fix of another kind than the rule declares")
            }
        }
    }

    @Test("Non-triggering examples raise nothing of the rule", arguments: linted)
    func nonTriggering(_ id: RuleID) throws {
        try checkNonTriggering(id)
    }

    func checkNonTriggering(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for (index, example) in rule.nonTriggeringExamples.enumerated() {
            let found = try Self.findings(of: rule, in: example)
            #expect(found.isEmpty, "non-triggering example \(index + 1) of \(id): \(found.map(\.formatted))")
            // It says nothing because the rule finds nothing, not because the file does not parse.
            if id != .schema {
                let broken = try Self.lintAll(example).filter { $0.rule == .notWellFormed }
                #expect(broken.isEmpty, "non-triggering example \(index + 1) of \(id) is not well-formed: \(broken.map(\.formatted))")
            }
        }
    }

    @Test("Fixes leave exactly the corrected text; examples without one carry no fix; fixed files lint free of fixable findings",
          arguments: linted)
    func corrections(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for (index, example) in rule.triggeringExamples.enumerated() {
            let label = "example \(index + 1) of \(id)"
            // The rule alone, its unsafe fixes too, over every file of the example as one run.
            let linter = Linter(commandLine: try Self.commandLine(example), rules: RuleSet([rule]))
            let outcome = try Fixer(linter: linter, includeUnsafe: true).fix(Self.inputs(example))
            for file in outcome.files {
                let text = String(decoding: file.fixed, as: UTF8.self)
                if let expected = example.corrected[file.path] {
                    #expect(text == expected, "\(label), \(file.path): the fix leaves\n\(text)")
                } else {
                    #expect(file.fixed == file.original, "\(label), \(file.path): a fix changed a file the example says stays:\n\(text)")
                }
            }
            #expect(example.corrected.isEmpty == outcome.fixed.isEmpty, "\(label): corrected text given \(!example.corrected.isEmpty), fixes \(outcome.fixed.count)")
            // Every file re-linted (a cross-file fix changes what the others' findings say): nothing fixable remains.
            let again = try Linter(commandLine: try Self.commandLine(example), rules: RuleSet([rule]))
                .lint(outcome.files.map { LintInput(path: $0.path, bytes: .success($0.fixed)) }).findings
            #expect(!again.contains { $0.fix != nil }, "\(label): still fixable after fixing: \(again.map(\.formatted))")
        }
    }

    @Test("Examples never print a password they hold", arguments: linted)
    func noSecretInMessages(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for example in rule.triggeringExamples {
            for finding in try Self.findings(of: rule, in: example) {
                #expect(!finding.formatted.contains("s3cret") && !finding.formatted.contains("changeit"))
            }
        }
    }
}
