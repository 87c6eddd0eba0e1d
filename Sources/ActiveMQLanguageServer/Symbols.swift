import ActiveMQConfig
import LosslessXML

/// The outline of a configuration (`textDocument/documentSymbol`): each broker with its network and
/// transport connectors, its persistence adapter, its policy entries, its virtual destinations and
/// its plugins. A connector's detail is its URI with any password redacted.
struct OutlineSymbol: Sendable, Hashable {
    /// LSP's `SymbolKind` values the outline uses.
    enum Kind: Int, Sendable {
        case module = 2, `class` = 5, property = 7, interface = 11, object = 19, event = 24
    }

    var name: String
    var detail: String?
    var kind: Kind
    /// The element's bytes.
    var range: Range<Int>
    /// Its name in the start tag.
    var selectionRange: Range<Int>
    var children: [OutlineSymbol] = []

    /// The outline of a document's bytes (a template's tags masked as `lint` masks them); nil while
    /// the text is not well-formed.
    static func outline(of bytes: [UInt8], path: String) -> [OutlineSymbol]? {
        let template = TemplateSyntax(fileName: path)
        guard let document = try? LosslessDocument(bytes: bytes, path: path, template: template) else { return nil }
        return document.allElements.filter { $0.localName == "broker" && $0.namespaceURI == ActiveMQNamespace.core }.map(broker)
    }

    static func symbol(_ element: LosslessDocument.Element, _ name: String, _ kind: Kind, detail: String? = nil) -> OutlineSymbol {
        let start = element.startTagRange.lowerBound + 1
        return OutlineSymbol(name: name, detail: detail, kind: kind, range: element.range,
                             selectionRange: start..<(start + element.qualifiedName.utf8.count))
    }

    static func core(_ element: LosslessDocument.Element, _ localName: String) -> [LosslessDocument.Element] {
        element.childElements(localName: localName, namespace: ActiveMQNamespace.core)
    }

    static func value(_ element: LosslessDocument.Element, _ name: String) -> String? {
        element.attribute(localName: name, namespace: nil)?.value
    }

    static func broker(_ element: LosslessDocument.Element) -> OutlineSymbol {
        var symbol = symbol(element, value(element, "brokerName") ?? "broker", .module, detail: "broker")
        for list in core(element, "networkConnectors") {
            for connector in list.childElements where connector.namespaceURI == ActiveMQNamespace.core {
                symbol.children.append(Self.symbol(connector, value(connector, "name") ?? connector.localName, .interface,
                                                   detail: value(connector, "uri").map(NetworkConnectorURI.redact) ?? connector.localName))
            }
        }
        for list in core(element, "transportConnectors") {
            for connector in core(list, "transportConnector") {
                symbol.children.append(Self.symbol(connector, value(connector, "name") ?? "transportConnector", .interface,
                                                   detail: value(connector, "uri").map(NetworkConnectorURI.redact)))
            }
        }
        for adapter in core(element, "persistenceAdapter") {
            for store in adapter.childElements {
                symbol.children.append(Self.symbol(store, store.localName, .object, detail: "persistence adapter"))
            }
        }
        for policy in core(element, "destinationPolicy") {
            for map in core(policy, "policyMap") {
                for entries in core(map, "policyEntries") {
                    for entry in core(entries, "policyEntry") {
                        let destination = ["queue", "topic", "tempQueue", "tempTopic"].lazy
                            .compactMap { kind in value(entry, kind).map { "\(kind) \($0)" } }.first
                        symbol.children.append(Self.symbol(entry, destination ?? "policyEntry", .property, detail: "policy entry"))
                    }
                }
            }
        }
        for interceptors in core(element, "destinationInterceptors") {
            for interceptor in core(interceptors, "virtualDestinationInterceptor") {
                for list in core(interceptor, "virtualDestinations") {
                    for virtual in list.childElements {
                        let name = value(virtual, "name") ?? virtual.localName
                        symbol.children.append(Self.symbol(virtual, name, .event, detail: virtual.localName))
                    }
                }
            }
        }
        for plugins in core(element, "plugins") {
            for plugin in plugins.childElements {
                symbol.children.append(Self.symbol(plugin, plugin.localName, .class, detail: "plugin"))
            }
        }
        return symbol
    }
}
