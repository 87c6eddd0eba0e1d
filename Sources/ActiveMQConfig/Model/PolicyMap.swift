/// The broker's `<destinationPolicy><policyMap>`: per-destination policies, and the rule ActiveMQ
/// uses to choose the one entry that configures a destination.
public struct PolicyMap: Sendable, Hashable {
    /// The `<policyMap>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `policyMap`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The entries of `<policyEntries>`, in document order.
    public var entries: [PolicyEntry] {
        element.childElements(localName: "policyEntries", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "policyEntry", namespace: ActiveMQNamespace.core) }
            .map(PolicyEntry.init(element:))
    }

    /// The entry of `<defaultEntry>`, which configures every destination no entry matches.
    public var defaultEntry: PolicyEntry? {
        element.childElements(localName: "defaultEntry", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "policyEntry", namespace: ActiveMQNamespace.core) }
            .first.map(PolicyEntry.init(element:))
    }

    /// The entries that match a destination, in the order ActiveMQ prefers them: one naming the
    /// destination exactly first, then the more specific patterns before the more general ones
    /// (a pattern matching another sorts after it), then by name.
    ///
    /// This is `DestinationMap.chooseValue`'s order for a destination without wildcards, the same
    /// in every version from 5.15 to 6.3 (5.16 only stopped a wildcard destination's *child*
    /// entries from being chosen). Entries naming the same pattern are kept in document order;
    /// ActiveMQ holds them in a hash set, so which of them it chooses is not defined.
    public func matchingEntries(for destination: DestinationName) -> [PolicyEntry] {
        let candidates = entries.compactMap { entry -> (entry: PolicyEntry, pattern: DestinationName)? in
            entry.destination.flatMap { $0.matches(destination) || $0 == destination ? (entry, $0) : nil }
        }
        let exact = candidates.filter { $0.pattern == destination }
        var rest = candidates.filter { $0.pattern != destination }
        // Insertion sort by ActiveMQ's comparison: stable, and the comparison is not a total order.
        var sorted: [(entry: PolicyEntry, pattern: DestinationName)] = []
        while !rest.isEmpty {
            var best = 0
            for index in rest.indices.dropFirst() where DestinationName.activeMQOrder(rest[index].pattern, rest[best].pattern) < 0 {
                best = index
            }
            sorted.append(rest.remove(at: best))
        }
        return (exact + sorted).map(\.entry)
    }

    /// The entry that configures a destination (`PolicyMap.getEntryFor`): the first of
    /// ``matchingEntries(for:)``, else ``defaultEntry``, else nil (ActiveMQ's built-in defaults).
    public func entry(for destination: DestinationName) -> PolicyEntry? {
        matchingEntries(for: destination).first ?? defaultEntry
    }
}

/// A `<policyEntry>`: the policies of the destinations it names.
public struct PolicyEntry: Sendable, Hashable {
    /// The `<policyEntry>` element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `policyEntry`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }

    /// The destination (or pattern) it applies to: its `queue` or `topic`, or every temporary queue
    /// (`tempQueue`) or topic (`tempTopic`; ActiveMQ ignores the value of those two). An entry has
    /// one destination: with several of these attributes, each setter replaces the last, so the
    /// last written wins. A value holding a placeholder is taken as written.
    public var destination: DestinationName? {
        var found: DestinationName?
        for attribute in element.attributes where attribute.prefix == nil {
            switch attribute.localName {
            case "queue": found = .queue(attribute.value)
            case "topic": found = .topic(attribute.value)
            case "tempQueue": found = DestinationName(kind: .tempQueue, name: ">")
            case "tempTopic": found = DestinationName(kind: .tempTopic, name: ">")
            default: break
            }
        }
        return found
    }

    /// The `<conditionalNetworkBridgeFilterFactory>` of its `<networkBridgeFilterFactory>`, if any:
    /// how messages that came over a bridge may be forwarded again.
    public var networkBridgeFilterFactory: ConditionalNetworkBridgeFilterFactory? {
        element.childElements(localName: "networkBridgeFilterFactory", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "conditionalNetworkBridgeFilterFactory", namespace: ActiveMQNamespace.core) }
            .first.map(ConditionalNetworkBridgeFilterFactory.init(element:))
    }
}

/// A `<conditionalNetworkBridgeFilterFactory>`: replay of stranded messages, selector-aware and
/// rate-limited forwarding for the destinations of its policy entry.
public struct ConditionalNetworkBridgeFilterFactory: Sendable, Hashable {
    /// The element.
    public let element: LosslessDocument.Element

    /// Wraps an element.
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values.
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }
}

extension Broker {
    /// The `<policyMap>` of `<destinationPolicy>`, if any.
    public var policyMap: PolicyMap? {
        element.childElements(localName: "destinationPolicy", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "policyMap", namespace: ActiveMQNamespace.core) }
            .first.map(PolicyMap.init(element:))
    }
}
