/// An ActiveMQ configuration document: one or more `<broker>` elements, wherever they sit (the
/// root of an Amazon MQ document, inside Spring `<beans>` or OSGi `<blueprint>`), with the core
/// namespace as default or prefixed (`amq:`).
///
/// The model is a view over a `LosslessDocument`: edits change only the bytes they must, and
/// ``bytes`` is the whole document, byte for byte, with them.
public struct BrokerConfiguration: Sendable {
    /// The document.
    public internal(set) var document: LosslessDocument
    /// The bytes as they were read from ``fileName``, for ``save()`` to refuse a file changed since.
    private var original: [UInt8]?
    /// The file the configuration was read from, if any.
    public private(set) var fileName: String?

    /// Wraps a parsed document.
    public init(document: LosslessDocument) {
        self.document = document
    }

    /// Parses a configuration from its bytes (a template when the file name says so: `.j2`,
    /// `.erb`, `.tftpl`, …).
    public init(bytes: [UInt8], path: String? = nil) throws(XMLDocumentError) {
        document = try LosslessDocument(bytes: bytes, path: path)
    }

    /// Parses a configuration, or a template of one in the syntax given (nil: plain XML).
    public init(bytes: [UInt8], path: String?, template: TemplateSyntax?) throws(XMLDocumentError) {
        document = try LosslessDocument(bytes: bytes, path: path, template: template)
    }

    /// Reads and parses a configuration file (`-` reads standard input); a template when the file
    /// name says so. ``save()`` writes it back.
    public init(contentsOfFile path: String) throws(XMLDocumentError) {
        document = try LosslessDocument(contentsOfFile: path)
        original = document.bytes
        fileName = path == "-" ? nil : path
    }

    /// Writes the configuration back to the file it was read from, atomically (temporary file,
    /// fsync, rename; permissions kept), refusing if the file changed since it was read.
    ///
    /// - Throws: `FileWriteError`: `changedOnDisk` when the file changed, `io` when the
    ///   configuration was not read from a file or cannot be written.
    public mutating func save() throws(FileWriteError) {
        guard let fileName else { throw .io(path: "-", message: "the configuration was not read from a file: use write(to:)") }
        try AtomicFile.write(document.bytes, to: fileName, expecting: original)
        original = document.bytes
    }

    /// Writes the configuration to a file, atomically (permissions of an existing file kept).
    public func write(to path: String) throws(FileWriteError) {
        try AtomicFile.write(document.bytes, to: path)
    }

    /// The document's bytes, with every edit made so far.
    public var bytes: [UInt8] { document.bytes }

    /// The brokers, in document order.
    public var brokers: [Broker] {
        document.elements(localName: "broker", namespace: ActiveMQNamespace.core).map(Broker.init(element:))
    }

    // MARK: Editing connectors

    /// Adds a network connector to a broker, inside its `<networkConnectors>` (created at its
    /// alphabetical place among the broker's children when missing: safe for every ActiveMQ
    /// version). The new lines follow the file's indentation, quotes and line ends; nothing else
    /// changes. A commented-out `<networkConnectors>` block stays a comment.
    ///
    /// Before the edit is kept, `rules` judge the document as it would be, under `settings`: an
    /// error-level finding on the new connector refuses the edit (the document is unchanged);
    /// warnings are returned.
    ///
    /// - Parameters:
    ///   - definition: The connector.
    ///   - broker: The broker, by identity: the only one (the default), a `brokerName`, or a position.
    ///   - settings: The profile, disabled rules and severities (as `.activemq-config.json` gives them).
    ///   - rules: The rules that judge the edit; the model's own by default (the command-line tool
    ///     passes the linter's whole set).
    /// - Returns: The new connector and the warnings.
    /// - Throws: ``ConnectorError/refused(_:)`` with the error-level findings, or another
    ///   ``ConnectorError`` for a value that cannot be written at all.
    @discardableResult
    public mutating func addNetworkConnector(_ definition: NetworkConnectorDefinition, to broker: BrokerSelector = .only,
                                             settings: RuleSettings, rules: RuleSet = .model) throws(ConnectorError) -> ConnectorEdit {
        let attributes = try definition.attributeList()
        let connector = NewElement("networkConnector", attributes: attributes.map { ($0.name, $0.value) }, children: definition.filterElements)
        let broker = try self.broker(broker)
        let (candidate, inserted) = try inserting(connector, into: broker.networkConnectorsElement, named: "networkConnectors", of: broker)
        let warnings = try Self.judge(candidate, edited: inserted, settings: settings, rules: rules)
        document = candidate
        return ConnectorEdit(connector: NetworkConnector(element: inserted), warnings: warnings)
    }

    /// Adds a network connector, judged by the model's rules under the target's profile.
    ///
    /// - Returns: The new connector (use ``addNetworkConnector(_:to:settings:rules:)`` for the warnings).
    @discardableResult
    public mutating func addNetworkConnector(_ definition: NetworkConnectorDefinition, to broker: BrokerSelector = .only,
                                             target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> NetworkConnector {
        try addNetworkConnector(definition, to: broker, settings: RuleSettings(profile: target.profile)).connector
    }

    /// Changes attributes of a network connector, all in one edit (one parse): only their values
    /// change, and attributes it did not have are added after its last attribute. The rules judge
    /// the result as ``addNetworkConnector(_:to:settings:rules:)`` does.
    ///
    /// - Parameters:
    ///   - name: The connector's effective name: its `name` as written (a `${…}` placeholder
    ///     too), or `NC` for one without a name.
    ///   - broker: The broker, by identity: the only one (the default), a `brokerName`, or a position.
    ///   - change: The new values.
    ///   - settings: The profile, disabled rules and severities.
    ///   - rules: The rules that judge the edit.
    /// - Throws: ``ConnectorError/noSuchConnector(_:element:)``, ``ConnectorError/ambiguousName(_:lines:element:)``,
    ///   ``ConnectorError/refused(_:)``, or another ``ConnectorError``.
    @discardableResult
    public mutating func updateNetworkConnector(named name: String, in broker: BrokerSelector = .only, _ change: NetworkConnectorChange,
                                                settings: RuleSettings, rules: RuleSet = .model) throws(ConnectorError) -> ConnectorEdit {
        let connector = try networkConnector(named: name, in: broker)
        // Attribute values and filter lists in one batch: one parse.
        let filters = try Self.filterEdits(change.destinationFilterChanges, on: connector.element, in: document)
        let (candidate, updated) = try settingAttributes(try change.assignments(), on: connector.element, with: filters)
        let warnings = try Self.judge(candidate, edited: updated, settings: settings, rules: rules)
        document = candidate
        return ConnectorEdit(connector: NetworkConnector(element: updated), warnings: warnings)
    }

    /// Changes attributes of a network connector, judged by the model's rules under the target's profile.
    @discardableResult
    public mutating func updateNetworkConnector(named name: String, in broker: BrokerSelector = .only, _ change: NetworkConnectorChange,
                                                target: ConfigurationTarget = .activeMQ) throws(ConnectorError) -> NetworkConnector {
        try updateNetworkConnector(named: name, in: broker, change, settings: RuleSettings(profile: target.profile)).connector
    }

    /// Removes a network connector and its own lines. When it was the last one, the
    /// `<networkConnectors>` element it leaves empty goes too (unless it still holds comments,
    /// which are never removed).
    ///
    /// - Parameters:
    ///   - name: The connector's effective name (`NC` for one without a name).
    ///   - broker: The broker, by identity: the only one (the default), a `brokerName`, or a position.
    public mutating func removeNetworkConnector(named name: String, from broker: BrokerSelector = .only) throws(ConnectorError) {
        try removingWithEmptiedList(try networkConnector(named: name, in: broker).element)
    }

    /// The document with `connector` appended to `list`, or, without one, to a new list element
    /// `listName` placed before the broker's first child that sorts after it (the order ActiveMQ's
    /// own files use); and the inserted element in it. `self` is unchanged.
    private func inserting(_ connector: NewElement, into list: LosslessDocument.Element?, named listName: String,
                           of broker: Broker) throws(ConnectorError) -> (LosslessDocument, LosslessDocument.Element) {
        var candidate = document
        do throws(XMLEditError) {
            if let list {
                let inserted = try candidate.insertChild(connector, into: list)
                return (candidate, inserted)
            }
            let following = broker.element.childElements.first { $0.localName > listName }
            let created = try candidate.insertChild(NewElement(listName, children: [connector]), into: broker.element,
                                                    at: following.map(InsertionPoint.before) ?? .end)
            guard let first = created.childElements.first else { throw XMLEditError.notAChild }
            return (candidate, first)
        } catch {
            throw .edit(error)
        }
    }

    /// The document with `assignments` set on `element` in one edit (values already equal left
    /// alone), and the edited element in it; `self` is unchanged.
    private func settingAttributes(_ assignments: [NewElement.Attribute], on element: LosslessDocument.Element,
                                   with others: [TextEdit] = []) throws(ConnectorError) -> (LosslessDocument, LosslessDocument.Element) {
        var candidate = document
        do throws(XMLEditError) {
            var edits: [TextEdit] = others
            for assignment in assignments where element.attribute(assignment.name)?.value != assignment.value {
                edits.append(try candidate.editSettingAttribute(assignment.name, to: assignment.value, on: element))
            }
            try candidate.apply(edits)
        } catch {
            throw .edit(error)
        }
        guard let updated = candidate.element(startingAt: element.range.lowerBound) else { throw .edit(.staleView) }
        return (candidate, updated)
    }

    /// Removes `element` and its own lines, then its parent list if that holds nothing but
    /// whitespace (comments are never removed).
    private mutating func removingWithEmptiedList(_ element: LosslessDocument.Element) throws(ConnectorError) {
        let listStart = element.parent?.range.lowerBound
        do throws(XMLEditError) {
            try document.removeElement(element)
            if let listStart, let emptied = document.element(startingAt: listStart),
                emptied.children.allSatisfy({ $0.kind == .text && $0.sourceText.allSatisfy(\.isWhitespace) })
            {
                try document.removeElement(emptied)
            }
        } catch {
            throw .edit(error)
        }
    }

    // MARK: Editing transport connectors

    /// Adds a transport connector to a broker, inside its `<transportConnectors>` (created when
    /// missing), judged like ``addNetworkConnector(_:to:settings:rules:)``; a literal password in
    /// the URI is refused as well (`plaintext-secret`), since nothing the tool writes holds one.
    @discardableResult
    public mutating func addTransportConnector(_ definition: TransportConnectorDefinition, to broker: BrokerSelector = .only,
                                               settings: RuleSettings = RuleSettings(), rules: RuleSet = .model) throws(ConnectorError) -> TransportConnectorEdit {
        let attributes = try definition.attributeList()
        let connector = NewElement("transportConnector", attributes: attributes.map { ($0.name, $0.value) })
        let broker = try self.broker(broker)
        let list = broker.element.childElements(localName: "transportConnectors", namespace: ActiveMQNamespace.core).first
        let (candidate, inserted) = try inserting(connector, into: list, named: "transportConnectors", of: broker)
        let warnings = try Self.judge(candidate, edited: inserted, settings: settings, rules: rules, blocking: Self.transportBlocking)
        document = candidate
        return TransportConnectorEdit(connector: TransportConnector(element: inserted), warnings: warnings)
    }

    /// Changes attributes of a transport connector (named by its `name`, else its URI), in one edit,
    /// judged like an addition.
    @discardableResult
    public mutating func updateTransportConnector(named name: String, in broker: BrokerSelector = .only, _ change: TransportConnectorChange,
                                                  settings: RuleSettings = RuleSettings(), rules: RuleSet = .model) throws(ConnectorError) -> TransportConnectorEdit {
        let connector = try transportConnector(named: name, in: broker)
        if change.attributes.contains(where: { $0.name == "name" && $0.value.isEmpty }) { throw .invalidName }
        let assignments = change.attributes.filter { $0.name != "name" && $0.name != "uri" }
            + change.attributes.filter { $0.name == "name" || $0.name == "uri" }
        let (candidate, updated) = try settingAttributes(assignments, on: connector.element)
        let warnings = try Self.judge(candidate, edited: updated, settings: settings, rules: rules, blocking: Self.transportBlocking)
        document = candidate
        return TransportConnectorEdit(connector: TransportConnector(element: updated), warnings: warnings)
    }

    /// Removes a transport connector (named by its `name`, else its URI) and its own lines; an
    /// emptied `<transportConnectors>` goes too (unless it holds comments).
    public mutating func removeTransportConnector(named name: String, from broker: BrokerSelector = .only) throws(ConnectorError) {
        try removingWithEmptiedList(try transportConnector(named: name, in: broker).element)
    }

    /// Findings that refuse a transport connector edit whatever their severity: a literal password
    /// in its URI, and (with the linter's rules, under amazon-mq) what Amazon MQ would strip.
    static let transportBlocking: Set<RuleID> = [.plaintextSecret, RuleID(rawValue: "amazon-mq-sanitized")]

    static func transportConnector(named name: String, in broker: Broker) throws(ConnectorError) -> TransportConnector {
        let found = broker.transportConnectors.filter { $0.effectiveName == name }
        guard let first = found.first else { throw .noSuchConnector(name, element: "transportConnector") }
        guard found.count == 1 else {
            throw .ambiguousName(name, lines: found.map { $0.element.position.line }, element: "transportConnector")
        }
        return first
    }

    /// The one connector of the broker with this effective name.
    static func connector(named name: String, in broker: Broker) throws(ConnectorError) -> NetworkConnector {
        let found = broker.networkConnectors(named: name)
        guard let first = found.first else { throw .noSuchConnector(name) }
        guard found.count == 1 else { throw .ambiguousName(name, lines: found.map { $0.element.position.line }) }
        return first
    }

    /// Runs the rules on the document as it would be; refuses on an error that concerns the edited
    /// connector (at it, or with a note pointing at it), and returns the warnings that do.
    static func judge(_ candidate: LosslessDocument, edited: LosslessDocument.Element, settings: RuleSettings,
                      rules: RuleSet, blocking: Set<RuleID> = []) throws(ConnectorError) -> [Diagnostic] {
        try judge(candidate, edited: [edited.range], settings: settings, rules: rules, blocking: blocking)
    }

    /// Runs the rules once on the document as it would be; refuses on an error that concerns any
    /// of the edited ranges, and returns the warnings that do.
    static func judge(_ candidate: LosslessDocument, edited ranges: [Range<Int>], settings: RuleSettings,
                      rules: RuleSet, blocking: Set<RuleID> = []) throws(ConnectorError) -> [Diagnostic] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        func inEdited(_ offset: Int) -> Bool {
            // The last range starting at or before the offset (ranges of distinct connectors never nest).
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
            }
            return low > 0 && sorted[low - 1].contains(offset)
        }
        func concerns(_ diagnostic: Diagnostic) -> Bool {
            if let offset = diagnostic.byteRange?.lowerBound, inEdited(offset) { return true }
            return diagnostic.notes.contains { note in
                note.file == diagnostic.file && note.byteRange.map { inEdited($0.lowerBound) } == true
            }
        }
        let findings = rules.check(BrokerConfiguration(document: candidate), path: candidate.path ?? "-", settings: settings)
            .filter(concerns)
        let errors = findings.filter { $0.severity == .error || blocking.contains($0.rule) }.map { finding in
            var refused = finding
            refused.severity = .error
            return refused
        }
        if !errors.isEmpty { throw .refused(errors) }
        return findings
    }
}

/// What an edit of a transport connector did: the connector as written, and the warnings.
public struct TransportConnectorEdit: Sendable {
    /// The connector, in the edited document.
    public var connector: TransportConnector
    /// Warning- and info-level findings on the connector.
    public var warnings: [Diagnostic]
}

/// What an edit of a connector did: the connector as written, and the warnings the rules raised
/// about it (an edit with error-level findings is refused instead).
public struct ConnectorEdit: Sendable {
    /// The connector, in the edited document.
    public var connector: NetworkConnector
    /// Warning- and info-level findings on the connector.
    public var warnings: [Diagnostic]
}

/// New values for some attributes of an existing network connector.
///
/// ```swift
/// // MyBroker2 became an active/standby pair:
/// try configuration.updateNetworkConnector(named: "connector_1_to_2", in: broker,
///     NetworkConnectorChange().remote(.activeStandbyPair(active: "ssl://…-1…:61617", standby: "ssl://…-2…:61617")))
/// ```
public struct NetworkConnectorChange: Sendable, Hashable {
    /// A new name.
    public var name: String?
    /// New remote brokers (a new `uri`).
    public var remote: RemoteBrokers?
    /// A new user.
    public var userName: String?
    /// A new duplex setting.
    public var duplex: Bool?
    /// A new network TTL.
    public var networkTTL: Int?
    /// A new password reference.
    public var password: SecretReference?
    /// Other attributes to set.
    public var otherAttributes: [NewElement.Attribute] = []
    /// Changes to the destination filter lists, applied in order after the attributes.
    public var destinationFilterChanges: [DestinationFilterChange] = []

    /// No change yet.
    public init() {}

    /// Renames the connector.
    public func name(_ name: String) -> Self { var copy = self; copy.name = name; return copy }
    /// Points the connector at other brokers.
    public func remote(_ remote: RemoteBrokers) -> Self { var copy = self; copy.remote = remote; return copy }
    /// Changes the user.
    public func userName(_ userName: String) -> Self { var copy = self; copy.userName = userName; return copy }
    /// Changes duplex.
    public func duplex(_ duplex: Bool) -> Self { var copy = self; copy.duplex = duplex; return copy }
    /// Changes the network TTL.
    public func networkTTL(_ hops: Int) -> Self { var copy = self; copy.networkTTL = hops; return copy }
    /// Refers to the password by placeholder.
    public func password(_ reference: SecretReference) -> Self { var copy = self; copy.password = reference; return copy }
    /// Sets another attribute (the last value given for a name wins).
    public func attribute(_ name: String, _ value: String) -> Self {
        var copy = self
        copy.otherAttributes.removeAll { $0.name == name }
        copy.otherAttributes.append(.init(name: name, value: value))
        return copy
    }

    /// Whether the change changes nothing at all.
    public var isEmpty: Bool {
        name == nil && remote == nil && userName == nil && duplex == nil && networkTTL == nil && password == nil && otherAttributes.isEmpty
            && destinationFilterChanges.isEmpty
    }

    /// The attribute assignments, each value checked (the rules judge the result).
    func assignments() throws(ConnectorError) -> [NewElement.Attribute] {
        try ConnectorValues.assignments(
            name: name, userName: userName, password: password, duplex: duplex, networkTTL: networkTTL,
            others: otherAttributes, remote: remote)
    }
}
