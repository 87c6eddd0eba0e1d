internal import CXMLShim

/// The character encoding of a document's bytes.
///
/// Documents are kept and written back in their own encoding. Only encodings in which every
/// ASCII character is the same single byte are supported, so markup can be read as bytes:
/// UTF-8 (with or without a byte order mark) and single-byte encodings such as ISO-8859-1.
public struct DocumentEncoding: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case utf8
        case latin1
        /// Another ASCII-compatible single-byte encoding, converted with libxml2's converters.
        case singleByte
    }

    let kind: Kind
    /// The encoding's name as the document declares it (`UTF-8` when it declares none).
    public let name: String

    /// UTF-8, the default.
    public static let utf8 = DocumentEncoding(kind: .utf8, name: "UTF-8")

    /// Whether the encoding is UTF-8.
    public var isUTF8: Bool { kind == .utf8 }

    /// The encoding's name.
    public var description: String { name }

    init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// Decides the encoding from the first bytes and the XML declaration; nil when unsupported.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<DocumentEncoding, UnsupportedEncoding> {
        let count = bytes.count
        func at(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0xFF }
        if at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF { return .success(.utf8) }
        if (at(0) == 0xFE && at(1) == 0xFF) || (at(0) == 0xFF && at(1) == 0xFE)
            || (at(0) == 0x3C && at(1) == 0x00) || (at(0) == 0x00 && at(1) == 0x3C)
        {
            return .failure(UnsupportedEncoding(name: "UTF-16"))
        }
        if at(0) == 0x00 && at(1) == 0x00 { return .failure(UnsupportedEncoding(name: "UTF-32")) }
        if at(0) == 0x4C && at(1) == 0x6F && at(2) == 0xA7 && at(3) == 0x94 {
            return .failure(UnsupportedEncoding(name: "EBCDIC"))
        }
        guard let declared = Lexer.declaredEncoding(bytes) else { return .success(.utf8) }
        let key = String(declared.uppercased().filter { $0 != " " })
        switch key {
        case "UTF-8", "UTF8":
            return .success(DocumentEncoding(kind: .utf8, name: declared))
        case "US-ASCII", "ASCII", "ISO-8859-1", "ISO_8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "ISO-LATIN-1",
            "L1", "IBM819", "CP819":
            return .success(DocumentEncoding(kind: .latin1, name: declared))
        default:
            if isSupportedSingleByte(key) {
                return .success(DocumentEncoding(kind: .singleByte, name: declared))
            }
            return .failure(UnsupportedEncoding(name: declared))
        }
    }

    private static func isSupportedSingleByte(_ key: String) -> Bool {
        for prefix in ["ISO-8859-", "ISO_8859-", "ISO8859-", "WINDOWS-125", "CP125"] where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            return !rest.isEmpty && rest.count <= 2 && rest.allSatisfy(\.isNumber)
        }
        return ["KOI8-R", "KOI8-U", "LATIN2", "LATIN9"].contains(key)
    }

    /// Decodes bytes of this encoding to a string. Bytes that do not decode become U+FFFD.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch kind {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return String(scalars)
        case .singleByte:
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var length = 0
            guard let converted = amqx_transcode_to_utf8(name, bytes.baseAddress, bytes.count, &length) else {
                return String(repeating: "\u{FFFD}", count: bytes.count)
            }
            defer { amqx_free(converted) }
            return String(decoding: UnsafeBufferPointer(start: converted, count: length), as: UTF8.self)
        }
    }

    /// Whether a character can be written literally in this encoding (otherwise it is written as
    /// a character reference).
    func canWriteLiterally(_ scalar: Unicode.Scalar) -> Bool {
        switch kind {
        case .utf8: return true
        case .latin1: return scalar.value < 0x80 || (scalar.value <= 0xFF && name.uppercased() != "US-ASCII" && name.uppercased() != "ASCII")
        case .singleByte: return scalar.value < 0x80
        }
    }
}

struct UnsupportedEncoding: Error {
    var name: String
}
