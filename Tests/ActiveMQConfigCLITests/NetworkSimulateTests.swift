import Foundation
import Testing

/// `activemq-config network simulate`: the prediction for a person and as JSON, the scenario's
/// expectations as findings, and the documented exit codes.
@Suite("activemq-config network simulate")
struct NetworkSimulateTests {
    static func fixture(_ name: String) -> String { Paths.fixture("scenarios/\(name)/scenario.json") }

    /// A copy of a fixture's files in a folder of its own.
    static func copy(_ name: String, _ files: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: fixture(name)).deletingLastPathComponent()
        for file in files { try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file)) }
        return folder
    }

    @Test("A fixture's prediction, as text and JSON; exit 0 when it agrees with expect")
    func agrees() throws {
        let text = runCLI(["network", "simulate", Self.fixture("chain-default-ttl")])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdoutText.contains("consumer c on C (queue://route.chain): received 0, unique 0"))
        #expect(text.stdoutText.contains("left on A (queue://route.chain): 20: no consumer may have them here"))
        let json = runCLI(["network", "simulate", "--format", "json", Self.fixture("chain-ttl-2")])
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let consumers = try #require(object["consumers"] as? [[String: Any]])
        #expect((consumers.first?["received"] as? [String: Int]) == ["min": 20, "max": 20])
        #expect((object["paths"] as? [[String: Any]])?.first?["route"] as? [String] == ["A", "B", "C"])
    }

    @Test("A prediction that differs from expect exits 1, each difference a scenario-expectation error")
    func differs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: Self.fixture("one-way")).deletingLastPathComponent()
        for file in ["A.xml", "B.xml"] { try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file)) }
        var scenario = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source.appendingPathComponent("scenario.json"))) as? [String: Any])
        scenario["expect"] = ["consumers": [["id": "a", "received": ["min": 20, "max": 20]]]]
        let path = folder.appendingPathComponent("scenario.json").path
        try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: path))
        let run = runCLI(["network", "simulate", path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("error: consumer 'a' on A: predicted to receive 0, expected 20 [scenario-expectation]"), "\(run.stderr)")
    }

    @Test("The model's findings: their rule ids and lines on stderr and in JSON, --fail-on, and the project's settings")
    func findings() throws {
        let folder = try Self.copy("ttl-mismatch", ["A.xml", "B.xml", "C.xml", "scenario.json"])
        let path = folder.appendingPathComponent("scenario.json").path
        let run = runCLI(["network", "simulate", path])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("B.xml:8:7: warning: 20 messages for queue://route.mismatch stranded on B: messageTTL 1 of connector 'b_c'"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("[stranded-messages]\n"))
        #expect(runCLI(["network", "simulate", "--fail-on", "warning", path]).exitCode == 1)
        let json = runCLI(["network", "simulate", "--format", "json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        #expect((object["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["stranded-messages"])
        // The project's settings apply: off, or another severity.
        try Data(#"{"disable": ["stranded-messages"]}"#.utf8).write(to: folder.appendingPathComponent(".activemq-config.json"))
        #expect(runCLI(["network", "simulate", "--fail-on", "info", path]).stderr.isEmpty)
        try Data(#"{"severity": {"stranded-messages": "error"}}"#.utf8).write(to: folder.appendingPathComponent(".activemq-config.json"))
        #expect(runCLI(["network", "simulate", path]).exitCode == 1)
    }

    @Test("A suppression comment before the element a finding points at silences it (lint does not call it unused); a baseline holds the accepted ones")
    func suppressionsAndBaselines() throws {
        let folder = try Self.copy("ttl-mismatch", ["A.xml", "B.xml", "C.xml", "scenario.json"])
        let path = folder.appendingPathComponent("scenario.json").path
        // A baseline first: written, then it hides what it holds.
        let baseline = folder.appendingPathComponent("baseline.json").path
        #expect(runCLI(["network", "simulate", "--write-baseline", baseline, path]).stderr.contains("[stranded-messages]"))
        let accepted = runCLI(["network", "simulate", "--baseline", baseline, "--fail-on", "info", path])
        #expect(accepted.exitCode == 0 && accepted.stderr.isEmpty, "\(accepted.stderr)")
        // A suppression comment before the connector the finding points at.
        let b = folder.appendingPathComponent("B.xml")
        let text = try String(contentsOf: b, encoding: .utf8)
        try text.replacingOccurrences(of: "      <networkConnector name=\"b_c\"", with: "      <!-- activemq-config-disable stranded-messages -->\n      <networkConnector name=\"b_c\"")
            .write(to: b, atomically: true, encoding: .utf8)
        let suppressed = runCLI(["network", "simulate", "--fail-on", "info", path])
        #expect(suppressed.exitCode == 0 && suppressed.stderr.isEmpty, "\(suppressed.stderr)")
        #expect(!runCLI(["lint", b.path]).stdoutText.contains("unused-suppression"))
        // Another rule's suppression does not silence it.
        try text.replacingOccurrences(of: "      <networkConnector name=\"b_c\"", with: "      <!-- activemq-config-disable duplicate-deliveries -->\n      <networkConnector name=\"b_c\"")
            .write(to: b, atomically: true, encoding: .utf8)
        #expect(runCLI(["network", "simulate", path]).stderr.contains("[stranded-messages]"))
    }

    @Test("A scenario that cannot be read exits 2 at the place of the mistake")
    func unreadable() throws {
        let path = try Paths.temporaryFile(#"{"engineVersion": "5.17.2", "brokers": [{"name": "A", "config": "A.xml"}], "stps": []}"#, name: "scenario.json")
        let run = runCLI(["network", "simulate", path])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("\(path):1:76: error: unknown key 'stps' in a scenario (did you mean 'steps'?)"), "\(run.stderr)")
        let missing = runCLI(["network", "simulate", "/nonexistent/scenario.json"])
        #expect(missing.exitCode == 2)
    }

    /// The `network simulate` blocks of the guide, as (relative scenario path, output).
    static func guideBlocks() throws -> [(scenario: String, output: String)] {
        let guide = try String(contentsOf: Paths.repository.appendingPathComponent("Docs/why-didnt-my-message-arrive.md"), encoding: .utf8)
        let prompt = "$ activemq-config network simulate "
        return guide.components(separatedBy: "```console\n").dropFirst().compactMap { block in
            guard let end = block.range(of: "```") else { return nil }
            let body = block[..<end.lowerBound]
            guard body.hasPrefix(prompt), let newline = body.firstIndex(of: "\n") else { return nil }
            return (String(body[body.index(body.startIndex, offsetBy: prompt.count)..<newline]), String(body[body.index(after: newline)...]))
        }
    }

    @Test("Every output in the guide \"Why didn't my message arrive?\" is the tool's own")
    func guide() throws {
        let blocks = try Self.guideBlocks()
        #expect(blocks.count >= 12)
        for block in blocks {
            let run = runCLI(["network", "simulate", Paths.repository.appendingPathComponent(block.scenario).path])
            #expect(run.exitCode == 0, "\(block.scenario): \(run.stderr)")
            let output = run.stdoutText.replacingOccurrences(of: Paths.repository.path + "/", with: "")
            #expect(output == block.output, "\(block.scenario)")
        }
    }
}
