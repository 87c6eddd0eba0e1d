import Foundation
import Testing

/// `connectors set` edits the destination filters of an existing connector.
@Suite("activemq-config connectors set: destination filters")
struct ConnectorFiltersCommandTests {
    static let config = """
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">
            <networkConnectors>
                <networkConnector name="n" userName="u" uri="static:(ssl://peer:61617)"/>
            </networkConnectors>
        </broker>

        """

    @Test("--exclude/--include-*, --remove-*, --replace-*: minimal diffs, lint clean, back to the original bytes")
    func roundTrip() throws {
        let path = try Paths.temporaryFile(Self.config, name: "MyBroker1.xml")
        let add = runCLI(["connectors", "set", path, "--name", "n", "--exclude", "topic://ActiveMQ.Advisory.>", "--exclude", "queue://tmp.>",
                          "--include-dynamic", "queue://orders.>", "--in-place"])
        #expect(add.exitCode == 0, "\(add.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config.replacingOccurrences(
            of: "uri=\"static:(ssl://peer:61617)\"/>\n", with: """
                uri="static:(ssl://peer:61617)">
                            <dynamicallyIncludedDestinations>
                                <queue physicalName="orders.>"/>
                            </dynamicallyIncludedDestinations>
                            <excludedDestinations>
                                <topic physicalName="ActiveMQ.Advisory.>"/>
                                <queue physicalName="tmp.>"/>
                            </excludedDestinations>
                        </networkConnector>

                """))
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 0)
        let remove = runCLI(["connectors", "set", path, "--name", "n", "--remove-exclude", "queue://tmp.>", "--in-place"])
        #expect(remove.exitCode == 0, "\(remove.stderr)")
        #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("tmp."))
        let replace = runCLI(["connectors", "set", path, "--name", "n", "--replace-exclude", "--replace-include-dynamic", "--in-place"])
        #expect(replace.exitCode == 0, "\(replace.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config)
    }

    @Test("A destination the list lacks, a malformed one, and a filter that never matches")
    func mistakes() throws {
        let path = try Paths.temporaryFile(Self.config)
        let missing = runCLI(["connectors", "set", path, "--name", "n", "--remove-exclude", "queue://nope"])
        #expect(missing.exitCode == 1 && missing.stderr.contains("<excludedDestinations> has no queue://nope [no-such-destination]"))
        #expect(runCLI(["connectors", "set", path, "--name", "n", "--remove-include-static", "orders"]).exitCode == 2)
        let never = runCLI(["connectors", "set", path, "--name", "n", "--include-dynamic", "queue://a.>.b"])
        #expect(never.exitCode == 0 && never.stderr.contains("[destination-wildcard]"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config)
    }
}
