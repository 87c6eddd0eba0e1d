import Foundation
import LosslessXML

/// Where the repository's fixtures and the shared corpus are.
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Fixtures")
    /// `../shared` beside the checkout; tests that read it skip, saying so, when it is absent.
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static var sharedIsPresent: Bool {
        FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path)
    }

    /// Every corpus file (path relative to `shared/corpus`), or none when `../shared` is absent.
    static let corpusFiles: [String] = {
        let corpus = shared.appendingPathComponent("corpus")
        var files: [String] = []
        for folder in ["activemq", "wild"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []
            files += names.filter { $0 != "SOURCES.tsv" }.sorted().map { "\(folder)/\($0)" }
        }
        return files
    }()

    static func corpusPath(_ relative: String) -> String {
        shared.appendingPathComponent("corpus").appendingPathComponent(relative).path
    }

    /// The fixture files under `Fixtures/<folder>`, by name.
    static func fixtureFiles(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)) ?? []
        return names.sorted()
    }

    static func fixturePath(_ folder: String, _ name: String) -> String {
        fixtures.appendingPathComponent(folder).appendingPathComponent(name).path
    }
}

func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Parses a UTF-8 string, failing the test with the error when it does not parse.
func parse(_ string: String, path: String? = nil) throws(XMLDocumentError) -> LosslessDocument {
    try LosslessDocument(string: string, path: path)
}
