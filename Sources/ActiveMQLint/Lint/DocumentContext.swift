import ActiveMQConfig

/// One parsed file being linted, and the findings collected for it.
final class DocumentContext {
    let path: String
    let configuration: BrokerConfiguration
    let settings: LintSettings
    private(set) var findings: [Finding] = []

    var document: LosslessDocument { configuration.document }
    var brokers: [Broker] { configuration.brokers }

    init(path: String, configuration: BrokerConfiguration, settings: LintSettings) {
        self.path = path
        self.configuration = configuration
        self.settings = settings
    }

    /// Records a finding at a byte offset, if the rule is on for this file.
    func report(_ rule: RuleID, at offset: Int, _ message: String) {
        guard let definition = RuleCatalog.rule(rule), let severity = settings.severity(of: definition) else { return }
        let position = document.position(ofOffset: offset)
        var finding = Finding(file: path, line: position.line, column: position.column, severity: severity, rule: rule, message: message)
        finding.offset = offset
        findings.append(finding)
    }

    /// Records a finding at an element's start tag.
    func report(_ rule: RuleID, _ element: LosslessDocument.Element, _ message: String) {
        report(rule, at: element.range.lowerBound, message)
    }

    /// Records a finding at an attribute's name.
    func report(_ rule: RuleID, _ attribute: LosslessDocument.Attribute, _ message: String) {
        report(rule, at: attribute.range.lowerBound, message)
    }

    /// Records a finding at a character of an attribute's value (an offset in Unicode scalars
    /// into the value as XML reads it), mapped back to the bytes as written.
    func report(_ rule: RuleID, _ attribute: LosslessDocument.Attribute, valueOffset: Int, _ message: String) {
        report(rule, at: attribute.valueRange.lowerBound + Self.rawByteOffset(attribute.rawValue, valueOffset: valueOffset), message)
    }

    /// Where the `valueOffset`-th character of the decoded value starts in the raw value, in
    /// bytes: a reference (`&amp;`) or a CRLF counts as one character.
    static func rawByteOffset(_ raw: String, valueOffset: Int) -> Int {
        let scalars = Array(raw.unicodeScalars)
        var i = 0
        var decoded = 0
        var bytes = 0
        while i < scalars.count && decoded < valueOffset {
            var length = 1
            if scalars[i] == "&", let end = scalars[i...].firstIndex(of: ";") {
                length = end - i + 1
            } else if scalars[i] == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                length = 2
            }
            for scalar in scalars[i..<(i + length)] { bytes += String(scalar).utf8.count }
            i += length
            decoded += 1
        }
        return bytes
    }

    /// Replaces the findings (after suppressions).
    func replaceFindings(_ findings: [Finding]) {
        self.findings = findings
    }
}
