import ActiveMQConfig
import ActiveMQLint
import Foundation
import LosslessXML
import Testing

/// The rule engine's promises: every declared rule is registered once, a rule reports only its
/// own id, a rule that is off costs nothing (its check is never called, and what only it reads is
/// never built), a run keeps nothing alive once it returns, and `lint --fix` parses each changed
/// file once per pass.
@Suite("Rule engine")
struct RuleEngineTests {
    // MARK: Registration

    /// `public static let NAME = Rule(` … `id: .ID,` in every file under `Sources/**/Rules/`, and
    /// each `RuleID` constant's raw value.
    static func declaredRules() throws -> (rules: [(name: String, id: String, file: String)], ids: [String: String]) {
        let sources = Shared.repository.appendingPathComponent("Sources")
        guard let walk = FileManager.default.enumerator(atPath: sources.path) else { return ([], [:]) }
        var rules: [(String, String, String)] = []
        var ids: [String: String] = [:]
        let rule = try Regex(#"public static let (\w+) = Rule\(\s*id: \.(\w+),"#)
        let id = try Regex(#"public static let (\w+): RuleID = "([^"]+)""#)
        for case let relative as String in walk where relative.hasSuffix(".swift") && relative.contains("/Rules/") {
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for match in text.matches(of: rule) {
                rules.append((String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""), relative))
            }
            for match in text.matches(of: id) {
                ids[String(match.output[1].substring ?? "")] = String(match.output[2].substring ?? "")
            }
        }
        return (rules, ids)
    }

    @Test("Every Rule declared under Sources/**/Rules/ is in the catalogue, and no two share an id")
    func registration() throws {
        let (rules, ids) = try Self.declaredRules()
        #expect(rules.count >= 33, "the source scan found \(rules.count) rules")
        var seen: [String: String] = [:]
        for rule in rules {
            let raw = try #require(ids[rule.id], "\(rule.file): RuleID .\(rule.id) has no declaration")
            #expect(seen[raw] == nil, "two rules with the id '\(raw)': \(seen[raw] ?? "") and \(rule.file)")
            seen[raw] = rule.file
            #expect(RuleCatalog.rule(RuleID(rawValue: raw)) != nil, "\(rule.file) declares '\(raw)', missing from RuleCatalog.rules")
        }
        #expect(Set(RuleCatalog.all.map(\.id.rawValue)) == Set(seen.keys))
    }

    @Test("Each rule, run alone on its triggering examples, reports under its own id only",
          arguments: RuleCatalog.all.filter { if case .tool = $0.check { return false } else { return true } }.map(\.id))
    func reportsItsOwnID(_ id: RuleID) throws {
        let rule = try #require(RuleCatalog.rule(id))
        for example in rule.triggeringExamples {
            var commandLine = LintCommandLine()
            commandLine.profile = example.profile.name
            if case .amazonMQ(let engine) = example.profile { commandLine.engineVersion = engine }
            if let spec = example.networkSpec { commandLine.network = try NetworkSpec.decode(Array(spec.utf8)) }
            commandLine.enabled = RuleCatalog.all.filter(\.isOptIn).map(\.id)
            let inputs = example.strippedFiles.map { LintInput(path: $0.name, bytes: .success(Array($0.text.utf8))) }
            let findings = try Linter(commandLine: commandLine, rules: RuleSet([rule])).lint(inputs).findings
            #expect(!findings.isEmpty)
            #expect(findings.allSatisfy { $0.rule == id }, "\(findings.map(\.formatted))")
        }
    }

    // MARK: A rule that is off costs nothing

    /// A document rule and a network rule that count their calls, and an index part only the
    /// document rule reads.
    final class Counting: Sendable {
        let documentCalls = Locked(0)
        let networkCalls = Locked(0)
        let part = DocumentIndex.Part("counting-part") { _ in 42 }

        var rules: [Rule] {
            [
                Rule(id: "counting-document", summary: "", rationale: "", activeMQ: .warning, amazonMQ: .warning,
                     triggering: [], nonTriggering: [],
                     check: .document { [self] context in
                         documentCalls.withLock { $0 += 1 }
                         _ = context.index[part]
                     }),
                Rule(id: "counting-network", summary: "", rationale: "", activeMQ: .warning, amazonMQ: .warning,
                     triggering: [], nonTriggering: [],
                     check: .network { [self] _ in networkCalls.withLock { $0 += 1 } }),
            ]
        }
    }

    static let threeBrokers: [LintInput] = ["A", "B", "C"].enumerated().map { number, name in
        LintInput(path: "\(name).xml", bytes: .success(Array("""
            <broker xmlns="http://activemq.apache.org/schema/core" brokerName="\(name)">
              <networkConnectors>
                <networkConnector name="to_next" userName="u" networkTTL="3" uri="static:(tcp://\(["B", "C", "A"][number]):6170\((number + 1) % 3))"/>
              </networkConnectors>
              <transportConnectors><transportConnector name="openwire" uri="tcp://0.0.0.0:6170\(number)"/></transportConnectors>
            </broker>
            """.utf8)))
    }

    @Test("A rule that is off is never called and builds nothing; on, it is called and builds what it reads")
    func disabledRuleCostsNothing() throws {
        let counting = Counting()
        let built = Locked<[[String]]>([])
        var linter = Linter(disabled: ["counting-document", "counting-network"], rules: RuleCatalog.rules.adding(counting.rules))
        // Recorded as each index is made, and read after the run: what the run built.
        let indexes = Locked<[DocumentIndex]>([])
        linter.observer = { index in indexes.withLock { $0.append(index) } }
        _ = try linter.lint(Self.threeBrokers)
        #expect(counting.documentCalls.withLock { $0 } == 0)
        #expect(counting.networkCalls.withLock { $0 } == 0)
        built.withLock { $0 = indexes.withLock { $0.map(\.builtParts) } }
        #expect(built.withLock { $0 }.count == 3)
        #expect(built.withLock { $0 }.allSatisfy { !$0.contains("counting-part") })

        linter.commandLine.disabled = []
        indexes.withLock { $0 = [] }
        _ = try linter.lint(Self.threeBrokers)
        #expect(counting.documentCalls.withLock { $0 } == 3)
        #expect(counting.networkCalls.withLock { $0 } == 1)
        #expect(indexes.withLock { $0.allSatisfy { $0.builtParts.contains("counting-part") } })
    }

    @Test("With the schema rules off, no schema walk is built; with them on, one per document")
    func disabledSchemaRulesBuildNoWalk() throws {
        let schemaRules: [RuleID] = ["unknown-element", "unknown-attribute", "invalid-value", "amazon-mq-sanitized"]
        for disabled in [schemaRules, []] {
            var linter = Linter(profile: .amazonMQ(.v5_18), disabled: disabled)
            let indexes = Locked<[DocumentIndex]>([])
            linter.observer = { index in indexes.withLock { $0.append(index) } }
            _ = try linter.lint(Self.threeBrokers)
            let walks = indexes.withLock { $0.map { $0.builtParts.filter { $0.hasPrefix("schema-walk") } } }
            #expect(walks == Array(repeating: disabled.isEmpty ? ["schema-walk-activemq", "schema-walk-amazon-mq"] : [], count: 3))
        }
    }

    // MARK: Nothing kept

    final class Weak: Sendable {
        let references = Locked<[() -> DocumentIndex?]>([])
        func hold(_ index: DocumentIndex) {
            references.withLock { $0.append({ [weak index] in index }) }
        }
        var alive: Int { references.withLock { $0.filter { $0() != nil }.count } }
        var count: Int { references.withLock { $0.count } }
    }

    @Test("A lint over three files with a network rule on keeps no document alive once it returns")
    func noLeak() throws {
        let weak = Weak()
        var linter = Linter()
        linter.observer = { weak.hold($0) }
        let report = try linter.lint(Self.threeBrokers)
        #expect(report.findings.contains { $0.rule == .networkTTL })
        #expect(weak.count == 3)
        #expect(weak.alive == 0)

        let fixWeak = Weak()
        linter.observer = { fixWeak.hold($0) }
        _ = try Fixer(linter: linter, includeUnsafe: true).fix(Self.threeBrokers)
        #expect(fixWeak.count >= 6)
        #expect(fixWeak.alive == 0)
    }

    // MARK: lint --fix

    @Test("lint --fix parses each changed file once per pass")
    func fixParsesOncePerPass() throws {
        let path = "fix-parses-\(UInt64.random(in: 0...UInt64.max)).xml"
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core">
              <networkConnectors>
                <networkConnector name="a" userName="u" networkTTL="-5" messageTTL="-7" uri="static:(tcp://h:61616)"/>
                <networkConnector name="b" userName="u" uri="static:(tcp://h:61617,
                    tcp://i:61617)"/>
              </networkConnectors>
            </broker>
            """
        ParseCounter.watch(path)
        let outcome = try Fixer(linter: Linter(), includeUnsafe: false).fix([LintInput(path: path, bytes: .success(Array(text.utf8)))])
        #expect(outcome.fixed.count == 3)
        // One parse to lint, one to apply the pass's edits (and read them back); the second
        // pass finds nothing to fix.
        #expect(ParseCounter.count(path) == 2)
        #expect(outcome.remaining.findings.filter { $0.fix != nil }.isEmpty)
    }
}
