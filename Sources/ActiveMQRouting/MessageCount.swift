/// Why a prediction is a range rather than one number: what the configuration cannot decide.
public enum RangeReason: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// The order in which things happen (which consumer a queue's round-robin starts with).
    case timing
    /// How fast consumers acknowledge.
    case consumerSpeed = "consumer-speed"
    /// Whether a consumer's prefetch fills, letting lower-priority consumers have messages.
    case prefetch
    /// Which of two duplicate network subscriptions survives suppression.
    case suppressionOrder = "suppression-order"
    /// What happens while a bridge reconnects.
    case reconnect
    /// More paths than the analyser enumerates.
    case pathLimit = "path-limit"

    /// The raw value.
    public var description: String { rawValue }

    /// Orders by raw value.
    public static func < (lhs: RangeReason, rhs: RangeReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A number of messages: exact (`min == max`), or a range with the reasons it is one.
public struct MessageCount: Sendable, Hashable, CustomStringConvertible {
    /// The fewest.
    public var min: Int
    /// The most.
    public var max: Int
    /// Why it is a range (empty when exact).
    public var reasons: Set<RangeReason>

    /// An exact count.
    public init(_ exact: Int) {
        min = exact
        max = exact
        reasons = []
    }

    /// A range.
    public init(min: Int, max: Int, reasons: Set<RangeReason>) {
        self.min = min
        self.max = Swift.max(min, max)
        self.reasons = self.min == self.max ? [] : reasons
    }

    /// Zero.
    public static let zero = MessageCount(0)

    /// Whether it is one number.
    public var isExact: Bool { min == max }

    /// `20`, or `7…8 (timing)`.
    public var description: String {
        isExact ? "\(min)" : "\(min)…\(max) (\(reasons.sorted().map(\.rawValue).joined(separator: ", ")))"
    }

    /// The sum of two counts.
    public static func + (lhs: MessageCount, rhs: MessageCount) -> MessageCount {
        MessageCount(min: lhs.min + rhs.min, max: lhs.max + rhs.max, reasons: lhs.reasons.union(rhs.reasons))
    }

    /// This count capped (an audit lets each message through once).
    func capped(at limit: Int) -> MessageCount {
        MessageCount(min: Swift.min(min, limit), max: Swift.min(max, limit), reasons: reasons)
    }

    /// The share of one of `parts` consumers served round-robin: between the floor and the ceiling
    /// of an even split.
    func roundRobinShare(of parts: Int) -> MessageCount {
        guard parts > 1 else { return self }
        let low = min / parts
        let high = (max + parts - 1) / parts
        return MessageCount(min: low, max: high, reasons: reasons.union([.timing]))
    }

    /// What was added to `earlier` to make this count, as a range that holds whatever each one
    /// truly was: at least this one's fewest less the earlier's most, at most this one's most less
    /// the earlier's fewest.
    func increase(over earlier: MessageCount) -> MessageCount {
        let low = Swift.max(0, min - earlier.max), high = Swift.max(0, max - earlier.min)
        return MessageCount(min: low, max: high, reasons: reasons.union(earlier.reasons))
    }

    /// At least nothing, at most this: what a lower-priority consumer may get when higher ones fill.
    func upTo(_ reason: RangeReason) -> MessageCount {
        MessageCount(min: 0, max: max, reasons: reasons.union([reason]))
    }
}
