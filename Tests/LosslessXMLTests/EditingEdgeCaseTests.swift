import LosslessXML
import Testing

@Suite("Editing primitives: layouts and refusals")
struct EditingEdgeCaseTests {
    func first(_ document: LosslessDocument, _ localName: String) throws -> LosslessDocument.Element {
        try #require(document.allElements.first { $0.localName == localName })
    }

    @Test("A new attribute follows a one-per-line, aligned layout and its '=' spacing")
    func alignedAttributes() throws {
        var document = try parse("""
            <broker xmlns="http://activemq.apache.org/schema/core"
                    brokerName = "b"
                    useJmx = "true">
            </broker>
            """)
        try document.setAttribute("persistent", to: "false", on: document.root)
        #expect(text(document.bytes) == """
            <broker xmlns="http://activemq.apache.org/schema/core"
                    brokerName = "b"
                    useJmx = "true"
                    persistent = "false">
            </broker>
            """)
    }

    @Test("Removing the last attribute on its own line keeps the '>' where it was")
    func removeAttributeOnOwnLine() throws {
        var document = try parse("<a\n  x=\"1\"\n  y=\"2\"\n/>")
        try document.removeAttribute("y", from: document.root)
        #expect(text(document.bytes) == "<a\n  x=\"1\"\n/>")
    }

    @Test("A document on one line gets new content without whitespace")
    func compactDocument() throws {
        var document = try parse(#"<broker xmlns="http://activemq.apache.org/schema/core"><networkConnectors/></broker>"#)
        try document.insertChild(NewElement("networkConnector", attributes: [("name", "n")]), into: try first(document, "networkConnectors"))
        try document.insertChild(NewElement("plugins"), into: document.root)
        #expect(text(document.bytes)
            == #"<broker xmlns="http://activemq.apache.org/schema/core"><networkConnectors><networkConnector name="n"/></networkConnectors><plugins/></broker>"#)
    }

    @Test("Insert into <a></a> and into a parent whose end tag is on its own line")
    func emptyParents() throws {
        var document = try parse("<r>\n  <a></a>\n  <b>\n  </b>\n</r>\n")
        try document.insertChild(NewElement("x"), into: try first(document, "a"))
        try document.insertChild(NewElement("y"), into: try first(document, "b"))
        #expect(text(document.bytes) == "<r>\n  <a>\n    <x/>\n  </a>\n  <b>\n    <y/>\n  </b>\n</r>\n")
    }

    @Test("Indentation falls back to the document's step, then to two spaces")
    func indentationFallback() throws {
        var fourSpaces = try parse("<r>\n    <a>\n        <b/>\n    </a>\n    <c/>\n</r>\n")
        try fourSpaces.insertChild(NewElement("d"), into: try first(fourSpaces, "c"))
        #expect(text(fourSpaces.bytes) == "<r>\n    <a>\n        <b/>\n    </a>\n    <c>\n        <d/>\n    </c>\n</r>\n")
        var flat = try parse("<r>\n</r>\n")
        try flat.insertChild(NewElement("a"), into: flat.root)
        #expect(text(flat.bytes) == "<r>\n  <a/>\n</r>\n")
    }

    @Test("Removing an element that shares its line removes only it and its adjacent spaces")
    func removeWithinLine() throws {
        var document = try parse("<r>\n  <a/> <b/>\n  <c>x</c><d/>\n</r>")
        try document.removeElement(try first(document, "b"))
        try document.removeElement(try first(document, "c"))
        #expect(text(document.bytes) == "<r>\n  <a/>\n  <d/>\n</r>")
    }

    @Test("Removing an element spanning lines removes all of its lines, CR line ends too")
    func removeMultiLine() throws {
        var document = try parse("<r>\r  <a\r     x=\"1\">\r    <b/>\r  </a>\r  <c/>\r</r>\r")
        try document.removeElement(try first(document, "a"))
        #expect(text(document.bytes) == "<r>\r  <c/>\r</r>\r")
        #expect(document.lineEnding == .cr)
    }

    @Test("An element with a comment after it on its line is removed without the comment")
    func commentsAreNeverTouched() throws {
        var document = try parse("<r>\n  <!-- above -->\n  <a/> <!-- beside -->\n</r>\n")
        try document.removeElement(try first(document, "a"))
        #expect(text(document.bytes) == "<r>\n  <!-- above -->\n  <!-- beside -->\n</r>\n")
    }

    @Test("Inserting before an element goes above the comments that describe it, not between")
    func insertAboveLeadingComments() throws {
        var document = try parse("<r>\n  <a/>\n\n  <!-- about b -->\n  <!-- more about b -->\n  <b/>\n</r>\n")
        try document.insertChild(NewElement("n"), into: document.root, at: .before(try first(document, "b")))
        #expect(text(document.bytes) == "<r>\n  <a/>\n\n  <n/>\n  <!-- about b -->\n  <!-- more about b -->\n  <b/>\n</r>\n")
        // A blank line separates a comment from the element: it is not the element's.
        var separated = try parse("<r>\n  <!-- section -->\n\n  <b/>\n</r>\n")
        try separated.insertChild(NewElement("n"), into: separated.root, at: .before(try first(separated, "b")))
        #expect(text(separated.bytes) == "<r>\n  <!-- section -->\n\n  <n/>\n  <b/>\n</r>\n")
    }

    @Test("Values in an ISO-8859-1 document: Latin-1 literally, the rest as references")
    func latin1Values() throws {
        var document = try LosslessDocument(bytes: Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a n=\"caf".utf8) + [0xE9] + Array("\"/>".utf8))
        #expect(document.root.attribute("n")?.value == "café")
        try document.setAttribute("n", to: "é€", on: document.root)
        #expect(Array(document.bytes.suffix(12)) == [0xE9] + Array("&#x20AC;\"/>".utf8))
        #expect(document.root.attribute("n")?.value == "é€")
    }

    @Test("Tab, line feed and carriage return in a value are written as references and read back")
    func whitespaceInValues() throws {
        var document = try parse("<a/>")
        try document.setAttribute("v", to: "1\t2\n3\r4", on: document.root)
        #expect(text(document.bytes) == "<a v=\"1&#9;2&#10;3&#13;4\"/>")
        #expect(document.root.attribute("v")?.value == "1\t2\n3\r4")
    }

    @Test("Edits are refused with a typed reason, and the document is left as it was")
    func refusals() throws {
        let source = "<r xmlns:p=\"urn:p\"><a/></r>"
        var document = try parse(source)
        let old = document.root
        try document.setAttribute("x", to: "1", on: document.root)
        #expect(throws: XMLEditError.staleView) { try document.setAttribute("y", to: "1", on: old) }
        let before = document.bytes
        #expect(throws: XMLEditError.invalidName("1x")) { try document.setAttribute("1x", to: "1", on: document.root) }
        #expect(throws: XMLEditError.invalidName("a b")) { try document.insertChild(NewElement("a b"), into: document.root) }
        #expect(throws: XMLEditError.namespaceDeclaration("xmlns:q")) {
            try document.setAttribute("xmlns:q", to: "urn:q", on: document.root)
        }
        #expect(throws: XMLEditError.unrepresentableCharacter(0)) { try document.setAttribute("z", to: "\u{0}", on: document.root) }
        #expect(throws: XMLEditError.cannotRemoveRoot) { try document.removeElement(document.root) }
        #expect(throws: XMLEditError.noSuchAttribute("nope")) { try document.removeAttribute("nope", from: document.root) }
        let rejected = #expect(throws: XMLEditError.self) { try document.setAttribute("undeclared:x", to: "1", on: document.root) }
        guard case .rejected(.notWellFormed(_, let diagnostics))? = rejected else {
            Issue.record("expected a rejected edit, got \(String(describing: rejected))")
            return
        }
        #expect(diagnostics.first?.message.contains("undeclared") == true)
        #expect(document.bytes == before)
        let a = try first(document, "a")
        #expect(throws: XMLEditError.notAChild) {
            try document.insertChild(NewElement("b"), into: a, at: .after(document.root))
        }
        // A declared prefix works.
        try document.setAttribute("p:x", to: "1", on: a)
        #expect(try first(document, "a").attribute(localName: "x", namespace: "urn:p")?.value == "1")
    }

    @Test("Random edits keep documents readable and change only the edited region", arguments: 0..<3)
    func randomEdits(_ seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed) + 100)
        var document = try parse(Style(name: "LF").render(baseTemplate))
        for step in 0..<60 {
            let elements = Array(document.allElements)
            let target = elements[Int(generator.next() % UInt64(elements.count))]
            let before = document.bytes
            switch generator.next() % 4 {
            case 0:
                try document.setAttribute("k\(step % 3)", to: "v\(step)&<\"", on: target)
                let range = target.startTagRange
                let after = document.bytes
                #expect(before[..<range.lowerBound] == after[..<range.lowerBound])
                #expect(before[range.upperBound...] == after[(range.upperBound + after.count - before.count)...])
                #expect(document.element(startingAt: range.lowerBound)?.attribute("k\(step % 3)")?.value == "v\(step)&<\"")
            case 1:
                if let attribute = target.attributes.first {
                    try document.removeAttribute(attribute.qualifiedName, from: target)
                }
            case 2:
                let inserted = try document.insertChild(NewElement("n\(step)", attributes: [("a", "\(step)")]), into: target)
                #expect(inserted.attribute("a")?.value == "\(step)")
                // Add-then-remove is the identity.
                var copy = document
                try copy.removeElement(inserted)
                if !target.isEmptyElementTag { #expect(copy.bytes == before) }
            default:
                if target != document.root { try document.removeElement(target) }
            }
            #expect(try LosslessDocument(bytes: document.bytes).serialized() == document.bytes)
        }
    }
}

@Suite("Fuzzing findings, kept as regression tests")
struct FuzzFindingTests {
    @Test("finding-001: insert into an element whose end tag shares its line, then remove: the end tag keeps its new line")
    func sameLineEndTag() throws {
        let path = Paths.fixturePath("fuzz", "finding-001-insert-into-same-line-end-tag.xml")
        let document = try LosslessDocument(contentsOfFile: path)
        #expect(document.serialized() == document.bytes)
        let target = try #require(document.allElements.last)
        #expect(target.qualifiedName == "empty" && target.endTagRange != nil)
        var edited = document
        let inserted = try edited.insertChild(NewElement("fuzzChild", attributes: [("a", "1")], children: [NewElement("inner")]), into: target)
        try edited.removeElement(inserted)
        // The insertion put the end tag on its own line, indented like the parent's line; removing
        // the child keeps that line: the documented layout, not the original bytes.
        let text = String(decoding: edited.bytes, as: UTF8.self)
        #expect(text.contains("<empty>\n  </empty>"))
        #expect(try LosslessDocument(bytes: edited.bytes).serialized() == edited.bytes)
    }
}
