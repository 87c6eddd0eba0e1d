/// A destination, or a pattern of destinations, as ActiveMQ names and matches them: a kind and a
/// name of `.`-separated segments, where `*` matches one whole segment, `>` as the last segment
/// matches any number of segments (none included), and `,` separates the parts of a composite.
public struct DestinationName: Sendable, Hashable, CustomStringConvertible {
    /// Queue, topic, or a temporary one.
    public var kind: DestinationEntry.Kind
    /// The name, wildcards included.
    public var name: String

    /// A destination (or pattern).
    public init(kind: DestinationEntry.Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// A queue.
    public static func queue(_ name: String) -> DestinationName { DestinationName(kind: .queue, name: name) }
    /// A topic.
    public static func topic(_ name: String) -> DestinationName { DestinationName(kind: .topic, name: name) }

    /// `queue://NAME`, `topic://NAME`, `temp-queue://NAME` or `temp-topic://NAME`.
    public var description: String {
        switch kind {
        case .queue: return "queue://\(name)"
        case .topic: return "topic://\(name)"
        case .tempQueue: return "temp-queue://\(name)"
        case .tempTopic: return "temp-topic://\(name)"
        }
    }

    /// Whether it is a temporary queue or topic.
    public var isTemporary: Bool { kind == .tempQueue || kind == .tempTopic }

    /// Whether the name holds a wildcard (`*` or `>`), as ActiveMQ's `isPattern` says.
    public var isPattern: Bool { name.containsUTF8("*") || name.containsUTF8(">") }

    /// Whether this pattern matches a destination of the same kind (ActiveMQ's `DestinationFilter`):
    /// each part of a composite on its own; `PREFIX.>` matches `PREFIX` too.
    public func matches(_ destination: DestinationName) -> Bool {
        guard kind == destination.kind else { return false }
        let target = Self.segments(destination.name)
        return name.split(separator: ",", omittingEmptySubsequences: false).contains { part in
            Self.matches(Self.segments(Substring(part)), target)
        }
    }

    static func segments(_ name: some StringProtocol) -> [Substring] {
        Substring(name).split(separator: ".", omittingEmptySubsequences: false)
    }

    static func matches(_ pattern: [Substring], _ target: [Substring]) -> Bool {
        if pattern.last == ">" {
            // PrefixDestinationFilter: the segments before `>` match the start of the target.
            let prefix = pattern.dropLast()
            guard target.count >= prefix.count else { return false }
            return zip(prefix, target).allSatisfy { $0 == "*" || $0 == $1 }
        }
        guard pattern.count == target.count else { return false }
        return zip(pattern, target).allSatisfy { $0 == "*" || $0 == $1 }
    }

    /// ActiveMQ's order of two destinations of one kind (`ActiveMQDestination.compare`): a pattern
    /// that matches the other sorts after it (the more general later); otherwise by name, as Java
    /// compares strings (UTF-16 code units).
    static func activeMQOrder(_ a: DestinationName, _ b: DestinationName) -> Int {
        if a.isPattern && b.isPattern && a.name == b.name { return 0 }
        if a.isPattern && a.matches(b) { return 1 }
        if b.isPattern && b.matches(a) { return -1 }
        for (x, y) in zip(a.name.utf16, b.name.utf16) where x != y { return x < y ? -1 : 1 }
        return a.name.utf16.count == b.name.utf16.count ? 0 : (a.name.utf16.count < b.name.utf16.count ? -1 : 1)
    }
}
