/// A rule's stable id, e.g. `embedded-password`. Each rule declares its own constant beside its
/// check, in its own file (`RuleID.embeddedPassword`).
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id.
    public let rawValue: String
    /// Wraps an id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps an id.
    public init(stringLiteral value: String) { rawValue = value }
    /// The id.
    public var description: String { rawValue }
    /// Orders by id.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Diagnostic {
    /// The rule that raised this diagnostic (its ``code``), or an empty id for a code-less one.
    public var rule: RuleID { RuleID(rawValue: code ?? "") }

    /// A lint finding: a diagnostic raised by a rule.
    public init(file: String, line: Int, column: Int, severity: Severity, rule: RuleID, message: String) {
        self.init(file: file, line: line, column: column, severity: severity, code: rule.rawValue, message: message)
    }
}

/// A lint finding is a `Diagnostic` whose code is the rule's id.
public typealias Finding = Diagnostic
