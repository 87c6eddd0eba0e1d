import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `activemq-config validate FILE… [--schema XSD]`: libxml2's XSD validation, with the official
/// schema the tool carries for the profile and version, or the one given.
struct ValidateCommand: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "validate", abstract: "Validate each <broker> against the official XSD with libxml2 (rule 'schema').",
            discussion: """
                Without --schema, the schema the tool carries for the profile and version: ActiveMQ's for \
                --engine-version (else the file's versioned xsi:schemaLocation, else 5.19), or Amazon MQ's for \
                the engine version (default 5.18). ActiveMQ's schemas are loaded with Spring's beans schema, which \
                their strict wildcards need for <bean>s. Same formats and exit codes as lint. Spring's <beans> \
                wrapper is not validated; each <broker> is.
                """)
    }

    @Option(help: "An XSD to validate against instead of the carried ones.") var schema: String?
    @OptionGroup var judgement: JudgementOptions
    @Option(help: "The report's format on standard output.") var format: ReportFormat = .text
    @Argument(help: "The configuration files ('-' for standard input).") var files: [String]

    func run() throws {
        let console = CLI.console
        var report = LintReport(findings: [], files: 0, skipped: [], ioErrors: [])
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try console.read(file)
            } catch {
                report.ioErrors.append(error)
                continue
            }
            var carried: String?
            if schema == nil {
                // The profile and version as lint resolves them (flag, .activemq-config.json, the
                // file's xsi:schemaLocation, default).
                let settings = try judgement.settings(for: file)
                if case .amazonMQ(let engine) = settings.profile {
                    carried = CarriedSchemas.amazonMQ(engine)
                } else {
                    let located = settings.activeMQVersion == nil
                        ? (try? LosslessDocument(bytes: bytes, path: file)).flatMap(Linter.schemaLocationVersion) : nil
                    carried = CarriedSchemas.activeMQ(settings.activeMQVersion ?? located ?? .defaultVersion)
                        ?? CarriedSchemas.activeMQ(.defaultVersion)
                }
            }
            do {
                report.findings += try CarriedSchemas.withSchema(carried: carried, path: schema) { path in
                    try SchemaValidator.validate(bytes, path: file, schema: path)
                }
                report.files += 1
            } catch let failure as SchemaValidation.Failure {
                throw CLIError(message: failure.message.replacingFirst(failure.message.prefix { $0 != ":" } + "", with: schema ?? carried ?? ""),
                               exitCode: ExitStatus.usageOrIO)
            } catch {
                throw CLIError(message: "\(error)", exitCode: ExitStatus.usageOrIO)
            }
        }
        console.writeOutput(Array(Reporter.render(report, format: format, toolVersion: CLI.version).utf8))
        for error in report.ioErrors { console.printError(CLIError(error).description) }
        if format == .text { console.printError(Reporter.summary(report)) }
        try finish(report.diagnostics)
    }
}
