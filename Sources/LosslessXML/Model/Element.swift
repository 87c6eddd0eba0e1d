extension LosslessDocument {
    /// An element of a document: a view over its bytes (start tag, children, end tag).
    public struct Element: Sendable, Hashable, CustomStringConvertible {
        let storage: DocumentStorage
        let index: Int32

        var raw: RawElement { storage.elements[Int(index)] }
        var rawNode: RawNode { storage.nodes[Int(raw.node)] }

        /// The name as written, with its prefix (`amq:broker`).
        public var qualifiedName: String {
            let raw = self.raw
            return storage.string((Int(rawNode.start) + 1)..<Int(raw.nameEnd))
        }

        /// The name without its prefix (`broker`).
        public var localName: String {
            let raw = self.raw
            let start = raw.colon > 0 ? Int(raw.colon) + 1 : Int(rawNode.start) + 1
            return storage.string(start..<Int(raw.nameEnd))
        }

        /// The prefix (`amq`), or nil.
        public var prefix: String? {
            let raw = self.raw
            return raw.colon > 0 ? storage.string((Int(rawNode.start) + 1)..<Int(raw.colon)) : nil
        }

        /// The namespace URI, as libxml2 resolved it; nil when the element is in no namespace.
        public var namespaceURI: String? {
            let id = raw.namespace
            return id >= 0 ? storage.namespaces[Int(id)] : nil
        }

        /// The attributes written in the start tag, in order, without namespace declarations.
        public var attributes: [Attribute] {
            allAttributes.filter { !$0.isNamespaceDeclaration }
        }

        /// The `xmlns` and `xmlns:prefix` declarations written in the start tag.
        public var namespaceDeclarations: [Attribute] {
            allAttributes.filter(\.isNamespaceDeclaration)
        }

        var allAttributes: [Attribute] {
            let raw = self.raw
            return (raw.firstAttribute..<(raw.firstAttribute + raw.attributeCount)).map {
                Attribute(storage: storage, index: $0)
            }
        }

        /// The attribute with this name as written (`name`, `xsi:schemaLocation`), if present.
        public func attribute(_ qualifiedName: String) -> Attribute? {
            allAttributes.first { $0.qualifiedName == qualifiedName }
        }

        /// The attribute with this local name in this namespace (nil: no namespace), if present.
        public func attribute(localName: String, namespace: String?) -> Attribute? {
            attributes.first { $0.localName == localName && $0.namespaceURI == namespace }
        }

        /// The parent element; nil for the root.
        public var parent: Element? {
            let parent = rawNode.parent
            return parent >= 0 ? Element(storage: storage, index: storage.nodes[Int(parent)].element) : nil
        }

        /// The child nodes (text, comments, CDATA, processing instructions, elements), in order.
        public var children: [Node] {
            var result: [Node] = []
            var child = rawNode.firstChild
            while child >= 0 {
                result.append(Node(storage: storage, index: child))
                child = storage.nodes[Int(child)].next
            }
            return result
        }

        /// The child elements, in order.
        public var childElements: [Element] {
            var result: [Element] = []
            var child = rawNode.firstChild
            while child >= 0 {
                let node = storage.nodes[Int(child)]
                if node.kind == .element { result.append(Element(storage: storage, index: node.element)) }
                child = node.next
            }
            return result
        }

        /// The child elements with this local name and namespace (nil: no namespace).
        public func childElements(localName: String, namespace: String?) -> [Element] {
            childElements.filter { $0.localName == localName && $0.namespaceURI == namespace }
        }

        /// Every element below this one, in document order.
        public var descendants: ElementList {
            ElementList(storage: storage, range: (index + 1)..<raw.subtreeEnd)
        }

        /// The element's 0-based position among the document's elements in document order
        /// (`document.allElements[ordinal]` is this element; the root is 0).
        public var ordinal: Int { Int(index) }

        /// How deep the element is nested: 0 for the root.
        public var depth: Int { Int(raw.depth) }

        /// Whether the element is written as an empty-element tag (`<a/>`) rather than `<a></a>`.
        public var isEmptyElementTag: Bool { raw.isEmptyElementTag }

        /// The bytes of the whole element, from `<` of its start tag to `>` of its end tag.
        public var range: Range<Int> { Int(rawNode.start)..<Int(rawNode.end) }

        /// The bytes of the start tag.
        public var startTagRange: Range<Int> { Int(rawNode.start)..<Int(raw.startTagEnd) }

        /// The bytes of the end tag; nil for an empty-element tag.
        public var endTagRange: Range<Int>? {
            raw.isEmptyElementTag ? nil : Int(raw.endTagStart)..<Int(rawNode.end)
        }

        /// The bytes between the start tag and the end tag; nil for an empty-element tag.
        public var contentRange: Range<Int>? {
            raw.isEmptyElementTag ? nil : Int(raw.startTagEnd)..<Int(raw.endTagStart)
        }

        /// The position of the start tag's `<`.
        public var position: SourcePosition { storage.position(of: Int(rawNode.start)) }

        /// The element's source text, exactly as in the document.
        public var sourceText: String { storage.string(range) }

        /// The text of the direct text and CDATA children, with references expanded.
        public var textContent: DecodedText {
            var result = DecodedText(text: "", unresolvedEntityReferences: [])
            for child in children {
                switch child.kind {
                case .text:
                    result.append(ReferenceExpander.decode(storage, Int(child.rawNode.start)..<Int(child.rawNode.end),
                                                           attribute: false))
                case .cdata:
                    let r = child.range
                    result.text += ReferenceExpander.normalizeLineEnds(storage.string((r.lowerBound + 9)..<(r.upperBound - 3)))
                default:
                    break
                }
            }
            return result
        }

        /// `<qualifiedName> at LINE:COLUMN`.
        public var description: String { "<\(qualifiedName)> at \(position)" }

        /// Two views are equal when they are the same element of the same document version.
        public static func == (lhs: Element, rhs: Element) -> Bool {
            lhs.storage === rhs.storage && lhs.index == rhs.index
        }

        /// Hashes the document version and the element's index.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(storage))
            hasher.combine(index)
        }
    }

    /// An attribute as written in a start tag.
    public struct Attribute: Sendable, Hashable, CustomStringConvertible {
        let storage: DocumentStorage
        let index: Int32

        var raw: RawAttribute { storage.attributes[Int(index)] }

        /// The name as written, with its prefix.
        public var qualifiedName: String { storage.string(Int(raw.nameStart)..<Int(raw.nameEnd)) }

        /// The name without its prefix.
        public var localName: String {
            let raw = self.raw
            return storage.name(start: Int(raw.nameStart), end: Int(raw.nameEnd), colon: Int(raw.colon)).local
        }

        /// The prefix, or nil.
        public var prefix: String? {
            let raw = self.raw
            return storage.name(start: Int(raw.nameStart), end: Int(raw.nameEnd), colon: Int(raw.colon)).prefix
        }

        /// The namespace URI (unprefixed attributes are in no namespace).
        public var namespaceURI: String? {
            let id = raw.namespace
            return id >= 0 ? storage.namespaces[Int(id)] : nil
        }

        /// Whether this is an `xmlns` or `xmlns:prefix` declaration.
        public var isNamespaceDeclaration: Bool { raw.isNamespaceDeclaration }

        /// The value exactly as written between the quotes, references unexpanded.
        public var rawValue: String { storage.string(valueRange) }

        /// The quote character the value is written with.
        public var quote: QuoteStyle { raw.quote == 0x27 ? .single : .double }

        /// The value as XML defines it: character references and internal entities expanded,
        /// whitespace characters normalized to spaces. References that cannot be resolved stay as
        /// written (see ``decodedValue``).
        public var value: String { decodedValue.text }

        /// The value with the list of entity references that could not be resolved.
        public var decodedValue: DecodedText {
            ReferenceExpander.decode(storage, valueRange, attribute: true)
        }

        /// The bytes from the name to the closing quote.
        public var range: Range<Int> { Int(raw.nameStart)..<(Int(raw.valueEnd) + 1) }

        /// The bytes between the quotes.
        public var valueRange: Range<Int> { Int(raw.valueStart)..<Int(raw.valueEnd) }

        /// The position of the attribute's name.
        public var position: SourcePosition { storage.position(of: Int(raw.nameStart)) }

        /// The position of the first character of the value.
        public var valuePosition: SourcePosition { storage.position(of: Int(raw.valueStart)) }

        /// `name at LINE:COLUMN` (never the value, which may be a secret).
        public var description: String { "\(qualifiedName) at \(position)" }

        /// Two views are equal when they are the same attribute of the same document version.
        public static func == (lhs: Attribute, rhs: Attribute) -> Bool {
            lhs.storage === rhs.storage && lhs.index == rhs.index
        }

        /// Hashes the document version and the attribute's index.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(storage))
            hasher.combine(index)
        }
    }

    /// A node: an element, or the text, comment, CDATA, processing instruction, DOCTYPE, XML
    /// declaration, byte order mark or whitespace around elements.
    public struct Node: Sendable, Hashable {
        let storage: DocumentStorage
        let index: Int32

        var rawNode: RawNode { storage.nodes[Int(index)] }

        /// The kind of node.
        public var kind: XMLNodeKind { rawNode.kind }

        /// The node's bytes.
        public var range: Range<Int> { Int(rawNode.start)..<Int(rawNode.end) }

        /// The node's source text, exactly as written.
        public var sourceText: String { storage.string(range) }

        /// The position of the node's first byte.
        public var position: SourcePosition { storage.position(of: Int(rawNode.start)) }

        /// The element, when the node is one.
        public var element: Element? {
            rawNode.kind == .element ? Element(storage: storage, index: rawNode.element) : nil
        }

        /// The enclosing element; nil at the top level.
        public var parent: Element? {
            let parent = rawNode.parent
            return parent >= 0 ? Element(storage: storage, index: storage.nodes[Int(parent)].element) : nil
        }

        /// For a comment, the text between `<!--` and `-->`.
        public var commentText: String? {
            guard rawNode.kind == .comment else { return nil }
            return storage.string((Int(rawNode.start) + 4)..<(Int(rawNode.end) - 3))
        }

        /// Two views are equal when they are the same node of the same document version.
        public static func == (lhs: Node, rhs: Node) -> Bool {
            lhs.storage === rhs.storage && lhs.index == rhs.index
        }

        /// Hashes the document version and the node's index.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(ObjectIdentifier(storage))
            hasher.combine(index)
        }
    }
}

/// The quote character around an attribute value.
public enum QuoteStyle: String, Sendable, Hashable {
    /// `"`.
    case double = "\""
    /// `'`.
    case single = "'"

    var byte: UInt8 { self == .double ? 0x22 : 0x27 }
}

/// Text with references expanded, and the entity references that could not be (external
/// entities are never loaded; entities declared only in an external DTD are unknown).
public struct DecodedText: Sendable, Hashable {
    /// The text; unresolved references stay as written (`&bridges;`).
    public var text: String
    /// The names of the entities referenced but not expanded, in order of appearance.
    public var unresolvedEntityReferences: [String]

    /// Creates a decoded text.
    public init(text: String, unresolvedEntityReferences: [String]) {
        self.text = text
        self.unresolvedEntityReferences = unresolvedEntityReferences
    }

    mutating func append(_ other: DecodedText) {
        text += other.text
        unresolvedEntityReferences += other.unresolvedEntityReferences
    }
}
