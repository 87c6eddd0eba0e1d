/// The immutable result of one parse: the bytes and the flat tables over them.
///
/// Views (`LosslessDocument.Element`, `.Attribute`, `.Node`) hold a reference to one storage and
/// an index; an edit makes a new storage, so views of the old document stay valid and keep
/// describing the old bytes.
final class DocumentStorage: Sendable {
    let bytes: [UInt8]
    let path: String?
    /// The template syntax the bytes are read in (their tags masked for parsing), if any.
    let template: TemplateSyntax?
    let encoding: DocumentEncoding
    let hasByteOrderMark: Bool
    let nodes: [RawNode]
    let elements: [RawElement]
    let attributes: [RawAttribute]
    let namespaces: [String]
    let entities: [String: EntityDeclaration]
    let warnings: [XMLDiagnostic]
    /// Built on first use: only positions need it.
    private let lazyLineIndex = LazyLineIndex()
    var lineIndex: LineIndex {
        lazyLineIndex.get { bytes.withUnsafeBufferPointer { LineIndex($0) } }
    }
    /// Index of the root element's node.
    let rootNode: Int32

    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    init(bytes: [UInt8], path: String?, template: TemplateSyntax? = nil) throws(XMLDocumentError) {
        ParseCounter.record(path)
        guard bytes.count < Int(UInt32.max) else { throw .tooLarge(path: path, size: bytes.count) }
        guard !bytes.isEmpty else {
            // libxml2's push parser has no message of its own for an empty input; this is the one
            // its pull parser gives (XML_ERR_DOCUMENT_EMPTY).
            throw .notWellFormed(path: path, diagnostics: [
                XMLDiagnostic(severity: .fatal, message: "Document is empty", line: 1, column: 1, code: 4)
            ])
        }
        self.bytes = bytes
        self.path = path
        self.template = template
        // A template is parsed as the XML it renders to: its tags masked, byte for byte.
        let parsedBytes = template.map { $0.masked(bytes) } ?? bytes
        var parsed: (LexResult, [String], [XMLDiagnostic], DocumentEncoding)?
        var failure: XMLDocumentError?
        parsedBytes.withUnsafeBufferPointer { buffer in
            let encoding: DocumentEncoding
            switch DocumentEncoding.detect(buffer) {
            case .success(let detected): encoding = detected
            case .failure(let unsupported):
                failure = .unsupportedEncoding(path: path, name: unsupported.name)
                return
            }
            var lexer = Lexer(buffer)
            var lexError: LexError?
            do throws(LexError) {
                try lexer.run()
            } catch {
                lexError = error
            }
            let libxml2 = LibXML2Parse(bytes: buffer, encoding: encoding, lexed: lexError == nil ? lexer.takeResult() : nil)
            let outcome = libxml2.run(filename: path)
            func position(_ offset: Int) -> SourcePosition {
                DocumentStorage.position(of: offset, in: buffer, lines: LineIndex(buffer), encoding: encoding)
            }
            if outcome.outOfMemory {
                failure = .outOfMemory(path: path)
                return
            }
            if !outcome.accepted {
                var errors = ParseErrorWording.improve(libxml2.diagnostics.filter { $0.severity != .warning }, bytes: buffer, position: position)
                if let template, !errors.isEmpty {
                    errors[0].message += " (in a \(template.displayName) template, tags that choose between whole elements or attributes leave no single XML to check)"
                }
                let warnings = libxml2.diagnostics.filter { $0.severity == .warning }
                failure = .notWellFormed(path: path, diagnostics: errors + warnings)
                return
            }
            if let lexError, lexError.isLimit {
                failure = .limitExceeded(path: path, message: lexError.message, position: position(lexError.offset))
                return
            }
            if let lexError {
                failure = .unsupportedConstruct(
                    path: path, message: "libxml2 accepts this document but the lossless reader cannot represent it: \(lexError.message)",
                    position: position(lexError.offset))
                return
            }
            guard var lexed = libxml2.lexed else { return }
            libxml2.lexed = nil
            if let mismatch = libxml2.mismatch {
                let offset = lexed.elements.isEmpty ? 0 : Int(lexed.nodes[Int(lexed.elements[mismatch.element].node)].start)
                failure = .unsupportedConstruct(path: path, message: mismatch.reason, position: position(offset))
                return
            }
            let xmlns = libxml2.namespaceID(for: DocumentStorage.xmlnsNamespace)
            for i in lexed.attributes.indices where lexed.attributes[i].isNamespaceDeclaration {
                lexed.attributes[i].namespace = xmlns
            }
            parsed = (lexed, libxml2.namespaces, libxml2.diagnostics, encoding)
        }
        if let failure { throw failure }
        guard let (lexed, namespaces, warnings, encoding) = parsed else {
            throw .unsupportedConstruct(path: path, message: "the document could not be read", position: nil)
        }
        self.encoding = encoding
        self.hasByteOrderMark = lexed.hasByteOrderMark
        // The tables were reserved by estimate while lexing; a document keeps only what it uses
        // (a network of hundreds of files is held at once by the cross-file rules).
        self.nodes = Self.fitted(lexed.nodes)
        self.elements = Self.fitted(lexed.elements)
        self.attributes = Self.fitted(lexed.attributes)
        self.namespaces = namespaces
        self.entities = lexed.entities
        self.warnings = warnings
        self.rootNode = lexed.elements.isEmpty ? -1 : lexed.elements[0].node
    }

    func position(of offset: Int) -> SourcePosition {
        bytes.withUnsafeBufferPointer {
            DocumentStorage.position(of: offset, in: $0, lines: lineIndex, encoding: encoding)
        }
    }

    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lines: LineIndex,
                         encoding: DocumentEncoding) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lines.lineIndex(of: clamped)
        var start = Int(lines.lineStarts[line])
        if line == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = min(3, clamped)
        }
        var column = 1
        if encoding.isUTF8 {
            var i = start
            while i < clamped {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        } else {
            column += clamped - start
        }
        return SourcePosition(line: line + 1, column: column, offset: clamped)
    }

    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { encoding.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func name(start: Int, end: Int, colon: Int) -> (prefix: String?, local: String) {
        if colon > 0 {
            return (string(start..<colon), string((colon + 1)..<end))
        }
        return (nil, string(start..<end))
    }
}

extension DocumentStorage {
    /// The array in a buffer of its own size, when its spare capacity is more than an eighth.
    static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity - array.count > array.count / 8 else { return array }
        return array.withUnsafeBufferPointer { Array($0) }
    }
}

/// Counts the parses of the paths a test watches (how many times a command parses a file is a
/// promise its tests keep); other paths cost one look-up.
package enum ParseCounter {
    private static let counts = Locked<[String: Int]>([:])

    /// Starts counting the parses of documents with this path (from zero).
    package static func watch(_ path: String) {
        counts.withLock { $0[path] = 0 }
    }

    /// How many times a document with this path was parsed since ``watch(_:)``.
    package static func count(_ path: String) -> Int {
        counts.withLock { $0[path] ?? 0 }
    }

    static func record(_ path: String?) {
        guard let path else { return }
        counts.withLock { counts in
            if let count = counts[path] { counts[path] = count + 1 }
        }
    }
}
