import CXMLShim
import Foundation
import LosslessXML
import Testing

/// libxml2's own view of a document, recorded from its SAX2 events independently of the tree.
final class LibXML2View {
    struct Attribute: Equatable, CustomStringConvertible {
        var qualifiedName: String
        var namespace: String?
        var value: String
        var description: String { "\(qualifiedName){\(namespace ?? "")}" }
    }
    struct Element: Equatable, CustomStringConvertible {
        var qualifiedName: String
        var namespace: String?
        var attributes: [Attribute]
        var namespaceDeclarations: Int
        var description: String { "\(qualifiedName){\(namespace ?? "")} \(attributes)" }
    }
    var elements: [Element] = []
    var accepted = false

    init(_ bytes: [UInt8]) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var callbacks = amqx_callbacks(
            context: context,
            start_element: { context, local, prefix, uri, namespaces, attributes, count, _ in
                let view = Unmanaged<LibXML2View>.fromOpaque(context!).takeUnretainedValue()
                func name(_ prefix: UnsafePointer<CChar>?, _ local: UnsafePointer<CChar>?) -> String {
                    (prefix.map { String(cString: $0) + ":" } ?? "") + String(cString: local!)
                }
                var list: [Attribute] = []
                for i in 0..<Int(count) {
                    let a = attributes![i]
                    let length = a.value_begin!.distance(to: a.value_end!)
                    let value = String(decoding: UnsafeRawBufferPointer(start: a.value_begin, count: length), as: UTF8.self)
                    list.append(Attribute(qualifiedName: name(a.prefix, a.local_name), namespace: a.uri.map { String(cString: $0) },
                                          value: value))
                }
                view.elements.append(Element(qualifiedName: name(prefix, local), namespace: uri.map { String(cString: $0) },
                                             attributes: list, namespaceDeclarations: Int(namespaces)))
                return 0
            },
            error: nil)
        accepted = bytes.withUnsafeBufferPointer { amqx_parse($0.baseAddress, $0.count, nil, &callbacks) } == 0
    }
}

@Suite("The lossless tree and libxml2 agree")
struct LibXML2AgreementTests {
    @Test("Element names, namespaces and attribute sets agree on every corpus file",
          .enabled(if: Paths.sharedIsPresent, "../shared is absent"), arguments: Paths.corpusFiles.filter { !$0.hasSuffix(".erb") })
    func corpus(_ relative: String) throws {
        let original = Array(try #require(FileManager.default.contents(atPath: Paths.corpusPath(relative))))
        try expectAgreement(original)
    }

    @Test("… and on every fixture", arguments: Paths.fixtureFiles("lossless"))
    func fixture(_ name: String) throws {
        let original = Array(try #require(FileManager.default.contents(atPath: Paths.fixturePath("lossless", name))))
        try expectAgreement(original)
    }

    func expectAgreement(_ bytes: [UInt8]) throws {
        let view = LibXML2View(bytes)
        #expect(view.accepted)
        let document = try LosslessDocument(bytes: bytes)
        let elements = Array(document.allElements)
        try #require(elements.count == view.elements.count)
        let isUTF8 = document.encoding.isUTF8
        for (ours, theirs) in zip(elements, view.elements) {
            if isUTF8 { #expect(ours.qualifiedName == theirs.qualifiedName) }
            #expect(ours.namespaceURI == theirs.namespace)
            #expect(ours.namespaceDeclarations.count == theirs.namespaceDeclarations)
            try #require(ours.attributes.count == theirs.attributes.count)
            for (a, b) in zip(ours.attributes, theirs.attributes) {
                if isUTF8 { #expect(a.qualifiedName == b.qualifiedName) }
                #expect(a.namespaceURI == b.namespace)
                // Without entity substitution libxml2 writes '&' as "&#38;" and keeps references to
                // declared entities as written; compare every value that holds no such reference.
                let userEntity = a.rawValue.range(of: #"&[A-Za-z_:][^;]*;"#, options: .regularExpression)
                    .map { !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(String(a.rawValue[$0])) } ?? false
                if isUTF8 && !userEntity {
                    #expect(a.value == b.value.replacingOccurrences(of: "&#38;", with: "&"), "\(ours) \(a.qualifiedName)")
                }
            }
        }
    }
}
