import Foundation
import Testing

/// `activemq-config network explain`: the verdict, the paths, the reasons at their settings, and
/// the documented exit codes.
@Suite("activemq-config network explain")
struct NetworkExplainTests {
    static func files(_ scenario: String, _ names: [String]) -> [String] {
        names.map { Paths.fixture("scenarios/\(scenario)/\($0)") }
    }

    @Test("Arrives: exit 0 with the path; does not: exit 1, with the TTL that stops the demand, at its line")
    func verdicts() throws {
        let arrives = runCLI(["network", "explain"] + Self.files("chain-ttl-2", ["A.xml", "B.xml", "C.xml"])
            + ["--destination", "queue://Q", "--from", "A", "--to", "C", "--count", "20"])
        #expect(arrives.exitCode == 0, "\(arrives.stderr)")
        #expect(arrives.stdoutText == "queue://Q from A to C: arrives (20 of 20)\n  path A → B → C: 20\n")
        let stopped = runCLI(["network", "explain"] + Self.files("chain-default-ttl", ["A.xml", "B.xml", "C.xml"])
            + ["--destination", "queue://Q", "--from", "A", "--to", "C"])
        #expect(stopped.exitCode == 1)
        #expect(stopped.stdoutText.hasPrefix("queue://Q from A to C: does not arrive (0 of 1)\n"))
        #expect(stopped.stdoutText.contains("connector 'a_b' at \(Paths.fixture("scenarios/chain-default-ttl/A.xml")):8 has consumerTTL 1"), "\(stopped.stdoutText)")
        let oneWay = runCLI(["network", "explain"] + Self.files("one-way", ["A.xml", "B.xml"]) + ["--destination", "queue://Q", "--from", "B", "--to", "A"])
        #expect(oneWay.exitCode == 1)
        #expect(oneWay.stdoutText.contains("no chain of bridges forwards from B to A"))
        let advisories = runCLI(["network", "explain"] + Self.files("advisories-off", ["A.xml", "B.xml"])
            + ["--destination", "queue://Q", "--from", "A", "--to", "B", "--format", "json"])
        #expect(advisories.exitCode == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(advisories.stdout)) as? [String: Any])
        #expect(object["arrives"] as? Bool == false)
        #expect((object["reasons"] as? [String])?.contains("B has advisorySupport=\"false\": no bridge learns of its consumer") == true)
    }

    @Test("A selector the messages' properties do not satisfy is a reason; with the property, they arrive")
    func selectors() {
        let files = Self.files("chain-ttl-2", ["A.xml", "B.xml", "C.xml"])
        let common = ["network", "explain"] + files + ["--destination", "queue://Q", "--from", "A", "--to", "C", "--selector", "region = 'eu'"]
        let missing = runCLI(common)
        #expect(missing.exitCode == 1)
        #expect(missing.stdoutText.contains("the consumer's selector does not select these messages"))
        #expect(runCLI(common + ["--property", "region=eu"]).exitCode == 0)
    }

    @Test("Usage errors exit 2: an unknown broker, a bad destination, no files")
    func usage() {
        let files = Self.files("one-way", ["A.xml", "B.xml"])
        let unknown = runCLI(["network", "explain"] + files + ["--destination", "queue://Q", "--from", "A", "--to", "X"])
        #expect(unknown.exitCode == 2)
        #expect(unknown.stderr.contains("no broker named 'X' (the brokers: A, B)"))
        #expect(runCLI(["network", "explain"] + files + ["--destination", "Q", "--from", "A", "--to", "B"]).exitCode == 2)
        #expect(runCLI(["network", "explain", "--destination", "queue://Q", "--from", "A", "--to", "B"]).exitCode == 2)
        #expect(runCLI(["network", "explain"] + files + ["/nonexistent.xml", "--destination", "queue://Q", "--from", "A", "--to", "B"]).exitCode == 2)
    }
}
