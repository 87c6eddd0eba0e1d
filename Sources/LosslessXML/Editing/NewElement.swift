/// An element to insert: name, attributes, children and text, written in the document's style.
///
/// ```swift
/// let connector = NewElement("networkConnector", attributes: [
///     ("name", "connector_1_to_2"), ("userName", "myCommonUser"), ("duplex", "true"),
///     ("uri", "static:(ssl://b-1234.mq.us-east-2.amazonaws.com:61617)"),
/// ])
/// ```
public struct NewElement: Sendable, Hashable {
    /// One attribute of a new element.
    public struct Attribute: Sendable, Hashable {
        /// The attribute's name, as it will be written.
        public var name: String
        /// The attribute's value; it is escaped when written.
        public var value: String

        /// Creates an attribute.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The name. Unprefixed, it takes the prefix of the element it is inserted into (so it lands
    /// in the same namespace); with a prefix, it is written as given.
    public var name: String
    /// The attributes, in the order they are written.
    public var attributes: [Attribute]
    /// The child elements, each on its own line one indentation level deeper.
    public var children: [NewElement]
    /// Text content, escaped when written; nil for none.
    public var text: String?

    /// Creates an element description.
    public init(_ name: String, attributes: [(String, String)] = [], children: [NewElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.0, value: $0.1) }
        self.children = children
        self.text = text
    }
}

/// Where a new child goes among its parent's content.
public enum InsertionPoint: Sendable, Hashable {
    /// After all existing content.
    case end
    /// Before all existing content.
    case start
    /// On the line after a child element (and after any comment on that child's line).
    case after(LosslessDocument.Element)
    /// On the line before a child element, above the comments directly above it (they describe it).
    case before(LosslessDocument.Element)
}

/// Why an edit was refused. The document is left as it was.
public enum XMLEditError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// The element or attribute belongs to another version of the document (views are not
    /// updated by edits: look them up again in the edited document).
    case staleView
    /// The name is not a valid XML qualified name (or is not ASCII in a document that is not UTF-8).
    case invalidName(String)
    /// The value holds a character XML 1.0 cannot represent (for example U+0000).
    case unrepresentableCharacter(UInt32)
    /// `xmlns` declarations are not edited through attribute primitives.
    case namespaceDeclaration(String)
    /// The root element cannot be removed.
    case cannotRemoveRoot
    /// An `.after` or `.before` reference is not a child of the parent.
    case notAChild
    /// The attribute to remove is not there.
    case noSuchAttribute(String)
    /// The edited document does not parse (for example a prefix that is not declared).
    case rejected(XMLDocumentError)
    /// Two edits of one batch touch the same bytes, or an edit lies outside the document.
    case overlappingEdits

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .staleView: return "the element belongs to an earlier version of the document"
        case .invalidName(let name): return "'\(name)' is not a valid XML name"
        case .unrepresentableCharacter(let value):
            return "the value holds U+\(String(value, radix: 16, uppercase: true)), which XML 1.0 cannot represent"
        case .namespaceDeclaration(let name): return "'\(name)' is a namespace declaration"
        case .cannotRemoveRoot: return "the root element cannot be removed"
        case .notAChild: return "the reference element is not a child of the parent"
        case .noSuchAttribute(let name): return "the element has no attribute '\(name)'"
        case .rejected(let error): return "the edit would make the document invalid: \(error.message)"
        case .overlappingEdits: return "two edits of one batch touch the same bytes"
        }
    }

    /// One diagnostic (code `edit-refused`), without a file: the caller knows which it edited.
    public var diagnostics: [Diagnostic] {
        [Diagnostic(file: nil, severity: .error, code: "edit-refused", message: description)]
    }
}
