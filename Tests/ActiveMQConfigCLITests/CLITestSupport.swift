import ActiveMQConfigCLI
import Foundation
import LosslessXML

/// Runs the tool in process with captured output.
struct CLIRun {
    var exitCode: Int32
    var stdout: [UInt8]
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func append(_ more: [UInt8]) { lock.withLock { bytes += more } }
    var value: [UInt8] { lock.withLock { bytes } }
}

func runCLI(_ arguments: [String], stdin: [UInt8] = []) -> CLIRun {
    let out = Capture()
    let err = Capture()
    let console = Console(
        writeOutput: { out.append($0) },
        writeError: { err.append($0) },
        readInput: { () throws(XMLDocumentError) -> [UInt8] in stdin })
    let code = CLI.run(arguments, console: console)
    return CLIRun(exitCode: code, stdout: out.value, stderr: String(decoding: err.value, as: UTF8.self))
}

/// Runs the built `activemq-config` binary as a real process.
func runBinary(_ arguments: [String], stdin: Data = Data()) throws -> CLIRun {
    let process = Process()
    process.executableURL = Paths.binary
    process.arguments = arguments
    let input = Pipe(), output = Pipe(), error = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = error
    try process.run()
    input.fileHandleForWriting.write(stdin)
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(exitCode: process.terminationStatus, stdout: Array(out), stderr: String(decoding: err, as: UTF8.self))
}

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func fixture(_ relative: String) -> String {
        repository.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }
    /// The binary SwiftPM built beside this test bundle.
    static var binary: URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("activemq-config")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/activemq-config")
    }
    /// A copy of the built binary that any user may run, in a new folder of `/tmp` (0755): the
    /// checkout, and so `.build`, may sit under a folder other users cannot enter (a clone in
    /// root's 0700 home).
    static func binaryForOtherUsers() throws -> String {
        let directory = "/tmp/amq-binary-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let copy = directory + "/activemq-config"
        try FileManager.default.copyItem(atPath: binary.path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
        return copy
    }

    /// Whether every folder above `path` lets other users through (o+x).
    static func traversableByOthers(_ path: String) -> Bool {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        while true {
            var info = stat()
            guard stat(folder.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
            if folder.path == "/" { return true }
            folder = folder.deletingLastPathComponent()
        }
    }

    /// A file in a new folder of `/tmp` (0755, whatever `TMPDIR` says), for tests run as another user.
    static func temporaryFileForOtherUsers(_ contents: String, name: String = "config.xml") throws -> String {
        let directory = "/tmp/amq-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        let path = directory + "/" + name
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func temporaryFile(_ contents: String, name: String = "config.xml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
