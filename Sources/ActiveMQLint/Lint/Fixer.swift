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
    }

    /// Lints the inputs and applies their fixes until none applies.
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public func fix(_ inputs: [LintInput]) throws(LintSettingsError) -> Outcome {
        var current: [String: [UInt8]] = [:]
        var originals: [(String, [UInt8])] = []
        for input in inputs {
            if case .success(let bytes) = input.bytes {
                current[input.path] = bytes
                originals.append((input.path, bytes))
            }
        }
        var fixed: [Finding] = []
        var report = try linter.lint(inputs)
        for _ in 0..<Self.maximumPasses {
            var changed = false
            for (path, bytes) in originals.map({ ($0.0, current[$0.0] ?? $0.1) }) {
                let candidates = report.findings.filter { finding in
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
                let template = inputs.first { $0.path == path }?.template ?? TemplateSyntax(fileName: path)
                guard !edits.isEmpty, let document = try? LosslessDocument(bytes: bytes, path: path, template: template) else { continue }
                if let batch = try? document.applying(edits) {
                    current[path] = batch.bytes
                    fixed += taken
                    changed = true
                    continue
                }
                // The batch does not read back: apply the fixes one at a time, keeping those that do.
                var single = document
                for finding in taken {
                    guard let fix = finding.fix, let next = try? single.applying(fix.edits) else { continue }
                    single = next
                    fixed.append(finding)
                    changed = true
                    break  // later edits were made for the old bytes: lint again first
                }
                current[path] = single.bytes
            }
            guard changed else { break }
            report = try linter.lint(inputs.map { input in
                LintInput(path: input.path, bytes: current[input.path].map { .success($0) } ?? input.bytes, template: input.template)
            })
        }
        return Outcome(files: originals.map { ($0.0, $0.1, current[$0.0] ?? $0.1) }, fixed: fixed, remaining: report)
    }

    /// Whether two edits touch the same bytes (two insertions at one offset count as overlapping,
    /// so their order never depends on chance).
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty { return a.lowerBound >= b.lowerBound && a.lowerBound <= b.upperBound || b.lowerBound >= a.lowerBound && b.lowerBound <= a.upperBound }
        return a.overlaps(b)
    }
}
