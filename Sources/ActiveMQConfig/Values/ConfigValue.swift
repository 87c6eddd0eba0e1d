/// A configuration value as the broker will see it: a literal, or something the broker resolves
/// at start (a `${…}` placeholder or `#{…}` expression, an `ENC(…)` encrypted value).
///
/// Placeholders and encrypted values are never parsed as numbers or booleans, never reported as
/// wrong values, and never taken for literal secrets.
public enum ConfigValue<Value: Sendable & Hashable>: Sendable, Hashable {
    /// A literal value.
    case literal(Value)
    /// A value holding a `${…}` placeholder or `#{…}` expression, as written.
    case placeholder(String)
    /// An `ENC(…)` value, as written.
    case encrypted(String)

    /// The literal value, or nil for a placeholder or encrypted value.
    public var literal: Value? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// Classifies a written value, parsing literals with `parse` (nil: not a valid literal).
    static func classify(_ text: String, parse: (String) -> Value?) -> ConfigValue<Value>? {
        if Placeholder.containsReference(text) { return .placeholder(text) }
        if Placeholder.isEncrypted(text) { return .encrypted(text) }
        return parse(text).map(ConfigValue.literal)
    }
}

extension ConfigValue: CustomStringConvertible {
    /// The literal's description, or the placeholder or encrypted value as written.
    public var description: String {
        switch self {
        case .literal(let value): return "\(value)"
        case .placeholder(let text), .encrypted(let text): return text
        }
    }
}

/// A typed attribute whose value does not parse (`duplex="yes"`), with the attribute's position.
public struct ConfigValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The attribute's name.
    public var attribute: String
    /// The element's name, e.g. `networkConnector`.
    public var element: String
    /// What the value should be, e.g. "a boolean (true or false)".
    public var expected: String
    /// The position of the attribute's value.
    public var position: SourcePosition
    /// For a URI that does not parse: why, with an offset into the URI.
    public var uriError: URIError?

    /// Creates an error.
    public init(attribute: String, element: String, expected: String, position: SourcePosition, uriError: URIError? = nil) {
        self.attribute = attribute
        self.element = element
        self.expected = expected
        self.position = position
        self.uriError = uriError
    }

    /// `LINE:COLUMN: <element> attribute 'name' must be EXPECTED`.
    public var description: String {
        if let uriError {
            return "\(position): <\(element)> attribute '\(attribute)' is not a valid URI: \(uriError)"
        }
        return "\(position): <\(element)> attribute '\(attribute)' must be \(expected)"
    }
}

extension ConfigValueError: DiagnosticConvertible {
    /// One diagnostic at the value (code `uri-syntax` for a URI, else `invalid-value`), without a
    /// file: the caller knows which document it read.
    public var diagnostics: [Diagnostic] {
        let message = uriError.map { "<\(element)> attribute '\(attribute)' is not a valid URI: \($0)" }
            ?? "<\(element)> attribute '\(attribute)' must be \(expected)"
        return [Diagnostic(file: nil, line: position.line, column: position.column, severity: .error,
                           code: uriError == nil ? "invalid-value" : "uri-syntax", message: message,
                           byteRange: position.offset..<position.offset)]
    }
}

/// Lexical forms of XML Schema's simple types, as the broker's schema validation applies them.
package enum LexicalValue {
    /// `xs:boolean`: `true`, `false`, `1`, `0` (surrounding whitespace collapsed).
    package static func boolean(_ text: String) -> Bool? {
        switch text.trimmingXMLSpace {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }

    /// `xs:integer` within Java's `int`.
    package static func int32(_ text: String) -> Int? {
        guard let value = integer(text), value >= Int(Int32.min), value <= Int(Int32.max) else { return nil }
        return value
    }

    /// `xs:long`.
    package static func int64(_ text: String) -> Int? { integer(text) }

    private static func integer(_ text: String) -> Int? {
        var t = text.trimmingXMLSpace
        if t.hasPrefix("+") { t.removeFirst() }
        guard !t.isEmpty, t.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.numericType != nil || $0 == "-") }) else {
            return nil
        }
        return Int(t)
    }
}
