import Foundation
import Testing

/// ActiveMQ's own shipped example configurations (Debian's `activemq` 5.17 package installs them,
/// and its broker starts them): lint with the matching version raises no error on any of them.
@Suite("ActiveMQ's shipped examples")
struct ShippedExamplesTests {
    static let folder = "/usr/share/doc/activemq/examples/conf"
    static var present: Bool { FileManager.default.fileExists(atPath: folder) }
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test("No error on ActiveMQ 5.17's shipped examples (CI installs the activemq package)",
          .enabled(if: present || required, "Debian's activemq package is not installed"))
    func shipped() throws {
        try #require(Self.present, "under CI=true the activemq package must be installed")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".xml") }.sorted()
            .map { "\(Self.folder)/\($0)" } + ["/etc/activemq/instances-available/main/activemq.xml"]
        let run = runCLI(["lint", "--engine-version", "5.17", "--format", "json"] + files)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors)")
        #expect(((report["summary"] as? [String: Any])?["files"] as? Int ?? 0) >= 10)
    }
}
