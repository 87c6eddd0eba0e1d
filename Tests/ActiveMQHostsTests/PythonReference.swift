import Foundation

/// The Python readers the extraction is compared with (python-hcl2, PyYAML, cfn-lint), run through
/// the scripts in `Scripts/`. Under `CI=true` a missing reader is a failure, elsewhere a skip.
enum PythonReference {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Whether `python3 -c "import MODULES"` succeeds.
    static func available(_ modules: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(modules)"]
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }

    /// Whether to run a comparison: the reader is there, or CI says it must be.
    static func shouldRun(_ modules: String, install: String) -> Bool {
        if available(modules) || ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        print("skipped: \(install) is not installed (pip install \(install)); CI runs this")
        return false
    }

    /// What `Scripts/SCRIPT FILE` prints, and its exit status.
    static func run(_ script: String, _ file: String) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("Scripts/\(script)").path, file]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (data, process.terminationStatus)
    }
}
