/// Why a connector could not be built, added, changed or removed. Nothing was written.
///
/// Messages say where a secret was, never the secret.
public enum ConnectorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A literal password would reach the connector; the string says where (never the password).
    case embeddedPassword(String)
    /// The URI is not one ActiveMQ accepts.
    case invalidURI(URIError)
    /// A password reference that is not a `${NAME}` placeholder name.
    case invalidSecretReference
    /// The connector name is empty or not a literal.
    case invalidName
    /// The broker already has a network connector with this name.
    case duplicateName(String)
    /// The broker has no network connector with this name.
    case noSuchConnector(String)
    /// An attribute `<networkConnector>` does not define, with a suggestion when one is close.
    case unknownAttribute(String, suggestion: String?)
    /// A value of the wrong type for its attribute.
    case invalidValue(attribute: String, expected: String)
    /// A requirement of the target (Amazon MQ) is not met.
    case targetRequirement(ConfigurationTarget, String)
    /// No broker matches, or several do.
    case brokerSelection(String)
    /// The document edit was refused.
    case edit(XMLEditError)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .embeddedPassword(let location):
            return "a literal password is not allowed in a network connector (\(location)); use a placeholder such as ${AMQ_BRIDGE_PASSWORD}, or none on Amazon MQ"
        case .invalidURI(let error): return "invalid uri: \(error)"
        case .invalidSecretReference:
            return "a password reference must name a placeholder: letters, digits, '_', '.' or '-' (it is written as ${NAME})"
        case .invalidName: return "a network connector needs a non-empty literal name"
        case .duplicateName(let name): return "the broker already has a network connector named '\(name)'"
        case .noSuchConnector(let name): return "the broker has no network connector named '\(name)'"
        case .unknownAttribute(let name, let suggestion):
            return "<networkConnector> has no attribute '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidValue(let attribute, let expected): return "'\(attribute)' must be \(expected)"
        case .targetRequirement(let target, let requirement): return "\(target): \(requirement)"
        case .brokerSelection(let message): return message
        case .edit(let error): return error.description
        }
    }
}

/// Where a configuration will run; a target adds its own checks when connectors are built.
public enum ConfigurationTarget: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A self-managed Apache ActiveMQ 5.x broker.
    case activeMQ = "activemq"
    /// Amazon MQ for ActiveMQ: `ssl://` members only, `userName` required, no password attribute
    /// at all (Amazon MQ supplies it), no placeholders (Amazon MQ removes them), no multicast.
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

    var isValid: Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_.-".unicodeScalars.contains($0)) }
    }
}
