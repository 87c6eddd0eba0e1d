import Foundation
import Testing

@Suite("activemq-config lint, rules, explain, validate")
struct LintCommandTests {
    static let secret = "Sup3r-S3cret-Lint"
    static let leaky = """
        <broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">
          <plugins>
            <simpleAuthenticationPlugin>
              <users><authenticationUser username="admin" password="\(secret)" groups="admins"/></users>
            </simpleAuthenticationPlugin>
          </plugins>
          <networkConnectors>
            <networkConnector name="a" userName="u" password="\(secret)"
                              uri="static:(ssl://u:\(secret)@h:61617?password=\(secret),ssl://h2:61617?trustStorePassword=\(secret))?password=\(secret)"/>
            <networkConnector name="b" userName="u" uri="static:(ssl://u:\(secret) @h:61617)"/>
          </networkConnectors>
          <transportConnectors>
            <transportConnector name="t" uri="ssl://0.0.0.0:61617?transport.keyStorePassword=\(secret)"/>
          </transportConnectors>
        </broker>
        """

    @Test("The secret is in no output of any format, nor on standard error", arguments: ["text", "json", "sarif", "github"])
    func secretsInNoFormat(_ format: String) throws {
        let path = try Paths.temporaryFile(Self.leaky)
        for profile in ["activemq", "amazon-mq"] {
            let run = runCLI(["lint", "--format", format, "--profile", profile, path])
            #expect(run.exitCode == 1)
            #expect(run.stdoutText.contains("embedded-password"))
            #expect(!run.stdoutText.contains(Self.secret))
            #expect(!run.stderr.contains(Self.secret))
        }
    }

    @Test("text: FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE] and a summary on stderr; exit codes and --fail-on")
    func text() throws {
        let path = try Paths.temporaryFile("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n    <networkConnector name=\"a\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n")
        let run = runCLI(["lint", path])
        #expect(run.exitCode == 0)
        #expect(run.stdoutText == "\(path):3:5: warning: network connector 'a' has no userName [missing-username]\n")
        #expect(run.stderr == "1 file checked: 0 error(s), 1 warning(s), 0 info\n")
        #expect(runCLI(["lint", "--fail-on", "warning", path]).exitCode == 1)
        #expect(runCLI(["lint", "--fail-on", "warning", "--disable", "missing-username", path]).exitCode == 0)
        #expect(runCLI(["lint", "--profile", "amazon-mq", path]).exitCode == 1)
        #expect(runCLI(["lint", "-"], stdin: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>".utf8)).exitCode == 0)
        #expect(runCLI(["lint", "--disable", "no-such-rule", path]).exitCode == 2)
        #expect(runCLI(["lint", "--enable", "no-such-rule", path]).exitCode == 2)
        // --enable turns a disabled rule back on (flags after config), without changing its severity.
        #expect(runCLI(["lint", "--fail-on", "warning", "--disable", "missing-username", "--enable", "missing-username", path]).exitCode == 1)
        #expect(runCLI(["lint", "--engine-version", "6.0", path]).exitCode == 0)  // ActiveMQ 6.0
        #expect(runCLI(["lint", "--engine-version", "7.0", path]).exitCode == 2)
        #expect(runCLI(["lint", "--profile", "amazon-mq", "--engine-version", "6.0", path]).exitCode == 2)
        let missing = runCLI(["lint", path, "/nonexistent.xml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("/nonexistent.xml: error: no such file or directory"))
        let malformed = try Paths.temporaryFile("<broker>")
        #expect(runCLI(["lint", malformed]).exitCode == 1)
    }

    @Test("json: the documented shape")
    func json() throws {
        let path = try Paths.temporaryFile(Self.leaky)
        let run = runCLI(["lint", "--format", "json", path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(Set(["file", "line", "column", "severity", "rule", "message"]).isSubset(of: Set(finding.keys)))
            #expect(Set(finding.keys).isSubset(of: ["file", "line", "column", "endLine", "endColumn", "path", "severity", "rule", "message", "notes", "fix"]))
            #expect(["error", "warning", "info"].contains(finding["severity"] as? String ?? ""))
        }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 1)
        #expect((summary["errors"] as? Int ?? 0) > 0)
    }

    @Test("sarif: every property GitHub code scanning requires")
    func sarif() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("conf"), withIntermediateDirectories: true)
        try Data(Self.leaky.utf8).write(to: directory.appendingPathComponent("conf/activemq.xml"))
        let previous = FileManager.default.currentDirectoryPath
        let run: CLIRun
        _ = FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        run = runCLI(["lint", "--format", "sarif", "conf/activemq.xml"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "activemq-config")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["helpUri"] as? String)?.hasPrefix("https://") == true)
            #expect((rule["help"] as? [String: Any])?["text"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            #expect(rules.contains { $0["id"] as? String == result["ruleId"] as? String })
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: Any])?["text"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "conf/activemq.xml")
            let line = (location["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            #expect(line >= 1)
        }
    }

    @Test("github: workflow annotations")
    func github() throws {
        let path = try Paths.temporaryFile("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n    <networkConnector name=\"a\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n")
        let run = runCLI(["lint", "--format", "github", path])
        #expect(run.stdoutText == "::warning file=\(path),line=3,col=5,title=missing-username::network connector 'a' has no userName\n")
    }

    @Test("rules lists every rule; explain prints a page; unknown rules are usage errors")
    func rulesAndExplain() {
        let rules = runCLI(["rules"])
        #expect(rules.exitCode == 0)
        #expect(rules.stdoutText.contains("embedded-password               error     error"))
        #expect(rules.stdoutText.contains("insecure-transport              off       error"))
        let explain = runCLI(["explain", "masterslave-arity"])
        #expect(explain.exitCode == 0 && explain.stdoutText.hasPrefix("# `masterslave-arity`"))
        let unknown = runCLI(["explain", "masterslave-arty"])
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("did you mean 'masterslave-arity'?"))
    }

    @Test("An opt-in rule (replay-missing) says nothing until --enable turns it on, as info")
    func optIn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("optin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: Paths.fixture("fix/replay-missing/in"))
        let paths = try ["East.xml", "West.xml"].map { name in
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            return folder.appendingPathComponent(name).path
        }
        let off = runCLI(["lint"] + paths)
        #expect(off.exitCode == 0 && off.stdout.isEmpty, "\(off.stdoutText)")
        let on = runCLI(["lint", "--enable", "replay-missing", "--fail-on", "info"] + paths)
        #expect(on.exitCode == 1)
        #expect(on.stdoutText.contains("East.xml:3:1: info: East forwards to West, which can forward back"), "\(on.stdoutText)")
        #expect(on.stdoutText.contains("West.xml:2:1: info: West forwards to East"))
        // A severity in .activemq-config.json turns it on too.
        try Data(#"{"severity": {"replay-missing": "warning"}}"#.utf8).write(to: folder.appendingPathComponent(".activemq-config.json"))
        #expect(runCLI(["lint"] + paths).stdoutText.contains("warning: East forwards to West"))
    }
}

