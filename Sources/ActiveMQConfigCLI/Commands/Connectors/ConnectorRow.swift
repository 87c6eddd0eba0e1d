import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// One connector in a listing; URIs are redacted.
struct ConnectorRow {
    var file: String
    var broker: String?
    var kind: String
    var name: String?
    /// The name ActiveMQ gives it (`NC` for an unnamed network connector).
    var effectiveName: String
    var uri: String?
    var scheme: String?
    var members: [String]
    var userName: String?
    var duplex: JSONText
    var uriError: String?
    var position: SourcePosition

    init(file: String, broker: String?, network connector: NetworkConnector) {
        self.file = file
        self.broker = broker
        kind = "network"
        name = connector.name?.description
        effectiveName = connector.effectiveName
        userName = connector.userName?.description
        position = connector.element.position
        members = []
        switch try? connector.duplex {
        case .literal(let value)?: duplex = .bool(value)
        case .placeholder(let text)?, .encrypted(let text)?: duplex = .string(text)
        case nil: duplex = connector.element.attribute("duplex").map { .string($0.value) } ?? .null
        }
        readURI(connector.element, { () throws(ConfigValueError) in try connector.uri }) { uri in
            (uri.redacted, uri.scheme, uri.members.map { redactText($0.description) })
        }
    }

    init(file: String, broker: String?, transport connector: TransportConnector) {
        self.file = file
        self.broker = broker
        kind = "transport"
        name = connector.name?.description
        effectiveName = redactText(connector.effectiveName)
        userName = nil
        duplex = .null
        members = []
        position = connector.element.position
        readURI(connector.element, { () throws(ConfigValueError) in try connector.uri }) { uri in
            (redactText(uri.text), uri.scheme, [])
        }
    }

    /// Fills `uri`, `scheme` and `members` from a typed URI attribute, or `uriError` when it does
    /// not parse; everything printed is redacted.
    private mutating func readURI<URI>(
        _ element: LosslessDocument.Element, _ read: () throws(ConfigValueError) -> ConfigValue<URI>?,
        _ describe: (URI) -> (String, String?, [String])
    ) {
        do {
            switch try read() {
            case .literal(let uri)?:
                (self.uri, scheme, members) = describe(uri)
            case .placeholder(let text)?, .encrypted(let text)?:
                self.uri = text
            case nil:
                self.uri = nil
            }
        } catch {
            uri = element.attribute("uri").map { redactText($0.value) }
            uriError = error.uriError?.description ?? error.description
        }
    }

    var text: String {
        var line = "\(file):\(position.line):\(position.column): \(kind) \(name ?? "(unnamed: \(effectiveName))") \(uri ?? "(no uri)")"
        if let broker { line += " broker=\(broker)" }
        if let userName { line += " userName=\(userName)" }
        switch duplex {
        case .bool(let value): line += " duplex=\(value)"
        case .string(let value): line += " duplex=\(value)"
        default: break
        }
        if let uriError { line += " (invalid uri: \(uriError))" }
        return line
    }

    var json: JSONText {
        var members: [(String, JSONText)] = [
            ("file", .string(file)), ("broker", .optional(broker)), ("kind", .string(kind)), ("name", .optional(name)), ("effectiveName", .string(effectiveName)),
            ("uri", .optional(uri)), ("scheme", .optional(scheme)), ("members", .array(self.members.map(JSONText.string))),
            ("userName", .optional(userName)), ("duplex", duplex),
            ("line", .number(position.line)), ("column", .number(position.column)),
        ]
        if let uriError { members.append(("uriError", .string(uriError))) }
        return .object(members)
    }
}
