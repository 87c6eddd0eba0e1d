import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `--baseline FILE` and `--write-baseline FILE`, for the commands that report findings (`lint`,
/// `network simulate`): the findings a project has accepted, by fingerprint.
struct BaselineOptions: ParsableArguments {
    @Option(help: "Report only findings not in this baseline file (an embedded password always).") var baseline: String?
    @Option(name: .customLong("write-baseline"), help: "Write the current findings' fingerprints to this file.") var writeBaseline: String?

    /// Writes the baseline file when asked, then leaves out the findings the given baseline holds.
    func apply(_ findings: [Finding]) throws -> [Finding] {
        if let writeBaseline {
            do {
                try AtomicFile.write(Array(Baseline.render(findings).utf8), to: writeBaseline)
            } catch {
                throw CLIError([error.diagnostic])
            }
        }
        guard let baseline else { return findings }
        do throws(LintSettingsError) {
            return Baseline.filter(findings, baseline: try Baseline.read(baseline))
        } catch {
            throw CLIError(error.diagnostics)
        }
    }
}
