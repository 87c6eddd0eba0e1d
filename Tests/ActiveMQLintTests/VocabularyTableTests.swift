import Testing
import ActiveMQConfig
@testable import ActiveMQLint

/// The table reader: the union table of several schemas, read in place for one of them.
@Suite("Vocabulary tables")
struct VocabularyTableTests {
    /// Three schemas (bits 0, 1, 2): `gone` exists in the first only, `flags` changes its wildcard
    /// flags in the third, `broker` gains an attribute and changes a type and a property.
    static let union = """
        7\tE broker x
        7\tA brokerName string
        3\tA persistent boolean
        4\tA persistent string
        6\tA schedulerSupport boolean
        7\tA useJmx boolean
        3\tP plugins a,b -
        4\tP plugins a,b,c * #
        3\tE flags x
        4\tE flags x y
        7\tA id string
        1\tE gone
        1\tA size integer min=1 max=9
        7\tE kept
        7\tA mode string enum=one|two
        """

    @Test("Each schema sees exactly its own lines")
    func masks() throws {
        let first = Vocabulary(unionTable: Self.union, schema: 0)
        let third = Vocabulary(unionTable: Self.union, schema: 2)
        #expect(Set(first.elementNames) == ["broker", "flags", "gone", "kept"])
        #expect(Set(third.elementNames) == ["broker", "flags", "kept"])

        let oldBroker = try #require(first.element("broker"))
        #expect(Set(oldBroker.attributes.keys) == ["brokerName", "persistent", "useJmx"])
        #expect(oldBroker.attributes["persistent"]?.base == .boolean)
        #expect(oldBroker.properties["plugins"] == Vocabulary.PropertyRule(references: ["a", "b"], anyGlobal: false, otherNamespaces: false))
        #expect(oldBroker.otherNamespaceChildren && !oldBroker.otherNamespaceAttributes)

        let newBroker = try #require(third.element("broker"))
        #expect(Set(newBroker.attributes.keys) == ["brokerName", "persistent", "schedulerSupport", "useJmx"])
        #expect(newBroker.attributes["persistent"]?.base == .string)
        #expect(newBroker.properties["plugins"] == Vocabulary.PropertyRule(references: ["a", "b", "c"], anyGlobal: true, otherNamespaces: true))

        #expect(first.element("flags")?.otherNamespaceAttributes == false)
        #expect(third.element("flags")?.otherNamespaceAttributes == true)
        #expect(third.element("gone") == nil)
        let size = try #require(first.element("gone")?.attributes["size"])
        #expect(size.base == .integer && size.minimum == 1 && size.maximum == 9)
        #expect(third.element("kept")?.attributes["mode"]?.enumeration == ["one", "two"])
    }

    @Test("A table of one schema has no masks")
    func single() throws {
        let table = """
            E broker y
            A brokerName string
            P plugins -
            E other
            """
        let vocabulary = Vocabulary(table: table)
        #expect(Set(vocabulary.elementNames) == ["broker", "other"])
        let broker = try #require(vocabulary.element("broker"))
        #expect(broker.otherNamespaceAttributes && !broker.otherNamespaceChildren)
        #expect(broker.attributes["brokerName"]?.base == .string)
        #expect(broker.properties["plugins"]?.references.isEmpty == true)
        #expect(vocabulary.element("other")?.attributes.isEmpty == true)
    }

    @Test("Every carried schema reads: each of its elements parses, and each knows <broker>")
    func carried() throws {
        for name in Vocabulary.activeMQSchemas {
            let version = try #require(ActiveMQVersion(name))
            let vocabulary = try #require(Vocabulary.activeMQ(version))
            #expect(vocabulary.schema == name)
            #expect(vocabulary.vocabulary.elementNames.count >= 140)
            for element in vocabulary.vocabulary.elementNames { #expect(vocabulary.vocabulary.element(element) != nil) }
            #expect((vocabulary.vocabulary.element("broker")?.attributes.count ?? 0) >= 75)
        }
    }
}
