public import LosslessXML

extension BrokerConfiguration {
    /// Writes `replayWhenNoConsumers="true"` for every queue: on the
    /// `<conditionalNetworkBridgeFilterFactory>` of the broker's `<policyEntry queue=">">`, creating
    /// whatever of `<destinationPolicy>`, `<policyMap>`, `<policyEntries>`, the entry and the factory
    /// is missing, each on its own line in the file's style.
    ///
    /// With it, a broker that holds queue messages which came over a bridge, and has no consumer of
    /// its own for them, sends them back over the bridge they came by when a consumer there asks for
    /// them (without it they are stranded: the broker-path rule keeps them from going back). It
    /// belongs on the broker that holds the messages. ActiveMQ applies the most specific policy entry
    /// to a queue, so a queue that a more specific entry (`queue="ORDERS.>"`) covers does not get it
    /// from `queue=">"`. Nothing changes when the value is already written.
    ///
    /// The result is judged by `rules` like every other edit.
    ///
    /// - Returns: The warnings that concern the edited policy entry.
    /// - Throws: ``ConnectorError``: a broker that cannot be selected, a `<networkBridgeFilterFactory>`
    ///   holding another factory, or an edit the rules refuse.
    @discardableResult
    public mutating func enableReplayWhenNoConsumers(on selector: BrokerSelector = .only, settings: RuleSettings,
                                                     rules: RuleSet = .model) throws(ConnectorError) -> [Diagnostic] {
        let broker = try self.broker(selector)
        guard let edit = try Self.replayEdit(in: document, broker: broker.element) else { return [] }
        let candidate: LosslessDocument
        do {
            candidate = try document.applying([edit])
        } catch {
            throw .edit(error)
        }
        let edited = try BrokerConfiguration(document: candidate).broker(selector).element
        let entries = edited.childElements.filter { $0.localName == "destinationPolicy" }
            .flatMap(\.childElements).filter { $0.localName == "policyMap" }
            .flatMap(\.childElements).filter { $0.localName == "policyEntries" }
            .flatMap(\.childElements).filter { $0.localName == "policyEntry" && $0.attribute("queue")?.value == ">" }
        let warnings = try Self.judge(candidate, edited: entries.map(\.range), settings: settings, rules: rules)
        self.document = candidate
        return warnings
    }

    /// The edit ``enableReplayWhenNoConsumers(on:settings:rules:)`` makes on `broker`, unjudged
    /// (for a fix); nil when the value is written already.
    package static func replayEdit(in document: LosslessDocument, broker: LosslessDocument.Element) throws(ConnectorError) -> TextEdit? {
        let factory = NewElement("conditionalNetworkBridgeFilterFactory", attributes: [("replayWhenNoConsumers", "true")])
        let filter = NewElement("networkBridgeFilterFactory", children: [factory])
        let entry = NewElement("policyEntry", attributes: [("queue", ">")], children: [filter])
        func child(_ parent: LosslessDocument.Element, _ name: String) -> LosslessDocument.Element? {
            parent.childElements.first { $0.localName == name }
        }
        func xml(_ body: () throws(XMLEditError) -> TextEdit) throws(ConnectorError) -> TextEdit {
            do {
                return try body()
            } catch {
                throw .edit(error)
            }
        }
        let edit: TextEdit
        if let policy = child(broker, "destinationPolicy") {
            if let map = child(policy, "policyMap") {
                if let entries = child(map, "policyEntries") {
                    if let all = entries.childElements.first(where: { $0.localName == "policyEntry" && $0.attribute("queue")?.value == ">" }) {
                        if let existing = child(all, "networkBridgeFilterFactory") {
                            guard let conditional = child(existing, "conditionalNetworkBridgeFilterFactory") else {
                                throw .invalidValue(attribute: "networkBridgeFilterFactory",
                                                    expected: "a conditionalNetworkBridgeFilterFactory for replayWhenNoConsumers (line \(existing.position.line) holds another factory)")
                            }
                            if conditional.attribute("replayWhenNoConsumers")?.value == "true" { return nil }
                            edit = try xml { () throws(XMLEditError) in try document.editSettingAttribute("replayWhenNoConsumers", to: "true", on: conditional) }
                        } else {
                            edit = try xml { () throws(XMLEditError) in try document.editInsertingChild(filter, into: all) }
                        }
                    } else {
                        edit = try xml { () throws(XMLEditError) in try document.editInsertingChild(entry, into: entries) }
                    }
                } else {
                    edit = try xml { () throws(XMLEditError) in try document.editInsertingChild(NewElement("policyEntries", children: [entry]), into: map) }
                }
            } else {
                let map = NewElement("policyMap", children: [NewElement("policyEntries", children: [entry])])
                edit = try xml { () throws(XMLEditError) in try document.editInsertingChild(map, into: policy) }
            }
        } else {
            let policy = NewElement("destinationPolicy", children: [NewElement("policyMap", children: [NewElement("policyEntries", children: [entry])])])
            // At its alphabetical place among the broker's children, as connectors are added.
            let following = broker.childElements.first { $0.localName > "destinationPolicy" }
            edit = try xml { () throws(XMLEditError) in
                try document.editInsertingChild(policy, into: broker, at: following.map(InsertionPoint.before) ?? .end)
            }
        }
        return edit
    }
}
