import ActiveMQConfig
@testable import ActiveMQLanguageServer
import ActiveMQLint
import Foundation
import Testing

/// Drives the server in process, as a client would, and reads what it sends.
final class Client: Sendable {
    let sent = Locked<[JSONValue]>([])
    let server: LanguageServer

    init(debounce: Int = 0, encodings: [String]? = nil, initialize: Bool = true, capabilities more: [String: JSONValue] = [:]) {
        let sent = self.sent
        server = LanguageServer(send: { framed in
            var reader = Framing.Reader()
            reader.feed(framed)
            if case .success(let body)? = reader.next(), let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) {
                sent.withLock { $0.append(value) }
            }
        })
        if initialize {
            var capabilities = more
            if let encodings { capabilities["general"] = .object(["positionEncodings": .array(encodings.map(JSONValue.string))]) }
            _ = request(1, "initialize", .object(["capabilities": .object(capabilities), "initializationOptions": .object(["debounce": .number(Double(debounce))])]))
            notify("initialized", .object([:]))
        }
    }

    @discardableResult
    func request(_ id: Int, _ method: String, _ params: JSONValue = .null) -> Int32? {
        send(.object(["jsonrpc": .string("2.0"), "id": .number(Double(id)), "method": .string(method), "params": params]))
    }

    @discardableResult
    func notify(_ method: String, _ params: JSONValue) -> Int32? {
        send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    func send(_ message: JSONValue) -> Int32? {
        server.handle(Array(try! JSONEncoder().encode(message)))
    }

    func response(_ id: Int) -> JSONValue? {
        sent.withLock { $0.last { $0["id"]?.int == id } }
    }

    /// The diagnostics published for a document, last first.
    func published(_ uri: String) -> [JSONValue] {
        server.waitForIdle()
        return sent.withLock { $0.filter { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri } }
            .compactMap { $0["params"] }
    }

    /// Opens a text written with `|` where the cursor is; the position parameters for a request there.
    func openAtCursor(_ uri: String, _ marked: String) -> JSONValue {
        let offset = marked.utf8.firstIndex(of: UInt8(ascii: "|")).map { marked.utf8.distance(from: marked.utf8.startIndex, to: $0) } ?? 0
        let text = marked.replacingOccurrences(of: "|", with: "")
        open(uri, text)
        let position = TextBuffer(Array(text.utf8)).position(of: offset, encoding: .utf16)
        return .object([
            "textDocument": .object(["uri": .string(uri)]),
            "position": .object(["line": .number(Double(position.line)), "character": .number(Double(position.character))]),
        ])
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("xml"), "version": .number(Double(version)), "text": .string(text),
        ])]))
    }

    func change(_ uri: String, version: Int, _ changes: [(range: ((Int, Int), (Int, Int))?, text: String)]) {
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .number(Double(version))]),
            "contentChanges": .array(changes.map { change in
                var members: [String: JSONValue] = ["text": .string(change.text)]
                if let range = change.range {
                    members["range"] = .object([
                        "start": .object(["line": .number(Double(range.0.0)), "character": .number(Double(range.0.1))]),
                        "end": .object(["line": .number(Double(range.1.0)), "character": .number(Double(range.1.1))]),
                    ])
                }
                return .object(members)
            }),
        ]))
    }
}

@Suite("The language server")
struct ServerTests {
    static let broker = """
        <broker xmlns="http://activemq.apache.org/schema/core">
          <networkConnectors>
            <networkConnector name="a" userName="u" uri="static:(tcp://b:61616)" networkTTL="0"/>
          </networkConnectors>
        </broker>

        """

    static func codes(_ diagnostics: JSONValue?) -> [String] {
        (diagnostics?["diagnostics"]?.array ?? []).compactMap { $0["code"]?.string }.sorted()
    }

    @Test("Lifecycle: -32002 before initialize, notifications dropped; -32601 for unknown methods, -32700 for bad JSON; exit 0 after shutdown, 1 without")
    func lifecycle() {
        let early = Client(initialize: false)
        early.request(7, "textDocument/hover")
        #expect(early.response(7)?["error"]?["code"]?.int == -32002)
        early.open("file:///tmp/a.xml", Self.broker)
        #expect(early.published("file:///tmp/a.xml").isEmpty)
        #expect(early.notify("exit", .null) == 1)
        #expect(early.server.endOfInput() == 1)

        let client = Client()
        #expect(client.response(1)?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-16")
        #expect(client.response(1)?["result"]?["capabilities"]?["textDocumentSync"]?["change"]?.int == 2)
        client.request(2, "workspace/unknownThing")
        #expect(client.response(2)?["error"]?["code"]?.int == -32601)
        _ = client.server.handle(Array("{not json".utf8))
        #expect(client.sent.withLock { $0.last?["error"]?["code"]?.int } == -32700)
        client.request(3, "shutdown")
        #expect(client.response(3)?["result"] == .null)
        client.request(4, "textDocument/hover")
        #expect(client.response(4)?["error"]?["code"]?.int == -32600)
        #expect(client.server.endOfInput() == 0)
        #expect(client.notify("exit", .null) == 0)
    }

    @Test("Framing: messages read whole however the bytes arrive; a header without a usable Content-Length is skipped, a huge one too")
    func framing() {
        let one = Array(#"{"a":1}"#.utf8), two = Array(#"{"b":"é"}"#.utf8)
        let stream = Framing.frame(one) + Array("Content-Length: x\r\n\r\n".utf8) + Array("Content-Length: 99999999999999999999\r\n\r\n".utf8)
            + Array("Content-Length: \(Int.max)\r\n\r\n".utf8) + Framing.frame(two)
        for chunk in [1, 3, stream.count] {
            var reader = Framing.Reader()
            var bodies: [[UInt8]] = []
            var problems: [String] = []
            var offset = 0
            while offset < stream.count {
                reader.feed(Array(stream[offset..<min(stream.count, offset + chunk)]))
                offset += chunk
                while let next = reader.next() {
                    switch next {
                    case .success(let body): bodies.append(body)
                    case .failure(let problem): problems.append(problem.message)
                    }
                }
            }
            #expect(bodies == [one, two])
            #expect(problems.count == 3)
            #expect(problems.last?.contains("above the") == true)
        }
    }

    @Test("$/cancelRequest: a request cancelled by a later message read with it gets -32800; one already answered stays answered")
    func cancel() {
        let client = Client()
        client.open("file:///tmp/c.xml", Self.broker)
        func message(_ value: JSONValue) -> [UInt8] { Array(try! JSONEncoder().encode(value)) }
        let completion = JSONValue.object(["jsonrpc": "2.0", "id": 7, "method": "textDocument/completion", "params": .object([
            "textDocument": .object(["uri": "file:///tmp/c.xml"]), "position": .object(["line": 0, "character": 1]),
        ])])
        let hover = JSONValue.object(["jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": .object([
            "textDocument": .object(["uri": "file:///tmp/c.xml"]), "position": .object(["line": 0, "character": 1]),
        ])])
        let cancel = JSONValue.object(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": .object(["id": 7])])
        #expect(client.server.handle(batch: [message(completion), message(hover), message(cancel)]) == nil)
        #expect(client.response(7)?["error"]?["code"]?.int == -32800)
        #expect(client.response(7)?["result"] == nil)
        #expect(client.response(8)?["error"] == nil)
        // A cancel that comes after its request was answered changes nothing.
        #expect(client.server.handle(batch: [message(cancel)]) == nil)
        #expect(client.sent.withLock { $0.filter { $0["id"]?.int == 7 }.count } == 1)
    }

    @Test("UTF-8 positions when the client offers them")
    func encodingNegotiation() {
        let client = Client(encodings: ["utf-8", "utf-16"])
        #expect(client.response(1)?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-8")
        client.open("file:///tmp/u.xml", Self.broker.replacingOccurrences(of: "name=\"a\"", with: "name=\"😀\""))
        let range = client.published("file:///tmp/u.xml").last?["diagnostics"]?.array?.first { $0["code"]?.string == "zero-ttl" }?["range"]
        // `networkTTL` starts 3 bytes later than with name="a" (the emoji is 4 bytes, "a" one).
        #expect(range?["start"]?["character"]?.int == 76)
    }

    @Test("Diagnostics: rule id, link, severity, the version they are for; incremental edits; closing clears")
    func diagnostics() {
        let client = Client()
        let uri = "file:///tmp/d.xml"
        client.open(uri, Self.broker)
        let first = client.published(uri).last
        #expect(Self.codes(first) == ["zero-ttl"])
        #expect(first?["version"]?.int == 1)
        let zero = first?["diagnostics"]?.array?.first
        #expect(zero?["severity"]?.int == 1 && zero?["codeDescription"]?["href"]?.string?.hasSuffix("/Docs/rules/zero-ttl.md") == true)
        #expect(zero?["range"]?["start"]?["line"]?.int == 2 && zero?["range"]?["start"]?["character"]?.int == 73)
        // Replace "0" with "2" inside networkTTL="0": the finding goes.
        client.change(uri, version: 2, [(((2, 85), (2, 86)), "2")])
        let second = client.published(uri).last
        #expect(second?["version"]?.int == 2 && Self.codes(second) == [])
        // Remove userName="u" (an incremental range over part of a line).
        client.change(uri, version: 3, [(((2, 31), (2, 44)), "")])
        #expect(Self.codes(client.published(uri).last) == ["missing-username"])
        let versions = client.published(uri).compactMap { $0["version"]?.int }
        #expect(versions == versions.sorted())
        client.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(uri)])]))
        #expect(client.published(uri).last?["diagnostics"]?.array?.isEmpty == true)
    }

    @Test("While the buffer is not well-formed, earlier findings stay beside the parse error, shifted; one an edit touched goes")
    func notWellFormed() {
        let client = Client()
        let uri = "file:///tmp/n.xml"
        client.open(uri, Self.broker)
        #expect(Self.codes(client.published(uri).last) == ["zero-ttl"])
        // Break the document after the finding: an unclosed tag at the end, the finding kept.
        client.change(uri, version: 2, [(((5, 0), (5, 0)), "<broken")])
        let broken = client.published(uri).last
        #expect(Self.codes(broken) == ["not-well-formed", "zero-ttl"])
        // Insert a line before it: the kept finding moves with its text.
        client.change(uri, version: 3, [(((0, 0), (0, 0)), "<!-- a comment -->\n")])
        let shifted = client.published(uri).last?["diagnostics"]?.array?.first { $0["code"]?.string == "zero-ttl" }
        #expect(shifted?["range"]?["start"]?["line"]?.int == 3)
        // An edit inside its range drops it.
        client.change(uri, version: 4, [(((3, 85), (3, 86)), "00")])
        #expect(Self.codes(client.published(uri).last) == ["not-well-formed"])
    }

    @Test("No secret reaches a diagnostic, a completion, a hover, a code action or an outline, at any place in the buffer")
    func secrets() {
        let client = Client()
        let uri = "file:///tmp/s.xml"
        let text = Self.broker.replacingOccurrences(of: "userName=\"u\"", with: "userName=\"u\" password=\"Sup3r-S3cret\"")
            .replacingOccurrences(of: "tcp://b:61616", with: "tcp://b:61616?password=Sup3r-S3cret")
        client.open(uri, text)
        #expect(Self.codes(client.published(uri).last).contains("embedded-password"))
        let buffer = TextBuffer(Array(text.utf8))
        for offset in 0...buffer.bytes.count where offset == buffer.bytes.count || buffer.bytes[offset] & 0xC0 != 0x80 {
            let position = buffer.position(of: offset, encoding: .utf16)
            let at: JSONValue = .object(["textDocument": .object(["uri": .string(uri)]),
                                         "position": .object(["line": .number(Double(position.line)), "character": .number(Double(position.character))])])
            client.request(1000 + 2 * offset, "textDocument/completion", at)
            client.request(1001 + 2 * offset, "textDocument/hover", at)
        }
        client.request(3, "textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": .object(["line": 0, "character": 0]), "end": .object(["line": 9, "character": 0])]),
            "context": .object(["diagnostics": .array([])]),
        ]))
        client.request(4, "textDocument/documentSymbol", .object(["textDocument": .object(["uri": .string(uri)])]))
        client.server.waitForIdle()
        let all = client.sent.withLock { $0 }.map { String(decoding: try! JSONEncoder().encode($0), as: UTF8.self) }.joined()
        #expect(all.contains("embedded-password") && all.contains("Suppress"))
        #expect(!all.contains("Sup3r-S3cret"))
    }

    static let corpus: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return ["activemq", "wild"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
                .filter { $0.hasSuffix(".xml") }.sorted().map { root.appendingPathComponent("\(folder)/\($0)").path }
        }
    }()

    @Test("For every corpus file the published findings are lint's, file by file: rule, severity, message, and the start lint gives",
          .enabled(if: !corpus.isEmpty || ProcessInfo.processInfo.environment["CI"] == "true", "../shared/corpus is absent"))
    func corpusAgrees() throws {
        #expect(!Self.corpus.isEmpty)
        let client = Client()
        for (number, path) in Self.corpus.enumerated() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            guard let text = String(validating: bytes, as: UTF8.self) else { continue }
            let uri = URL(fileURLWithPath: path).absoluteString
            client.open(uri, text, version: number + 1)
            let published = client.published(uri).last?["diagnostics"]?.array ?? []
            let lint = try Linter().lint([LintInput(path: path, bytes: .success(bytes))]).findings.filter { $0.file == path }
            let theirs = lint.map { "\($0.code ?? "") \($0.severity.rawValue) \($0.message)" }.sorted()
            let ours = published.map { diagnostic in
                let severity = diagnostic["severity"]?.int == 1 ? "error" : diagnostic["severity"]?.int == 2 ? "warning" : "info"
                return "\(diagnostic["code"]?.string ?? "") \(severity) \(diagnostic["message"]?.string ?? "")"
            }.sorted()
            #expect(ours == theirs, "\(path)")
            // Each start is lint's line (LSP lines count from 0).
            let lines = Set(lint.compactMap { $0.line.map { $0 - 1 } })
            #expect(published.allSatisfy { lines.contains($0["range"]?["start"]?["line"]?.int ?? -1) }, "\(path)")
            client.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(uri)])]))
        }
    }
}

/// Quick fixes and `source.fixAll.activemq-config`.
@Suite("Code actions")
struct CodeActionTests {
    static let fixes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fix")

    /// The text with a workspace edit's edits for `uri` applied.
    static func apply(_ edit: JSONValue?, to text: String, uri: String, encoding: PositionEncoding = .utf16) -> String {
        let edits = edit?["changes"]?[uri]?.array ?? edit?["documentChanges"]?.array?.first?["edits"]?.array ?? []
        var buffer = TextBuffer(Array(text.utf8))
        let ranges = edits.map { edit -> (Range<Int>, [UInt8]) in
            let start = edit["range"]?["start"], end = edit["range"]?["end"]
            let low = buffer.offset(line: start?["line"]?.int ?? 0, character: start?["character"]?.int ?? 0, encoding: encoding)
            let high = buffer.offset(line: end?["line"]?.int ?? 0, character: end?["character"]?.int ?? 0, encoding: encoding)
            return (low..<high, Array((edit["newText"]?.string ?? "").utf8))
        }
        for (range, replacement) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { buffer.replace(range, with: replacement) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    @Test("source.fixAll gives exactly the bytes lint --fix gives (the safe goldens)", arguments: ["uri-whitespace", "negative-ttl", "amazon-mq-password"])
    func fixAll(_ name: String) throws {
        let folder = Self.fixes.appendingPathComponent(name)
        let args = try String(contentsOf: folder.appendingPathComponent("args"), encoding: .utf8)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("in").path).first)
        let input = try String(contentsOf: folder.appendingPathComponent("in/\(file)"), encoding: .utf8)
        let output = try String(contentsOf: folder.appendingPathComponent("out/\(file)"), encoding: .utf8)
        let client = Client()
        if args.contains("amazon-mq") {
            client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["activemq-config": .object(["profile": .string("amazon-mq")])])]))
        }
        let uri = "file:///tmp/fixall-\(name)/\(file)"
        client.open(uri, input)
        client.request(5, "textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": .object(["line": 0, "character": 0]), "end": .object(["line": 0, "character": 0])]),
            "context": .object(["diagnostics": .array([]), "only": .array([.string("source.fixAll")])]),
        ]))
        let action = client.response(5)?["result"]?.array?.first
        #expect(action?["kind"]?.string == LanguageServer.fixAllKind)
        #expect(Self.apply(action?["edit"], to: input, uri: uri) == output)
    }

    @Test("Host files: fix-all gives the bytes lint --fix gives on Terraform and CloudFormation (the host goldens)",
          arguments: ["password-terraform", "password-cloudformation", "placeholder-quoted"])
    func hostFixAll(_ name: String) throws {
        let folder = Self.fixes.deletingLastPathComponent().appendingPathComponent("iac/fix/\(name)")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("in.") })
        let input = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        let output = try String(contentsOf: folder.appendingPathComponent("out" + file.dropFirst(2)), encoding: .utf8)
        let client = Client()
        client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["activemq-config": .object(["unsafeFixes": .bool(true)])])]))
        let uri = "file:///tmp/hostfix-\(name)/main\(file.dropFirst(2))"
        client.open(uri, input)
        #expect(!ServerTests.codes(client.published(uri).last).isEmpty)
        client.request(5, "textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": .object(["line": 0, "character": 0]), "end": .object(["line": 0, "character": 0])]),
            "context": .object(["diagnostics": .array([]), "only": .array([.string("source.fixAll")])]),
        ]))
        let actions = client.response(5)?["result"]?.array ?? []
        #expect(actions.count == 1 && actions.first?["kind"]?.string == LanguageServer.fixAllKind)
        #expect(Self.apply(actions.first?["edit"], to: input, uri: uri) == output)
    }

    @Test("Host files: findings at their place in the .tf, through the heredoc, and never the password; no completion or hover there")
    func terraformDiagnostics() throws {
        let tf = try String(contentsOf: Self.fixes.deletingLastPathComponent().appendingPathComponent("iac/fix/password-terraform/in.tf"), encoding: .utf8)
        let client = Client()
        let uri = "file:///tmp/host-diagnostics/main.tf"
        client.open(uri, tf)
        let diagnostics = try #require(client.published(uri).last?["diagnostics"]?.array)
        let password = try #require(diagnostics.first { $0["code"]?.string == "embedded-password" })
        let line = tf.split(separator: "\n", omittingEmptySubsequences: false)[11]
        #expect(password["range"]?["start"]?["line"]?.int == 11)
        #expect(password["range"]?["start"]?["character"]?.int == line.utf16.distance(from: line.startIndex, to: line.range(of: "password=")!.lowerBound))
        #expect(password["message"]?.string?.hasPrefix("aws_mq_configuration.spoke: ") == true)
        #expect(!"\(diagnostics)".contains("hunter2"))
        client.request(6, "textDocument/completion", .object(["textDocument": .object(["uri": .string(uri)]),
                                                              "position": .object(["line": 11, "character": 20])]))
        #expect(client.response(6)?["result"]?["items"]?.array?.isEmpty == true)
        client.request(7, "textDocument/hover", .object(["textDocument": .object(["uri": .string(uri)]),
                                                         "position": .object(["line": 11, "character": 10])]))
        #expect(client.response(7)?["result"] == .null)
    }

    @Test("Quick fixes: the fix (unsafe ones say so, safe ones preferred) and a suppression, never for embedded-password; documentChanges when the client takes them")
    func quickFixes() {
        let client = Client()
        let uri = "file:///tmp/q.xml"
        let text = ServerTests.broker.replacingOccurrences(of: "userName=\"u\"", with: "userName=\"u\" password=\"p4ss\"")
        client.open(uri, text)
        client.request(6, "textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": .object(["line": 2, "character": 0]), "end": .object(["line": 2, "character": 200])]),
            "context": .object(["diagnostics": .array([])]),
        ]))
        let actions = client.response(6)?["result"]?.array ?? []
        let titles = actions.compactMap { $0["title"]?.string }
        #expect(titles.contains("Suppress zero-ttl here"))
        #expect(!titles.contains("Suppress embedded-password here"))
        #expect(actions.contains { $0["title"]?.string?.hasSuffix("(unsafe)") == true && $0["isPreferred"]?.bool == false })
        let suppress = actions.first { $0["title"]?.string == "Suppress zero-ttl here" }
        let suppressed = Self.apply(suppress?["edit"], to: text, uri: uri)
        #expect(suppressed.contains("  <networkConnectors>\n    <!-- activemq-config-disable zero-ttl -->\n    <networkConnector"))
        client.change(uri, version: 2, [(nil, suppressed)])
        #expect(!ServerTests.codes(client.published(uri).last).contains("zero-ttl"))

        let versioned = Client()
        _ = versioned.request(1, "initialize", .object(["capabilities": .object(["workspace": .object(["workspaceEdit": .object(["documentChanges": .bool(true)])])])]))
        versioned.open(uri, text, version: 7)
        versioned.request(8, "textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": .object(["start": .object(["line": 2, "character": 0]), "end": .object(["line": 2, "character": 200])]),
            "context": .object(["diagnostics": .array([])]),
        ]))
        let change = versioned.response(8)?["result"]?.array?.first?["edit"]?["documentChanges"]?.array?.first
        #expect(change?["textDocument"]?["version"]?.int == 7)
    }
}

/// Completion, by a tolerant scan of a text that is seldom well-formed.
@Suite("Completion")
struct CompletionTests {
    /// The labels offered where `|` is in the text.
    static func labels(_ marked: String, settings: JSONValue? = nil) -> [String] {
        let client = Client()
        if let settings { client.notify("workspace/didChangeConfiguration", .object(["settings": settings])) }
        client.request(9, "textDocument/completion", client.openAtCursor("file:///tmp/c.xml", marked))
        return (client.response(9)?["result"]?["items"]?.array ?? []).compactMap { $0["label"]?.string }
    }

    static let head = #"<broker xmlns="http://activemq.apache.org/schema/core" brokerName="b">"#

    @Test("Transport URI options by scheme, with the transport. and wireFormat. prefixes")
    func uriOptions() {
        let labels = Self.labels(Self.head + "\n<transportConnectors><transportConnector name=\"o\" uri=\"ssl://0.0.0.0:61617?|")
        #expect(labels.contains("transport.tcpNoDelay=") && labels.contains("wireFormat.maxFrameSize=") && labels.contains("needClientAuth="))
        let plain = Self.labels(Self.head + "\n<transportConnectors><transportConnector name=\"o\" uri=\"tcp://0.0.0.0:61616?a=1&|")
        #expect(!plain.contains("needClientAuth=") && plain.contains("maximumConnections="))
    }

    @Test("Attributes not yet present; boolean values; the children an element may have; rule ids in a suppression")
    func places() {
        let attributes = Self.labels(Self.head + "\n<networkConnectors><networkConnector name=\"a\" |")
        #expect(attributes.contains("duplex") && attributes.contains("networkTTL") && !attributes.contains("name"))
        #expect(Self.labels(Self.head + "\n<networkConnectors><networkConnector duplex=\"|") == ["true", "false"])
        let children = Self.labels(Self.head + "\n<|")
        #expect(children.contains("networkConnectors") && children.contains("transportConnectors") && children.contains("destinationPolicy"))
        #expect(Self.labels(Self.head + "\n<networkConnectors>\n  <|").contains("networkConnector"))
        #expect(Self.labels("<!-- activemq-config-disable zero-t|").contains("zero-ttl"))
        // The same at the end of a broken text, after a closed sibling and a comment.
        #expect(Self.labels(Self.head + "\n<!-- x --><plugins></plugins><|").contains("networkConnectors"))
    }

    @Test("The vocabulary of the profile and version in force: Amazon MQ's schema allows fewer networkConnector attributes than ActiveMQ's")
    func versions() {
        let activeMQ = Self.labels(Self.head + "\n<networkConnectors><networkConnector |")
        let amazonMQ = Self.labels(Self.head + "\n<networkConnectors><networkConnector |", settings: .object(["activemq-config": .object(["profile": "amazon-mq"])]))
        #expect(activeMQ.count > amazonMQ.count && !amazonMQ.isEmpty)
    }
}

extension ServerTests {
    @Test("A baseline setting hides the findings it holds, as lint --baseline does")
    func baseline() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.xml").path
        let report = try Linter().lint([LintInput(path: path, bytes: .success(Array(Self.broker.utf8)))])
        let baseline = folder.appendingPathComponent("baseline.json").path
        try Data(Baseline.render(report.findings).utf8).write(to: URL(fileURLWithPath: baseline))
        let client = Client()
        client.notify("workspace/didChangeConfiguration", .object(["settings": .object(["activemq-config": .object(["baseline": .string(baseline)])])]))
        let uri = URL(fileURLWithPath: path).absoluteString
        client.open(uri, Self.broker)
        #expect(Self.codes(client.published(uri).last) == [])
    }
}

/// Hover.
@Suite("Hover")
struct HoverTests {
    static func hover(_ marked: String) -> String? {
        let client = Client()
        client.request(11, "textDocument/hover", client.openAtCursor("file:///tmp/h.xml", marked))
        return client.response(11)?["result"]?["contents"]?["value"]?.string
    }

    static let outlined = """
        <beans xmlns="http://www.springframework.org/schema/beans">
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="hub">
            <destinationPolicy><policyMap><policyEntries><policyEntry queue="orders.>"/></policyEntries></policyMap></destinationPolicy>
            <networkConnectors>
              <networkConnector name="to-spoke" userName="u" uri="static:(ssl://spoke:61617?password=Sup3rS3cret)"/>
            </networkConnectors>
            <persistenceAdapter><kahaDB directory="data"/></persistenceAdapter>
            <plugins><statisticsBrokerPlugin/></plugins>
            <transportConnectors><transportConnector name="openwire" uri="ssl://0.0.0.0:61617"/></transportConnectors>
          </broker>
        </beans>

        """

    @Test("Document symbols: brokers with their connectors, store, policy entries and plugins, as a tree or a flat list; never a password")
    func documentSymbols() throws {
        let tree = Client(capabilities: ["textDocument": .object(["documentSymbol": .object(["hierarchicalDocumentSymbolSupport": .bool(true)])])])
        tree.open("file:///o.xml", Self.outlined)
        tree.request(2, "textDocument/documentSymbol", .object(["textDocument": .object(["uri": "file:///o.xml"])]))
        let brokers = try #require(tree.response(2)?["result"]?.array)
        #expect(brokers.map { $0["name"]?.string } == ["hub"])
        let children = brokers[0]["children"]?.array ?? []
        #expect(children.map { $0["name"]?.string ?? "" } == ["to-spoke", "openwire", "kahaDB", "queue orders.>", "statisticsBrokerPlugin"])
        #expect(children.map { $0["kind"]?.int ?? 0 } == [11, 11, 19, 7, 5])
        // The selection is the element's name: line 4, after `<`.
        #expect(children[0]["selectionRange"]?["start"]?["line"]?.int == 4 && children[0]["selectionRange"]?["start"]?["character"]?.int == 7)
        #expect(children[0]["detail"]?.string?.contains("Sup3rS3cret") == false)
        #expect(children[0]["detail"]?.string?.contains("ssl://spoke:61617") == true)

        let flat = Client()
        flat.open("file:///o.xml", Self.outlined)
        flat.request(2, "textDocument/documentSymbol", .object(["textDocument": .object(["uri": "file:///o.xml"])]))
        let list = try #require(flat.response(2)?["result"]?.array)
        #expect(list.map { $0["name"]?.string ?? "" } == ["hub", "to-spoke", "openwire", "kahaDB", "queue orders.>", "statisticsBrokerPlugin"])
        #expect(list.dropFirst().allSatisfy { $0["containerName"]?.string == "hub" && $0["location"]?["uri"]?.string == "file:///o.xml" })
        let everything = String(decoding: try JSONEncoder().encode(JSONValue.array(list + brokers)), as: UTF8.self)
        #expect(!everything.contains("Sup3rS3cret"))

        // While the text is not well-formed: an empty outline, not an error.
        flat.change("file:///o.xml", version: 2, [(range: ((1, 2), (1, 3)), text: "")])
        flat.request(3, "textDocument/documentSymbol", .object(["textDocument": .object(["uri": "file:///o.xml"])]))
        #expect(flat.response(3)?["result"]?.array?.isEmpty == true)
    }

    @Test("An attribute: its type, the releases that know it, Amazon MQ; an element; a rule in a suppression; never a value")
    func hovers() {
        let head = #"<broker xmlns="http://activemq.apache.org/schema/core">"#
        let ttl = Self.hover(head + #"<networkConnectors><networkConnector networkT|TL="2" password="Sup3rS3cret"/></networkConnectors></broker>"#)
        #expect(ttl?.contains("networkConnector@networkTTL") == true && ttl?.contains("ActiveMQ 5.15") == true)
        let password = Self.hover(head + #"<networkConnectors><networkConnector networkTTL="2" passw|ord="Sup3rS3cret"/></networkConnectors></broker>"#)
        #expect(password?.contains("removed by Amazon MQ") == true && password?.contains("Sup3rS3cret") == false)
        #expect(Self.hover(head + #"<networkConnectors><networkConnector password="Sup3r|S3cret"/></networkConnectors></broker>"#) == nil)
        #expect(Self.hover(head + "<networkConnectors><networkConn|ector/></networkConnectors></broker>")?.contains("<networkConnector>") == true)
        #expect(Self.hover("<!-- activemq-config-disable zero-t|tl -->" + head + "</broker>")?.contains("zero-ttl.md") == true)
    }

    @Test("Hovers carry the schemas' documentation, a URI option's meaning (never its value), and on <broker> the profile and version in force with their sources")
    func documentedHovers() {
        let head = #"<broker xmlns="http://activemq.apache.org/schema/core">"#
        let element = Self.hover(head + "<networkConnectors><networkConn|ector/></networkConnectors></broker>")
        #expect(element?.contains("discovery agent to detect the remote brokers") == true)
        let property = Self.hover(head + "<networkConn|ectors><networkConnector/></networkConnectors></broker>")
        #expect(property?.contains("a property of <broker>") == true && property?.contains("federated network") == true)
        let option = Self.hover(head + #"<transportConnectors><transportConnector uri="tcp://0.0.0.0:61616?transport.soWrite|Timeout=30000&amp;wireFormat.maxFrameSize=104857600"/></transportConnectors></broker>"#)
        #expect(option?.contains("**transport.soWriteTimeout**") == true && option?.contains("blocked socket write") == true)
        #expect(option?.contains("30000") == false)
        let password = Self.hover(head + #"<networkConnectors><networkConnector uri="static:(tcp://b:61616?pass|word=Sup3rS3cret)"/></networkConnectors></broker>"#)
        #expect(password == nil || password?.contains("Sup3rS3cret") == false)
        let versioned = #"<beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core-5.18.3.xsd">"#
        let root = Self.hover(versioned + #"<bro|ker xmlns="http://activemq.apache.org/schema/core"/></beans>"#)
        #expect(root?.contains("Judged as ActiveMQ 5.18.3: profile `activemq` from the default, version from xsi:schemaLocation.") == true)
        for option in TransportOptions.serverOptions.union(TransportOptions.connectionOptions).union(TransportOptions.openWireFormatOptions)
            .union(TransportOptions.tlsServerOptions).union(TransportOptions.autoServerOptions) {
            #expect(TransportOptions.meaning(of: option) != nil, "\(option) has no meaning to show")
        }
    }
}

/// Robustness: typing corpus files in, with completion at every step.
@Suite("Typing replay")
struct TypingReplayTests {
    @Test("A seeded sample of corpus files typed in ≤ 200 steps each, completion at every step: no crash, valid answers, lint's findings at the end",
          .enabled(if: !ServerTests.corpus.isEmpty || ProcessInfo.processInfo.environment["CI"] == "true", "../shared/corpus is absent"))
    func replay() throws {
        let sample = ServerTests.corpus.enumerated().filter { $0.offset % 22 == 0 }.map(\.element)
        #expect(!sample.isEmpty)
        for path in sample { try Self.type(path) { max(1, ($0 + 199) / 200) } }
    }

    /// The full replay, run by `Scripts/replay-typing` (recorded in Docs/fuzzing.md): every corpus
    /// file typed one character at a time, with completion after every character.
    @Test("Full replay: every corpus file typed one character at a time, completion at every step",
          .enabled(if: ProcessInfo.processInfo.environment["LSP_REPLAY"] == "full", "run by Scripts/replay-typing"))
    func fullReplay() throws {
        #expect(!ServerTests.corpus.isEmpty)
        var steps = 0
        let start = ContinuousClock.now
        // LSP_REPLAY_ONLY=TEXT replays the corpus files whose path holds TEXT.
        let only = ProcessInfo.processInfo.environment["LSP_REPLAY_ONLY"]
        for (number, path) in ServerTests.corpus.enumerated() where only.map({ path.contains($0) }) ?? true {
            steps += try Self.type(path) { _ in 1 }
            // On standard error, unbuffered: the run is long, and its progress is the point.
            FileHandle.standardError.write(Data("full replay: \(number + 1)/\(ServerTests.corpus.count) files, \(steps) steps, \(ContinuousClock.now - start)\n".utf8))
        }
    }

    /// Types a file into the server in steps of `step(size)` bytes (whole characters), asking for
    /// completion after each; checks every answer, and that the last diagnostics are lint's. The
    /// number of steps.
    @discardableResult
    static func type(_ path: String, step: (Int) -> Int) throws -> Int {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        guard String(validating: bytes, as: UTF8.self) != nil else { return 0 }
        let client = Client()
        let uri = URL(fileURLWithPath: path).absoluteString
        client.open(uri, "")
        var typed = TextBuffer([])
        var offset = 0
        var version = 1
        let size = step(bytes.count)
        while offset < bytes.count {
            var next = min(bytes.count, offset + size)
            while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
            let end = typed.position(of: typed.bytes.count, encoding: .utf16)
            version += 1
            client.change(uri, version: version, [(((end.line, end.character), (end.line, end.character)), String(decoding: bytes[offset..<next], as: UTF8.self))])
            typed.replace(typed.bytes.count..<typed.bytes.count, with: Array(bytes[offset..<next]))
            offset = next
            let cursor = typed.position(of: typed.bytes.count, encoding: .utf16)
            client.request(100 + version, "textDocument/completion", .object([
                "textDocument": .object(["uri": .string(uri)]),
                "position": .object(["line": .number(Double(cursor.line)), "character": .number(Double(cursor.character))]),
            ]))
            #expect(client.response(100 + version)?["result"]?["items"]?.array != nil, "\(path) at \(offset)")
            // The client keeps only what it needs: the last answers.
            client.sent.withLock { sent in if sent.count > 64 { sent.removeFirst(sent.count - 16) } }
        }
        let last = client.published(uri).last
        #expect(last?["version"]?.int == version, "\(path)")
        let lint = try Linter().lint([LintInput(path: path, bytes: .success(bytes))]).findings.filter { $0.file == path }
        #expect(ServerTests.codes(last) == lint.compactMap(\.code).sorted(), "\(path)")
        return version - 1
    }
}
