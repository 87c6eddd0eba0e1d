/// A virtual destination of `<destinationInterceptors><virtualDestinationInterceptor>`: a virtual
/// topic, or a composite queue or topic.
public enum VirtualDestination: Sendable, Hashable {
    /// `<virtualTopic>`: topic messages copied to consumer queues (`Consumer.*.VirtualTopic.X`).
    case virtualTopic(VirtualTopic)
    /// `<compositeQueue>` or `<compositeTopic>`: messages forwarded to other destinations.
    case composite(CompositeDestination)

    /// The element.
    public var element: LosslessDocument.Element {
        switch self {
        case .virtualTopic(let topic): return topic.element
        case .composite(let composite): return composite.element
        }
    }
}

/// A `<virtualTopic>`.
public struct VirtualTopic: Sendable, Hashable {
    /// The element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `virtualTopic`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }
}

/// A `<compositeQueue>` or `<compositeTopic>`: the destination `name` whose messages go to each of
/// `<forwardTo>`'s destinations (a `<filteredDestination>` only when its selector matches).
public struct CompositeDestination: Sendable, Hashable {
    /// The element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `compositeQueue` or `compositeTopic`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }

    /// `.queue` for a `<compositeQueue>`, `.topic` for a `<compositeTopic>`.
    public var kind: DestinationEntry.Kind { element.localName == "compositeTopic" ? .topic : .queue }

    /// The destination whose messages are forwarded, if it has a `name`.
    public var destination: DestinationName? {
        element.attribute("name").map { DestinationName(kind: kind, name: $0.value) }
    }

    /// Where messages go, in document order: `<queue>`/`<topic>` children of `<forwardTo>` and
    /// `<filteredDestination>`s.
    public var forwards: [ForwardTarget] {
        element.childElements(localName: "forwardTo", namespace: ActiveMQNamespace.core).flatMap(\.childElements).compactMap { child in
            guard child.namespaceURI == ActiveMQNamespace.core else { return nil }
            if child.localName == "filteredDestination" { return .filtered(FilteredDestination(element: child)) }
            return DestinationEntry(element: child).flatMap { entry in
                entry.physicalName.map { .destination(DestinationName(kind: entry.kind, name: $0)) }
            }
        }
    }
}

/// Where a composite destination forwards a message.
public enum ForwardTarget: Sendable, Hashable {
    /// Every message.
    case destination(DestinationName)
    /// The messages its selector matches.
    case filtered(FilteredDestination)
}

/// A `<filteredDestination selector="…" queue="…"/>` (or `topic="…"`) of a composite destination.
public struct FilteredDestination: Sendable, Hashable {
    /// The element.
    public let element: LosslessDocument.Element

    /// Wraps an element (it should be a core-namespace `filteredDestination`).
    public init(element: LosslessDocument.Element) {
        self.element = element
    }

    /// The element's attributes, read as typed values (the generated accessors read through it).
    var typedAttributes: TypedAttributes { TypedAttributes(element: element) }

    /// The destination matching messages go to (`queue` or `topic`; the last written wins).
    public var target: DestinationName? {
        var found: DestinationName?
        for attribute in element.attributes where attribute.prefix == nil {
            if attribute.localName == "queue" { found = .queue(attribute.value) }
            if attribute.localName == "topic" { found = .topic(attribute.value) }
        }
        return found
    }
}

extension Broker {
    /// The virtual destinations of every `<virtualDestinationInterceptor>` of
    /// `<destinationInterceptors>`, in document order.
    public var virtualDestinations: [VirtualDestination] {
        element.childElements(localName: "destinationInterceptors", namespace: ActiveMQNamespace.core)
            .flatMap { $0.childElements(localName: "virtualDestinationInterceptor", namespace: ActiveMQNamespace.core) }
            .flatMap { $0.childElements(localName: "virtualDestinations", namespace: ActiveMQNamespace.core) }
            .flatMap(\.childElements)
            .compactMap { child -> VirtualDestination? in
                guard child.namespaceURI == ActiveMQNamespace.core else { return nil }
                switch child.localName {
                case "virtualTopic": return .virtualTopic(VirtualTopic(element: child))
                case "compositeQueue", "compositeTopic": return .composite(CompositeDestination(element: child))
                default: return nil
                }
            }
    }
}
