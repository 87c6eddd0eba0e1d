public import ActiveMQConfig
import Dispatch

/// A file to lint: its name as given, and its bytes (or why they could not be read).
public struct LintInput: Sendable {
    /// The file, as given (`-` for standard input).
    public var path: String
    /// The bytes, or the I/O error.
    public var bytes: Result<[UInt8], XMLDocumentError>
    /// The template syntax to read it in; nil: the file name decides (`.j2`, `.erb`, `.tftpl`, …).
    public var template: TemplateSyntax?
    /// The file whose project settings apply, when it is not `path` (a document embedded in a
    /// Terraform file is linted under its own name, with the host file's settings).
    public var settingsPath: String?
    /// What the host resource says of the document (step 2 of ``SettingsResolver``): a profile
    /// name and an engine version, each optional.
    public var host: (profile: String?, engineVersion: String?) = (nil, nil)
    /// Text by which connectors in other documents reach this one (``DocumentIndex/networkAliases``).
    public var networkAliases: [String] = []
    /// The broker's name in a network when its `brokerName` does not say it (``DocumentIndex/networkName``).
    public var networkName: String?

    /// Creates an input.
    public init(path: String, bytes: Result<[UInt8], XMLDocumentError>, template: TemplateSyntax? = nil) {
        self.path = path
        self.bytes = bytes
        self.template = template
    }
}

/// The outcome of one run over a set of files.
public struct LintReport: Sendable {
    /// Every finding, in file order, then by position.
    public var findings: [Finding]
    /// How many files were linted (files without a `<broker>` are skipped and not counted).
    public var files: Int
    /// The files linted, in input order.
    public var checkedFiles: [String] = []
    /// Files skipped because they hold no `<broker>` element.
    public var skipped: [String]
    /// Files that could not be read (exit 2).
    public var ioErrors: [XMLDocumentError]

    /// A report.
    public init(findings: [Finding] = [], files: Int = 0, skipped: [String] = [], ioErrors: [XMLDocumentError] = []) {
        self.findings = findings
        self.files = files
        self.skipped = skipped
        self.ioErrors = ioErrors
    }

    /// How many findings have this severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether any finding is at or above the threshold.
    public func fails(at threshold: Severity) -> Bool { findings.contains { $0.severity >= threshold } }

    /// Every finding, then every file that could not be read, as diagnostics: what the exit code
    /// is computed from (``Swift/Array/exitCode(failingAt:)``).
    public var diagnostics: [Diagnostic] { findings + ioErrors.flatMap(\.diagnostics) }
}

/// Lints broker configurations: every document rule on each file, then the network rules over
/// all of them as one network, then inline suppressions.
public struct Linter: Sendable {
    /// What the command line says (it wins over `.activemq-config.json`).
    package var commandLine: LintCommandLine
    /// The rules to run.
    public var rules: RuleSet
    /// Called with each document's index as it is made (tests watch what a run builds and frees).
    package var observer: (@Sendable (DocumentIndex) -> Void)?

    /// A linter running `rules`. Each file's settings are the defaults, then the
    /// `.activemq-config.json` that applies to it, then these arguments, which win.
    ///
    /// - Parameters:
    ///   - profile: The profile for every file (nil: the project's, else `activemq`).
    ///   - activeMQVersion: Under `activemq`, the version whose schema applies (nil: the project's,
    ///     else each file's versioned `xsi:schemaLocation`, else ``ActiveMQVersion/defaultVersion``).
    ///   - disabled: Rules turned off (`embedded-password` cannot be).
    ///   - network: A network spec for the cross-file rules (bare Amazon MQ documents need one).
    ///   - rules: The rules; every rule by default.
    public init(profile: LintProfile? = nil, activeMQVersion: ActiveMQVersion? = nil, disabled: [RuleID] = [],
                network: NetworkSpec? = nil, rules: RuleSet = RuleCatalog.rules) {
        var commandLine = LintCommandLine()
        commandLine.profile = profile?.name
        if case .amazonMQ(let engine)? = profile { commandLine.engineVersion = engine }
        commandLine.activeMQVersion = activeMQVersion
        commandLine.disabled = disabled
        commandLine.network = network
        self.init(commandLine: commandLine, rules: rules)
    }

    /// A linter with these command-line settings.
    package init(commandLine: LintCommandLine, rules: RuleSet = RuleCatalog.rules) {
        self.commandLine = commandLine
        self.rules = rules
    }

    /// The profile a file gets when nothing names one (``SettingsResolver``'s last step).
    package var defaultProfile: LintProfile = .activeMQ

    /// The settings for one file, before its document is read (``SettingsResolver``).
    public func settings(for file: String, finder: ProjectConfigurationLookup) throws(LintSettingsError) -> LintSettings {
        try resolver.resolve(for: file, lookup: finder).rules
    }

    /// The resolver of this linter's files' settings.
    public var resolver: SettingsResolver { SettingsResolver(commandLine: commandLine, defaultProfile: defaultProfile) }

    /// Lints the files as one network.
    ///
    /// Each file is parsed once and indexed once (``DocumentIndex``), on its own core; its
    /// document rules read the index. The network rules then see every file, and inline
    /// suppressions apply last. Nothing of the run is kept once it returns.
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public func lint(_ inputs: [LintInput]) throws(LintSettingsError) -> LintReport {
        try run(inputs.map { .input($0) }).report
    }

    /// A file to lint: bytes to parse, or a configuration already parsed (what `lint --fix`
    /// hands from one pass to the next).
    package enum Source: Sendable {
        /// Bytes (or why they could not be read).
        case input(LintInput)
        /// A parsed configuration.
        case parsed(path: String, configuration: BrokerConfiguration)

        var path: String {
            switch self {
            case .input(let input): return input.path
            case .parsed(let path, _): return path
            }
        }
    }

    /// What a run gave: the report, and each linted file's parsed configuration.
    package struct Run: Sendable {
        /// The report.
        package var report: LintReport
        /// The configurations the rules read, by path.
        package var configurations: [String: BrokerConfiguration]
    }

    /// Lints the sources as one network (``lint(_:)``), keeping what each parse made.
    package func run(_ sources: [Source]) throws(LintSettingsError) -> Run {
        let lookup = ProjectConfigurationLookup()
        var report = LintReport(findings: [], files: 0, skipped: [], ioErrors: [])
        var documents: [(index: DocumentIndex, findings: [Diagnostic])] = []
        // Each file on its own, on every core (the shared caches are locked); the network rules
        // then see them all, and the report keeps the input order.
        let outcomes = Locked([Outcome?](repeating: nil, count: sources.count))
        let work = { @Sendable (number: Int) in
            let outcome = self.lintOne(sources[number], lookup: lookup)
            outcomes.withLock { $0[number] = outcome }
        }
        if sources.count > 1 {
            DispatchQueue.concurrentPerform(iterations: sources.count, execute: work)
        } else if !sources.isEmpty {
            work(0)
        }
        for (source, outcome) in zip(sources, outcomes.withLock { $0 }) {
            switch outcome ?? .skipped {
            case .settingsError(let error): throw error
            case .ioError(let error): report.ioErrors.append(error)
            case .skipped: report.skipped.append(source.path)
            case .notWellFormed(let finding):
                report.files += 1
                report.checkedFiles.append(source.path)
                if let finding { report.findings.append(finding) }
            case .linted(let index, let findings):
                report.files += 1
                report.checkedFiles.append(source.path)
                documents.append((index, findings))
            }
        }
        let network = NetworkIndex(documents: documents.map(\.index), spec: commandLine.network)
        let networkFindings = rules.checkNetwork(network)
        var configurations: [String: BrokerConfiguration] = [:]
        for (number, document) in documents.enumerated() {
            report.findings += rules.applySuppressions(document.findings + networkFindings[number], in: document.index)
            configurations[document.index.path] = document.index.configuration
        }
        let order = Dictionary(sources.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        report.findings.sort {
            (order[$0.file ?? ""] ?? 0, $0.line ?? 0, $0.column ?? 0, $0.code ?? "") < (order[$1.file ?? ""] ?? 0, $1.line ?? 0, $1.column ?? 0, $1.code ?? "")
        }
        return Run(report: report, configurations: configurations)
    }
}

extension Linter {
    /// What linting one file gave.
    enum Outcome: Sendable {
        case settingsError(LintSettingsError)
        case ioError(XMLDocumentError)
        case skipped
        case notWellFormed(Finding?)
        case linted(DocumentIndex, [Diagnostic])
    }

    /// Parses one file (unless it comes parsed), indexes it and runs the document rules on it.
    func lintOne(_ source: Source, lookup: ProjectConfigurationLookup) -> Outcome {
        let resolved: ResolvedSettings
        do {
            var resolver = self.resolver
            var settingsPath = source.path
            if case .input(let input) = source {
                resolver.host = input.host
                settingsPath = input.settingsPath ?? input.path
            }
            resolved = try resolver.resolve(for: settingsPath, lookup: lookup)
        } catch {
            return .settingsError(error)
        }
        var settings = resolved.rules
        let configuration: BrokerConfiguration
        switch source {
        case .parsed(_, let parsed):
            configuration = parsed
        case .input(let input):
            let bytes: [UInt8]
            switch input.bytes {
            case .success(let read): bytes = read
            case .failure(let error): return .ioError(error)
            }
            do {
                configuration = try BrokerConfiguration(bytes: bytes, path: input.path,
                                                        template: input.template ?? settings.template ?? TemplateSyntax(fileName: input.path))
            } catch {
                if case .io = error { return .ioError(error) }
                // Not XML at all, and no sign of a broker (a YAML file, a README): not a broker
                // configuration, so skipped like a pom.xml.
                guard Self.mentionsBroker(bytes) else { return .skipped }
                return .notWellFormed(rules[.notWellFormed].flatMap(settings.severity(of:)).map { .notWellFormed(error, path: input.path, severity: $0) })
            }
        }
        settings = resolved.reading(configuration.document).rules
        var aliases: [String] = []
        var networkName: String?
        if case .input(let input) = source {
            aliases = input.networkAliases
            networkName = input.networkName
        }
        let index = DocumentIndex(path: source.path, configuration: configuration, settings: settings, networkAliases: aliases,
                                  networkName: networkName)
        guard !index.brokers.isEmpty else { return .skipped }
        observer?(index)
        let findings = rules.checkDocument(index)
        index.discardDocumentParts()
        return .linted(index, findings)
    }

    /// Whether the bytes hold `<broker` or `:broker` (a prefixed `<amq:broker`): a document that
    /// does not parse is linted (as `not-well-formed`) only when it looks like a broker configuration.
    static func mentionsBroker(_ bytes: [UInt8]) -> Bool {
        let needle = Array("broker".utf8)
        guard bytes.count > needle.count else { return false }
        var i = 1
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i - 1] == UInt8(ascii: "<") || bytes[i - 1] == UInt8(ascii: ":"),
                bytes[i..<(i + needle.count)].elementsEqual(needle)
            {
                return true
            }
            i += 1
        }
        return false
    }
}

/// Project configurations found during one run, each loaded once.
public final class ProjectConfigurationLookup: Sendable {
    let finder = ProjectConfigurationFinder()
    /// A fresh lookup.
    public init() {}
}

extension Linter {
    /// The ActiveMQ version a document's versioned `xsi:schemaLocation` names
    /// (`…/activemq-core-5.15.0.xsd`), if any.
    public static func schemaLocationVersion(_ document: LosslessDocument) -> ActiveMQVersion? {
        SchemaWalk.schemaLocationVersion(document)
    }
}
