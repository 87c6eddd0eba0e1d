/// What a document rule's check receives: the document's ``DocumentIndex`` and a way to report,
/// bound to the rule being run.
///
/// A check cannot report under another rule's id, nor read or change another rule's findings:
/// every `report` is recorded under the rule the engine bound, at the severity the settings give
/// it for this file. A check is never called for a rule that is off.
public struct RuleContext {
    /// The document, indexed.
    public let index: DocumentIndex
    /// The rule being run.
    public let rule: Rule
    /// The severity its findings have in this file.
    public let severity: Severity
    let sink: FindingSink

    init(index: DocumentIndex, rule: Rule, severity: Severity, sink: FindingSink) {
        self.index = index
        self.rule = rule
        self.severity = severity
        self.sink = sink
    }

    /// The file, as given (`-` for standard input).
    public var path: String { index.path }
    /// The configuration.
    public var configuration: BrokerConfiguration { index.configuration }
    /// The document.
    public var document: LosslessDocument { index.document }
    /// The settings for this file.
    public var settings: RuleSettings { index.settings }
    /// The brokers.
    public var brokers: [Broker] { index.brokers }
    /// Whether the profile is `amazon-mq`.
    public var isAmazonMQ: Bool { settings.profile.isAmazonMQ }
    /// The network connectors of every broker, URIs parsed once (``DocumentIndex/networkConnectors``).
    public var networkConnectors: [IndexedNetworkConnector] { index.networkConnectors }
    /// The transport connectors of every broker, URIs parsed once (``DocumentIndex/transportConnectors``).
    public var transportConnectors: [IndexedTransportConnector] { index.transportConnectors }

    // MARK: Reporting

    /// Records a finding over a byte range.
    public func report(range: Range<Int>, element: LosslessDocument.Element? = nil, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        sink.findings.append(index.diagnostic(rule: rule.id, severity: severity, range: range, element: element,
                                              message: message, notes: notes, fix: fix))
    }

    /// Records a finding at a byte offset.
    public func report(at offset: Int, _ message: String, notes: [Diagnostic.Note] = []) {
        report(range: offset..<offset, message, notes: notes)
    }

    /// Records a finding on an element's start tag.
    public func report(_ element: LosslessDocument.Element, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(range: element.startTagRange, element: element, message, notes: notes, fix: fix)
    }

    /// Records a finding on an attribute (`name="value"`).
    public func report(_ attribute: LosslessDocument.Attribute, of element: LosslessDocument.Element,
                       _ message: String, notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(range: attribute.range, element: element, message, notes: notes, fix: fix)
    }

    /// Records a finding at a character of an attribute's value (an offset in Unicode scalars
    /// into the value as XML reads it), mapped back to the bytes as written.
    public func report(_ attribute: LosslessDocument.Attribute, of element: LosslessDocument.Element,
                       valueOffset: Int, length: Int = 1, _ message: String, fix: Diagnostic.Fix? = nil) {
        report(range: attribute.valueByteRange(scalarOffset: valueOffset, length: length), element: element, message, fix: fix)
    }

    /// A note pointing at an element of this document.
    public func note(_ element: LosslessDocument.Element, _ message: String) -> Diagnostic.Note {
        index.note(element, message)
    }

    // MARK: Shared readings

    /// Whether two elements of a template sit in exclusive branches (an `else`, `elif` or `elsif`
    /// tag between them): only one of them is ever rendered, so duplicate rules never pair them.
    public func inExclusiveBranches(_ first: LosslessDocument.Element, _ second: LosslessDocument.Element) -> Bool {
        index.inExclusiveBranches(first, second)
    }

    /// A network connector's URI as the rules judge it (``IndexedNetworkConnector/uriIgnoringWhitespace``),
    /// parsed once per document however many rules ask.
    public func judgedURI(of connector: NetworkConnector) -> NetworkConnectorURI? {
        index.networkConnector(at: connector.element)?.uriIgnoringWhitespace
    }

    /// Calls `body` for every network connector of every broker whose `uri` is a literal that
    /// parses, or would without its whitespace (a URI that does not parse is `uri-syntax`'s to report).
    public func forEachConnectorURI(_ body: (NetworkConnector, LosslessDocument.Attribute, NetworkConnectorURI) -> Void) {
        for entry in networkConnectors {
            guard let attribute = entry.connector.element.attribute("uri"), let uri = entry.uriIgnoringWhitespace else { continue }
            body(entry.connector, attribute, uri)
        }
    }
}

/// Where the findings of one rule on one document go; only the engine reads them.
final class FindingSink {
    var findings: [Diagnostic] = []
}

extension DocumentIndex {
    /// A finding of `rule` at `range`, positioned in this document, with the anchor fingerprints
    /// are made from.
    package func diagnostic(rule: RuleID, severity: Severity, range: Range<Int>, element: LosslessDocument.Element?,
                            message: String, notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) -> Diagnostic {
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
        return diagnostic
    }

    /// A note pointing at an element of this document.
    public func note(_ element: LosslessDocument.Element, _ message: String) -> Diagnostic.Note {
        let position = element.position
        return Diagnostic.Note(file: path, line: position.line, column: position.column, byteRange: element.startTagRange, message: message)
    }

    /// Whether two elements of a template sit in exclusive branches (an `else`, `elif` or `elsif`
    /// tag between them).
    public func inExclusiveBranches(_ first: LosslessDocument.Element, _ second: LosslessDocument.Element) -> Bool {
        guard document.template != nil else { return false }
        let between = min(first.range.upperBound, second.range.lowerBound)..<max(first.range.upperBound, second.range.lowerBound)
        return self[Self.templateTagsPart].contains { $0.isBranch && between.contains($0.range.lowerBound) }
    }
}

extension LosslessDocument.Attribute {
    /// The bytes, in the value as written, of `length` characters starting at the `scalarOffset`-th
    /// character of the value as XML reads it (a reference such as `&amp;`, or a CRLF, is one
    /// character); clamped to the value.
    public func valueByteRange(scalarOffset: Int, length: Int) -> Range<Int> {
        let start = valueRange.lowerBound + Self.rawByteOffset(rawValue, valueOffset: scalarOffset)
        let end = valueRange.lowerBound + Self.rawByteOffset(rawValue, valueOffset: scalarOffset + length)
        return start..<min(max(start, end), valueRange.upperBound)
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
