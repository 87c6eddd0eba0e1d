/// Writes values as XML source text in a document's encoding.
enum Escaping {
    /// Why a value cannot be written.
    struct Unrepresentable: Error {
        var scalar: Unicode.Scalar
    }

    /// Whether XML 1.0 allows the character at all.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF)
    }

    /// An attribute value for writing between `quote`s: `&`, `<` and the quote are escaped, and
    /// tab, line feed and carriage return become character references so that the value reads
    /// back unchanged (XML turns literal ones into spaces).
    static func attributeValue(_ value: String, quote: QuoteStyle, encoding: DocumentEncoding) throws(Unrepresentable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case "\"" where quote == .double: out.append(contentsOf: "&quot;".utf8)
            case "'" where quote == .single: out.append(contentsOf: "&apos;".utf8)
            case "\t": out.append(contentsOf: "&#9;".utf8)
            case "\n": out.append(contentsOf: "&#10;".utf8)
            case "\r": out.append(contentsOf: "&#13;".utf8)
            default: try append(scalar, to: &out, encoding: encoding)
            }
        }
        return out
    }

    /// Character data: `&`, `<` and `>` are escaped; carriage returns become references.
    static func text(_ value: String, encoding: DocumentEncoding) throws(Unrepresentable) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\r": out.append(contentsOf: "&#13;".utf8)
            default: try append(scalar, to: &out, encoding: encoding)
            }
        }
        return out
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8], encoding: DocumentEncoding) throws(Unrepresentable) {
        guard isXMLCharacter(scalar) else { throw Unrepresentable(scalar: scalar) }
        if scalar.value < 0x80 {
            out.append(UInt8(scalar.value))
        } else if encoding.isUTF8 {
            out.append(contentsOf: String(Character(scalar)).utf8)
        } else if encoding.kind == .latin1 && encoding.canWriteLiterally(scalar) {
            out.append(UInt8(scalar.value))
        } else {
            out.append(contentsOf: "&#x\(String(scalar.value, radix: 16, uppercase: true));".utf8)
        }
    }

    /// Whether a string is a valid XML name with at most one colon, not at either end (a QName).
    static func isQualifiedName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, isNameStart(first), first != ":" else { return false }
        var colons = 0
        for (i, scalar) in scalars.enumerated() {
            if scalar == ":" {
                colons += 1
                guard i + 1 < scalars.count, isNameStart(scalars[i + 1]) else { return false }
            } else if !isNameCharacter(scalar) {
                return false
            }
        }
        return colons <= 1
    }

    private static func isNameStart(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || v == 0x5F || v == 0x3A
            || (v >= 0xC0 && v <= 0xD6) || (v >= 0xD8 && v <= 0xF6) || (v >= 0xF8 && v <= 0x2FF)
            || (v >= 0x370 && v <= 0x37D) || (v >= 0x37F && v <= 0x1FFF) || (v >= 0x200C && v <= 0x200D)
            || (v >= 0x2070 && v <= 0x218F) || (v >= 0x2C00 && v <= 0x2FEF) || (v >= 0x3001 && v <= 0xD7FF)
            || (v >= 0xF900 && v <= 0xFDCF) || (v >= 0xFDF0 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0xEFFFF)
    }

    private static func isNameCharacter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isNameStart(s) || v == 0x2D || v == 0x2E || (v >= 0x30 && v <= 0x39) || v == 0xB7
            || (v >= 0x300 && v <= 0x36F) || (v >= 0x203F && v <= 0x2040)
    }
}

extension String {
    /// The string escaped for a double-quoted UTF-8 attribute value, characters XML 1.0 cannot
    /// represent dropped (for templates written as text by the modules of this package).
    package var xmlAttributeEscaped: String {
        let representable = String(String.UnicodeScalarView(unicodeScalars.filter(Escaping.isXMLCharacter)))
        let bytes = (try? Escaping.attributeValue(representable, quote: .double, encoding: .utf8)) ?? []
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string escaped for XML character data (`&`, `<`, `>`), characters XML 1.0 cannot
    /// represent dropped.
    package var xmlTextEscaped: String {
        let representable = String(String.UnicodeScalarView(unicodeScalars.filter(Escaping.isXMLCharacter)))
        let bytes = (try? Escaping.text(representable, encoding: .utf8)) ?? []
        return String(decoding: bytes, as: UTF8.self)
    }
}
