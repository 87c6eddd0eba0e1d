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
}
