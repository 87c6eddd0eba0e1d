/// An XML document that keeps every byte of its source.
///
/// Reading goes through libxml2, the parser of record, with safe options (no network, no entity
/// substitution, no DTD loading, no recover mode); a document libxml2 rejects is rejected with
/// libxml2's message and position. Beside it, a lossless lexer records the exact span of every
/// node, tag and attribute, so that:
///
/// - an unedited document serializes back byte for byte (BOM, XML declaration, DOCTYPE,
///   comments, CRLF line ends, quotes, attribute layout, character references, trailing bytes);
/// - an edit (``setAttribute(_:to:on:)``, ``removeAttribute(_:from:)``,
///   ``insertChild(_:into:at:)``, ``removeElement(_:)``) changes only the bytes it must.
///
/// A document is a value: editing makes a new version and leaves element and attribute views of
/// the old version valid (they describe the old bytes).
///
/// ```swift
/// var document = try LosslessDocument(contentsOfFile: "activemq.xml")
/// if let broker = document.elements(localName: "broker", namespace: "http://activemq.apache.org/schema/core").first {
///     try document.setAttribute("useJmx", to: "false", on: broker)
/// }
/// let bytes = document.bytes
/// ```
public struct LosslessDocument: Sendable {
    var storage: DocumentStorage

    /// Parses a document from its bytes.
    ///
    /// - Parameters:
    ///   - bytes: The document, in UTF-8 or an ASCII-compatible single-byte encoding.
    ///   - path: The file name to use in messages, if any.
    /// - Throws: ``XMLDocumentError`` when libxml2 rejects the document or it cannot be represented.
    public init(bytes: [UInt8], path: String? = nil) throws(XMLDocumentError) {
        storage = try DocumentStorage(bytes: bytes, path: path, template: path.flatMap(TemplateSyntax.init(fileName:)))
    }

    /// Parses a template (or, with nil, plain XML): its tags are masked for parsing, byte for
    /// byte, so positions stay true and the bytes come back unchanged.
    ///
    /// - Parameters:
    ///   - bytes: The template.
    ///   - path: The file name to use in messages, if any.
    ///   - template: The template syntax; nil reads plain XML, whatever the file name.
    public init(bytes: [UInt8], path: String?, template: TemplateSyntax?) throws(XMLDocumentError) {
        storage = try DocumentStorage(bytes: bytes, path: path, template: template)
    }

    /// The template syntax the document is read in, if any (from the file name, or given).
    public var template: TemplateSyntax? { storage.template }

    /// Parses a document from a string (encoded as UTF-8).
    public init(string: String, path: String? = nil) throws(XMLDocumentError) {
        try self.init(bytes: Array(string.utf8), path: path)
    }

    /// Reads and parses a file; `-` reads standard input.
    public init(contentsOfFile path: String) throws(XMLDocumentError) {
        let bytes = try FileBytes.read(path)
        try self.init(bytes: bytes, path: path)
    }

    init(storage: DocumentStorage) {
        self.storage = storage
    }

    /// The document's bytes: the source as read, or as it stands after edits.
    public var bytes: [UInt8] { storage.bytes }

    /// The file name used in messages, if any.
    public var path: String? { storage.path }

    /// The document's character encoding.
    public var encoding: DocumentEncoding { storage.encoding }

    /// Whether the document starts with a UTF-8 byte order mark.
    public var hasByteOrderMark: Bool { storage.hasByteOrderMark }

    /// libxml2's warnings about an accepted document (for example a relative namespace URI).
    public var warnings: [XMLDiagnostic] { storage.warnings }

    /// The root element.
    public var root: Element {
        Element(storage: storage, index: 0)
    }

    /// The nodes outside the root element and the root itself, in order: BOM, XML declaration,
    /// DOCTYPE, comments, processing instructions, whitespace.
    public var topLevelNodes: [Node] {
        var result: [Node] = []
        var index: Int32 = storage.nodes.isEmpty ? -1 : 0
        while index >= 0 {
            result.append(Node(storage: storage, index: index))
            index = storage.nodes[Int(index)].next
        }
        return result
    }

    /// Every element, in document order (the root first).
    public var allElements: ElementList {
        ElementList(storage: storage, range: 0..<Int32(storage.elements.count))
    }

    /// The elements with this local name and namespace URI, in document order, wherever they are.
    /// Elements inside comments are not elements and are never found.
    ///
    /// - Parameters:
    ///   - localName: The name without prefix.
    ///   - namespace: The namespace URI; nil matches elements in no namespace.
    public func elements(localName: String, namespace: String?) -> [Element] {
        allElements.filter { $0.localName == localName && $0.namespaceURI == namespace }
    }

    /// The line and column of a byte offset.
    public func position(ofOffset offset: Int) -> SourcePosition {
        storage.position(of: offset)
    }

    /// The document's line-ending style, from its first line break (LF when it has none).
    public var lineEnding: LineEnding {
        storage.bytes.withUnsafeBufferPointer { LineEnding.detect(in: $0) }
    }

    /// Rebuilds the document's bytes from its tree: every top-level node, every start tag from its
    /// name, attributes and closing bytes, every child and end tag. For a document that was not
    /// edited this equals the bytes that were read.
    public func serialized() -> [UInt8] {
        let nodes = storage.nodes
        let elements = storage.elements
        let attributes = storage.attributes
        return storage.bytes.withUnsafeBufferPointer { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            func copy(_ start: UInt32, _ end: UInt32) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[Int(start)..<Int(end)]))
            }
            var index: Int32 = nodes.isEmpty ? -1 : 0
            while index >= 0 {
                let node = nodes[Int(index)]
                if node.kind == .element {
                    let element = elements[Int(node.element)]
                    // Start tag: "<" + name, each attribute with its leading whitespace, then the rest.
                    copy(node.start, element.nameEnd)
                    var tail = element.nameEnd
                    let first = Int(element.firstAttribute)
                    for a in first..<(first + Int(element.attributeCount)) {
                        let attribute = attributes[a]
                        copy(attribute.whitespaceStart, attribute.valueEnd + 1)
                        tail = attribute.valueEnd + 1
                    }
                    copy(tail, element.startTagEnd)
                    if node.firstChild >= 0 {
                        index = node.firstChild
                        continue
                    }
                    copy(element.endTagStart, node.end)
                } else {
                    copy(node.start, node.end)
                }
                // Move to the next sibling, closing finished parents on the way up.
                var current = index
                while true {
                    let next = nodes[Int(current)].next
                    if next >= 0 {
                        index = next
                        break
                    }
                    let parent = nodes[Int(current)].parent
                    if parent < 0 {
                        index = -1
                        break
                    }
                    let parentNode = nodes[Int(parent)]
                    copy(elements[Int(parentNode.element)].endTagStart, parentNode.end)
                    current = parent
                }
            }
            return out
        }
    }

    /// The element whose start tag begins at a byte offset, if any.
    public func element(startingAt offset: Int) -> Element? {
        var low = 0
        var high = storage.elements.count
        while low < high {
            let mid = (low + high) / 2
            let start = Int(storage.nodes[Int(storage.elements[mid].node)].start)
            if start == offset { return Element(storage: storage, index: Int32(mid)) }
            if start < offset { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}

/// A line-ending style.
public enum LineEnding: String, Sendable, Hashable {
    /// `\n`.
    case lf = "\n"
    /// `\r\n`.
    case crlf = "\r\n"
    /// `\r`.
    case cr = "\r"

    static func detect(in b: UnsafeBufferPointer<UInt8>) -> LineEnding {
        guard let first = b.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return .lf }
        if b[first] == 0x0A { return .lf }
        return first + 1 < b.count && b[first + 1] == 0x0A ? .crlf : .cr
    }
}

/// A range of elements in document order.
public struct ElementList: RandomAccessCollection, Sendable {
    let storage: DocumentStorage
    let range: Range<Int32>

    /// The first index.
    public var startIndex: Int { Int(range.lowerBound) }
    /// One past the last index.
    public var endIndex: Int { Int(range.upperBound) }
    /// The element at a position.
    public subscript(position: Int) -> LosslessDocument.Element {
        LosslessDocument.Element(storage: storage, index: Int32(position))
    }
}
