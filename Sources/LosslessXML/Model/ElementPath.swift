extension LosslessDocument.Element {
    /// The element's path from the root, e.g. `/beans/broker/networkConnectors/networkConnector[2]`
    /// (a position is given when siblings share the name).
    public var path: String {
        var parts: [String] = []
        var current: LosslessDocument.Element? = self
        while let element = current {
            var part = element.qualifiedName
            if let parent = element.parent {
                let same = parent.childElements.filter { $0.qualifiedName == element.qualifiedName }
                if same.count > 1, let index = same.firstIndex(of: element) { part += "[\(index + 1)]" }
            }
            parts.append(part)
            current = element.parent
        }
        return "/" + parts.reversed().joined(separator: "/")
    }

    /// The element's identity from the root, independent of its position among its siblings:
    /// each element's name with its identifying attribute (`name`, `brokerName`, `id`,
    /// `physicalName`, `queue`, `topic`, else `uri`), e.g.
    /// `beans/broker[brokerName=east]/networkConnectors/networkConnector[name=east_to_west]`.
    public var identity: String {
        var parts: [String] = []
        var current: LosslessDocument.Element? = self
        while let element = current {
            var part = element.localName
            for key in ["name", "brokerName", "id", "physicalName", "queue", "topic", "uri"] {
                if let value = element.attribute(key)?.value {
                    part += "[\(key)=\(value)]"
                    break
                }
            }
            parts.append(part)
            current = element.parent
        }
        return parts.reversed().joined(separator: "/")
    }
}

