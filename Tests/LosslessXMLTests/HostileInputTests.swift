import Foundation
import LosslessXML
import Testing

/// Each hostile input ends cleanly: a clear error or a bounded, faithful result; nothing is read
/// from outside the file; no crash, no stack overflow.
@Suite("Hostile input")
struct HostileInputTests {
    /// A file outside the document whose content must never reach any output.
    static func secretFile() throws -> (path: String, marker: String) {
        let marker = "TOP-SECRET-\(UUID().uuidString)"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString).txt").path
        try Data("<x>\(marker)</x>".utf8).write(to: URL(fileURLWithPath: path))
        return (path, marker)
    }

    @Test("An external general entity is never read, never expanded, and reported as unresolved")
    func externalGeneralEntity() throws {
        let (path, marker) = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        for uri in ["file://\(path)", path] {
            let source = """
                <?xml version="1.0"?>
                <!DOCTYPE broker [<!ENTITY leak SYSTEM "\(uri)">]>
                <broker xmlns="http://activemq.apache.org/schema/core">&leak;</broker>
                """
            let document = try parse(source)
            #expect(document.serialized() == bytes(source))
            let content = document.root.textContent
            #expect(content.unresolvedEntityReferences == ["leak"])
            #expect(content.text == "&leak;")
            #expect(!content.text.contains(marker))
            #expect(!document.warnings.contains { $0.message.contains(marker) })
        }
    }

    @Test("An external parameter entity is never read")
    func externalParameterEntity() throws {
        let (path, marker) = try Self.secretFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = """
            <!DOCTYPE broker [<!ENTITY % leak SYSTEM "file://\(path)"> %leak;]>
            <broker xmlns="http://activemq.apache.org/schema/core" brokerName="a"/>
            """
        do {
            let document = try parse(source)
            #expect(document.serialized() == bytes(source))
            #expect(!document.warnings.contains { $0.message.contains(marker) })
        } catch {
            #expect(!error.description.contains(marker))
        }
    }

    @Test("An entity-expansion bomb is refused or left unexpanded, never expanded")
    func billionLaughs() throws {
        var declarations = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for level in 1...10 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        for use in ["<r a=\"&lol10;\"/>", "<r>&lol10;</r>"] {
            let source = "<!DOCTYPE r [\(declarations)]>\(use)"
            do {
                let document = try parse(source)
                // Accepted: any expansion we do stays within our limit.
                #expect(document.root.textContent.text.count <= 10_000_000)
                #expect((document.root.attribute("a")?.value.count ?? 0) <= 10_000_000)
            } catch {
                guard case .notWellFormed = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
            }
        }
    }

    @Test("Nesting 200,000 levels deep ends with a clean error, without recursion")
    func deepNesting() throws {
        let depth = 200_000
        var source = [UInt8]()
        source.reserveCapacity(depth * 7 + 16)
        for _ in 0..<depth { source += bytes("<a>") }
        for _ in 0..<depth { source += bytes("</a>") }
        let error = #expect(throws: XMLDocumentError.self) { try LosslessDocument(bytes: source) }
        guard case .limitExceeded(_, let message, let position)? = error else {
            Issue.record("expected limitExceeded, got \(String(describing: error))")
            return
        }
        #expect(message == "elements nest deeper than 256 levels")
        #expect(position?.line == 1 && position?.column == 769)
        // 256 levels are fine.
        let fine = String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)
        #expect(try parse(fine).allElements.count == 256)
    }

    @Test("Invalid UTF-8 is rejected, and the message echoes none of the document's bytes")
    func invalidUTF8() throws {
        let source = bytes("<broker password=\"s") + [0xC3, 0x28, 0xFF] + bytes("ecret\"/>")
        let error = #expect(throws: XMLDocumentError.self) { try LosslessDocument(bytes: source, path: "bad.xml") }
        let message = try #require(error).description
        #expect(message.hasPrefix("bad.xml:1:"))
        #expect(!message.contains("Bytes"))
        #expect(!message.contains("0xC3"))
    }

    @Test("An empty file is rejected with libxml2's message")
    func emptyFile() throws {
        let error = #expect(throws: XMLDocumentError.self) { try LosslessDocument(bytes: [], path: "empty.xml") }
        #expect(error?.message == "Document is empty")
    }

    @Test("A truncated file is rejected with a position", arguments: [
        "<broker xmlns=\"http://activemq.apache.org/schema/core\"><networkConnectors>",
        "<broker a=\"b",
        "<broker><!-- never closed",
        "<?xml version=\"1.0\"?><!DOCTYPE x [ <!ENTITY a \"b\">",
        "<broker/><!--",
    ])
    func truncated(_ source: String) throws {
        let error = #expect(throws: XMLDocumentError.self) { try parse(source, path: "t.xml") }
        #expect(error?.line != nil)
    }

    @Test("A 30 MB attribute value ends cleanly with libxml2's limit")
    func hugeAttributeValue() throws {
        var source = bytes("<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"")
        source += [UInt8](repeating: 0x61, count: 30 * 1024 * 1024)
        source += bytes("\"/>")
        let error = #expect(throws: XMLDocumentError.self) { try LosslessDocument(bytes: source, path: "big.xml") }
        guard case .notWellFormed? = error else {
            Issue.record("expected notWellFormed, got \(String(describing: error))")
            return
        }
    }

    @Test("A directory as FILE is an I/O error")
    func directory() throws {
        let error = #expect(throws: XMLDocumentError.self) {
            try LosslessDocument(contentsOfFile: FileManager.default.temporaryDirectory.path)
        }
        guard case .io(_, let message)? = error else {
            Issue.record("expected io, got \(String(describing: error))")
            return
        }
        #expect(message == "is a directory")
    }

    @Test("A missing file is an I/O error")
    func missingFile() throws {
        let error = #expect(throws: XMLDocumentError.self) {
            try LosslessDocument(contentsOfFile: "/nonexistent/activemq.xml")
        }
        #expect(error?.description == "/nonexistent/activemq.xml: error: no such file or directory")
    }

    @Test("UTF-16 and undeclared multi-byte encodings are refused clearly")
    func unsupportedEncodings() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<a/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let first = #expect(throws: XMLDocumentError.self) { try LosslessDocument(bytes: utf16) }
        #expect(first == .unsupportedEncoding(path: nil, name: "UTF-16"))
        let second = #expect(throws: XMLDocumentError.self) {
            try parse("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><a/>")
        }
        #expect(second?.message.contains("unsupported encoding 'Shift_JIS'") == true)
    }

    @Test("Markup libxml2 accepts but the lossless layer cannot represent is refused, not mangled")
    func markupInsideEntity() throws {
        let source = "<!DOCTYPE r [<!ENTITY e \"<b/>\">]><r>&e;</r>"
        do {
            let document = try parse(source)
            // If accepted, the entity's element is not an element of the tree, and bytes are exact.
            #expect(document.serialized() == bytes(source))
            #expect(document.allElements.count == 1)
        } catch {
            guard case .unsupportedConstruct = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test("Random bytes and mutated documents never crash", arguments: 0..<4)
    func mutations(_ seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let base = bytes("""
            <?xml version="1.0"?><!DOCTYPE b [<!ENTITY x "y">]>
            <b xmlns="http://activemq.apache.org/schema/core" a='1' c = "&x;&#65;"><n><!--c--><![CDATA[d]]><?p q?>t</n></b>
            """)
        for _ in 0..<400 {
            var mutated = base
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                let position = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 3 {
                case 0: mutated[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: mutated.remove(at: position)
                default:
                    let alphabet = Array("<>&;'\"=/![]?-x ".utf8)
                    mutated.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                }
                if mutated.isEmpty { break }
            }
            if let document = try? LosslessDocument(bytes: mutated) {
                #expect(document.serialized() == mutated)
                for element in document.allElements {
                    _ = element.attributes.map(\.value)
                    _ = element.textContent
                }
            }
        }
    }
}


@Suite("Diagnostics are per parse")
struct ParallelParseTests {
    @Test("Parses running in parallel never see each other's errors")
    func parallel() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<400 {
                group.addTask {
                    let source = String(repeating: "\n", count: i % 37) + "<r\(i)><x></r\(i)>"
                    do throws(XMLDocumentError) {
                        _ = try LosslessDocument(string: source, path: "doc\(i).xml")
                        Issue.record("doc\(i) was accepted")
                    } catch {
                        guard case .notWellFormed(let path, let diagnostics) = error else {
                            Issue.record("doc\(i): \(error)")
                            return
                        }
                        #expect(path == "doc\(i).xml")
                        #expect(diagnostics.first?.line == i % 37 + 1)
                        #expect(diagnostics.first?.message == "Opening and ending tag mismatch: x line \(i % 37 + 1) and r\(i)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
