import LosslessXML
import Testing

/// A document style: the same literal template rendered with other line ends, indentation,
/// prefix and quotes.
struct Style: CustomStringConvertible, Sendable {
    var name: String
    var eol = "\n"
    var indent = "  "
    var prefix = ""
    var quote = "\""
    var description: String { name }

    static let all: [Style] = [
        Style(name: "LF"),
        Style(name: "CRLF", eol: "\r\n"),
        Style(name: "tabs", indent: "\t"),
        Style(name: "amq prefix", prefix: "amq:"),
        Style(name: "single quotes", quote: "'"),
    ]

    /// Renders a template: `{i}` one indentation step, `{p}` the prefix, `{q}` the quote,
    /// `{x}` the namespace declaration's name, and line feeds as the style's line end.
    func render(_ template: String) -> String {
        template
            .replacingAll("{x}", with: prefix.isEmpty ? "xmlns" : "xmlns:" + prefix.dropLast())
            .replacingAll("{i}", with: indent)
            .replacingAll("{p}", with: prefix)
            .replacingAll("{q}", with: quote)
            .replacingAll("\n", with: eol)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

let baseTemplate = """
    <{p}broker {x}={q}http://activemq.apache.org/schema/core{q} brokerName={q}b{q}>
    {i}<!-- the bridges -->
    {i}<{p}networkConnectors>
    {i}{i}<{p}networkConnector name={q}a{q} uri={q}static:(tcp://h:1){q}/>
    {i}</{p}networkConnectors>
    {i}<{p}transportConnectors/>
    </{p}broker>

    """

@Suite("Editing primitives: golden bytes per style")
struct EditingGoldenTests {
    func document(_ style: Style) throws -> LosslessDocument {
        try LosslessDocument(string: style.render(baseTemplate))
    }

    func connector(_ document: LosslessDocument) throws -> LosslessDocument.Element {
        try #require(document.allElements.first { $0.localName == "networkConnector" })
    }

    func element(_ document: LosslessDocument, _ localName: String) throws -> LosslessDocument.Element {
        try #require(document.allElements.first { $0.localName == localName })
    }

    @Test("Set an existing attribute: only the value changes, escaped for the quote in use", arguments: Style.all)
    func setExisting(_ style: Style) throws {
        var document = try document(style)
        try document.setAttribute("name", to: #"a&b<c"d'e"#, on: try connector(document))
        let escaped = style.quote == "'" ? "a&amp;b&lt;c\"d&apos;e" : "a&amp;b&lt;c&quot;d'e"
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll("name={q}a{q}", with: "name={q}\(escaped){q}")))
        #expect(try connector(document).attribute("name")?.value == #"a&b<c"d'e"#)
    }

    @Test("Add an attribute: after the last one, same separator, same quote", arguments: Style.all)
    func addAttribute(_ style: Style) throws {
        var document = try document(style)
        try document.setAttribute("duplex", to: "true", on: try connector(document))
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll(
            "uri={q}static:(tcp://h:1){q}/>", with: "uri={q}static:(tcp://h:1){q} duplex={q}true{q}/>")))
    }

    @Test("Add an attribute to an element that has none: one space after the name", arguments: Style.all)
    func addFirstAttribute(_ style: Style) throws {
        var document = try document(style)
        try document.setAttribute("schedulePeriodForDestinationPurge", to: "10000", on: try element(document, "transportConnectors"))
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll(
            "<{p}transportConnectors/>", with: "<{p}transportConnectors schedulePeriodForDestinationPurge={q}10000{q}/>")))
    }

    @Test("Remove an attribute with its leading whitespace", arguments: Style.all)
    func removeAttribute(_ style: Style) throws {
        var document = try document(style)
        try document.removeAttribute("name", from: try connector(document))
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll("name={q}a{q} ", with: "")))
    }

    @Test("Insert a child after its siblings: a new line, same indentation, parent's prefix", arguments: Style.all)
    func insertAtEnd(_ style: Style) throws {
        var document = try document(style)
        let inserted = try document.insertChild(
            NewElement("networkConnector", attributes: [("name", "b"), ("duplex", "true")]),
            into: try element(document, "networkConnectors"))
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll(
            "{i}</{p}networkConnectors>", with: "{i}{i}<{p}networkConnector name={q}b{q} duplex={q}true{q}/>\n{i}</{p}networkConnectors>")))
        #expect(inserted.qualifiedName == style.prefix + "networkConnector")
        #expect(inserted.namespaceURI == "http://activemq.apache.org/schema/core")
        #expect(inserted.attribute("name")?.value == "b")
    }

    @Test("Insert into <a/>: it becomes <a>…</a>, indented from the parent's nesting", arguments: Style.all)
    func insertIntoEmptyElement(_ style: Style) throws {
        var document = try document(style)
        try document.insertChild(
            NewElement("transportConnector", attributes: [("name", "openwire"), ("uri", "tcp://0.0.0.0:61616")]),
            into: try element(document, "transportConnectors"))
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll(
            "{i}<{p}transportConnectors/>",
            with: "{i}<{p}transportConnectors>\n{i}{i}<{p}transportConnector name={q}openwire{q} uri={q}tcp://0.0.0.0:61616{q}/>\n{i}</{p}transportConnectors>")))
    }

    @Test("Insert a nested element: children one step deeper", arguments: Style.all)
    func insertNested(_ style: Style) throws {
        var document = try document(style)
        let queue = NewElement("queue", attributes: [("physicalName", "A.>")])
        try document.insertChild(
            NewElement("networkConnector", attributes: [("name", "b")],
                       children: [NewElement("staticallyIncludedDestinations", children: [queue])]),
            into: try element(document, "networkConnectors"))
        let added = """
            {i}{i}<{p}networkConnector name={q}b{q}>
            {i}{i}{i}<{p}staticallyIncludedDestinations>
            {i}{i}{i}{i}<{p}queue physicalName={q}A.>{q}/>
            {i}{i}{i}</{p}staticallyIncludedDestinations>
            {i}{i}</{p}networkConnector>
            {i}</{p}networkConnectors>
            """
        #expect(text(document.bytes) == style.render(baseTemplate.replacingAll("{i}</{p}networkConnectors>", with: added)))
    }

    @Test("Remove an element: its own line goes, the comment above stays", arguments: Style.all)
    func removeElement(_ style: Style) throws {
        var document = try document(style)
        try document.removeElement(try element(document, "networkConnectors"))
        let expected = """
            <{p}broker {x}={q}http://activemq.apache.org/schema/core{q} brokerName={q}b{q}>
            {i}<!-- the bridges -->
            {i}<{p}transportConnectors/>
            </{p}broker>

            """
        #expect(text(document.bytes) == style.render(expected))
    }

    @Test("Insert before, after and at the start, keeping same-line comments with their element", arguments: Style.all)
    func insertionPoints(_ style: Style) throws {
        var document = try LosslessDocument(string: style.render("""
            <{p}broker {x}={q}http://activemq.apache.org/schema/core{q}>
            {i}<{p}plugins>
            {i}{i}<{p}a/> <!-- about a -->
            {i}{i}<{p}c/>
            {i}</{p}plugins>
            </{p}broker>
            """))
        let a = try element(document, "a")
        try document.insertChild(NewElement("b"), into: try element(document, "plugins"), at: .after(a))
        try document.insertChild(NewElement("d"), into: try element(document, "plugins"), at: .before(try element(document, "c")))
        try document.insertChild(NewElement("first"), into: try element(document, "plugins"), at: .start)
        #expect(text(document.bytes) == style.render("""
            <{p}broker {x}={q}http://activemq.apache.org/schema/core{q}>
            {i}<{p}plugins>
            {i}{i}<{p}first/>
            {i}{i}<{p}a/> <!-- about a -->
            {i}{i}<{p}b/>
            {i}{i}<{p}d/>
            {i}{i}<{p}c/>
            {i}</{p}plugins>
            </{p}broker>
            """))
    }
}
