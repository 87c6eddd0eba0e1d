/// One parsed document being checked, and the diagnostics its rules raise.
///
/// A rule's check receives it, reads the configuration and ``settings``, and calls `report`;
/// the severity comes from the rule set and the settings, in one place, so a rule that is off
/// reports nothing.
public final class RuleContext {
    /// The file, as given (`-` for standard input).
    public let path: String
    /// The configuration.
    public let configuration: BrokerConfiguration
    /// The settings for this file.
    public let settings: RuleSettings
    /// The rules the severities come from.
    public let rules: RuleSet
    /// The diagnostics raised so far.
    public private(set) var diagnostics: [Diagnostic] = []
    private var memos: [String: Any] = [:]
    private var judgedURIs: [Int: NetworkConnectorURI?] = [:]

    /// A context for one document.
    public init(path: String, configuration: BrokerConfiguration, settings: RuleSettings, rules: RuleSet) {
        self.path = path
        self.configuration = configuration
        self.settings = settings
        self.rules = rules
    }

    /// The document.
    public var document: LosslessDocument { configuration.document }
    /// The brokers.
    public var brokers: [Broker] { configuration.brokers }
    /// Whether the profile is `amazon-mq`.
    public var isAmazonMQ: Bool { settings.profile.isAmazonMQ }

    /// A value computed once per document and shared by the rules that need it (a schema walk,
    /// a network graph).
    public func memo<T>(_ key: String, _ make: () -> T) -> T {
        if let stored = memos[key], let value = stored as? T { return value }
        let value = make()
        memos[key] = value
        return value
    }

    /// Records a diagnostic over a byte range, if the rule is on for this file.
    public func report(_ rule: RuleID, range: Range<Int>, element: LosslessDocument.Element? = nil, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        guard let definition = rules[rule], let severity = settings.severity(of: definition) else { return }
        let start = document.position(ofOffset: range.lowerBound)
        let end = document.position(ofOffset: range.upperBound)
        var diagnostic = Diagnostic(
            file: path, line: start.line, column: start.column, severity: severity, code: rule.rawValue, message: message,
            byteRange: range, endLine: end.line, endColumn: end.column, elementPath: element?.path,
            notes: notes, fix: fix)
        if let element {
            let attribute = element.attributes.first { $0.range.contains(range.lowerBound) || $0.valueRange.contains(range.lowerBound) }
            diagnostic.anchor = element.identity + (attribute.map { "@\($0.qualifiedName)" } ?? "")
        } else {
            // No element: the innermost element holding the place, or the text of the message.
            diagnostic.anchor = document.allElements.last { $0.range.contains(range.lowerBound) }?.identity ?? message
        }
        diagnostics.append(diagnostic)
    }

    /// Records a diagnostic at a byte offset.
    public func report(_ rule: RuleID, at offset: Int, _ message: String, notes: [Diagnostic.Note] = []) {
        report(rule, range: offset..<offset, message, notes: notes)
    }

    /// Records a diagnostic on an element's start tag.
    public func report(_ rule: RuleID, _ element: LosslessDocument.Element, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(rule, range: element.startTagRange, element: element, message, notes: notes, fix: fix)
    }

    /// Records a diagnostic on an attribute (`name="value"`).
    public func report(_ rule: RuleID, _ attribute: LosslessDocument.Attribute, of element: LosslessDocument.Element,
                       _ message: String, notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(rule, range: attribute.range, element: element, message, notes: notes, fix: fix)
    }

    /// Records a diagnostic at a character of an attribute's value (an offset in Unicode scalars
    /// into the value as XML reads it), mapped back to the bytes as written.
    public func report(_ rule: RuleID, _ attribute: LosslessDocument.Attribute, of element: LosslessDocument.Element,
                       valueOffset: Int, length: Int = 1, _ message: String, fix: Diagnostic.Fix? = nil) {
        let start = attribute.valueRange.lowerBound + Self.rawByteOffset(attribute.rawValue, valueOffset: valueOffset)
        let end = attribute.valueRange.lowerBound + Self.rawByteOffset(attribute.rawValue, valueOffset: valueOffset + length)
        report(rule, range: start..<min(max(start, end), attribute.valueRange.upperBound), element: element, message, fix: fix)
    }

    /// A note pointing at an element of this document.
    public func note(_ element: LosslessDocument.Element, _ message: String) -> Diagnostic.Note {
        let position = element.position
        return Diagnostic.Note(file: path, line: position.line, column: position.column, byteRange: element.startTagRange, message: message)
    }

    /// Replaces the diagnostics (after suppressions).
    public func replaceDiagnostics(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
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
}

extension RuleContext {
    /// Whether two elements of a template sit in exclusive branches (an `else`, `elif` or `elsif`
    /// tag between them): only one of them is ever rendered, so duplicate rules never pair them.
    public func inExclusiveBranches(_ first: LosslessDocument.Element, _ second: LosslessDocument.Element) -> Bool {
        guard let template = document.template else { return false }
        let between = min(first.range.upperBound, second.range.lowerBound)..<max(first.range.upperBound, second.range.lowerBound)
        let tags = memo("template-tags") { template.tags(in: document.bytes) }
        return tags.contains { $0.isBranch && between.contains($0.range.lowerBound) }
    }

    /// A network connector's URI as the rules judge it (``NetworkConnector/judgedURI``), parsed
    /// once per document however many rules ask.
    public func judgedURI(of connector: NetworkConnector) -> NetworkConnectorURI? {
        let key = connector.element.range.lowerBound
        if let known = judgedURIs[key] { return known }
        let uri = connector.judgedURI
        judgedURIs[key] = .some(uri)
        return uri
    }

    /// Calls `body` for every network connector of every broker whose `uri` is a literal that
    /// parses, or would without its whitespace (``NetworkConnector/judgedURI``; a URI that does not
    /// parse is `uri-syntax`'s to report).
    public func forEachConnectorURI(_ body: (NetworkConnector, LosslessDocument.Attribute, NetworkConnectorURI) -> Void) {
        for broker in brokers {
            for connector in broker.networkConnectors {
                guard let attribute = connector.element.attribute("uri"), let uri = judgedURI(of: connector) else { continue }
                body(connector, attribute, uri)
            }
        }
    }
}
