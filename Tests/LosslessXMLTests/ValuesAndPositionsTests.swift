import LosslessXML
import Testing

@Suite("Typed values, positions and namespaces")
struct ValuesAndPositionsTests {
    @Test("Attribute values expand references and normalize whitespace; raw values stay as written")
    func attributeValues() throws {
        let document = try LosslessDocument(contentsOfFile: Paths.fixturePath("lossless", "doctype-entity-attribute.xml"))
        let connector = try #require(document.allElements.first { $0.localName == "networkConnector" })
        let uri = try #require(connector.attribute("uri"))
        #expect(uri.rawValue == "static:(&remote;)")
        #expect(uri.value == "static:(ssl://broker-a.example.com:61617)")
        // "&#38;#38;" is "&#38;" after declaration, and "&" when used.
        #expect(connector.attribute("userName")?.value == "a&b")
        let parent = try #require(connector.parent)
        #expect(parent.textContent.unresolvedEntityReferences == ["bridges"])
    }

    @Test("Character references, predefined entities, CDATA, line ends")
    func textValues() throws {
        let document = try parse("<a v=\"x&#65;&#x42;&lt;&gt;&amp;&quot;&apos;\ty\r\nz\">t&#x20AC;&amp;\r\n<![CDATA[<raw>&amp;]]></a>")
        #expect(document.root.attribute("v")?.value == "xAB<>&\"' y z")
        #expect(document.root.textContent.text == "t€&\n<raw>&amp;")
    }

    @Test("Positions: 1-based lines and columns in Unicode scalars; a tab counts 1; BOM not counted")
    func positions() throws {
        let document = try LosslessDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("<r>\r\n\t<é a=\"1\"/>\r<b\n   c=\"2\"/></r>".utf8))
        #expect(document.root.position == SourcePosition(line: 1, column: 1, offset: 3))
        let e = try #require(document.root.childElements.first)
        #expect(e.position.line == 2 && e.position.column == 2)
        #expect(e.attribute("a")?.position.column == 5)
        #expect(e.attribute("a")?.valuePosition.column == 8)
        let b = try #require(document.root.childElements.last)
        #expect(b.position.line == 3 && b.position.column == 1)
        #expect(b.attribute("c")?.position == SourcePosition(line: 4, column: 4, offset: b.attribute("c")!.range.lowerBound))
    }

    @Test("libxml2's errors keep libxml2's line and column")
    func errorPositions() throws {
        let error = #expect(throws: XMLDocumentError.self) {
            try parse("<broker>\n  <networkConnector>\n</broker>\n", path: "bad.xml")
        }
        #expect(error?.description == "bad.xml:3:10: error: Opening and ending tag mismatch: networkConnector line 2 and broker [not-well-formed]")
    }

    @Test("Line numbers above 65535 are exact")
    func bigLineNumbers() throws {
        let source = String(repeating: "\n", count: 70_000) + "<r>\n<a/>\n</x>"
        let error = #expect(throws: XMLDocumentError.self) { try parse(source) }
        #expect(error?.line == 70_003)
    }

    static let core = "http://activemq.apache.org/schema/core"

    @Test("A broker is found by namespace in every layout; elements in comments are not elements",
          arguments: ["prefixed-amq.xml", "blueprint.xml", "beans-without-namespace.xml", "tabs.xml", "crlf.xml", "bom.xml"])
    func brokersByNamespace(_ name: String) throws {
        let document = try LosslessDocument(contentsOfFile: Paths.fixturePath("lossless", name))
        let brokers = document.elements(localName: "broker", namespace: Self.core)
        #expect(brokers.count == 1)
        #expect(brokers.first?.attribute("brokerName")?.value != "commented")
        #expect(document.elements(localName: "broker", namespace: nil).isEmpty)
    }

    @Test("Namespace declarations are kept apart from attributes")
    func namespaceDeclarations() throws {
        let document = try LosslessDocument(contentsOfFile: Paths.fixturePath("lossless", "prefixed-amq.xml"))
        #expect(document.root.prefix == "amq")
        #expect(document.root.localName == "broker")
        #expect(document.root.namespaceDeclarations.map(\.qualifiedName) == ["xmlns:amq"])
        #expect(document.root.attributes.map(\.qualifiedName) == ["brokerName"])
        #expect(document.root.descendants.map(\.qualifiedName) == ["amq:networkConnectors", "amq:networkConnector"])
    }

    @Test("Node kinds, comment text and encodings are reported")
    func nodes() throws {
        let document = try LosslessDocument(contentsOfFile: Paths.fixturePath("lossless", "cdata-pi-comments.xml"))
        let kinds = document.topLevelNodes.map(\.kind)
        #expect(kinds.prefix(4) == [.xmlDeclaration, .whitespace, .processingInstruction, .whitespace])
        #expect(document.topLevelNodes.compactMap(\.commentText) == [" before the root ", " after the root "])
        let latin1 = try LosslessDocument(contentsOfFile: Paths.fixturePath("lossless", "iso-8859-1.xml"))
        #expect(latin1.encoding.name == "ISO-8859-1")
        #expect(latin1.root.attribute("brokerName")?.value == "café")
        let windows = try LosslessDocument(bytes: Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a v=\"".utf8) + [0x80] + Array("\"/>".utf8))
        #expect(windows.root.attribute("v")?.value == "€")
    }
}
