/// An Amazon MQ endpoint host, `b-<broker id>-<instance>.mq.<region>.amazonaws.com`: which broker
/// it belongs to, and which instance of an active/standby pair (1 or 2) it is.
public struct AmazonEndpoint: Sendable, Hashable {
    /// The broker id, e.g. `1234a5b6-78cd-901e-2fgh-3i45j6k178l9`.
    public var brokerID: String
    /// The instance number: 1 or 2 for an active/standby pair, 1 for a single-instance broker.
    public var instance: Int

    /// Reads a host name; nil when it is not an Amazon MQ endpoint.
    public init?(host: String) {
        let lowered = host.lowercased()
        guard lowered.hasPrefix("b-"), lowered.containsUTF8(".mq."), let dot = lowered.firstIndex(of: ".") else { return nil }
        let label = lowered[lowered.index(lowered.startIndex, offsetBy: 2)..<dot]
        guard let dash = label.lastIndex(of: "-"), let instance = Int(label[label.index(after: dash)...]) else { return nil }
        brokerID = String(label[..<dash])
        self.instance = instance
    }
}

extension NetworkConnectorURI {
    /// Where each member starts, in Unicode scalars from the start of the URI (for positions).
    public var memberOffsets: [Int] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        var cursor = 0
        for member in members {
            let needle = Array(member.description.unicodeScalars)
            var found = 0
            var i = cursor
            while i + needle.count <= scalars.count {
                if scalars[i..<(i + needle.count)].elementsEqual(needle) {
                    found = i
                    cursor = i + needle.count
                    break
                }
                i += 1
            }
            offsets.append(sourceOffsets.map { found < $0.count ? $0[found] : found } ?? found)
        }
        return offsets
    }
}

extension NetworkConnector {
    /// The URI as the rules judge it: parsed, or, when its only fault is whitespace (which
    /// `uri-syntax` reports), parsed without the whitespace, so one fault does not hide the others.
    /// Nil when the `uri` is absent, a placeholder, or does not parse for another reason.
    public var judgedURI: NetworkConnectorURI? {
        do {
            return try uri?.literal
        } catch {
            guard error.uriError?.kind == .whitespace, let text = element.attribute("uri")?.value else { return nil }
            return try? NetworkConnectorURI.parseIgnoringWhitespace(text)
        }
    }

    /// The name ActiveMQ gives the connector: its `name` as written (a placeholder stays as
    /// written), or `NC` when it has none. Lint, the edit commands and listings use this name.
    public var effectiveName: String {
        element.attribute("name")?.value ?? "NC"
    }
}
