import Foundation
import Testing

/// What `lint` reads: folders walked recursively, files that hold no broker skipped (even when
/// they are not XML at all), named under --verbose.
@Suite("activemq-config lint: inputs")
struct LintInputsTests {
    @Test("A folder is walked; pom.xml, YAML in .xml and node_modules are skipped; a broken broker file is linted")
    func folder() throws {
        let root = URL(fileURLWithPath: try Paths.temporaryFile("<project/>", name: "pom.xml")).deletingLastPathComponent()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("conf/east"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("node_modules"), withIntermediateDirectories: true)
        try Data("key: value\n".utf8).write(to: root.appendingPathComponent("values.xml"))
        try Data("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n  </networkConnector>\n</broker>\n".utf8)
            .write(to: root.appendingPathComponent("conf/east/MyBroker1.xml"))
        try Data("<broker xmlns=\"http://activemq.apache.org/schema/core\"><plugins/></broker>".utf8)
            .write(to: root.appendingPathComponent("node_modules/ignored.xml"))
        let run = runCLI(["lint", "--verbose", root.path])
        #expect(run.exitCode == 1)
        #expect(run.stdoutText == "\(root.path)/conf/east/MyBroker1.xml:3:22: error: Opening and ending tag mismatch: networkConnectors line 2 and networkConnector [not-well-formed]\n")
        #expect(run.stderr.contains("\(root.path)/pom.xml: skipped: it holds no ActiveMQ <broker> element"))
        #expect(run.stderr.contains("\(root.path)/values.xml: skipped"))
        #expect(!run.stderr.contains("ignored.xml") && !run.stdoutText.contains("ignored.xml"))
        #expect(run.stderr.hasSuffix("1 file checked: 1 error(s), 0 warning(s), 0 info\n"))
        let quiet = runCLI(["lint", root.appendingPathComponent("pom.xml").path, root.appendingPathComponent("values.xml").path])
        #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty && !quiet.stderr.contains("skipped"))
    }

    @Test("In a git work tree, what .gitignore hides is not linted", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func gitIgnored() throws {
        let root = URL(fileURLWithPath: try Paths.temporaryFile("ignored/\n", name: ".gitignore")).deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", root.path, "init", "-q"]
        try process.run()
        process.waitUntilExit()
        let broker = "<broker xmlns=\"http://activemq.apache.org/schema/core\"><networkConnectors><networkConnector uri=\"static:(tcp://h:1)\"/></networkConnectors></broker>\n"
        for folder in ["conf", "ignored"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data(broker.utf8).write(to: root.appendingPathComponent("\(folder)/activemq.xml"))
        }
        let run = runCLI(["lint", root.path])
        #expect(run.stdoutText.contains("conf/activemq.xml") && !run.stdoutText.contains("ignored/activemq.xml"), "\(run.stdoutText)")
    }
}
