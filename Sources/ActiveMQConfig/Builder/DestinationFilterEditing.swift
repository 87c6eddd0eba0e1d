extension BrokerConfiguration {
    /// The edits that apply filter-list changes to a connector, against `document` as it is, to
    /// apply in one batch (with attribute edits of the same connector, or other connectors'): one
    /// parse however many destinations they name.
    ///
    /// The changes are first played, in order, on what each list holds; then the entries that go
    /// are removed (a list left with nothing but whitespace goes whole, and a connector left with
    /// nothing but whitespace is closed as an empty-element tag), and the new entries are appended
    /// to their list, or to a new list at its alphabetical place among the connector's children.
    static func filterEdits(_ changes: [DestinationFilterChange], on connector: LosslessDocument.Element,
                            in document: LosslessDocument) throws(ConnectorError) -> [TextEdit] {
        // What each list holds as the changes play out: existing entries (with their elements) and new ones.
        var plans: [DestinationList: ListPlan] = [:]
        for change in changes {
            var plan = plans[change.list] ?? ListPlan(lists: lists(change.list, of: connector))
            let wanted = change.destinations.reduce(into: [Destination]()) { if !$0.contains($1) { $0.append($1) } }
            switch change.operation {
            case .add:
                plan.add(wanted)
            case .remove:
                if let missing = wanted.first(where: { !plan.holds($0) }) {
                    throw ConnectorError.noSuchDestination(missing.description, list: change.list.rawValue)
                }
                plan.remove { wanted.contains($0) }
            case .replace:
                plan.remove { !wanted.contains($0) }
                plan.add(wanted)
            }
            plans[change.list] = plan
        }
        var edits: [TextEdit] = []
        do throws(XMLEditError) {
            // Lists that end with nothing in them (and held nothing but entries and whitespace) go whole.
            var removedLists: [LosslessDocument.Element] = []
            for (_, plan) in plans where plan.added.isEmpty {
                for list in plan.lists where list.children.allSatisfy({ node in
                    (node.kind == .text && node.sourceText.allSatisfy(\.isWhitespace))
                        || plan.removed.contains { $0.range == node.range }
                }) {
                    removedLists.append(list)
                }
            }
            let remainingChildren = connector.children.filter { node in
                !(node.kind == .text && node.sourceText.allSatisfy(\.isWhitespace)) && !removedLists.contains { $0.range == node.range }
            }
            let additions = plans.values.contains { !$0.added.isEmpty }
            if remainingChildren.isEmpty && !additions && !removedLists.isEmpty, let emptying = try document.editEmptyingElement(connector) {
                // Nothing but whitespace would be left: the connector closes as an empty-element tag.
                edits.append(emptying)
            } else {
                for list in removedLists { edits.append(try document.editRemovingElement(list)) }
                for (_, plan) in plans {
                    for entry in plan.removed where !removedLists.contains(where: { $0.range.contains(entry.range.lowerBound) }) {
                        edits.append(try document.editRemovingElement(entry))
                    }
                }
                // New entries: appended to the list's first element, or in new lists, grouped by
                // where they go (so that two new lists at one place are one edit, in schema order).
                var newLists: [Int: (following: LosslessDocument.Element?, lists: [NewElement])] = [:]
                for list in DestinationList.allCases {
                    guard let plan = plans[list], !plan.added.isEmpty else { continue }
                    if let existing = plan.lists.first {
                        edits.append(try document.editInsertingChildren(plan.added.map(\.element), into: existing))
                    } else {
                        let following = connector.childElements.first { $0.localName > list.rawValue }
                        let key = following?.range.lowerBound ?? -1
                        newLists[key, default: (following, [])].lists.append(NewElement(list.rawValue, children: plan.added.map(\.element)))
                    }
                }
                for (_, group) in newLists.sorted(by: { $0.key < $1.key }) {
                    edits.append(try document.editInsertingChildren(group.lists, into: connector,
                                                                    at: group.following.map(InsertionPoint.before) ?? .end))
                }
            }
        } catch {
            throw .edit(error)
        }
        return edits
    }

    /// One filter list of a connector as the changes play out on it.
    private struct ListPlan {
        /// The list's elements in the connector (usually one).
        var lists: [LosslessDocument.Element]
        /// Existing entries that stay, with their destinations.
        var kept: [(destination: Destination, element: LosslessDocument.Element)]
        /// Existing entries that go.
        var removed: [LosslessDocument.Element] = []
        /// New entries, in order.
        var added: [Destination] = []

        init(lists: [LosslessDocument.Element]) {
            self.lists = lists
            kept = lists.flatMap(\.childElements).compactMap { element in
                DestinationEntry(element: element)?.destination.map { ($0, element) }
            }
        }

        func holds(_ destination: Destination) -> Bool {
            kept.contains { $0.destination == destination } || added.contains(destination)
        }

        mutating func add(_ destinations: [Destination]) {
            for destination in destinations where !holds(destination) { added.append(destination) }
        }

        mutating func remove(where doomed: (Destination) -> Bool) {
            removed += kept.filter { doomed($0.destination) }.map(\.element)
            kept.removeAll { doomed($0.destination) }
            added.removeAll(where: doomed)
        }
    }

    /// The core-namespace list elements of a connector with this name.
    private static func lists(_ list: DestinationList, of connector: LosslessDocument.Element)
        -> [LosslessDocument.Element]
    {
        connector.childElements(localName: list.rawValue, namespace: ActiveMQNamespace.core)
    }
}
