extension BrokerConfiguration {
    /// Applies filter-list changes to the connector starting at `start` in `document`, one list
    /// edit at a time (each re-reads the connector, whose start does not move); returns the
    /// connector as it ends up.
    static func applying(
        _ changes: [DestinationFilterChange], toConnectorAt start: Int,
        in document: inout LosslessDocument
    ) throws(ConnectorError) -> LosslessDocument.Element {
        for change in changes {
            let wanted = change.destinations.reduce(into: [Destination]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            switch change.operation {
            case .add:
                try add(wanted, to: change.list, connectorAt: start, in: &document)
            case .remove:
                let present = Set(
                    entries(of: change.list, connectorAt: start, in: document).compactMap(\.destination))
                if let missing = wanted.first(where: { !present.contains($0) }) {
                    throw ConnectorError.noSuchDestination(missing.description, list: change.list.rawValue)
                }
                try remove { wanted.contains($0) }
            case .replace:
                try remove { !wanted.contains($0) }
                try add(wanted, to: change.list, connectorAt: start, in: &document)
            }

            func remove(where doomed: (Destination) -> Bool) throws(ConnectorError) {
                do throws(XMLEditError) {
                    while let entry = entries(of: change.list, connectorAt: start, in: document)
                        .first(where: { $0.destination.map(doomed) == true })
                    {
                        try document.removeElement(entry.element)
                    }
                    try dropEmptied(change.list, connectorAt: start, in: &document)
                } catch {
                    throw .edit(error)
                }
            }
        }
        guard let connector = document.element(startingAt: start) else { throw .edit(.staleView) }
        return connector
    }

    /// Whether an element holds nothing but whitespace.
    private static func isBlank(_ element: LosslessDocument.Element) -> Bool {
        element.children.allSatisfy { $0.kind == .text && $0.sourceText.allSatisfy(\.isWhitespace) }
    }

    /// The core-namespace list elements of a connector with this name.
    private static func lists(_ list: DestinationList, of connector: LosslessDocument.Element)
        -> [LosslessDocument.Element]
    {
        connector.childElements(localName: list.rawValue, namespace: ActiveMQNamespace.core)
    }

    private static func entries(
        of list: DestinationList, connectorAt start: Int, in document: LosslessDocument
    ) -> [DestinationEntry] {
        guard let connector = document.element(startingAt: start) else { return [] }
        return lists(list, of: connector).flatMap(\.childElements).compactMap(
            DestinationEntry.init(element:))
    }

    /// Appends what the list lacks, creating the list at its alphabetical place among the
    /// connector's children when there is none.
    private static func add(
        _ destinations: [Destination], to list: DestinationList, connectorAt start: Int,
        in document: inout LosslessDocument
    ) throws(ConnectorError) {
        let present = Set(entries(of: list, connectorAt: start, in: document).compactMap(\.destination))
        let missing = destinations.filter { !present.contains($0) }
        guard !missing.isEmpty, let connector = document.element(startingAt: start) else { return }
        do throws(XMLEditError) {
            if let existing = lists(list, of: connector).first {
                let listStart = existing.range.lowerBound
                for destination in missing {
                    guard let current = document.element(startingAt: listStart) else { throw .staleView }
                    try document.insertChild(destination.element, into: current)
                }
            } else {
                let following = connector.childElements.first { $0.localName > list.rawValue }
                try document.insertChild(
                    NewElement(list.rawValue, children: missing.map(\.element)), into: connector,
                    at: following.map(InsertionPoint.before) ?? .end)
            }
        } catch {
            throw .edit(error)
        }
    }

    /// Removes lists left with nothing but whitespace, then makes the connector an empty-element
    /// tag again when nothing but whitespace is left in it (comments keep both).
    private static func dropEmptied(
        _ list: DestinationList, connectorAt start: Int, in document: inout LosslessDocument
    ) throws(XMLEditError) {
        while let connector = document.element(startingAt: start),
            let emptied = lists(list, of: connector).first(where: isBlank)
        {
            try document.removeElement(emptied)
        }
        if let connector = document.element(startingAt: start),
            let collapse = try document.editCollapsingEmptyElement(connector)
        {
            try document.apply([collapse])
        }
    }
}
