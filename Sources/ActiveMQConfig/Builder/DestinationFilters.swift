/// A queue or topic in a network connector's destination filters, as ActiveMQ reads its name:
/// segments separated by `.`, `*` matching one whole segment, `>` matching the rest (last only).
public struct Destination: Sendable, Hashable, CustomStringConvertible {
    /// Queue or topic.
    public enum Kind: String, Sendable, Hashable {
        /// `<queue physicalName="…"/>`.
        case queue
        /// `<topic physicalName="…"/>`.
        case topic
    }

    /// Queue or topic.
    public var kind: Kind
    /// The name, wildcards included.
    public var name: String

    /// A queue.
    public static func queue(_ name: String) -> Destination { Destination(kind: .queue, name: name) }
    /// A topic.
    public static func topic(_ name: String) -> Destination { Destination(kind: .topic, name: name) }

    /// Reads `queue://NAME` or `topic://NAME`; nil for anything else.
    public init?(uri: String) {
        for kind in [Kind.queue, .topic] where uri.hasPrefix("\(kind.rawValue)://") {
            let name = String(uri.dropFirst(kind.rawValue.count + 3))
            guard !name.isEmpty else { return nil }
            self.init(kind: kind, name: name)
            return
        }
        return nil
    }

    /// A destination.
    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// `queue://NAME` or `topic://NAME`.
    public var description: String { "\(kind.rawValue)://\(name)" }

    /// Why the name's wildcards cannot match as written, or nil: `>` anywhere but as the whole
    /// last segment, `*` inside a segment, an empty segment.
    public var wildcardProblem: String? {
        if Placeholder.containsReference(name) { return nil }
        let segments = name.split(separator: ".", omittingEmptySubsequences: false)
        if segments.contains(where: \.isEmpty) { return "an empty segment (a leading, trailing or doubled '.')" }
        for (index, segment) in segments.enumerated() {
            if segment.contains(">") && (segment != ">" || index != segments.count - 1) {
                return "'>' matches the rest only as the whole last segment"
            }
            if segment.contains("*") && segment != "*" { return "'*' matches only a whole segment" }
        }
        return nil
    }

    var element: NewElement { NewElement(kind.rawValue, attributes: [("physicalName", name)]) }
}

/// A network connector's three destination filter lists.
public enum DestinationList: String, Sendable, Hashable, CaseIterable {
    /// `dynamicallyIncludedDestinations`: forwarded only while a remote consumer exists.
    case dynamicallyIncluded = "dynamicallyIncludedDestinations"
    /// `excludedDestinations`: never forwarded dynamically.
    case excluded = "excludedDestinations"
    /// `staticallyIncludedDestinations`: always forwarded, even without consumers.
    case staticallyIncluded = "staticallyIncludedDestinations"
}

extension NetworkConnectorDefinition {
    /// Never forward these destinations (dynamically).
    public func excluding(_ destinations: Destination...) -> Self { adding(destinations, to: .excluded) }
    /// Forward only these destinations, while a remote consumer exists.
    public func includingDynamically(_ destinations: Destination...) -> Self { adding(destinations, to: .dynamicallyIncluded) }
    /// Always forward these destinations, even without consumers.
    public func includingStatically(_ destinations: Destination...) -> Self { adding(destinations, to: .staticallyIncluded) }

    /// Adds destinations to one of the lists.
    public func adding(_ destinations: [Destination], to list: DestinationList) -> Self {
        var copy = self
        copy.destinationFilters[list, default: []] += destinations
        return copy
    }

    /// The connector's filter lists as child elements, in the schema's order.
    var filterElements: [NewElement] {
        DestinationList.allCases.compactMap { list in
            guard let destinations = destinationFilters[list], !destinations.isEmpty else { return nil }
            return NewElement(list.rawValue, children: destinations.map(\.element))
        }
    }
}

/// One change to one of an existing connector's destination filter lists.
public struct DestinationFilterChange: Sendable, Hashable {
    /// What the change does to the list.
    public enum Operation: Sendable, Hashable {
        /// Appends the destinations the list lacks (one already there is left alone); creates the
        /// list when the connector has none.
        case add
        /// Removes every entry naming these destinations; a destination the list lacks is an error
        /// (``ConnectorError/noSuchDestination(_:list:)``). An emptied list goes, comments kept.
        case remove
        /// Makes the list hold exactly these destinations: entries kept where they are, others
        /// removed, new ones appended; an empty replacement removes the list.
        case replace
    }

    /// The list changed.
    public var list: DestinationList
    /// What is done to it.
    public var operation: Operation
    /// The destinations added, removed, or the whole new list.
    public var destinations: [Destination]

    /// A change of `list`.
    public init(_ operation: Operation, _ destinations: [Destination], in list: DestinationList) {
        self.list = list
        self.operation = operation
        self.destinations = destinations
    }
}

extension NetworkConnectorChange {
    /// Never forward these destinations too (adds to `excludedDestinations`).
    public func excluding(_ destinations: Destination...) -> Self { adding(destinations, to: .excluded) }
    /// Forward these destinations too, while a remote consumer exists.
    public func includingDynamically(_ destinations: Destination...) -> Self { adding(destinations, to: .dynamicallyIncluded) }
    /// Always forward these destinations too.
    public func includingStatically(_ destinations: Destination...) -> Self { adding(destinations, to: .staticallyIncluded) }

    /// Adds destinations to a list (those already there are left alone).
    public func adding(_ destinations: [Destination], to list: DestinationList) -> Self {
        with(DestinationFilterChange(.add, destinations, in: list))
    }

    /// Removes destinations from a list; each must be there.
    public func removing(_ destinations: [Destination], from list: DestinationList) -> Self {
        with(DestinationFilterChange(.remove, destinations, in: list))
    }

    /// Makes a list hold exactly these destinations (none: the list goes).
    public func replacing(_ list: DestinationList, with destinations: [Destination]) -> Self {
        with(DestinationFilterChange(.replace, destinations, in: list))
    }

    private func with(_ change: DestinationFilterChange) -> Self {
        var copy = self
        copy.destinationFilterChanges.append(change)
        return copy
    }
}

extension DestinationEntry {
    /// The entry as a ``Destination``, when it is a queue or topic with a name.
    var destination: Destination? {
        guard let name = physicalName else { return nil }
        switch kind {
        case .queue: return .queue(name)
        case .topic: return .topic(name)
        case .tempQueue, .tempTopic: return nil
        }
    }
}
