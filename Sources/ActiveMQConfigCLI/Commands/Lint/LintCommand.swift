import ActiveMQConfig
import ActiveMQLint
import ActiveMQHosts
import ArgumentParser

/// `activemq-config lint`: the linter, for pre-commit hooks and CI.
struct LintCommand: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "lint",
            abstract: "Check broker configurations: schema, connectors, secrets, Amazon MQ rules, the network they form.",
            discussion: """
                All files of one run form one network for the cross-file rules. XML files without a <broker> \
                element are skipped. Exit 0: no finding at or above --fail-on; 1: such findings (a file that is \
                not well-formed is one); 2: a usage or I/O error. Rules: 'activemq-config rules'; a rule's \
                documentation: 'activemq-config explain RULE'. Project settings: .activemq-config.json.
                """)
    }

    @OptionGroup var judgement: JudgementOptions
    @Option(help: "The report's format on standard output.") var format: ReportFormat = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above this severity.") var failOn: Severity = .error
    @Option(name: .customLong("disable"), help: "Turn a rule off (repeatable); embedded-password cannot be.") var disabled: [String] = []
    @Option(name: .customLong("enable"), help: "Turn an opt-in rule on, as info, or a disabled rule back on (repeatable).") var enabled: [String] = []
    @Option(help: "A network spec (JSON) mapping endpoints to brokers, for the cross-file rules.") var network: String?
    @Flag(help: "Also say which files were skipped (no ActiveMQ <broker> in them).") var verbose = false
    @Option(help: "Read every file as a template (default: by its extension).")
    var template: TemplateSyntax?
    @Flag(help: "Apply the findings' safe fixes, as minimal edits, and report what remains.") var fix = false
    @Flag(name: .customLong("unsafe-fixes"), help: "With --fix, also apply fixes that change what the broker does.") var unsafeFixes = false
    @Flag(help: "With --fix, print the fixes as a unified diff (passwords shown as ***) instead of writing; exit 1 if there is any.")
    var diff = false
    @Option(name: .customLong("secret-variable"), help: "The placeholder an embedded password's fix writes (default AMQ_BRIDGE_PASSWORD).")
    var secretVariable: String?
    @Option(name: .customLong("report"), help: "Also write a report, FORMAT:PATH (repeatable), FORMAT as --format takes it.")
    var reports: [String] = []
    @OptionGroup var baselines: BaselineOptions
    @Option(help: "Use this configuration file for every input instead of the .activemq-config.json found.") var config: String?
    @Option(name: .customLong("stdin-filename"), help: "The name standard input stands for (messages, templates, .activemq-config.json).")
    var stdinFilename: String?
    @Argument(help: "The configuration files or folders ('-' for standard input); a folder's .xml files are linted recursively.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE") }
        for rule in disabled + enabled where RuleCatalog.rule(RuleID(rawValue: rule)) == nil {
            throw ValidationError("unknown rule '\(rule)' (see 'activemq-config rules')")
        }
        if (unsafeFixes || diff) && !fix { throw ValidationError("--unsafe-fixes and --diff go with --fix") }
        for report in reports {
            guard let colon = report.firstIndex(of: ":"), ReportFormat(rawValue: String(report[..<colon])) != nil,
                report.index(after: colon) < report.endIndex
            else {
                throw ValidationError("--report takes FORMAT:PATH, FORMAT one of " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        if fix && !diff && files.contains("-") { throw ValidationError("--fix on standard input needs --diff") }
        if let secretVariable, !SecretReference(placeholderNamed: secretVariable).isValidPlaceholderName {
            throw ValidationError("--secret-variable takes a placeholder name: letters, digits, '_', '.' or '-'")
        }
    }

    func run() throws {
        let console = CLI.console
        var commandLine = try judgement.commandLine()
        commandLine.disabled = disabled.map { RuleID(rawValue: $0) }
        commandLine.enabled = enabled.map { RuleID(rawValue: $0) }
        commandLine.secretVariable = secretVariable
        commandLine.configPath = config
        if let network {
            let bytes: [UInt8]
            do {
                bytes = try console.read(network)
            } catch {
                throw CLIError(error)
            }
            do throws(NetworkSpecError) {
                commandLine.network = try NetworkSpec.decode(bytes)
            } catch {
                throw CLIError(path: network, message: error.message, exitCode: ExitStatus.usageOrIO)
            }
        }
        let given = files.flatMap(FileWalk.files).map { file in
            LintInput(path: file == "-" ? stdinFilename ?? file : file,
                      bytes: Result { () throws(XMLDocumentError) in try console.read(file) }, template: template)
        }
        // Host files (`.tf`, `.yaml`, `.json`, …) are opened up: one input per embedded configuration.
        let hosts = HostInputs(given)
        let inputs = hosts.inputs
        let linted: LintReport
        if fix {
            let outcome: Fixer.Outcome
            do throws(LintSettingsError) {
                outcome = hosts.hasHosts
                    ? try HostFixer(linter: Linter(commandLine: commandLine), includeUnsafe: unsafeFixes).fix(given)
                    : try Fixer(linter: Linter(commandLine: commandLine), includeUnsafe: unsafeFixes).fix(inputs)
            } catch {
                throw CLIError(error.diagnostics)
            }
            if diff {
                let diffs = outcome.files.map { UnifiedDiff.render($0.original, $0.fixed, path: $0.path) }.joined()
                console.writeOutput(Array(diffs.utf8))
                // Each fix that would apply is a finding: exit 1 when there is any.
                try finish(outcome.fixed, failingAt: .info)
                return
            }
            for file in outcome.files where file.fixed != file.original {
                do {
                    try AtomicFile.write(file.fixed, to: file.path, expecting: file.original)
                } catch {
                    throw CLIError([error.diagnostic])
                }
                for finding in outcome.fixed where finding.file == file.path {
                    var shown = finding
                    shown.notes = []
                    shown.message = finding.fix?.message ?? ""
                    console.printError(shown.formatted(label: "fixed"))
                }
            }
            linted = outcome.remaining
        } else {
            do throws(LintSettingsError) {
                linted = hosts.map(try Linter(commandLine: commandLine).lint(inputs))
            } catch {
                throw CLIError(error.diagnostics)
            }
        }
        var report = linted
        report.findings = try baselines.apply(report.findings)
        let reportProfile = judgement.profile?.profile ?? .activeMQ
        console.writeOutput(Array(Reporter.render(report, format: format, toolVersion: CLI.version, profile: reportProfile).utf8))
        for extra in reports {
            let colon = extra.firstIndex(of: ":")!
            let kind = ReportFormat(rawValue: String(extra[..<colon]))!
            let path = String(extra[extra.index(after: colon)...])
            do {
                try AtomicFile.write(Array(Reporter.render(report, format: kind, toolVersion: CLI.version, profile: reportProfile).utf8), to: path)
            } catch {
                throw CLIError([error.diagnostic])
            }
        }
        for error in report.ioErrors { console.printError(CLIError(error).description) }
        if verbose {
            for file in report.skipped {
                console.printError(Diagnostic(file: file, severity: .info, code: nil, message: "it holds no ActiveMQ <broker> element").formatted(label: "skipped"))
            }
        }
        if format == .text { console.printError(Reporter.summary(report)) }
        try finish(report.diagnostics, failingAt: failOn)
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstUTF8Range(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
