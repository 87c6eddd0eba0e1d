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
    static func temporaryFile(_ contents: String, name: String = "config.xml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("amq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
