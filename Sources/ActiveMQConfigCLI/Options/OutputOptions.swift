import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// Where an edited document goes.
struct OutputOptions: ParsableArguments {
    @Flag(name: .customLong("in-place"), help: "Replace the file atomically (keeps its permissions).")
    var inPlace = false

    @Option(name: .customShort("o"), help: "Write the edited document to this file (atomically).")
    var output: String?

    @Flag(help: "Print the change as a unified diff (passwords shown as ***) instead of writing.")
    var diff = false

    @Flag(help: "With --in-place, replace a file whose mode denies its owner write permission.")
    var force = false

    func validate() throws {
        if inPlace && output != nil { throw ValidationError("--in-place and -o cannot be combined") }
        if diff && (inPlace || output != nil) { throw ValidationError("--diff prints the change; it cannot be combined with --in-place or -o") }
    }

    /// Emits the edited bytes where asked.
    func emit(_ bytes: [UInt8], original: [UInt8], file: String) throws {
        if diff {
            CLI.console.writeOutput(Array(UnifiedDiff.render(original, bytes, path: file).utf8))
        } else if inPlace {
            guard file != "-" else {
                throw CLIError(message: "--in-place needs a file, not standard input", exitCode: ExitStatus.usageOrIO)
            }
            if !force, let mode = FileMode.of(file), !mode.ownerCanWrite {
                throw CLIError(path: file, message: "the file is read-only (mode \(mode.octal)); nothing was written (use --force to replace it anyway)",
                               exitCode: ExitStatus.usageOrIO)
            }
            try write(bytes, to: file, expecting: original)
        } else if let output {
            try write(bytes, to: output, expecting: nil)
        } else {
            CLI.console.writeOutput(bytes)
        }
    }

    private func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]?) throws {
        do {
            try AtomicFile.write(bytes, to: path, expecting: original)
        } catch {
            throw CLIError([error.diagnostic])
        }
    }
}
