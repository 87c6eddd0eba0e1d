import ActiveMQConfig
import Foundation
import Testing

/// Brokers are found by namespace, as libxml2 resolves it, in every layout of the corpus.
@Suite("Finding brokers by namespace")
struct BrokerDiscoveryTests {
    struct CorpusEntry: CustomStringConvertible, Sendable {
        var path: String
        var brokers: Int
        var networkConnectors: Int
        var description: String { URL(fileURLWithPath: path).lastPathComponent }
    }

    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// The corpus's own metadata (SOURCES.tsv), independent of our parser.
    static let entries: [CorpusEntry] = {
        var result: [CorpusEntry] = []
        for folder in ["activemq", "wild"] {
            let directory = shared.appendingPathComponent(folder)
            guard let table = try? String(contentsOf: directory.appendingPathComponent("SOURCES.tsv"), encoding: .utf8) else { continue }
            let rows = table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            guard let header = rows.first, let file = header.firstIndex(of: "file"), let features = header.firstIndex(of: "features"),
                let count = header.firstIndex(of: "networkConnector_count"), let wellFormed = header.firstIndex(of: "xmllint_wellformed")
            else { continue }
            for row in rows.dropFirst() where row.count > features && row[wellFormed] == "yes" {
                let brokers = row[features].contains("brokers=2") ? 2 : 1
                result.append(CorpusEntry(path: directory.appendingPathComponent(row[file]).path, brokers: brokers,
                                          networkConnectors: Int(row[count]) ?? 0))
            }
        }
        return result
    }()

    @Test("Every corpus file has as many core-namespace brokers and network connectors as SOURCES.tsv says",
          .enabled(if: FileManager.default.fileExists(atPath: shared.path), "../shared is absent"), arguments: entries)
    func corpus(_ entry: CorpusEntry) throws {
        let document = try LosslessDocument(contentsOfFile: entry.path)
        #expect(document.elements(localName: "broker", namespace: ActiveMQNamespace.core).count == entry.brokers)
        #expect(document.elements(localName: "networkConnector", namespace: ActiveMQNamespace.core).count == entry.networkConnectors)
    }
}
