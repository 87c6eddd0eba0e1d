// libFuzzer entry point: every input goes through parse → lossless tree → serialize (which must
// give the input back), the typed model, the linter, the edit primitives (whose results must parse
// back and serialize exactly), the URI and network-spec parsers, the host readers, and the language
// server's protocol layer (framing, messages, and a document served through its requests). A crash, a
// sanitizer report or a failed invariant is a finding.
import ActiveMQConfig
import ActiveMQHosts
import ActiveMQLanguageServer
import ActiveMQLint
import Foundation

@inline(never)
func invariant(_ condition: Bool, _ message: StaticString) {
    if !condition { fatalError("invariant failed: \(message)") }
}

func exerciseModel(_ configuration: BrokerConfiguration) {
    for broker in configuration.brokers {
        _ = try? broker.persistent
        _ = try? broker.useJmx
        _ = broker.brokerName
        for connector in broker.networkConnectors {
            _ = try? connector.uri
            _ = try? connector.duplex
            _ = try? connector.networkTTL
            _ = try? connector.prefetchSize
            _ = connector.literalPasswordLocations
            _ = connector.dynamicallyIncludedDestinations
            if let uri = try? connector.uri?.literal { _ = uri.redacted }
        }
        for connector in broker.transportConnectors { _ = try? connector.uri }
    }
}

/// Whether only spaces and tabs precede `offset` on its line (and there is a line before it).
func endTagStartsLine(_ bytes: [UInt8], _ offset: Int) -> Bool {
    var i = offset
    while i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
    return i > 0 && (bytes[i - 1] == 0x0A || bytes[i - 1] == 0x0D)
}

func exerciseEdits(_ document: LosslessDocument) {
    let elements = Array(document.allElements)
    guard let target = elements.last else { return }
    func check(_ edited: LosslessDocument) {
        let reread = try? LosslessDocument(bytes: edited.bytes)
        invariant(reread != nil, "an edit produced a document that does not parse")
        invariant(reread?.serialized() == edited.bytes, "an edited document does not round-trip")
    }
    var one = document
    if (try? one.setAttribute("fuzzAttribute", to: "v&<\"'\t\n\u{E9}", on: target)) != nil { check(one) }
    var two = document
    if let inserted = try? two.insertChild(NewElement("fuzzChild", attributes: [("a", "1")], children: [NewElement("inner")]), into: target) {
        check(two)
        var three = two
        if (try? three.removeElement(inserted)) != nil {
            check(three)
            // Promised when the insertion adds whole lines: the parent's end tag starts its line.
            if let endTag = target.endTagRange, endTagStartsLine(document.bytes, endTag.lowerBound) {
                invariant(three.bytes == document.bytes, "insert then remove is not the identity")
            }
        }
    }
    if elements.count > 1 {
        var four = document
        if (try? four.removeElement(elements[elements.count / 2])) != nil { check(four) }
        var five = document
        if let attribute = elements[1].attributes.first, (try? five.removeAttribute(attribute.qualifiedName, from: elements[1])) != nil {
            check(five)
        }
    }
    var configuration = BrokerConfiguration(document: document)
    if !configuration.brokers.isEmpty {
        let connector = NetworkConnectorDefinition(name: "fuzz_connector", to: .broker("ssl://b-1-1.mq.us-east-2.amazonaws.com:61617"))
            .userName("u").duplex()
        if (try? configuration.addNetworkConnector(connector, to: .index(0))) != nil {
            check(configuration.document)
            let filter = NetworkConnectorChange().excluding(.queue("fuzz.>"))
            if (try? configuration.updateNetworkConnector(named: "fuzz_connector", in: .index(0), filter)) != nil {
                check(configuration.document)
            }
            if (try? configuration.removeNetworkConnector(named: "fuzz_connector", from: .index(0))) != nil {
                check(configuration.document)
            }
        }
    }
}

/// The host readers (Terraform, YAML): every document's byte map must give its verbatim bytes back
/// from the host and never go backwards; the documents are linted as host inputs.
func exerciseHosts(_ bytes: [UInt8]) {
    for path in ["fuzz.tf", "fuzz.yaml"] {
        guard let found = HostFile.documents(in: bytes, path: path) else { continue }
        for document in found.documents {
            var last = -1
            for piece in document.map.pieces {
                invariant(piece.host.upperBound <= bytes.count, "a byte map reaches past the host")
                if piece.isVerbatim && document.positionsInside {
                    invariant(Array(document.bytes[piece.document]) == Array(bytes[piece.host]), "a verbatim piece differs from the host")
                }
                invariant(piece.host.lowerBound >= last, "a byte map goes backwards")
                last = piece.host.lowerBound
            }
            _ = document.map.hostRange(0..<document.bytes.count)
            if document.encoding != nil, document.readOnlyReason == nil { _ = document.encode(Array("a\n${b}\"c".utf8), at: 0, in: bytes) }
        }
        let hosts = HostInputs([LintInput(path: path, bytes: .success(bytes))])
        if let report = try? Linter().lint(hosts.inputs) { _ = hosts.map(report) }
    }
}

/// Everything the server sends must be one framed JSON object.
final class Replies: Sendable {
    func check(_ framed: [UInt8]) {
        var reader = Framing.Reader()
        reader.feed(framed)
        guard case .success(let body)? = reader.next() else { return invariant(false, "the server sent a message that is not framed") }
        invariant(reader.next() == nil, "the server sent bytes after a framed message")
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        invariant(object?["jsonrpc"] as? String == "2.0", "the server sent a body that is not a JSON-RPC object")
    }
}

func message(_ method: String, id: Int? = nil, _ params: [String: Any]) -> [UInt8] {
    var object: [String: Any] = ["jsonrpc": "2.0", "method": method, "params": params]
    if let id { object["id"] = id }
    return Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

/// The protocol layer: the input as a raw stream of frames (in chunks the input's first byte sets),
/// then the input as a document served through didOpen, an edit, completion, hover and code actions
/// at a position the input chooses.
func exerciseLanguageServer(_ bytes: [UInt8]) {
    let replies = Replies()
    let raw = LanguageServer(send: { replies.check($0) })
    _ = raw.handle(message("initialize", id: 1, ["capabilities": [:], "initializationOptions": ["debounce": 0]]))
    var reader = Framing.Reader()
    let chunk = max(1, Int(bytes.first ?? 1))
    var offset = 0
    var stopped = false
    while offset < bytes.count && !stopped {
        reader.feed(Array(bytes[offset..<min(bytes.count, offset + chunk)]))
        offset += chunk
        while let next = reader.next() {
            if case .success(let body) = next, raw.handle(body) != nil { stopped = true }
        }
    }
    raw.waitForIdle()

    let text = String(decoding: bytes, as: UTF8.self)
    let server = LanguageServer(send: { replies.check($0) })
    let uri = "file:///fuzz/broker.xml"
    _ = server.handle(message("initialize", id: 1, ["capabilities": ["general": ["positionEncodings": [bytes.count % 2 == 0 ? "utf-8" : "utf-16"]]],
                                                    "initializationOptions": ["debounce": 0]]))
    _ = server.handle(message("initialized", [:]))
    _ = server.handle(message("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "xml", "version": 1, "text": text]]))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = bytes.count > 1 ? Int(bytes[1]) % max(1, lines.count + 1) : 0
    let character = bytes.count > 2 ? Int(bytes[2]) : 0
    let position: [String: Any] = ["line": line, "character": character]
    let document: [String: Any] = ["uri": uri]
    _ = server.handle(message("textDocument/completion", id: 2, ["textDocument": document, "position": position]))
    _ = server.handle(message("textDocument/hover", id: 3, ["textDocument": document, "position": position]))
    _ = server.handle(message("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2],
                                                         "contentChanges": [["range": ["start": position, "end": position], "text": "<"]]]))
    _ = server.handle(message("textDocument/codeAction", id: 4, ["textDocument": document, "range": ["start": ["line": 0, "character": 0], "end": position],
                                                                  "context": ["diagnostics": []]]))
    _ = server.handle(message("textDocument/codeAction", id: 5, ["textDocument": document, "range": ["start": position, "end": position],
                                                                  "context": ["diagnostics": [], "only": ["source.fixAll.activemq-config"]]]))
    server.waitForIdle()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? NetworkConnectorURI.parse(text)
    _ = try? TransportURI.parse(text)
    _ = NetworkConnectorURI.redact(text)
    _ = try? NetworkSpec.decode(bytes)
    exerciseHosts(bytes)
    exerciseLanguageServer(bytes)
    guard let document = try? LosslessDocument(bytes: bytes, path: "fuzz.xml") else { return 0 }
    invariant(document.serialized() == bytes, "the lossless tree does not give the input back")
    for element in document.allElements {
        _ = element.attributes.map(\.value)
        _ = element.textContent
        _ = element.position
    }
    exerciseModel(BrokerConfiguration(document: document))
    _ = try? Linter().lint([LintInput(path: "fuzz.xml", bytes: .success(bytes))])
    exerciseEdits(document)
    return 0
}
