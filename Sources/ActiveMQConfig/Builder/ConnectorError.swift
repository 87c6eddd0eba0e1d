/// Why a connector could not be built, added, changed or removed. Nothing was written.
///
/// Messages say where a secret was, never the secret.
public enum ConnectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rules refused what the edit would write: the error-level findings, each with its rule's
    /// id, position (in the document as it would be) and message.
    case refused([Diagnostic])
    /// A password reference that is not a `${NAME}` placeholder name.
    case invalidSecretReference
    /// The connector name is empty.
    case invalidName
    /// The broker has no connector (`networkConnector` or `transportConnector`) with this
    /// (effective) name.
    case noSuchConnector(String, element: String = "networkConnector")
    /// Several connectors of the broker resolve to this name; their lines.
    case ambiguousName(String, lines: [Int], element: String = "networkConnector")
    /// An attribute the connector's element does not define, with a suggestion when one is close.
    ///
    /// No longer thrown: the rules judge attribute names (`unknown-attribute`, whose findings come
    /// as ``refused(_:)``). Kept so that code matching on it still compiles.
    @available(*, deprecated, message: "attribute names are judged by the rules: an unknown one is refused as .refused([unknown-attribute])")
    case unknownAttribute(String, suggestion: String?, element: String = "networkConnector")
    /// A value of the wrong type for its attribute.
    case invalidValue(attribute: String, expected: String)
    /// No broker matches, or several do.
    case brokerSelection(String)
    /// A destination to remove that the connector's filter list (e.g. `excludedDestinations`) lacks.
    case noSuchDestination(String, list: String)
    /// The document edit was refused.
    case edit(XMLEditError)

    /// A one-line explanation (for ``refused(_:)``, the first finding).
    public var description: String {
        switch self {
        case .refused(let findings):
            guard let first = findings.first else { return "the edit was refused" }
            return first.message + (first.code.map { " [\($0)]" } ?? "")
        case .invalidSecretReference:
            return "a password reference must name a placeholder: letters, digits, '_', '.' or '-' (it is written as ${NAME})"
        case .invalidName: return "a connector needs a non-empty name"
        case .noSuchConnector(let name, let element): return "the broker has no \(Self.kind(element)) named '\(name)'"
        case .ambiguousName(let name, let lines, let element):
            let unnamed = element == "networkConnector" ? "an unnamed connector is named 'NC'" : "an unnamed connector is named by its URI"
            return "\(lines.count) \(Self.kind(element))s are named '\(name)' (lines \(lines.map(String.init).joined(separator: ", "))); \(unnamed)"
        case .unknownAttribute(let name, let suggestion, let element):
            return "<\(element)> has no attribute '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidValue(let attribute, let expected): return "'\(attribute)' must be \(expected)"
        case .brokerSelection(let message): return message
        case .noSuchDestination(let destination, let list): return "the connector's <\(list)> has no \(destination)"
        case .edit(let error): return error.description
        }
    }

    /// "transport connector" for `transportConnector`, else "network connector".
    private static func kind(_ element: String) -> String {
        element == "transportConnector" ? "transport connector" : "network connector"
    }

    /// A stable code for each case other than ``refused(_:)`` (whose findings carry rule ids).
    public var code: String {
        switch self {
        case .refused: return "refused"
        case .invalidSecretReference: return "invalid-secret-reference"
        case .invalidName: return "invalid-name"
        case .noSuchConnector: return "no-such-connector"
        case .ambiguousName: return "ambiguous-connector"
        case .unknownAttribute: return "unknown-attribute"
        case .invalidValue: return "invalid-value"
        case .brokerSelection: return "broker-selection"
        case .noSuchDestination: return "no-such-destination"
        case .edit: return "edit-refused"
        }
    }
}

extension ConnectorError: DiagnosticConvertible {
    /// The findings of a refusal, or one diagnostic for the error (without a file: the caller
    /// knows which file it was editing).
    public var diagnostics: [Diagnostic] {
        if case .refused(let findings) = self { return findings }
        return [Diagnostic(file: nil, severity: .error, code: code, message: description)]
    }
}

/// Where a configuration will run: the profile whose rules judge what the builder writes.
public enum ConfigurationTarget: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A self-managed Apache ActiveMQ 5.x broker.
    case activeMQ = "activemq"
    /// Amazon MQ for ActiveMQ: the `amazon-mq` profile's rules (`ssl://` members only, `userName`
    /// required, no password attribute, `masterslave:` for active/standby brokers, …).
    case amazonMQ = "amazon-mq"

    /// `activemq` or `amazon-mq`.
    public var description: String { rawValue }
}

/// A reference to a secret the broker resolves at start: written as `${NAME}`, never a literal.
///
/// Self-managed brokers need a bridge password; with a reference, the file names it without
/// holding it (Spring's property placeholder configurer resolves it from the environment or
/// system properties).
public struct SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// The placeholder's name, e.g. `AMQ_BRIDGE_PASSWORD`.
    public let name: String

    /// A reference to the placeholder `${name}`; the name is checked when the connector is built.
    public init(placeholderNamed name: String) {
        self.name = name
    }

    /// `${NAME}`.
    public var placeholder: String { "${\(name)}" }

    /// `${NAME}`.
    public var description: String { placeholder }

    /// Whether the name is one a placeholder may have: letters, digits, `_`, `.` or `-`.
    public var isValidPlaceholderName: Bool { isValid }

    var isValid: Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_.-".unicodeScalars.contains($0)) }
    }
}
