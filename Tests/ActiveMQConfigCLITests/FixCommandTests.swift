import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// `lint --fix`: byte-level goldens for every fix kind (Fixtures/fix/<case>/in → out, with the
/// flags in Fixtures/fix/<case>/args), and the rules around them.
@Suite("activemq-config lint --fix")
struct FixCommandTests {
    static let root = URL(fileURLWithPath: Paths.fixture("fix"))
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    /// Copies a case's inputs into a fresh folder; returns the folder and the copied paths.
    static func copy(_ name: String) throws -> (URL, [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = root.appendingPathComponent(name).appendingPathComponent("in")
        var paths: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: input.path).sorted() {
            try FileManager.default.copyItem(at: input.appendingPathComponent(file), to: folder.appendingPathComponent(file))
            paths.append(folder.appendingPathComponent(file).path)
        }
        return (folder, paths)
    }

    static func arguments(_ name: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent(name).appendingPathComponent("args"), encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    @Test("Every fix kind, byte for byte", arguments: cases)
    func golden(_ name: String) throws {
        let (folder, paths) = try Self.copy(name)
        let run = runCLI(["lint", "--fix"] + (try Self.arguments(name)) + paths)
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderr)")
        #expect(run.stderr.contains("fixed: "))
        for path in paths {
            let file = URL(fileURLWithPath: path).lastPathComponent
            let expected = try Data(contentsOf: Self.root.appendingPathComponent(name).appendingPathComponent("out").appendingPathComponent(file))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == expected, "\(name)/\(file)")
        }
        #expect(!run.stderr.contains("Fix-Me-S3cret") && !run.stdoutText.contains("Fix-Me-S3cret"))
        // Fixed output lints clean, and fixing again changes nothing.
        let again = runCLI(["lint", "--fix", "--diff"] + (try Self.arguments(name)) + paths)
        #expect(again.exitCode == 0 && again.stdout.isEmpty)
        try? FileManager.default.removeItem(at: folder)
    }

    @Test("Every rule that declares a fix has a golden that applies it")
    func everyFixableRuleHasAGolden() throws {
        var fixed = Set<String>()
        for name in Self.cases {
            let (folder, paths) = try Self.copy(name)
            let run = runCLI(["lint", "--fix"] + (try Self.arguments(name)) + paths)
            for line in run.stderr.split(separator: "\n") where line.contains(" fixed: ") {
                if let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]") {
                    fixed.insert(String(line[line.index(after: open)..<close]))
                }
            }
            try? FileManager.default.removeItem(at: folder)
        }
        let fixable = Set(RuleCatalog.all.filter { $0.fix != nil }.map(\.id.rawValue))
        #expect(fixable.subtracting(fixed).isEmpty, "no golden applies the fixes of \(fixable.subtracting(fixed).sorted())")
    }

    @Test("Unsafe fixes need --unsafe-fixes; --diff writes nothing, exits 1 and never shows the secret")
    func unsafeAndDiff() throws {
        let (_, paths) = try Self.copy("embedded-password-amazon-mq")
        let original = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        let safeOnly = runCLI(["lint", "--fix", "--profile", "amazon-mq"] + paths)
        #expect(safeOnly.exitCode == 1 && safeOnly.stdoutText.contains("[embedded-password]"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == original)
        let diff = runCLI(["lint", "--fix", "--unsafe-fixes", "--diff", "--profile", "amazon-mq"] + paths)
        #expect(diff.exitCode == 1)
        #expect(diff.stdoutText.contains("-    <networkConnector name=\"connector_1_to_2\" userName=\"myCommonUser\" password=\"***\" duplex=\"true\""))
        #expect(diff.stdoutText.contains("+    <networkConnector name=\"connector_1_to_2\" userName=\"myCommonUser\" duplex=\"true\""))
        #expect(!diff.stdoutText.contains("Fix-Me-S3cret") && !diff.stderr.contains("Fix-Me-S3cret"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths[0])) == original)
    }

    @Test("--unsafe-fixes and --diff go with --fix; --fix on standard input needs --diff")
    func usage() {
        #expect(runCLI(["lint", "--unsafe-fixes", "x.xml"]).exitCode == 2)
        #expect(runCLI(["lint", "--diff", "x.xml"]).exitCode == 2)
        #expect(runCLI(["lint", "--fix", "-"], stdin: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>".utf8)).exitCode == 2)
        let stdin = runCLI(["lint", "--fix", "--diff", "-"],
                           stdin: Array("<broker xmlns=\"http://activemq.apache.org/schema/core\">\n  <networkConnectors>\n    <networkConnector name=\"n\" userName=\"u\" networkTTL=\"-4\" uri=\"static:(tcp://h:61616)\"/>\n  </networkConnectors>\n</broker>\n".utf8))
        #expect(stdin.exitCode == 1 && stdin.stdoutText.contains("+    <networkConnector name=\"n\" userName=\"u\" networkTTL=\"-1\""))
    }
}
