#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output formats of `activemq-config lint`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE]`, one line each.
    case text
    /// `{"version": 1, "findings": [...], "summary": {...}}` (schema: Docs/lint-report.schema.json).
    case json
    /// SARIF 2.1.0, as GitHub code scanning accepts it.
    case sarif
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::…`.
    case github
}

/// Renders a report. Findings never hold a secret; neither does anything here add one.
public enum Reporter {
    /// The rendered report for standard output.
    public static func render(_ report: LintReport, format: ReportFormat, toolVersion: String) -> String {
        switch format {
        case .text:
            return report.findings.map { "\($0.file):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message) [\($0.rule)]\n" }.joined()
        case .json:
            return json(report)
        case .sarif:
            return sarif(report, toolVersion: toolVersion)
        case .github:
            return report.findings.map { finding in
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                return "::\(command) file=\(escapeProperty(finding.file)),line=\(finding.line),col=\(finding.column),title=\(escapeProperty(finding.rule.rawValue))::\(escapeData(finding.message))\n"
            }.joined()
        }
    }

    /// The one-line summary printed on standard error with the text format.
    public static func summary(_ report: LintReport) -> String {
        let files = report.files == 1 ? "1 file" : "\(report.files) files"
        return "\(files) checked: \(report.count(.error)) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) info"
    }

    static func json(_ report: LintReport) -> String {
        let findings = report.findings.map { finding in
            JSONText.object([
                ("file", .string(finding.file)), ("line", .number(finding.line)), ("column", .number(finding.column)),
                ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule.rawValue)),
                ("message", .string(finding.message)),
            ])
        }
        return JSONText.object([
            ("version", .number(1)),
            ("findings", .array(findings)),
            ("summary", .object([
                ("files", .number(report.files)), ("errors", .number(report.count(.error))),
                ("warnings", .number(report.count(.warning))), ("infos", .number(report.count(.info))),
            ])),
        ]).rendered()
    }

    static func sarif(_ report: LintReport, toolVersion: String) -> String {
        let used = Set(report.findings.map(\.rule))
        let rules = RuleCatalog.all.filter { used.contains($0.id) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        func level(_ severity: Severity) -> String { severity == .error ? "error" : severity == .warning ? "warning" : "note" }
        let cwd = currentDirectory()
        let ruleObjects = rules.map { rule in
            JSONText.object([
                ("id", .string(rule.id.rawValue)),
                ("name", .string(rule.id.rawValue)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.summary))])),
                ("help", .object([("text", .string(rule.summary)), ("markdown", .string(rule.page))])),
                ("helpUri", .string(helpURI(rule.id))),
                ("defaultConfiguration", .object([("level", .string(level(rule.activeMQSeverity ?? rule.amazonMQSeverity ?? .warning)))])),
                ("properties", .object(rule.id == .embeddedPassword || rule.id == .plaintextSecret
                    ? [("tags", .array([.string("security")])), ("security-severity", .string(rule.id == .embeddedPassword ? "8.0" : "6.0"))]
                    : [("tags", .array([.string("activemq")]))])),
            ])
        }
        let results = report.findings.map { finding in
            JSONText.object([
                ("ruleId", .string(finding.rule.rawValue)),
                ("ruleIndex", .number(ruleIndex[finding.rule] ?? 0)),
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(artifactURI(finding.file, cwd: cwd)))])),
                        ("region", .object([("startLine", .number(finding.line)), ("startColumn", .number(finding.column))])),
                    ])),
                ])])),
            ])
        }
        return JSONText.object([
            ("version", .string("2.1.0")),
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("activemq-config")),
                    ("version", .string(toolVersion)),
                    ("informationUri", .string(projectURL)),
                    ("rules", .array(ruleObjects)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }

    /// Where the project's rule pages live.
    public static let projectURL = "https://github.com/swift-activemq-config/swift-activemq-config"

    static func helpURI(_ rule: RuleID) -> String { "\(projectURL)/blob/main/Docs/rules/\(rule.rawValue).md" }

    /// A URI relative to the current directory when the file is below it; a `file://` URI otherwise.
    static func artifactURI(_ path: String, cwd: String) -> String {
        if path == "-" { return "stdin" }
        var absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        absolute = normalize(absolute)
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if absolute.hasPrefix(prefix) { return percentEncode(String(absolute.dropFirst(prefix.count))) }
        return "file://" + percentEncode(absolute)
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func percentEncode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// A JSON value with ordered keys, written without Foundation.
public enum JSONText: Sendable {
    /// A string.
    case string(String)
    /// An integer.
    case number(Int)
    /// A boolean.
    case bool(Bool)
    /// null.
    case null
    /// An array.
    case array([JSONText])
    /// An object, keys in order.
    case object([(String, JSONText)])

    /// A string, or null.
    public static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case .string(let s): JSONText.escape(s, into: &out)
        case .number(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += indent + "  "
                JSONText.escape(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + "  ")
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
