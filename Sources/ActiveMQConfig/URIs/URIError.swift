/// Why a connector URI is not one ActiveMQ accepts, and where.
///
/// Messages name the offending character and the reason, never the URI's text, so an error can be
/// printed even when the URI holds a secret.
public struct URIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; stable, for tools that map it to their own codes.
    public enum Kind: String, Sendable, Hashable {
        /// A space, tab or line break (a URI wrapped onto a second line in the XML becomes a space).
        case whitespace
        /// A character `java.net.URI` rejects: `"`, `<`, `>`, `\`, `^`, a backquote, `{`, `|`, `}` or a control character.
        case illegalCharacter
        /// A `%` not followed by two hexadecimal digits.
        case badPercentEscape
        /// A `${` or `#{` placeholder without its `}`.
        case unterminatedPlaceholder
        /// Not as many `(` as `)`.
        case unbalancedParentheses
        /// `static:()`: no member at all.
        case emptyMemberList
        /// An empty member between commas.
        case emptyMember
        /// No `scheme:` at the start.
        case missingScheme
        /// A discovery or transport scheme ActiveMQ does not know.
        case unknownScheme
        /// A transport URI without a host.
        case missingHost
        /// A transport URI without the port its scheme needs.
        case missingPort
        /// A port that is not a number from 0 to 65535.
        case badPort
        /// Text after a composite's closing parenthesis other than `?options`.
        case unexpectedText
        /// `masterslave:` with fewer than two members.
        case masterSlaveArity
        /// Composite URIs nested deeper than 16 levels.
        case tooDeep
    }

    /// The kind of problem.
    public var kind: Kind
    /// Where: 0-based, in Unicode scalars from the start of the URI.
    public var offset: Int
    /// Why, in a sentence that quotes at most the offending character.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    /// `character N: MESSAGE` (1-based).
    public var description: String { "character \(offset + 1): \(message)" }
}
