#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import ActiveMQConfig

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
    /// JUnit XML, as Jenkins and GitLab read it: one test case per file, failing when it has findings.
    case junit
    /// Checkstyle 4.3 XML.
    case checkstyle
    /// GitLab Code Quality JSON.
    case gitlab
}

/// Renders a report. Findings never hold a secret; neither does anything here add one.
public enum Reporter {
    /// The rendered report for standard output.
    public static func render(_ report: LintReport, format: ReportFormat, toolVersion: String, profile: LintProfile = .activeMQ) -> String {
        switch format {
        case .junit:
            return junit(report)
        case .checkstyle:
            return checkstyle(report)
        case .gitlab:
            return gitlab(report)
        case .text:
            return report.findings.map { $0.formatted + "\n" }.joined()
        case .json:
            return json(report)
        case .sarif:
            return sarif(report, toolVersion: toolVersion, profile: profile)
        case .github:
            return report.findings.map { finding in
                let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
                return "::\(command) file=\(escapeProperty(finding.file ?? "-")),line=\(finding.line ?? 1),col=\(finding.column ?? 1),title=\(escapeProperty(finding.rule.rawValue))::\(escapeData(finding.message))\n"
            }.joined()
        }
    }

    /// The one-line summary printed on standard error with the text format.
    public static func summary(_ report: LintReport) -> String {
        let files = report.files == 1 ? "1 file" : "\(report.files) files"
        return "\(files) checked: \(report.count(.error)) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) info"
    }

    /// The JSON report. A fix's replacement is shown with passwords masked (`***`): applying the
    /// fix writes the user's own bytes back, printing it must not show them.
    static func json(_ report: LintReport) -> String {
        let findings = report.findings.map { finding in
            var members: [(String, JSONText)] = [
                ("file", .string(finding.file ?? "-")), ("line", .number(finding.line ?? 1)), ("column", .number(finding.column ?? 1)),
                ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule.rawValue)),
                ("message", .string(finding.message)),
            ]
            if let endLine = finding.endLine, let endColumn = finding.endColumn {
                members += [("endLine", .number(endLine)), ("endColumn", .number(endColumn))]
            }
            if let path = finding.elementPath { members.append(("path", .string(path))) }
            if !finding.notes.isEmpty {
                members.append(("notes", .array(finding.notes.map { note in
                    .object([("file", .optional(note.file)), ("line", note.line.map(JSONText.number) ?? .null),
                             ("column", note.column.map(JSONText.number) ?? .null), ("message", .string(note.message))])
                })))
            }
            if let fix = finding.fix {
                members.append(("fix", .object([
                    ("message", .string(fix.message)), ("applicability", .string(fix.applicability.rawValue)),
                    ("edits", .array(fix.edits.map { edit in
                        .object([("start", .number(edit.range.lowerBound)), ("end", .number(edit.range.upperBound)),
                                 ("replacement", .string(redactText(String(decoding: edit.replacement, as: UTF8.self))))])
                    })),
                ])))
            }
            return JSONText.object(members)
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

    static func sarif(_ report: LintReport, toolVersion: String, profile: LintProfile) -> String {
        let fingerprints = Fingerprint.of(report.findings)
        let used = Set(report.findings.map(\.rule))
        let rules = RuleCatalog.all.filter { used.contains($0.id) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        func level(_ severity: Severity) -> String { severity == .error ? "error" : severity == .warning ? "warning" : "note" }
        let cwd = currentDirectory()
        func region(line: Int?, column: Int?, endLine: Int? = nil, endColumn: Int? = nil) -> JSONText {
            var members: [(String, JSONText)] = [("startLine", .number(line ?? 1)), ("startColumn", .number(column ?? 1))]
            if let endLine, let endColumn { members += [("endLine", .number(endLine)), ("endColumn", .number(endColumn))] }
            return .object(members)
        }
        let ruleObjects = rules.map { rule in
            var properties: [(String, JSONText)] = [("tags", .array((rule.tags.isEmpty ? ["activemq"] : rule.tags).map(JSONText.string)))]
            if rule.tags.contains("security") {
                properties.append(("security-severity", .string(rule.isMandatory ? "8.0" : "6.0")))
            }
            return JSONText.object([
                ("id", .string(rule.id.rawValue)),
                ("name", .string(rule.id.rawValue)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.summary))])),
                ("help", .object([("text", .string(rule.summary)), ("markdown", .string(rule.page))])),
                ("helpUri", .string(helpURI(rule.id))),
                ("defaultConfiguration", .object([
                    ("level", .string(rule.defaultSeverity(under: profile).map(level) ?? "none")),
                    ("enabled", .bool(rule.defaultSeverity(under: profile) != nil)),
                ])),
                ("properties", .object(properties)),
            ])
        }
        let results = zip(report.findings, fingerprints).map { finding, fingerprint in
            var members: [(String, JSONText)] = [
                ("ruleId", .string(finding.rule.rawValue)),
                ("partialFingerprints", .object([("activemqConfig/v1", .string(fingerprint))])),
                ("ruleIndex", .number(ruleIndex[finding.rule] ?? 0)),
                ("level", .string(level(finding.severity))),
                ("message", .object([("text", .string(finding.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(artifactURI(finding.file ?? "-", cwd: cwd)))])),
                        ("region", region(line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn)),
                    ])),
                ])])),
            ]
            if !finding.notes.isEmpty {
                members.append(("relatedLocations", .array(finding.notes.enumerated().map { index, note in
                    .object([
                        ("id", .number(index + 1)),
                        ("message", .object([("text", .string(note.message))])),
                        ("physicalLocation", .object([
                            ("artifactLocation", .object([("uri", .string(artifactURI(note.file ?? finding.file ?? "-", cwd: cwd)))])),
                            ("region", region(line: note.line, column: note.column)),
                        ])),
                    ])
                })))
            }
            return JSONText.object(members)
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

    /// JUnit XML: a test suite, one test case per file linted, failing with one `<failure>` listing
    /// its findings at or above warning (info findings do not fail it).
    static func junit(_ report: LintReport) -> String {
        let failing = report.findings.filter { $0.severity >= .warning }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"activemq-config lint\" tests=\"\(report.checkedFiles.count)\" failures=\"\(Set(failing.compactMap(\.file)).count)\">\n"
        out += "  <testsuite name=\"activemq-config lint\" tests=\"\(report.checkedFiles.count)\" failures=\"\(Set(failing.compactMap(\.file)).count)\" errors=\"0\">\n"
        for file in report.checkedFiles {
            let own = failing.filter { $0.file == file }
            out += "    <testcase classname=\"activemq-config\" name=\"\(file.xmlAttributeEscaped)\""
            if own.isEmpty {
                out += "/>\n"
                continue
            }
            let summary = "\(own.count) finding(s): " + Set(own.map(\.rule.rawValue)).sorted().joined(separator: ", ")
            out += ">\n      <failure message=\"\(summary.xmlAttributeEscaped)\" type=\"\(own.map(\.severity).max()?.rawValue ?? "warning")\">"
            out += own.map { $0.formatted.xmlTextEscaped }.joined(separator: "\n")
            out += "</failure>\n    </testcase>\n"
        }
        return out + "  </testsuite>\n</testsuites>\n"
    }

    /// Checkstyle 4.3 XML: a `<file>` per file, an `<error>` per finding (`source` is the rule).
    static func checkstyle(_ report: LintReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in report.checkedFiles {
            out += "  <file name=\"\(file.xmlAttributeEscaped)\">\n"
            for finding in report.findings where finding.file == file {
                out += "    <error line=\"\(finding.line ?? 1)\" column=\"\(finding.column ?? 1)\" severity=\"\(finding.severity.rawValue)\""
                out += " message=\"\(finding.message.xmlAttributeEscaped)\" source=\"activemq-config.\(finding.rule.rawValue)\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }

    /// GitLab Code Quality JSON: the fields GitLab requires, its severities (`blocker` for an
    /// embedded password, `major` for an error, `minor` for a warning, `info`), paths relative to
    /// the current directory (the repository's root in CI), and a fingerprint per finding.
    static func gitlab(_ report: LintReport) -> String {
        let cwd = currentDirectory()
        let entries = zip(report.findings, Fingerprint.of(report.findings)).map { finding, fingerprint -> JSONText in
            let severity = finding.rule == .embeddedPassword ? "blocker" : finding.severity == .error ? "major" : finding.severity == .warning ? "minor" : "info"
            return .object([
                ("description", .string(finding.message)),
                ("check_name", .string(finding.rule.rawValue)),
                ("fingerprint", .string(fingerprint)),
                ("severity", .string(severity)),
                ("location", .object([
                    ("path", .string(relativePath(finding.file ?? "-", cwd: cwd))),
                    ("lines", .object([("begin", .number(finding.line ?? 1))])),
                ])),
            ])
        }
        return JSONText.array(entries).rendered()
    }

    /// A path relative to the current directory when it is below it.
    static func relativePath(_ path: String, cwd: String) -> String {
        let absolute = normalize(path.hasPrefix("/") ? path : cwd + "/" + path)
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : path
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

    static func currentDirectory() -> String { currentWorkingDirectory() ?? "/" }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}
