/// The documents of one run seen as one network of brokers, with the parts computed from all of
/// them (the network model) built once per run on first use and dropped with the run.
public final class NetworkIndex: Sendable {
    /// The documents, in input order.
    public let documents: [DocumentIndex]
    /// The network spec (`--network`), if any.
    public let spec: NetworkSpec?
    private let parts = PartCache()

    /// Indexes a run's documents as one network.
    public init(documents: [DocumentIndex], spec: NetworkSpec?) {
        self.documents = documents
        self.spec = spec
    }

    /// A part computed from every document, typed and identified by its key.
    public final class Part<Value: Sendable>: Sendable {
        /// A name for tests and traces.
        public let name: String
        let build: @Sendable (NetworkIndex) -> Value

        /// A part built by `build` (declare it once, as a `static let`).
        public init(_ name: String, build: @escaping @Sendable (NetworkIndex) -> Value) {
            self.name = name
            self.build = build
        }
    }

    /// The part's value, built now if no one has asked for it yet.
    public subscript<Value>(part: Part<Value>) -> Value {
        parts.value(ObjectIdentifier(part), name: part.name) { part.build(self) }
    }
}

/// What a network rule's check receives: every document of the run, the network's shared parts,
/// and a way to report in any of the documents, bound to the rule being run.
///
/// A finding in a file where the rule is off is dropped; a check is never called when the rule is
/// off in every file.
public struct NetworkContext {
    /// The run's documents and shared parts.
    public let network: NetworkIndex
    /// The rule being run.
    public let rule: Rule
    let severities: [Severity?]
    let sinks: [FindingSink]

    init(network: NetworkIndex, rule: Rule, severities: [Severity?], sinks: [FindingSink]) {
        self.network = network
        self.rule = rule
        self.severities = severities
        self.sinks = sinks
    }

    /// The documents, in input order.
    public var documents: [DocumentIndex] { network.documents }
    /// The network spec (`--network`), if any.
    public var spec: NetworkSpec? { network.spec }

    /// A shared part of the network (built once per run).
    public subscript<Value>(part: NetworkIndex.Part<Value>) -> Value { network[part] }

    /// Records a finding over a byte range of document number `document`.
    public func report(in document: Int, range: Range<Int>, element: LosslessDocument.Element? = nil, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        guard documents.indices.contains(document), let severity = severities[document] else { return }
        sinks[document].findings.append(documents[document].diagnostic(
            rule: rule.id, severity: severity, range: range, element: element, message: message, notes: notes, fix: fix))
    }

    /// Records a finding on an element's start tag in document number `document`.
    public func report(in document: Int, _ element: LosslessDocument.Element, _ message: String,
                       notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(in: document, range: element.startTagRange, element: element, message, notes: notes, fix: fix)
    }

    /// Records a finding on an attribute in document number `document`.
    public func report(in document: Int, _ attribute: LosslessDocument.Attribute, of element: LosslessDocument.Element,
                       _ message: String, notes: [Diagnostic.Note] = [], fix: Diagnostic.Fix? = nil) {
        report(in: document, range: attribute.range, element: element, message, notes: notes, fix: fix)
    }
}
