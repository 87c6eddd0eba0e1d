internal import CXMLShim

/// Runs libxml2 (the parser of record) over the bytes the lexer has already read, collects its
/// diagnostics for this parse only, takes each element's and attribute's namespace URI from it,
/// and checks that libxml2 sees exactly the elements and attributes the lexer recorded.
final class LibXML2Parse {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let encoding: DocumentEncoding
    /// The lexer's tables; namespaces are filled in here. Nil when the lexer failed.
    var lexed: LexResult?
    private(set) var diagnostics: [XMLDiagnostic] = []
    private(set) var namespaces: [String] = []
    private var namespaceIDs: [String: Int32] = [:]
    private var namespacePointers: [UnsafeRawPointer: Int32] = [:]
    private var elementCursor = 0
    /// The element at which libxml2 and the lexer first disagreed.
    private(set) var mismatch: (element: Int, reason: String)?

    init(bytes: UnsafeBufferPointer<UInt8>, encoding: DocumentEncoding, lexed: LexResult?) {
        self.bytes = bytes
        self.encoding = encoding
        self.lexed = lexed
    }

    /// Parses; returns whether libxml2 accepted the document (no error or fatal error).
    func run(filename: String?) -> (accepted: Bool, outOfMemory: Bool) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var callbacks = amqx_callbacks(
            context: context,
            start_element: lexed == nil ? nil : { context, local, prefix, uri, namespaceCount, attributes, attributeCount, _ in
                let parse = Unmanaged<LibXML2Parse>.fromOpaque(context!).takeUnretainedValue()
                return parse.startElement(
                    local: local, prefix: prefix, uri: uri, namespaceCount: Int(namespaceCount),
                    attributes: attributes, attributeCount: Int(attributeCount)) ? 0 : 1
            },
            error: { context, level, _, code, message, line, column in
                let parse = Unmanaged<LibXML2Parse>.fromOpaque(context!).takeUnretainedValue()
                parse.record(level: level, code: code, message: message, line: line, column: column)
            })
        let status: Int32 = withExtendedLifetime(self) {
            if let filename {
                return filename.withCString { amqx_parse(bytes.baseAddress, bytes.count, $0, &callbacks) }
            }
            return amqx_parse(bytes.baseAddress, bytes.count, nil, &callbacks)
        }
        if status == 0, lexed != nil, mismatch == nil, elementCursor != lexed!.elements.count {
            mismatch = (min(elementCursor, max(0, lexed!.elements.count - 1)),
                        "libxml2 reported \(elementCursor) elements where the lexer found \(lexed!.elements.count)")
        }
        let rejected = status == 1 || status == -1 || diagnostics.contains { $0.severity != .warning }
        return (!rejected, status == -1)
    }

    private func record(level: Int32, code: Int32, message: UnsafePointer<CChar>?, line: Int32, column: Int32) {
        let severity: XMLDiagnostic.Severity = level >= 3 ? .fatal : level == 2 ? .error : .warning
        var text = message.map { String(cString: $0) } ?? "libxml2 error \(code)"
        // First line only: libxml2 may append document bytes (e.g. "Bytes: 0x.."), which could
        // hold a secret.
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            text = String(text[..<newline])
        }
        text = String(text.drop(while: { $0 == " " }))
        while text.last == " " { text.removeLast() }
        diagnostics.append(
            XMLDiagnostic(severity: severity, message: text, line: line > 0 ? Int(line) : nil,
                          column: column > 0 ? Int(column) : nil, code: Int(code)))
    }

    private func namespaceID(_ uri: UnsafePointer<CChar>?) -> Int32 {
        guard let uri else { return -1 }
        let key = UnsafeRawPointer(uri)
        if let id = namespacePointers[key] { return id }
        let string = String(cString: uri)
        let id: Int32
        if let existing = namespaceIDs[string] {
            id = existing
        } else {
            id = Int32(namespaces.count)
            namespaces.append(string)
            namespaceIDs[string] = id
        }
        namespacePointers[key] = id
        return id
    }

    /// The id for a namespace URI not reported by libxml2 (the xmlns namespace).
    func namespaceID(for uri: String) -> Int32 {
        if let existing = namespaceIDs[uri] { return existing }
        let id = Int32(namespaces.count)
        namespaces.append(uri)
        namespaceIDs[uri] = id
        return id
    }

    /// Compares one element with the lexer's; returns false to stop the parse on a mismatch.
    private func startElement(
        local: UnsafePointer<CChar>?, prefix: UnsafePointer<CChar>?, uri: UnsafePointer<CChar>?,
        namespaceCount: Int, attributes: UnsafePointer<amqx_attribute>?, attributeCount: Int
    ) -> Bool {
        let index = elementCursor
        elementCursor += 1
        guard lexed != nil, index < lexed!.elements.count, let local else {
            mismatch = (max(0, min(index, (lexed?.elements.count ?? 1) - 1)),
                        "libxml2 reported an element the lexer did not find (markup inside an entity is not supported)")
            return false
        }
        let element = lexed!.elements[index]
        let nameStart = Int(lexed!.nodes[Int(element.node)].start) + 1
        guard nameMatches(prefix: prefix, local: local, start: nameStart, end: Int(element.nameEnd)) else {
            mismatch = (index, "libxml2 and the lexer disagree on this element's name")
            return false
        }
        lexed!.elements[index].namespace = namespaceID(uri)
        var declarations = 0
        var written = 0
        let first = Int(element.firstAttribute)
        for a in first..<(first + Int(element.attributeCount)) {
            if lexed!.attributes[a].isNamespaceDeclaration {
                declarations += 1
                continue
            }
            guard written < attributeCount, let attribute = attributes?[written], let name = attribute.local_name else {
                mismatch = (index, "libxml2 and the lexer disagree on this element's attributes")
                return false
            }
            let raw = lexed!.attributes[a]
            guard nameMatches(prefix: attribute.prefix, local: name, start: Int(raw.nameStart), end: Int(raw.nameEnd)) else {
                mismatch = (index, "libxml2 and the lexer disagree on this element's attributes")
                return false
            }
            lexed!.attributes[a].namespace = namespaceID(attribute.uri)
            written += 1
        }
        guard written == attributeCount, declarations == namespaceCount else {
            mismatch = (index, "libxml2 and the lexer disagree on this element's attributes")
            return false
        }
        return true
    }

    /// Whether `prefix:local` (or `local`) equals bytes [start, end). Names with non-ASCII bytes
    /// in a non-UTF-8 document are compared by length only (libxml2 reports them in UTF-8).
    private func nameMatches(prefix: UnsafePointer<CChar>?, local: UnsafePointer<CChar>, start: Int, end: Int) -> Bool {
        if !encoding.isUTF8 {
            for i in start..<end where bytes[i] >= 0x80 { return true }
        }
        var i = start
        if var p = prefix {
            while p.pointee != 0 {
                guard i < end, bytes[i] == UInt8(bitPattern: p.pointee) else { return false }
                i += 1
                p += 1
            }
            guard i < end, bytes[i] == 0x3A else { return false }
            i += 1
        }
        var l = local
        while l.pointee != 0 {
            guard i < end, bytes[i] == UInt8(bitPattern: l.pointee) else { return false }
            i += 1
            l += 1
        }
        return i == end
    }
}

/// The version of libxml2 in use, e.g. `2.9.14`.
public var libxml2Version: String { String(cString: amqx_libxml2_version()) }
