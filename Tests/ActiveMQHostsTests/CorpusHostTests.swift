import ActiveMQConfig
@testable import ActiveMQHosts
import ActiveMQLint
import Foundation
import Testing

/// Every configuration of the corpus (`../shared/corpus`), embedded in a ConfigMap's literal block
/// and in a Terraform `<<-` heredoc, gives the findings it gives on its own, each at the same
/// character of the configuration, shifted into the host.
@Suite("The corpus inside host files")
struct CorpusHostTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let files: [String] = ["activemq", "wild"].flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".xml") }.sorted().map { root.appendingPathComponent("\(folder)/\($0)").path }
    }
    static var present: Bool { !files.isEmpty || ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The character a 1-based line and column name.
    static func character(_ bytes: [UInt8], line: Int, column: Int) -> UInt8? {
        let table = LineTable(bytes)
        let offset = table.offset(line: line, column: column)
        return offset < bytes.count ? bytes[offset] : nil
    }

    static func embed(_ xml: [UInt8], as format: String) -> [UInt8]? {
        guard let text = String(validating: xml, as: UTF8.self), !text.contains("\r"), !text.contains("\t") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch format {
        case "yaml":
            // A byte order mark inside a YAML scalar is not the file's: no ConfigMap holds one.
            guard !text.hasPrefix("\u{FEFF}") else { return nil }
            let body = lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            // `|+` keeps the file's trailing blank lines.
            return Array(("kind: ConfigMap\nmetadata:\n  name: corpus\ndata:\n  activemq.xml: |+\n" + body + (text.hasSuffix("\n") ? "" : "\n")).utf8)
        default:
            // In a heredoc `${` and `%{` are Terraform's: a configuration's own are escaped.
            let escaped = text.replacingOccurrences(of: "${", with: "$${").replacingOccurrences(of: "%{", with: "%%{")
            // White-space-only lines are blank to a `<<-` heredoc: not stripped, so not indented.
            let body = escaped.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.allSatisfy { $0 == " " } ? String($0) : "    " + $0 }.joined(separator: "\n")
            return Array(("locals {\n  xml = <<-EOT\n" + body + (escaped.hasSuffix("\n") ? "" : "\n") + "  EOT\n}\n").utf8)
        }
    }

    @Test("Same findings, at the same characters, inside a ConfigMap and a Terraform heredoc",
          .enabled(if: present, "../shared/corpus is absent"), arguments: ["yaml", "tf"])
    func sameFindings(_ format: String) throws {
        #expect(!Self.files.isEmpty, "../shared/corpus is absent under CI=true")
        var compared = 0
        for path in Self.files {
            let xml = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            guard let host = Self.embed(xml, as: format) else { continue }
            // Lines that are blank keep no indentation, so the document is the file exactly
            // (its trailing newline included).
            let hostPath = "corpus.\(format)"
            let found = HostFile.documents(in: host, path: hostPath)
            guard let document = found?.documents.first else {
                Issue.record("\(path): not found inside the \(format) host")
                continue
            }
            let expectedBytes = xml.last == 0x0A ? xml : xml + [0x0A]
            guard document.bytes == expectedBytes else {
                Issue.record("\(path): the \(format) host gives back other bytes than the file's")
                continue
            }
            let plain = try Linter().lint([LintInput(path: "plain.xml", bytes: .success(expectedBytes), template: format == "tf" ? .terraform : nil)])
            let hosts = HostInputs([LintInput(path: hostPath, bytes: .success(host))])
            let embedded = hosts.map(try Linter().lint(hosts.inputs))
            let plainKeys = plain.findings.map { "\($0.code ?? "") \($0.message)" }.sorted()
            let hostKeys = embedded.findings.map { "\($0.code ?? "") \($0.message.replacingOccurrences(of: "local.xml: ", with: "").replacingOccurrences(of: "ConfigMap/corpus data.activemq.xml: ", with: ""))" }.sorted()
            #expect(plainKeys == hostKeys, "\(path)")
            // Each finding points at the same character.
            for (mine, theirs) in zip(plain.findings.sorted { ($0.line ?? 0, $0.column ?? 0, $0.code ?? "") < ($1.line ?? 0, $1.column ?? 0, $1.code ?? "") },
                                      embedded.findings.sorted { ($0.line ?? 0, $0.column ?? 0, $0.code ?? "") < ($1.line ?? 0, $1.column ?? 0, $1.code ?? "") })
            where mine.line != nil && mine.code != "not-well-formed" {
                let a = Self.character(expectedBytes, line: mine.line ?? 0, column: mine.column ?? 0)
                let b = Self.character(host, line: theirs.line ?? 0, column: theirs.column ?? 0)
                #expect(a == b, "\(path): \(mine.code ?? "") at \(mine.line ?? 0):\(mine.column ?? 0) → \(theirs.line ?? 0):\(theirs.column ?? 0)")
            }
            compared += 1
        }
        #expect(compared > 200)
    }
}
