import Foundation
import Testing

@Suite("activemq-config connectors")
struct ConnectorsCommandTests {
    static let config = """
        <?xml version="1.0" encoding="UTF-8"?>
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="MyBroker1">
          <networkConnectors>
            <networkConnector name="connector_1_to_2" userName="myCommonUser" duplex="true" uri="static:(ssl://b-2-1.mq.us-east-2.amazonaws.com:61617)"/>
          </networkConnectors>
          <transportConnectors>
            <transportConnector name="openwire" uri="ssl://0.0.0.0:61617?maximumConnections=1000&amp;wireFormat.maxFrameSize=104857600"/>
          </transportConnectors>
        </broker>

        """

    @Test("list: text and JSON with positions")
    func list() throws {
        let path = try Paths.temporaryFile(Self.config)
        let text = runCLI(["connectors", "list", path])
        #expect(text.exitCode == 0)
        #expect(text.stdoutText.split(separator: "\n").first
            == "\(path):4:5: network connector_1_to_2 static:(ssl://b-2-1.mq.us-east-2.amazonaws.com:61617) broker=MyBroker1 userName=myCommonUser duplex=true")
        let json = runCLI(["connectors", "list", "--format", "json", path])
        #expect(json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let connectors = try #require(object["connectors"] as? [[String: Any]])
        #expect(connectors.count == 2)
        #expect(connectors[0]["kind"] as? String == "network")
        #expect(connectors[0]["scheme"] as? String == "static")
        #expect(connectors[0]["members"] as? [String] == ["ssl://b-2-1.mq.us-east-2.amazonaws.com:61617"])
        #expect(connectors[0]["duplex"] as? Bool == true)
        #expect(connectors[0]["line"] as? Int == 4 && connectors[0]["column"] as? Int == 5)
        #expect(connectors[1]["kind"] as? String == "transport")
        #expect(connectors[1]["name"] as? String == "openwire")
        #expect(connectors[1]["uri"] as? String == "ssl://0.0.0.0:61617?maximumConnections=1000&wireFormat.maxFrameSize=104857600")
    }

    @Test("add, set and remove write the edited document to stdout; the file is untouched")
    func editsToStandardOutput() throws {
        let path = try Paths.temporaryFile(Self.config)
        let add = runCLI(["connectors", "add", path, "--name", "connector_1_to_3", "--user", "myCommonUser", "--duplex",
                          "--uri", "masterslave:(ssl://b-3-1.mq.us-east-2.amazonaws.com:61617,ssl://b-3-2.mq.us-east-2.amazonaws.com:61617)",
                          "--target", "amazon-mq"])
        #expect(add.exitCode == 0)
        #expect(add.stdoutText == Self.config.replacingOccurrences(of: "  </networkConnectors>", with: """
                <networkConnector name="connector_1_to_3" userName="myCommonUser" duplex="true" uri="masterslave:(ssl://b-3-1.mq.us-east-2.amazonaws.com:61617,ssl://b-3-2.mq.us-east-2.amazonaws.com:61617)"/>
              </networkConnectors>
            """))
        let set = runCLI(["connectors", "set", path, "--name", "connector_1_to_2", "--no-duplex", "--network-ttl", "2"])
        #expect(set.exitCode == 0)
        #expect(set.stdoutText == Self.config.replacingOccurrences(of: "duplex=\"true\" uri=\"static:(ssl://b-2-1.mq.us-east-2.amazonaws.com:61617)\"",
                                                                  with: "duplex=\"false\" uri=\"static:(ssl://b-2-1.mq.us-east-2.amazonaws.com:61617)\" networkTTL=\"2\""))
        let remove = runCLI(["connectors", "remove", path, "--name", "connector_1_to_2"])
        #expect(remove.exitCode == 0)
        #expect(!remove.stdoutText.contains("networkConnector"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config)
    }

    @Test("--in-place replaces the file atomically and keeps its permissions; -o writes another file")
    func inPlace() throws {
        let path = try Paths.temporaryFile(Self.config)
        chmod(path, 0o640)
        let run = runCLI(["connectors", "set", path, "--name", "connector_1_to_2", "--user", "bridge", "--in-place"])
        #expect(run.exitCode == 0 && run.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("userName=\"bridge\""))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["config.xml"])
        let out = directory + "/out.xml"
        #expect(runCLI(["connectors", "remove", path, "--name", "connector_1_to_2", "-o", out]).exitCode == 0)
        #expect(try !String(contentsOfFile: out, encoding: .utf8).contains("<networkConnector "))
    }

    @Test("Rejected edits exit 1 and leave the file untouched; usage problems exit 2")
    func rejections() throws {
        let path = try Paths.temporaryFile(Self.config)
        let duplicate = runCLI(["connectors", "add", path, "--name", "connector_1_to_2", "--uri", "static:(ssl://h:61617)", "--in-place"])
        #expect(duplicate.exitCode == 1)
        #expect(duplicate.stderr.hasPrefix("\(path):5:5: error: a second network connector named 'connector_1_to_2'; the broker fails to register it in JMX [duplicate-connector-name]\n\(path):4:5: note: the first network connector named 'connector_1_to_2'"))
        let arity = runCLI(["connectors", "set", path, "--name", "connector_1_to_2", "--uri", "masterslave:(ssl://h:61617)", "--in-place"])
        #expect(arity.exitCode == 1)
        #expect(arity.stderr.contains("masterslave: needs at least two members"))
        let amazon = runCLI(["connectors", "add", path, "--name", "x", "--uri", "static:(tcp://h:61616)", "--user", "u", "--target", "amazon-mq"])
        #expect(amazon.exitCode == 1)
        #expect(amazon.stderr.contains("Amazon MQ accepts ssl:// only"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.config)
        #expect(runCLI(["connectors", "remove", path, "--name", "nope"]).exitCode == 1)
        #expect(runCLI(["connectors", "add", path, "--name", "x"]).exitCode == 2)
        #expect(runCLI(["connectors", "add", "-", "--name", "x", "--uri", "static:(tcp://h:1)", "--in-place"], stdin: Array(Self.config.utf8)).exitCode == 2)
        let two = try Paths.temporaryFile("""
            <beans xmlns="http://www.springframework.org/schema/beans">
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="a"/>
              <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b"/>
            </beans>
            """)
        let ambiguous = runCLI(["connectors", "add", two, "--name", "x", "--uri", "static:(tcp://h:1)"])
        #expect(ambiguous.exitCode == 2)
        #expect(ambiguous.stderr.contains("choose one with --broker NAME"))
        let chosen = runCLI(["connectors", "add", two, "--broker", "b", "--name", "x", "--uri", "static:(tcp://h:1)"])
        #expect(chosen.exitCode == 0)
        #expect(chosen.stdoutText.contains("brokerName=\"b\">\n    <networkConnectors>"))
    }

    static let secret = "Sup3r-S3cret-Passw0rd"

    @Test("A secret reaches no output and no error, whatever the road")
    func secretsNeverPrinted() throws {
        let leaky = Self.config.replacingOccurrences(
            of: "uri=\"static:(ssl://b-2-1.mq.us-east-2.amazonaws.com:61617)\"",
            with: "password=\"\(Self.secret)\" uri=\"static:(ssl://u:\(Self.secret)@b-2-1.mq.us-east-2.amazonaws.com:61617?password=\(Self.secret))\"")
        let path = try Paths.temporaryFile(leaky)
        var outputs: [CLIRun] = [
            runCLI(["connectors", "list", path]),
            runCLI(["connectors", "list", "--format", "json", path]),
            runCLI(["connectors", "add", path, "--name", "n2", "--uri", "static:(ssl://u:\(Self.secret)@h:61617)"]),
            runCLI(["connectors", "add", path, "--name", "n3", "--uri", "static:(ssl://h:61617?password=\(Self.secret))"]),
            runCLI(["connectors", "add", path, "--name", "n4", "--uri", "static:(ssl://h:61617)?trustStorePassword=\(Self.secret)"]),
            runCLI(["connectors", "add", path, "--name", "n5", "--uri", "static:(ssl://h:61617)", "--password", Self.secret]),
            runCLI(["connectors", "add", path, "--name", "n6", "--uri", "static:(ssl://h:61617)", "--password=\(Self.secret)"]),
            runCLI(["connectors", "set", path, "--name", "connector_1_to_2", "--uri", "static:(ssl://u:\(Self.secret)@h:61617)"]),
            runCLI(["connectors", "add", path, "--name", "n7", "--uri", "static:(ssl://u:\(Self.secret) @h:61617)"]),
        ]
        let malformed = try Paths.temporaryFile(leaky.replacingOccurrences(of: "</broker>", with: "</brokr>"))
        outputs.append(runCLI(["connectors", "list", malformed]))
        outputs.append(runCLI(["roundtrip", malformed]))
        for (i, run) in outputs.enumerated() {
            #expect(!run.stderr.contains(Self.secret), "stderr of run \(i)")
            #expect(!run.stdoutText.contains(Self.secret), "stdout of run \(i)")
        }
        // The listing shows where secrets are masked.
        #expect(outputs[0].stdoutText.contains("ssl://u:***@b-2-1.mq.us-east-2.amazonaws.com:61617?password=***"))
        for i in 2...8 { #expect(outputs[i].exitCode != 0, "run \(i) must be refused") }
        #expect(outputs[5].stderr.contains("use --password-placeholder VAR"))
    }

    @Test("A password placeholder is the only password the tool writes")
    func passwordPlaceholder() throws {
        let path = try Paths.temporaryFile(Self.config)
        let run = runCLI(["connectors", "add", path, "--name", "n", "--uri", "static:(tcp://127.0.0.1:61617)", "--user", "bridge",
                          "--password-placeholder", "AMQ_BRIDGE_PASSWORD"])
        #expect(run.exitCode == 0)
        #expect(run.stdoutText.contains("<networkConnector name=\"n\" userName=\"bridge\" password=\"${AMQ_BRIDGE_PASSWORD}\" uri=\"static:(tcp://127.0.0.1:61617)\"/>"))
        let amazon = runCLI(["connectors", "add", path, "--name", "n", "--uri", "static:(ssl://h:61617)", "--user", "bridge",
                             "--password-placeholder", "P", "--target", "amazon-mq"])
        #expect(amazon.exitCode == 1)
    }
}

@Suite("connectors list over the corpus")
struct ConnectorsListCorpusTests {
    static let corpus = Paths.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static let files: [String] = ["activemq", "wild"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? [])
            .filter { !$0.hasSuffix(".tsv") && !$0.hasSuffix(".erb") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test("Every network connector of every well-formed corpus file is listed, none with an error",
          .enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared is absent"), arguments: files)
    func list(_ relative: String) throws {
        let path = Self.corpus.appendingPathComponent(relative).path
        let run = runCLI(["connectors", "list", "--format", "json", path])
        #expect(run.exitCode == 0)
        #expect(run.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let rows = try #require(object["connectors"] as? [[String: Any]])
        let source = try String(contentsOfFile: path, encoding: .utf8)
        // Independent count: start tags of network connectors outside comments.
        let uncommented = source.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
        let expected = try NSRegularExpression(pattern: "<(amq:)?networkConnector[\\s/>]")
            .numberOfMatches(in: uncommented, range: NSRange(uncommented.startIndex..., in: uncommented))
        let network = rows.filter { $0["kind"] as? String == "network" }
        #expect(network.count == expected)
        #expect(network.allSatisfy { $0["uriError"] == nil })
    }
}
