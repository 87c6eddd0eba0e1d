/// Compares two documents as XML, not as bytes: element names (by namespace), attributes in any
/// order (namespace declarations aside), and text, with comments, processing instructions and
/// whitespace-only text ignored and references resolved. How a configuration compares with the
/// copy a service stores after re-serializing it (Amazon MQ adds a declaration, sorts attributes,
/// self-closes empty elements).
public enum SemanticComparison {
    /// The code of a difference.
    public static let differenceCode = "semantic-difference"

    /// The differences between two documents, in document order, as diagnostics (errors, code
    /// ``differenceCode``): each at its element in the first document (in the second for an
    /// element only it has), its message starting with the element's path; empty when they are
    /// the same XML.
    ///
    /// - Parameter shown: How an attribute's value is printed, given its name (redact secrets here).
    public static func differences(_ a: LosslessDocument, _ b: LosslessDocument,
                                   shown: (_ attribute: String, _ value: String) -> String = { "\"\($1)\"" }) -> [Diagnostic] {
        var found: [Diagnostic] = []
        compare(a.root, b.root, in: (a, b), shown: shown, into: &found)
        return found
    }

    private static func difference(_ element: LosslessDocument.Element, in document: LosslessDocument, _ message: String) -> Diagnostic {
        let position = element.position
        return Diagnostic(file: document.path, line: position.line, column: position.column, severity: .error, code: differenceCode,
                          message: "\(element.path): \(message)", byteRange: element.startTagRange, elementPath: element.path)
    }

    private static func name(_ element: LosslessDocument.Element) -> String {
        (element.namespaceURI.map { "{\($0)}" } ?? "") + element.localName
    }

    private static func attributes(_ element: LosslessDocument.Element) -> [String: String] {
        var result: [String: String] = [:]
        for attribute in element.attributes where !attribute.isNamespaceDeclaration {
            result[(attribute.namespaceURI.map { "{\($0)}" } ?? "") + attribute.localName] = attribute.value
        }
        return result
    }

    private static func text(_ element: LosslessDocument.Element) -> String {
        let text = element.textContent.text
        return text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } ? "" : text
    }

    private static func shown(_ key: String) -> String {
        guard key.hasPrefix("{"), let close = key.firstIndex(of: "}") else { return key }
        return String(key[key.index(after: close)...])
    }

    private static func compare(_ a: LosslessDocument.Element, _ b: LosslessDocument.Element,
                                in documents: (LosslessDocument, LosslessDocument), shown value: (String, String) -> String, into found: inout [Diagnostic]) {
        guard name(a) == name(b) else {
            found.append(difference(a, in: documents.0, "<\(a.localName)> here, <\(b.localName)> in the other"))
            return
        }
        let left = attributes(a), right = attributes(b)
        for key in Set(left.keys).union(right.keys).sorted() {
            switch (left[key], right[key]) {
            case (let x?, nil): found.append(difference(a, in: documents.0, "attribute '\(shown(key))' only here (\(value(shown(key), x)))"))
            case (nil, let y?): found.append(difference(a, in: documents.0, "attribute '\(shown(key))' only in the other (\(value(shown(key), y)))"))
            case (let x?, let y?) where x != y:
                found.append(difference(a, in: documents.0, "attribute '\(shown(key))' is \(value(shown(key), x)) here, \(value(shown(key), y)) in the other"))
            default: break
            }
        }
        if text(a) != text(b) { found.append(difference(a, in: documents.0, "the text differs")) }
        let x = a.childElements, y = b.childElements
        for (childA, childB) in zip(x, y) { compare(childA, childB, in: documents, shown: value, into: &found) }
        for extra in x.dropFirst(y.count) { found.append(difference(extra, in: documents.0, "<\(extra.localName)> only here")) }
        for extra in y.dropFirst(x.count) { found.append(difference(extra, in: documents.1, "<\(extra.localName)> only in the other")) }
    }
}
