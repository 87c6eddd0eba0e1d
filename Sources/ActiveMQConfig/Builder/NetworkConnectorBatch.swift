/// One edit of a broker's network connectors, for ``BrokerConfiguration/applyNetworkConnectorEdits(_:to:settings:rules:)``.
public enum NetworkConnectorEdit: Sendable, Hashable {
    /// Adds a connector.
    case add(NetworkConnectorDefinition)
    /// Changes the connector with this effective name (`NC` for an unnamed one).
    case update(named: String, NetworkConnectorChange)
    /// Removes the connector with this effective name.
    case remove(named: String)
}

extension BrokerConfiguration {
    /// Applies several edits to one broker's network connectors with one parse and one judgement,
    /// however many there are: what generation and batched edits use, so their cost grows with
    /// the document, not with its square.
    ///
    /// The bytes are those the edits would give one by one: new connectors go to the end of
    /// `<networkConnectors>` in order (the list is created when missing), changed attributes keep
    /// their places, removed connectors take their lines with them (and an emptied list goes,
    /// unless it holds comments). The rules then judge the whole result once, as
    /// ``addNetworkConnector(_:to:settings:rules:)`` judges one connector: an error on any edited
    /// connector refuses the whole batch and leaves the document unchanged.
    ///
    /// - Returns: The warnings on the edited connectors.
    /// - Throws: ``ConnectorError/refused(_:)`` with the error-level findings, or the first edit's
    ///   ``ConnectorError`` (a connector not found, an ambiguous name, a value that cannot be written).
    @discardableResult
    public mutating func applyNetworkConnectorEdits(_ edits: [NetworkConnectorEdit], to selector: BrokerSelector = .only,
                                                    settings: RuleSettings, rules: RuleSet = .model) throws(ConnectorError) -> [Diagnostic] {
        guard !edits.isEmpty else { return [] }
        let broker = try self.broker(selector)
        // The broker's connectors by effective name, read once (each edit's look-up is then a
        // dictionary read, not a walk of the broker).
        let byName = Dictionary(grouping: broker.networkConnectors, by: \.effectiveName)
        func connector(named name: String) throws(ConnectorError) -> NetworkConnector {
            guard let found = byName[name], let first = found.first else { throw .noSuchConnector(name) }
            guard found.count == 1 else { throw .ambiguousName(name, lines: found.map { $0.element.position.line }) }
            return first
        }
        var textEdits: [TextEdit] = []
        var additions: [NewElement] = []
        var removed: [LosslessDocument.Element] = []
        var editedNames: [String] = []

        /// An edit primitive's error, as the builder's.
        func xml<T>(_ body: () throws(XMLEditError) -> T) throws(ConnectorError) -> T {
            do {
                return try body()
            } catch {
                throw .edit(error)
            }
        }
        do {
            for edit in edits {
                switch edit {
                case .add(let definition):
                    let attributes = try definition.attributeList()
                    additions.append(NewElement("networkConnector", attributes: attributes.map { ($0.name, $0.value) },
                                                children: definition.filterElements))
                    editedNames.append(definition.name)
                case .update(let name, let change):
                    let connector = try connector(named: name)
                    for assignment in try change.assignments() where connector.element.attribute(assignment.name)?.value != assignment.value {
                        textEdits.append(try xml { () throws(XMLEditError) in
                            try document.editSettingAttribute(assignment.name, to: assignment.value, on: connector.element)
                        })
                    }
                    editedNames.append(change.name ?? name)
                    textEdits += try Self.filterEdits(change.destinationFilterChanges, on: connector.element, in: document)
                case .remove(let name):
                    removed.append(try connector(named: name).element)
                }
            }
            let list = broker.networkConnectorsElement
            if let list, additions.isEmpty, !removed.isEmpty,
                list.children.allSatisfy({ node in
                    (node.kind == .text && node.sourceText.allSatisfy(\.isWhitespace)) || removed.contains { $0.range == node.range }
                })
            {
                // Every connector goes and nothing else is in the list: the list goes with them.
                textEdits.append(try xml { () throws(XMLEditError) in try document.editRemovingElement(list) })
            } else {
                for element in removed { textEdits.append(try xml { () throws(XMLEditError) in try document.editRemovingElement(element) }) }
            }
            if !additions.isEmpty {
                if let list {
                    textEdits.append(try xml { () throws(XMLEditError) in try document.editInsertingChildren(additions, into: list) })
                } else {
                    let following = broker.element.childElements.first { $0.localName > "networkConnectors" }
                    textEdits.append(try xml { () throws(XMLEditError) in
                        try document.editInsertingChild(NewElement("networkConnectors", children: additions), into: broker.element,
                                                        at: following.map(InsertionPoint.before) ?? .end)
                    })
                }
            }
        }
        let candidate: LosslessDocument
        do {
            candidate = try document.applying(textEdits)
        } catch {
            throw .edit(error)
        }
        let edited = Dictionary(grouping: try BrokerConfiguration(document: candidate).broker(selector).networkConnectors, by: \.effectiveName)
        var ranges: [Range<Int>] = []
        for name in editedNames {
            guard let found = edited[name], let first = found.first else { throw .noSuchConnector(name) }
            // Two connectors of one name: both are judged (duplicate-connector-name refuses them).
            ranges += found.count == 1 ? [first.element.range] : found.map(\.element.range)
        }
        let warnings = try Self.judge(candidate, edited: ranges, settings: settings, rules: rules)
        document = candidate
        return warnings
    }
}
