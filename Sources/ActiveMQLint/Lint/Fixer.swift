public import ActiveMQConfig

/// `lint --fix`: applies the fixes findings carry, as minimal edits through the lossless layer.
///
/// Safe fixes keep the configuration's meaning; unsafe ones (which change what the broker does)
/// apply only when asked for. Each pass lints every file, applies each file's fixes that do not
/// overlap, and lints again; fixes that overlapped get their turn in the next pass, up to
/// ``maximumPasses``.
public struct Fixer: Sendable {
    /// The linter whose findings are fixed.
    public var linter: Linter
    /// Whether unsafe fixes apply too.
    public var includeUnsafe: Bool
    /// How many lint-and-fix passes at most.
    public static let maximumPasses = 8

    /// A fixer.
    public init(linter: Linter, includeUnsafe: Bool) {
        self.linter = linter
        self.includeUnsafe = includeUnsafe
    }

    /// What fixing did.
    public struct Outcome: Sendable {
        /// The files as they are after the fixes (unchanged ones too), in input order.
        public var files: [(path: String, original: [UInt8], fixed: [UInt8])]
        /// The findings that were fixed.
        public var fixed: [Finding]
        /// The report of the last lint: what remains.
        public var remaining: LintReport

        /// An outcome.
        public init(files: [(path: String, original: [UInt8], fixed: [UInt8])], fixed: [Finding], remaining: LintReport) {
            self.files = files
            self.fixed = fixed
            self.remaining = remaining
        }
    }

    /// Lints the inputs and applies their fixes until none applies.
    ///
    /// Each pass parses each changed file once: the edits apply to the document the rules read,
    /// and the edited document (parsed to check that it reads back) is what the next pass lints.
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public func fix(_ inputs: [LintInput]) throws(LintSettingsError) -> Outcome {
        var originals: [(String, [UInt8])] = []
        for input in inputs {
            if case .success(let bytes) = input.bytes { originals.append((input.path, bytes)) }
        }
        var fixed: [Finding] = []
        var sources = inputs.map { Linter.Source.input($0) }
        var run = try linter.run(sources)
        // From here on every linted file is handed over parsed: a pass parses only what it edits.
        sources = sources.map { source in run.configurations[source.path].map { .parsed(path: source.path, configuration: $0) } ?? source }
        for _ in 0..<Self.maximumPasses {
            var changed = false
            for (number, source) in sources.enumerated() {
                let path = source.path
                guard let configuration = run.configurations[path] else { continue }
                let candidates = run.report.findings.filter { finding in
                    finding.file == path && finding.fix.map { includeUnsafe || $0.applicability == .safe } == true
                }
                var edits: [TextEdit] = []
                var taken: [Finding] = []
                for finding in candidates {
                    guard let fix = finding.fix else { continue }
                    let overlaps = fix.edits.contains { edit in edits.contains { Self.overlap($0.range, edit.range) } }
                    if overlaps { continue }
                    edits += fix.edits
                    taken.append(finding)
                }
                guard !edits.isEmpty else { continue }
                let document = configuration.document
                if let batch = try? document.applying(edits) {
                    sources[number] = .parsed(path: path, configuration: BrokerConfiguration(document: batch))
                    fixed += taken
                    changed = true
                    continue
                }
                // The batch does not read back: apply the fixes one at a time, keeping the first
                // that does (later edits were made for the old bytes: lint again first).
                for finding in taken {
                    guard let fix = finding.fix, let next = try? document.applying(fix.edits) else { continue }
                    sources[number] = .parsed(path: path, configuration: BrokerConfiguration(document: next))
                    fixed.append(finding)
                    changed = true
                    break
                }
            }
            guard changed else { break }
            run = try linter.run(sources)
        }
        let current = run.configurations
        return Outcome(files: originals.map { ($0.0, $0.1, current[$0.0]?.bytes ?? $0.1) }, fixed: fixed, remaining: run.report)
    }

    /// Whether two edits touch the same bytes (``overlap(_:_:)``, for other fixers).
    public static func overlapping(_ a: Range<Int>, _ b: Range<Int>) -> Bool { overlap(a, b) }

    /// Whether two edits touch the same bytes (two insertions at one offset count as overlapping,
    /// so their order never depends on chance).
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty { return a.lowerBound >= b.lowerBound && a.lowerBound <= b.upperBound || b.lowerBound >= a.lowerBound && b.lowerBound <= a.upperBound }
        return a.overlaps(b)
    }
}
