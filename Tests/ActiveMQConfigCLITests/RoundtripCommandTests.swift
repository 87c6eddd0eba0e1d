import Foundation
import Testing

@Suite("activemq-config roundtrip, and the conventions every command shares")
struct RoundtripCommandTests {
    @Test("Writes the document back byte for byte", arguments: ["lossless/crlf.xml", "lossless/bom.xml", "lossless/iso-8859-1.xml", "examples/activemq.xml"])
    func roundtrip(_ fixture: String) throws {
        let path = Paths.fixture(fixture)
        let run = runCLI(["roundtrip", path])
        #expect(run.exitCode == 0)
        #expect(run.stdout == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(run.stderr.isEmpty)
    }

    @Test("'-' reads standard input")
    func standardInput() {
        let source = Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>\r\n".utf8)
        let run = runCLI(["roundtrip", "-"], stdin: source)
        #expect(run.exitCode == 0 && run.stdout == source)
    }

    @Test("A document libxml2 rejects: exit 1, FILE:LINE:COLUMN: error: MESSAGE on stderr")
    func notWellFormed() throws {
        let path = try Paths.temporaryFile("<broker>\n  <a>\n</broker>\n")
        let run = runCLI(["roundtrip", path])
        #expect(run.exitCode == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "\(path):3:10: error: Opening and ending tag mismatch: a line 2 and broker [not-well-formed]\n")
    }

    @Test("A missing file or a directory: exit 2, FILE: error: MESSAGE")
    func ioErrors() {
        let missing = runCLI(["roundtrip", "/nonexistent.xml"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr == "/nonexistent.xml: error: no such file or directory\n")
        let directory = runCLI(["roundtrip", "/tmp"])
        #expect(directory.exitCode == 2)
        #expect(directory.stderr == "/tmp: error: is a directory\n")
    }

    @Test("Usage errors exit 2, never swift-argument-parser's 64", arguments: [["roundtrip"], ["--no-such-flag"], ["no-such-command"], ["roundtrip", "a", "b"]])
    func usage(_ arguments: [String]) {
        let run = runCLI(arguments)
        #expect(run.exitCode == 2)
        #expect(!run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test("--help and --version work everywhere and exit 0", arguments: [["--help"], ["--version"], ["roundtrip", "--help"], ["roundtrip", "--version"], ["help", "roundtrip"]])
    func helpAndVersion(_ arguments: [String]) {
        let run = runCLI(arguments)
        #expect(run.exitCode == 0)
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
        if arguments.contains("--version") {
            #expect(run.stdoutText.hasPrefix("0.1.0 (libxml2 2."))
        }
    }

    @Test("The real binary: exit codes, stdin, no crash on garbage")
    func binary() throws {
        let ok = try runBinary(["roundtrip", "-"], stdin: Data("<a/>".utf8))
        #expect(ok.exitCode == 0 && ok.stdout == Array("<a/>".utf8))
        let bad = try runBinary(["roundtrip", "-"], stdin: Data([0x00, 0xFF, 0x3C]))
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.hasPrefix("-:1:"))
        #expect(!bad.stderr.contains("Fatal error"))
        let usage = try runBinary(["roundtrip"])
        #expect(usage.exitCode == 2)
        let help = try runBinary(["--help"])
        #expect(help.exitCode == 0 && !help.stdout.isEmpty)
    }
}
