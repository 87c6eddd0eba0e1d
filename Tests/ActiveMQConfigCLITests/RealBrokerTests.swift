import Foundation
import Testing

/// Generated networks proven on real ActiveMQ brokers (Scripts/real-broker-scenarios). Under
/// CI=true they always run, so a missing broker is a failure; elsewhere they are skipped, with the
/// reason, when ActiveMQ is not installed.
@Suite("Real ActiveMQ brokers", .serialized)
struct RealBrokerTests {
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static let activeMQInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dpkg", "-s", "activemq"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    @Test("A generated network carries messages between real brokers",
          .enabled(if: activeMQInstalled || isCI, "ActiveMQ is not installed (apt-get install activemq); CI runs these"),
          .timeLimit(.minutes(4)),
          arguments: ["tutorial", "hub-and-spokes", "masterslave"])
    func scenario(_ name: String) throws {
        let (status, log) = try Self.runScript("real-broker-scenarios", [name])
        #expect(status == 0, "\(log)")
        #expect(log.contains("\(name) OK"), "\(log)")
    }

    /// Runs one of `Scripts/` with this build's binary as `ACTIVEMQ_CONFIG`; its exit status and
    /// its output (standard output and error together), which is also printed.
    static func runScript(_ script: String, _ arguments: [String]) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = Paths.repository.appendingPathComponent("Scripts/\(script)")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["ACTIVEMQ_CONFIG"] = Paths.binary.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(log, terminator: "")
        return (process.terminationStatus, log)
    }

    /// The routing scenarios of Fixtures/scenarios, in the groups Scripts/play-scenario plays on one
    /// set of brokers (those that can share JVM start-ups), each group as its scenarios' names.
    static let scenarioGroups: [[String]] = {
        let folder = Paths.fixture("scenarios")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let process = Process()
        process.executableURL = Paths.repository.appendingPathComponent("Scripts/play-scenario")
        process.arguments = ["--groups"] + names.map { "\(folder)/\($0)/scenario.json" }
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return names.map { [$0] } }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let groups = try? JSONSerialization.jsonObject(with: data) as? [[String]] else { return names.map { [$0] } }
        return groups.map { $0.map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent } }
    }()

    @Test("Real brokers do what each routing scenario's expect says (the model's prediction agrees: ScenarioTests)",
          .enabled(if: activeMQInstalled || isCI, "ActiveMQ is not installed (apt-get install activemq); CI runs these"),
          .timeLimit(.minutes(5)),
          arguments: scenarioGroups)
    func routingScenarios(_ group: [String]) throws {
        let (status, log) = try Self.runScript("play-scenario", group.map { Paths.fixture("scenarios/\($0)/scenario.json") })
        #expect(status == 0, "\(log)")
        for name in group {
            #expect(log.contains("scenarios/\(name)/scenario.json: agrees"), "\(name): \(log)")
        }
    }

    @Test("Every routing scenario is played in exactly one group, and some groups share brokers")
    func scenarioGroupsCoverEveryScenario() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("scenarios")).sorted()
        #expect(Self.scenarioGroups.flatMap { $0 }.sorted() == names)
        #expect(Self.scenarioGroups.contains { $0.count > 1 })
    }
}
