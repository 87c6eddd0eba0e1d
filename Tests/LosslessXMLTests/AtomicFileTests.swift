import Foundation
import Testing

@testable import LosslessXML

@Suite("Atomic writes")
struct AtomicFileTests {
    func temporaryFile(_ contents: String) throws -> (directory: String, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/activemq.xml"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    enum Step: String, CaseIterable, Sendable {
        case write, fsync, rename
    }

    @Test("A failure at any step leaves the old file and no temporary", arguments: Step.allCases)
    func fault(_ step: Step) throws {
        let (directory, path) = try temporaryFile("old")
        var system = AtomicFile.System.posix
        switch step {
        case .write: system.write = { _, _, _ in errno = EIO; return -1 }
        case .fsync: system.fsync = { _ in errno = EIO; return -1 }
        case .rename: system.rename = { _, _ in errno = EXDEV; return -1 }
        }
        let error = #expect(throws: FileWriteError.self) {
            try AtomicFile.write(Array("new content".utf8), to: path, expecting: Array("old".utf8), using: system)
        }
        guard case .io(_, let message)? = error else {
            Issue.record("expected an I/O error")
            return
        }
        #expect(!message.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["activemq.xml"])
    }

    @Test("A short write is retried until every byte is written")
    func shortWrites() throws {
        let (_, path) = try temporaryFile("old")
        var system = AtomicFile.System.posix
        system.write = { descriptor, buffer, count in write(descriptor, buffer, min(count, 3)) }
        let content = String(repeating: "0123456789", count: 100)
        try AtomicFile.write(Array(content.utf8), to: path, expecting: nil, using: system)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test("A file changed since it was read is not overwritten")
    func changedOnDisk() throws {
        let (_, path) = try temporaryFile("changed by someone else")
        #expect(throws: FileWriteError.changedOnDisk(path: path)) {
            try AtomicFile.write(Array("new".utf8), to: path, expecting: Array("as we read it".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "changed by someone else")
    }

    @Test("Permissions are kept and a symbolic link stays a link")
    func permissionsAndLinks() throws {
        let (directory, path) = try temporaryFile("old")
        chmod(path, 0o600)
        let link = directory + "/link.xml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try AtomicFile.write(Array("new".utf8), to: link, expecting: Array("old".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(throws: FileWriteError.self) { try AtomicFile.write([], to: directory) }
    }
}
