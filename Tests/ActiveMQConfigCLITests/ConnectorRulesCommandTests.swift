import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The edit commands run lint's rules on what they are about to write, read the project's
/// settings, and address connectors the way ActiveMQ names them.
@Suite("activemq-config connectors: one judge of validity")
struct ConnectorRulesCommandTests {
    static let empty = "<broker xmlns=\"http://activemq.apache.org/schema/core\">\n</broker>\n"
    static func amazon(_ broker: String, _ instance: Int) -> String { "ssl://b-\(broker)-\(instance).mq.us-east-2.amazonaws.com:61617" }

    @Test("connectors add --target amazon-mq refuses the issue's cases with the rule's id, writing nothing", arguments: [
        ("static:(\(amazon("1234", 1)),\(amazon("1234", 2)))", "static-should-be-masterslave"),
        ("masterslave:(\(amazon("1234", 1)),\(amazon("9876", 2)))", "masterslave-mixed-brokers"),
        ("masterslave:(\(amazon("1234", 1)),\(amazon("1234", 2)),\(amazon("1234", 3)))", "masterslave-arity"),
        ("masterslave:(\(amazon("1234", 1)),\(amazon("1234", 1)))", "masterslave-duplicate-member"),
    ])
    func amazonCases(_ uri: String, _ rule: String) throws {
        let path = try Paths.temporaryFile(Self.empty)
        let run = runCLI(["connectors", "add", path, "--name", "connector_1_to_2", "--user", "myCommonUser", "--duplex",
                          "--uri", uri, "--target", "amazon-mq", "--in-place"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("error: ") && run.stderr.contains("[\(rule)]"), "\(run.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.empty)
    }

    @Test("networkTTL 0 is refused on both targets; -5 goes through with a warning; -1 is quiet")
    func ttl() throws {
        let path = try Paths.temporaryFile(Self.empty)
        for target in ["activemq", "amazon-mq"] {
            let zero = runCLI(["connectors", "add", path, "--name", "n", "--user", "u", "--uri", "static:(\(Self.amazon("1", 1)))",
                               "--network-ttl", "0", "--target", target])
            #expect(zero.exitCode == 1 && zero.stderr.contains("[zero-ttl]"))
            let negative = runCLI(["connectors", "add", path, "--name", "n", "--user", "u", "--uri", "static:(\(Self.amazon("1", 1)))",
                                   "--network-ttl", "-5", "--target", target])
            #expect(negative.exitCode == 0 && negative.stderr.contains("warning: ") && negative.stderr.contains("[negative-ttl]"))
            #expect(negative.stdoutText.contains("networkTTL=\"-5\""))
            let unlimited = runCLI(["connectors", "add", path, "--name", "n", "--user", "u", "--uri", "static:(\(Self.amazon("1", 1)))",
                                    "--network-ttl", "-1", "--target", target])
            #expect(unlimited.exitCode == 0 && unlimited.stderr.isEmpty)
        }
    }

    @Test("The edit commands read .activemq-config.json as lint does; --target wins")
    func projectSettings() throws {
        let path = try Paths.temporaryFile(Self.empty)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try Data(#"{"profile": "amazon-mq", "severity": {"negative-ttl": "off"}}"#.utf8).write(to: folder.appendingPathComponent(".activemq-config.json"))
        let tcp = ["connectors", "add", path, "--name", "n", "--user", "u", "--uri", "static:(tcp://b-1-1.mq.us-east-2.amazonaws.com:61617)"]
        let refused = runCLI(tcp)
        #expect(refused.exitCode == 1 && refused.stderr.contains("[insecure-transport]"))
        #expect(runCLI(tcp + ["--target", "activemq"]).exitCode == 0)
        let quiet = runCLI(["connectors", "add", path, "--name", "n", "--user", "u", "--uri", "static:(\(Self.amazon("1", 1)))", "--network-ttl", "-3"])
        #expect(quiet.exitCode == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        try Data(#"{"disable": ["embedded-password"]}"#.utf8).write(to: folder.appendingPathComponent(".activemq-config.json"))
        let secret = runCLI(["connectors", "add", path, "--name", "n", "--uri", "static:(ssl://u:hunter2@h:61617)"])
        #expect(secret.exitCode == 1 && secret.stderr.contains("[embedded-password]") && !secret.stderr.contains("hunter2"))
    }

    static let unnamed = """
        <broker xmlns="http://activemq.apache.org/schema/core">
          <networkConnectors>
            <networkConnector userName="u" uri="static:(tcp://a:61616)"/>
            <networkConnector name="${nc.name}" userName="u" uri="static:(tcp://b:61616)"/>
          </networkConnectors>
        </broker>

        """

    @Test("An unnamed connector is NC; a placeholder name matches as written; list shows both names")
    func naming() throws {
        let path = try Paths.temporaryFile(Self.unnamed)
        let set = runCLI(["connectors", "set", path, "--name", "NC", "--network-ttl", "2"])
        #expect(set.exitCode == 0)
        #expect(set.stdoutText.contains("<networkConnector userName=\"u\" uri=\"static:(tcp://a:61616)\" networkTTL=\"2\"/>"))
        let placeholder = runCLI(["connectors", "set", path, "--name", "${nc.name}", "--no-duplex"])
        #expect(placeholder.exitCode == 0 && placeholder.stdoutText.contains("name=\"${nc.name}\" userName=\"u\" uri=\"static:(tcp://b:61616)\" duplex=\"false\""))
        let remove = runCLI(["connectors", "remove", path, "--name", "NC"])
        #expect(remove.exitCode == 0 && !remove.stdoutText.contains("tcp://a:61616"))
        let duplicate = runCLI(["connectors", "add", path, "--name", "NC", "--user", "u", "--uri", "static:(tcp://c:61616)"])
        #expect(duplicate.exitCode == 1 && duplicate.stderr.contains("[duplicate-connector-name]"))
        #expect(duplicate.stderr.contains("note: the first network connector named 'NC'"))
        let list = runCLI(["connectors", "list", path, "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout)) as? [String: Any])
        let rows = try #require(json["connectors"] as? [[String: Any]])
        #expect(rows[0]["name"] is NSNull && rows[0]["effectiveName"] as? String == "NC")
        #expect(rows[1]["name"] as? String == "${nc.name}" && rows[1]["effectiveName"] as? String == "${nc.name}")
    }

    @Test("Several connectors named NC: exit 2, listing their lines")
    func ambiguous() throws {
        let path = try Paths.temporaryFile(Self.unnamed.replacingOccurrences(of: "${nc.name}", with: "NC"))
        let run = runCLI(["connectors", "set", path, "--name", "NC", "--network-ttl", "2"])
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("2 network connectors are named 'NC' (lines 3, 4)"), "\(run.stderr)")
    }

    @Test("set: nothing to change is a usage error; unchanged values say so; a rename warns")
    func setEdges() throws {
        let path = try Paths.temporaryFile(Self.unnamed)
        let nothing = runCLI(["connectors", "set", path, "--name", "NC"])
        #expect(nothing.exitCode == 2 && nothing.stderr.contains("nothing to change"))
        let same = runCLI(["connectors", "set", path, "--name", "NC", "--user", "u"])
        #expect(same.exitCode == 0 && same.stderr.contains("nothing changed") && same.stdoutText == Self.unnamed)
        let rename = runCLI(["connectors", "set", path, "--name", "NC", "--new-name", "connector_1_to_2"])
        #expect(rename.exitCode == 0 && rename.stderr.contains("restarts its bridge") && rename.stdoutText.contains("name=\"connector_1_to_2\""))
    }

    @Test("--diff prints a unified diff with secrets redacted and writes nothing")
    func diff() throws {
        let text = """
            <broker xmlns="http://activemq.apache.org/schema/core">
              <plugins><simpleAuthenticationPlugin><users><authenticationUser username="u" password="s3cret-value" groups="g"/></users></simpleAuthenticationPlugin></plugins>
              <networkConnectors>
                <networkConnector name="a" userName="u" uri="static:(tcp://a:61616)"/>
              </networkConnectors>
            </broker>

            """
        let path = try Paths.temporaryFile(text)
        let run = runCLI(["connectors", "set", path, "--name", "a", "--network-ttl", "2", "--diff"])
        #expect(run.exitCode == 0)
        #expect(run.stdoutText.hasPrefix("--- a/\(path)\n+++ b/\(path)\n@@ -1,6 +1,6 @@\n"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("-    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://a:61616)\"/>\n"))
        #expect(run.stdoutText.contains("+    <networkConnector name=\"a\" userName=\"u\" uri=\"static:(tcp://a:61616)\" networkTTL=\"2\"/>\n"))
        #expect(!run.stdoutText.contains("s3cret-value") && run.stdoutText.contains("password=\"***\""))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test("--in-place refuses a file whose mode denies its owner write, unless --force")
    func readOnly() throws {
        let path = try Paths.temporaryFile(Self.unnamed)
        chmod(path, 0o444)
        let refused = runCLI(["connectors", "set", path, "--name", "NC", "--network-ttl", "2", "--in-place"])
        #expect(refused.exitCode == 2 && refused.stderr.contains("\(path): error: the file is read-only (mode 0444)"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.unnamed)
        let forced = runCLI(["connectors", "set", path, "--name", "NC", "--network-ttl", "2", "--in-place", "--force"])
        #expect(forced.exitCode == 0)
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o444, "permissions are kept")
    }

    @Test("As a user who may not write: a read-only file, and a folder that is not writable, are named",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser"), "needs root to switch to nobody"))
    func asNonRoot() throws {
        let path = try Paths.temporaryFileForOtherUsers(Self.unnamed)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // Run from a copy any user can reach, wherever the checkout sits (a clone in a 0700 home).
        let binary = try Paths.binaryForOtherUsers()
        #expect(Paths.traversableByOthers(binary) && Paths.traversableByOthers(path))
        chown(path, 65534, 65534)
        chmod(path, 0o644)
        func runAsNobody(_ arguments: [String]) throws -> CLIRun {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--", binary] + arguments
            let error = Pipe()
            process.standardError = error
            process.standardOutput = Pipe()
            try process.run()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return CLIRun(exitCode: process.terminationStatus, stdout: [], stderr: String(decoding: err, as: UTF8.self))
        }
        let folderRun = try runAsNobody(["connectors", "set", path, "--name", "NC", "--network-ttl", "2", "--in-place"])
        #expect(folderRun.exitCode == 2 && folderRun.stderr.contains("in folder \(folder)"), "\(folderRun.stderr)")
        chmod(path, 0o444)
        let fileRun = try runAsNobody(["connectors", "set", path, "--name", "NC", "--network-ttl", "2", "--in-place"])
        #expect(fileRun.exitCode == 2 && fileRun.stderr.contains("read-only"), "\(fileRun.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.unnamed)
    }
}

@Suite("activemq-config connectors render")
struct RenderCommandTests {
    @Test("render prints the connector in the asked style; a refused one exits 1 with the rule's id")
    func render() {
        let run = runCLI(["connectors", "render", "--name", "connector_1_to_2", "--user", "myCommonUser", "--duplex", "--target", "amazon-mq",
                          "--uri", "masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1-2.mq.us-east-2.amazonaws.com:61617)"])
        #expect(run.exitCode == 0)
        #expect(run.stdoutText == "<networkConnectors>\n  <networkConnector name=\"connector_1_to_2\" userName=\"myCommonUser\" duplex=\"true\" uri=\"masterslave:(ssl://b-1-1.mq.us-east-2.amazonaws.com:61617,ssl://b-1-2.mq.us-east-2.amazonaws.com:61617)\"/>\n</networkConnectors>\n")
        let bare = runCLI(["connectors", "render", "--name", "n", "--user", "u", "--uri", "static:(tcp://h:61616)", "--no-wrap", "--quote", "single", "--indent", "tab"])
        #expect(bare.stdoutText == "<networkConnector name='n' userName='u' uri='static:(tcp://h:61616)'/>\n")
        let refused = runCLI(["connectors", "render", "--name", "n", "--uri", "static:(tcp://h:61616)", "--target", "amazon-mq"])
        #expect(refused.exitCode == 1 && refused.stderr.contains("[missing-username]") && refused.stdout.isEmpty)
    }
}
