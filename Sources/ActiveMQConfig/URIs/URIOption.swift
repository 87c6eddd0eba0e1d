/// One `name=value` option of a URI's query, as written (not percent-decoded).
public struct URIOption: Sendable, Hashable, CustomStringConvertible {
    /// The option's name, e.g. `maxReconnectDelay` or `wireFormat.maxFrameSize`.
    public var name: String
    /// The value; nil for an option written without `=`.
    public var value: String?

    /// Creates an option.
    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    /// `name=value`, or `name`.
    public var description: String { value.map { "\(name)=\($0)" } ?? name }

    /// Whether the option carries a password (its name contains "password", any case).
    public var isPassword: Bool { name.lowercased().containsUTF8("password") }
    /// Whether the option holds a literal password (named like one, with a value that is not empty
    /// and not a `${…}` placeholder).
    public var isLiteralPassword: Bool { isPassword && value.map { !$0.isEmpty && !Placeholder.isReference($0) } == true }

    /// `name=***` when the option carries a literal password; otherwise as written.
    var redacted: String {
        guard isPassword, let value, !Placeholder.isReference(value) else { return description }
        return "\(name)=***"
    }

    static func parseList(_ text: Substring) -> [URIOption] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            if let equals = part.firstIndex(of: "=") {
                return URIOption(String(part[..<equals]), String(part[part.index(after: equals)...]))
            }
            return URIOption(String(part), nil)
        }
    }

    static func render(_ options: [URIOption], redacting: Bool = false) -> String {
        options.isEmpty ? "" : "?" + options.map { redacting ? $0.redacted : $0.description }.joined(separator: "&")
    }
}
