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
        var commandLine = LintCommandLine()
        commandLine.profile = example.profile.name
        if case .amazonMQ(let engine) = example.profile { commandLine.engineVersion = engine }
        if let spec = example.networkSpec { commandLine.network = try NetworkSpec.decode(Array(spec.utf8)) }
        let inputs = files.map { LintInput(path: $0.name, bytes: .success(Array($0.text.utf8))) }
        return try Linter(commandLine: commandLine).lint(inputs).findings.filter { $0.rule == rule.id }
    }

    /// The rules whose examples run through the linter; `schema`'s run through XSD validation
    /// with ../shared's schema, in tests of their own that say so when it is absent.
    static let linted = RuleCatalog.all.map(\.id).filter { $0 != .schema }

    @Test("Every rule has at least two triggering and two non-triggering examples, and triggering ones have markers",
          arguments: RuleCatalog.all.map(\.id))
    func examplesExist(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
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
                #expect(finding.severity == rule.defaultSeverity(under: example.profile) ?? .error)
                if rule.fix != nil, rule.id != .staticShouldBeMasterSlave || example.files[0].text.contains("static:(") {
                    // A fixable rule's fix, applied, leaves the finding gone.
                    if let fix = finding.fix, let text = example.strippedFiles.first(where: { $0.name == finding.file })?.text {
                        var document = try LosslessDocument(string: text)
                        try document.apply(fix.edits)
                        let again = try Self.findings(of: rule, in: RuleExample(String(decoding: document.bytes, as: UTF8.self), profile: example.profile))
                        #expect(!again.contains { $0.line == finding.line && $0.column == finding.column }, "\(id): the fix did not resolve it")
                    }
                }
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
