import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

enum Shared {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("corpus").path) }
    static let schema = root.appendingPathComponent("reference/activemq/activemq-5.17.3.xsd").path
    static let corpusFiles: [String] = ["activemq", "wild"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("corpus/\(folder)").path)) ?? [])
            .filter { $0 != "SOURCES.tsv" }.sorted().map { root.appendingPathComponent("corpus/\(folder)/\($0)").path }
    }
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

@Suite("Linting the corpus")
struct CorpusLintTests {
    @Test("No crash over the whole corpus, both profiles; templates are read, except the Puppet one whose branches choose between <broker> start tags",
          .enabled(if: Shared.isPresent, "../shared is absent"))
    func wholeCorpus() throws {
        let inputs = Shared.corpusFiles.map { LintInput(path: $0, bytes: .success(Array(FileManager.default.contents(atPath: $0)!))) }
        for profile in ["activemq", "amazon-mq"] {
            var commandLine = LintCommandLine()
            commandLine.profile = profile
            let report = try Linter(commandLine: commandLine).lint(inputs)
            let malformed = Set(report.findings.filter { $0.rule == "not-well-formed" }.map(\.file))
            #expect(malformed == Set(Shared.corpusFiles.filter { $0.hasSuffix("puppetlabs-activemq__templates__activemq.xml.erb") }))
            #expect(report.files == Shared.corpusFiles.count)
        }
    }

    @Test("No unknown-element or unknown-attribute on broker content that libxml2's XSD validation accepts",
          .enabled(if: Shared.isPresent, "../shared is absent"), arguments: Shared.corpusFiles.filter { !$0.hasSuffix(".erb") && !$0.hasSuffix(".j2") })
    func agreesWithSchema(_ path: String) throws {
        let bytes = Array(FileManager.default.contents(atPath: path)!)
        let schemaErrors = try SchemaValidator.validate(bytes, path: path, schema: Shared.schema)
        let findings = try Linter(activeMQVersion: ActiveMQVersion(major: 5, minor: 17)).lint([LintInput(path: path, bytes: .success(bytes))]).findings
            .filter { $0.rule == "unknown-element" || $0.rule == "unknown-attribute" }
        if schemaErrors.isEmpty {
            #expect(findings.isEmpty, "\(findings.map(\.message))")
        }
        // Every unknown-element or unknown-attribute finding is a schema error on the same element:
        // libxml2 gives the line where the element's start tag ends.
        let document = try LosslessDocument(bytes: bytes)
        for finding in findings {
            let startTags = document.allElements.map { element in
                element.position.line...document.position(ofOffset: element.startTagRange.upperBound - 1).line
            }.filter { $0.contains(finding.line ?? 0) }
            #expect(schemaErrors.contains { error in startTags.contains { $0.contains(error.line ?? 0) } }, "\(finding.message)")
        }
    }
}

@Suite("Generated artifacts are current")
struct GeneratedArtifactTests {
    @Test("Every rule has its page in Docs/rules/, equal to its documentation, and the index lists it")
    func rulePages() throws {
        let folder = Shared.repository.appendingPathComponent("Docs/rules")
        let index = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        for rule in RuleCatalog.all {
            let page = try? String(contentsOf: folder.appendingPathComponent("\(rule.id).md"), encoding: .utf8)
            #expect(page == rule.page, "Docs/rules/\(rule.id).md is missing or stale: run Scripts/generate-rule-docs")
            #expect(index.contains("[`\(rule.id)`](\(rule.id).md)"))
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }
        #expect(pages.count == RuleCatalog.all.count)
    }

    /// Runs a generator script of `Scripts/` with the shared reference folder and these outputs; its exit status.
    func generate(_ script: String, _ outputs: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Shared.repository.appendingPathComponent("Scripts/\(script)").path,
                             Shared.root.appendingPathComponent("reference").path] + outputs
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("Regenerating the vocabularies and the model's accessors from the XSDs changes nothing", .enabled(if: Shared.isPresent, "../shared is absent"))
    func vocabularies() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).swift").path
        let accessorsOutput = FileManager.default.temporaryDirectory.appendingPathComponent("accessors-\(UUID().uuidString).swift").path
        #expect(try generate("generate-vocabulary.py", [output, accessorsOutput]) == 0)
        let committed = try String(contentsOf: Shared.repository.appendingPathComponent("Sources/ActiveMQLint/Vocabulary/GeneratedVocabularies.swift"), encoding: .utf8)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == committed)
        let committedAccessors = try String(contentsOf: Shared.repository.appendingPathComponent("Sources/ActiveMQConfig/Model/GeneratedAttributes.swift"), encoding: .utf8)
        #expect(try String(contentsOfFile: accessorsOutput, encoding: .utf8) == committedAccessors)
    }

    @Test("Regenerating the schemas' documentation from the XSDs changes nothing", .enabled(if: Shared.isPresent, "../shared is absent"))
    func schemaDocumentation() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("documentation-\(UUID().uuidString).swift").path
        #expect(try generate("generate-documentation.py", [output]) == 0)
        let committed = try String(contentsOf: Shared.repository.appendingPathComponent("Sources/ActiveMQLint/Vocabulary/GeneratedDocumentation.swift"), encoding: .utf8)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == committed)
        // Cleaned: no Javadoc or HTML markup is left.
        #expect(!committed.contains("{@") && !committed.contains("<p>") && !committed.contains("@org.apache"))
    }

    @Test("Regenerating the carried schemas from the XSDs changes nothing", .enabled(if: Shared.isPresent, "../shared is absent"))
    func carriedSchemas() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("schemas-\(UUID().uuidString).swift").path
        #expect(try generate("generate-schemas.py", [output]) == 0)
        let committed = try String(contentsOf: Shared.repository.appendingPathComponent("Sources/ActiveMQLint/Schemas/GeneratedSchemas.swift"), encoding: .utf8)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == committed)
    }

    @Test("The vocabularies hold what the schemas say")
    func vocabularyContent() {
        let apache = Vocabulary.activeMQ
        #expect(apache.element("networkConnector")?.attributes["duplex"]?.base == .boolean)
        // One union table holds every version: levelDB until 5.16, advanced statistics from 5.19.
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 16))?.vocabulary.element("levelDB") != nil)
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 6, minor: 1))?.vocabulary.element("levelDB") == nil)
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 18, patch: 2))?.schema == "5.18.3")
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 18))?.schema == "5.18.7")
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 14)) == nil)
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 19))?.vocabulary.element("policyEntry")?.attributes["advancedMessageStatisticsEnabled"] != nil)
        #expect(Vocabulary.activeMQ(ActiveMQVersion(major: 5, minor: 17))?.vocabulary.element("policyEntry")?.attributes["advancedMessageStatisticsEnabled"] == nil)
        #expect(apache.element("broker")?.properties["networkConnectors"]?.references.contains("networkConnector") == true)
        let amazon = Vocabulary.amazonMQ(.v5_18)
        #expect(amazon.element("memoryUsage")?.attributes["percentOfJvmHeap"]?.maximum == 70)
        #expect(amazon.element("transportConnector")?.attributes["name"]?.enumeration == ["openwire"])
        #expect(amazon.element("broker")?.attributes["brokerName"] == nil)
        #expect(Vocabulary.amazonMQ(.v5_15).element("broker")?.attributes["maxSchedulerRepeatAllowed"] == nil)
        #expect(Vocabulary.amazonMQ(.v5_16).element("broker")?.attributes["maxSchedulerRepeatAllowed"] != nil)
    }
}
