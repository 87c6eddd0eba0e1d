public import ActiveMQConfig

/// Stable fingerprints of findings, for baselines, SARIF's `partialFingerprints` and GitLab's
/// `fingerprint`: made from the rule, the file, what the finding is about (the element's identity
/// and attribute: ``Diagnostic/anchor``) and how many identical ones come before it; never from a
/// line or column, so an edit elsewhere in the file keeps them.
public enum Fingerprint {
    /// One fingerprint per finding, in order.
    public static func of(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            let key = [finding.rule.rawValue, finding.file ?? "-", finding.anchor ?? finding.message].joined(separator: "\u{1F}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hash(key + "\u{1F}\(occurrence)")
        }
    }

    /// FNV-1a, 64 bits, as 16 hex digits.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// `lint --baseline FILE` and `--write-baseline FILE`: the findings a project has accepted, by
/// fingerprint, so that only new ones are reported. `embedded-password` is never baselined.
public enum Baseline {
    /// The baseline file for these findings: `{"version": 1, "fingerprints": […]}`.
    public static func render(_ findings: [Finding]) -> String {
        let prints = zip(findings, Fingerprint.of(findings)).filter { $0.0.rule != .embeddedPassword }.map(\.1)
        return JSONText.object([("version", .number(1)), ("fingerprints", .array(Array(Set(prints)).sorted().map(JSONText.string)))]).rendered()
    }

    /// The fingerprints of a baseline file.
    ///
    /// - Throws: ``LintSettingsError`` when the file cannot be read or is not a baseline.
    public static func read(_ path: String) throws(LintSettingsError) -> Set<String> {
        let root = try StrictJSON.load(path, what: "a baseline")
        guard case .object(let members) = root.value, let list = members.first(where: { $0.key == "fingerprints" }),
            case .array(let items) = list.value.value
        else {
            throw LintSettingsError(path: path, message: "not a baseline: {\"version\": 1, \"fingerprints\": [...]} is expected")
        }
        var prints = Set<String>()
        for item in items {
            guard case .string(let text) = item.value else {
                throw LintSettingsError(path: path, message: "not a baseline: fingerprints are strings", line: item.line, column: item.column)
            }
            prints.insert(text)
        }
        return prints
    }

    /// The report without the findings the baseline holds (an `embedded-password` always stays).
    public static func filter(_ report: LintReport, baseline: Set<String>) -> LintReport {
        var filtered = report
        filtered.findings = filter(report.findings, baseline: baseline)
        return filtered
    }

    /// The findings the baseline does not hold (an `embedded-password` always stays).
    public static func filter(_ findings: [Finding], baseline: Set<String>) -> [Finding] {
        zip(findings, Fingerprint.of(findings)).filter { $0.0.rule == .embeddedPassword || !baseline.contains($0.1) }.map(\.0)
    }
}
