import LosslessXML
import Testing

/// The mistakes users make most get messages at least as good as xmllint's, with the position
/// that helps (libxml2's push parser words some of them less helpfully than its pull parser).
@Suite("Parse errors worded as xmllint words them, or better")
struct ParseErrorWordingTests {
    static func error(_ text: String) -> String? {
        do {
            _ = try LosslessDocument(string: text, path: "f.xml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test("Common mistakes", arguments: [
        ("<broker xmlns=\"urn:x\">\n  <networkConnectors>\n    <networkConnector name=\"a\"/>\n",
         "f.xml:4:1: error: Premature end of data in tag networkConnectors line 2 [not-well-formed]"),
        ("<broker xmlns=\"urn:x\">\n  <networkConnectors>\n    <networkConn",
         "f.xml:3:17: error: Couldn't find end of Start Tag networkConn [not-well-formed]"),
        ("broker:\n  networkConnectors: []\n", "f.xml:1:1: error: Start tag expected, '<' not found [not-well-formed]"),
        ("{\"broker\": {\"name\": \"<b>\"}}\n", "f.xml:1:1: error: Start tag expected, '<' not found [not-well-formed]"),
        ("\n\n  \n", "f.xml:4:1: error: Start tag expected, '<' not found [not-well-formed]"),
        ("<broker xmlns=\"urn:x\">\n  <transportConnector uri=\"tcp://h:1?a=1&b=2\"/>\n</broker>\n",
         "f.xml:2:43: error: EntityRef: expecting ';' (a bare '&', as in a URL's query, is written &amp; in XML) [not-well-formed]"),
        ("<broker xmlns=\"urn:x\">\n  <networkConnector name=\u{201C}a\u{201D}/>\n</broker>\n",
         "f.xml:2:26: error: AttValue: \" or ' expected (“ ” and ‘ ’ are typographic quotes, not XML's: use \" or ') [not-well-formed]"),
    ])
    func mistakes(_ text: String, _ expected: String) {
        #expect(Self.error(text) == expected)
    }

    @Test("Other errors keep libxml2's own words")
    func unchanged() {
        #expect(Self.error("<a>\n  <b>\n</a>\n") == "f.xml:3:5: error: Opening and ending tag mismatch: b line 2 and a [not-well-formed]")
    }
}
