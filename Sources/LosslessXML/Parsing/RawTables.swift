// Flat tables over one byte buffer: every node, element and attribute is a small value with byte
// offsets, linked by indices. Nothing here is a class per node, so building and freeing a tree
// never recurses, however deep the input nests.

/// The kinds of node a document is made of; every byte belongs to exactly one top-level node
/// or to an element's start tag, end tag or child nodes.
public enum XMLNodeKind: UInt8, Sendable, Hashable {
    /// The UTF-8 byte order mark at the start of the file.
    case byteOrderMark
    /// `<?xml version="1.0" …?>`.
    case xmlDeclaration
    /// `<!DOCTYPE …>`, with its internal subset.
    case documentType
    /// `<!-- … -->`.
    case comment
    /// `<?target …?>`.
    case processingInstruction
    /// Whitespace outside the root element.
    case whitespace
    /// Character data inside an element, with entity and character references as written.
    case text
    /// `<![CDATA[ … ]]>`.
    case cdata
    /// An element, from its start tag to its end tag.
    case element
}

struct RawNode: Sendable {
    var kind: XMLNodeKind
    var start: UInt32
    var end: UInt32
    /// Index of the parent element's node; -1 at the top level.
    var parent: Int32
    /// Next sibling node; -1 when last.
    var next: Int32
    /// First child node (elements only); -1 when none.
    var firstChild: Int32
    /// Index into the element table (elements only); -1 otherwise.
    var element: Int32
}

struct RawElement: Sendable {
    /// Index of this element's node.
    var node: Int32
    /// The qualified name is bytes [start + 1, nameEnd).
    var nameEnd: UInt32
    /// Offset of the first ':' in the name, or 0 when unprefixed.
    var colon: UInt32
    /// Offset just after the start tag's `>` (or `/>`).
    var startTagEnd: UInt32
    /// Offset of the end tag's `<`; equal to the node's end for an empty-element tag.
    var endTagStart: UInt32
    var firstAttribute: Int32
    var attributeCount: Int32
    /// Index into the namespace table; -1 when in no namespace.
    var namespace: Int32
    /// One past the index of the last element in this element's subtree (elements are in
    /// document order, so an element's descendants are the indices between).
    var subtreeEnd: Int32
    var depth: Int32
    var isEmptyElementTag: Bool
}

struct RawAttribute: Sendable {
    /// Start of the whitespace that precedes the name inside the start tag.
    var whitespaceStart: UInt32
    var nameStart: UInt32
    var nameEnd: UInt32
    /// Offset of the first ':' in the name, or 0 when unprefixed.
    var colon: UInt32
    /// Offset just after the opening quote.
    var valueStart: UInt32
    /// Offset of the closing quote.
    var valueEnd: UInt32
    var quote: UInt8
    /// Index into the namespace table; -1 when in no namespace.
    var namespace: Int32
    /// `xmlns` or `xmlns:prefix`.
    var isNamespaceDeclaration: Bool
}

/// A general entity declared in the internal subset.
struct EntityDeclaration: Sendable {
    /// The replacement text (character references already expanded, as XML prescribes), for an
    /// internal entity; nil for an external one.
    var replacementText: [UInt8]?
}
