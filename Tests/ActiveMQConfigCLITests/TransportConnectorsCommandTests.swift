import Foundation
import Testing

/// Transport connectors: add, set and remove with minimal diffs, judged by lint's rules.
@Suite("activemq-config transport-connectors")
struct TransportConnectorsCommandTests {
    static let config = """
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">
          <transportConnectors>
            <transportConnector name="openwire" uri="tcp://0.0.0.0:61616"/>
          </transportConnectors>
        </broker>

        """

    @Test("add, set and remove round-trip with minimal diffs and lint clean")
    func roundTrip() throws {
        let path = try Paths.temporaryFile(Self.config)
        let add = runCLI(["transport-connectors", "add", path, "--name", "ssl", "--uri", "ssl://0.0.0.0:61617?maximumConnections=1000", "--in-place"])
        #expect(add.exitCode == 0, "\(add.stderr)")
        let added = try String(contentsOfFile: path, encoding: .utf8)
        #expect(added == Self.config.replacingOccurrences(of: "    <transportConnector name=\"openwire\" uri=\"tcp://0.0.0.0:61616\"/>\n",
                                                         with: "    <transportConnector name=\"openwire\" uri=\"tcp://0.0.0.0:61616\"/>\n    <transportConnector name=\"ssl\" uri=\"ssl://0.0.0.0:61617?maximumConnections=1000\"/>\n"))
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 0)
        #expect(runCLI(["transport-connectors", "set", path, "--name", "ssl", "--update-cluster-clients", "--in-place"]).exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<transportConnector name=\"ssl\" uri=\"ssl://0.0.0.0:61617?maximumConnections=1000\" updateClusterClients=\"true\"/>"))
        #expect(runCLI(["transport-connectors", "remove", path, "--name", "ssl", "--in-place"]).exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config)
        let list = runCLI(["transport-connectors", "list", path])
        #expect(list.stdoutText == "\(path):3:5: transport openwire tcp://0.0.0.0:61616 broker=b\n")
    }

    @Test("Refused: a clashing address, a literal password in the URI (never printed), and on Amazon MQ anything but openwire")
    func refusals() throws {
        let path = try Paths.temporaryFile(Self.config)
        let clash = runCLI(["transport-connectors", "add", path, "--name", "nio", "--uri", "nio://0.0.0.0:61616"])
        #expect(clash.exitCode == 1 && clash.stderr.contains("[duplicate-transport-address]"))
        let secret = runCLI(["transport-connectors", "add", path, "--name", "ssl", "--uri", "ssl://0.0.0.0:61617?transport.keyStorePassword=Tr4nsport-S3cret"])
        #expect(secret.exitCode == 1 && secret.stderr.contains("error: ") && secret.stderr.contains("[plaintext-secret]"))
        #expect(!secret.stderr.contains("Tr4nsport-S3cret"))
        let amazon = try Paths.temporaryFile("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n</broker>\n")
        let ok = runCLI(["transport-connectors", "add", amazon, "--name", "openwire", "--rebalance-cluster-clients", "--target", "amazon-mq"])
        #expect(ok.exitCode == 0 && ok.stdoutText.contains("<transportConnector name=\"openwire\" rebalanceClusterClients=\"true\"/>"))
        let stomp = runCLI(["transport-connectors", "add", amazon, "--name", "stomp", "--target", "amazon-mq"])
        #expect(stomp.exitCode == 1 && stomp.stderr.contains("[invalid-value]"))
        let withURI = runCLI(["transport-connectors", "add", amazon, "--name", "openwire", "--uri", "ssl://0.0.0.0:61617", "--target", "amazon-mq"])
        #expect(withURI.exitCode == 1 && withURI.stderr.contains("DISALLOWED_ATTRIBUTE_REMOVED"))
        #expect(runCLI(["transport-connectors", "set", path, "--name", "openwire"]).exitCode == 2)
        let missing = runCLI(["transport-connectors", "remove", path, "--name", "nope"])
        #expect(missing.exitCode == 1 && missing.stderr.contains("no transport connector named 'nope' [no-such-connector]"))
        let unnamed = runCLI(["transport-connectors", "set", path, "--name", "openwire", "--new-name", ""])
        #expect(unnamed.exitCode == 1 && unnamed.stderr.contains("[invalid-name]"))
    }

    @Test("An option the transport ignores is a warning naming the spelling that works; lint --fix --unsafe-fixes writes it")
    func ignoredOption() throws {
        let path = try Paths.temporaryFile(Self.config)
        let add = runCLI(["transport-connectors", "add", path, "--name", "nio", "--uri", "nio://0.0.0.0:61618?maximumConection=500&tcpNoDelay=true", "--in-place"])
        #expect(add.exitCode == 0)
        #expect(add.stderr.contains("did you mean 'maximumConnections'?") && add.stderr.contains("only as 'transport.tcpNoDelay'"), "\(add.stderr)")
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 1)
        #expect(runCLI(["lint", "--fix", "--unsafe-fixes", path]).exitCode == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("uri=\"nio://0.0.0.0:61618?maximumConnections=500&amp;transport.tcpNoDelay=true\""))
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 0)
    }
}
