public import ActiveMQConfig
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file to lint: its name as given, and its bytes (or why they could not be read).
public struct LintInput: Sendable {
    /// The file, as given (`-` for standard input).
    public var path: String
    /// The bytes, or the I/O error.
    public var bytes: Result<[UInt8], XMLDocumentError>
    /// The template syntax to read it in; nil: the file name decides (`.j2`, `.erb`, `.tftpl`, …).
    public var template: TemplateSyntax?

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
}

/// Lints broker configurations: every document rule on each file, then the network rules over
/// all of them as one network, then inline suppressions.
public struct Linter: Sendable {
    /// What the command line says (it wins over `.activemq-config.json`).
    package var commandLine: LintCommandLine
    /// The rules to run.
    public var rules: RuleSet

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

    /// The settings for one file: defaults, then its project configuration, then the arguments.
    public func settings(for file: String, finder: ProjectConfigurationLookup) throws(LintSettingsError) -> LintSettings {
        try commandLine.settings(for: file, lookup: finder)
    }

    /// Lints the files as one network.
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public func lint(_ inputs: [LintInput]) throws(LintSettingsError) -> LintReport {
        let lookup = ProjectConfigurationLookup()
        var report = LintReport(findings: [], files: 0, skipped: [], ioErrors: [])
        var contexts: [RuleContext] = []
        // Each file on its own, on every core (the shared caches are locked); the network rules
        // then see them all, and the report keeps the input order.
        let outcomes = Outcomes(count: inputs.count)
        let work = { @Sendable (index: Int) in outcomes.set(index, self.lintOne(inputs[index], lookup: lookup)) }
        if inputs.count > 1 {
            DispatchQueue.concurrentPerform(iterations: inputs.count, execute: work)
        } else if !inputs.isEmpty {
            work(0)
        }
        for (input, outcome) in zip(inputs, outcomes.all) {
            switch outcome {
            case .settingsError(let error): throw error
            case .ioError(let error): report.ioErrors.append(error)
            case .skipped: report.skipped.append(input.path)
            case .notWellFormed(let finding):
                report.files += 1
                report.checkedFiles.append(input.path)
                if let finding { report.findings.append(finding) }
            case .linted(let box):
                report.files += 1
                report.checkedFiles.append(input.path)
                contexts.append(box.context)
            }
        }
        rules.runNetworkRules(contexts, spec: commandLine.network)
        for context in contexts {
            Suppressions.apply(context)
            report.findings += context.diagnostics
        }
        let order = Dictionary(inputs.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        report.findings.sort {
            (order[$0.file ?? ""] ?? 0, $0.line ?? 0, $0.column ?? 0, $0.code ?? "") < (order[$1.file ?? ""] ?? 0, $1.line ?? 0, $1.column ?? 0, $1.code ?? "")
        }
        return report
    }
}

extension Linter {
    /// What linting one file gave.
    enum Outcome: Sendable {
        case settingsError(LintSettingsError)
        case ioError(XMLDocumentError)
        case skipped
        case notWellFormed(Finding?)
        case linted(ContextBox)
    }

    /// A context handed from the thread that linted its file to the one that gathers the report.
    final class ContextBox: @unchecked Sendable {
        let context: RuleContext
        init(_ context: RuleContext) { self.context = context }
    }

    /// One slot per input, each written once by the thread that linted it and read after all of
    /// them have finished.
    final class Outcomes: @unchecked Sendable {
        private var slots: [Outcome?]
        private var mutex = pthread_mutex_t()
        init(count: Int) {
            slots = Array(repeating: nil, count: count)
            pthread_mutex_init(&mutex, nil)
        }
        deinit { pthread_mutex_destroy(&mutex) }
        func set(_ index: Int, _ outcome: Outcome) {
            pthread_mutex_lock(&mutex)
            slots[index] = outcome
            pthread_mutex_unlock(&mutex)
        }
        var all: [Outcome] {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            return slots.map { $0 ?? .skipped }
        }
    }

    /// Parses one file and runs the document rules on it.
    func lintOne(_ input: LintInput, lookup: ProjectConfigurationLookup) -> Outcome {
        let settings: RuleSettings
        do {
            settings = try self.settings(for: input.path, finder: lookup)
        } catch {
            return .settingsError(error)
        }
        let bytes: [UInt8]
        switch input.bytes {
        case .success(let read): bytes = read
        case .failure(let error): return .ioError(error)
        }
        let configuration: BrokerConfiguration
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
        guard !configuration.brokers.isEmpty else { return .skipped }
        let context = RuleContext(path: input.path, configuration: configuration, settings: settings, rules: rules)
        rules.runDocumentRules(context)
        return .linted(ContextBox(context))
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
