// libFuzzer entry point: every input goes through parse → lossless tree → serialize (which must
// give the input back), the typed model, the linter, the edit primitives (whose results must parse
// back and serialize exactly), and the URI and network-spec parsers. A crash, a sanitizer report or
// a failed invariant is a finding.
import ActiveMQConfig
import ActiveMQHosts
import ActiveMQLint

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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? NetworkConnectorURI.parse(text)
    _ = try? TransportURI.parse(text)
    _ = NetworkConnectorURI.redact(text)
    _ = try? NetworkSpec.decode(bytes)
    exerciseHosts(bytes)
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
