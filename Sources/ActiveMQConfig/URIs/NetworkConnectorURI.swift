/// The `uri` of a `<networkConnector>`: how the broker discovers the brokers it bridges to.
///
/// Forms (ActiveMQ's `URISupport.parseComposite` and discovery-agent factories):
///
/// | form | meaning |
/// | --- | --- |
/// | `static:(u1,u2,…)?options` | one bridge per member; `static://(…)` and `static:u` (no parentheses, the whole rest is one member) are accepted too |
/// | `masterslave:(u1,u2,…)?options` | one bridge to an active/standby group: two or more members, the first tried first |
/// | `multicast://default?group=…` | discovery by multicast (not on Amazon MQ) |
/// | `${network.uri}` | a placeholder for the whole value |
///
/// Members are transport URIs, nested `failover:(…)` composites, or placeholders; options after
/// the closing parenthesis configure the discovery agent, options inside a member stay with it.
/// A parsed URI keeps its original text; a built one prints canonically, without whitespace.
public struct NetworkConnectorURI: Sendable, Hashable, CustomStringConvertible {
    /// How the broker finds its peers.
    public enum Discovery: Sendable, Hashable {
        /// `static:` (or its alias `simple:`): a fixed list, one bridge per member.
        case staticList
        /// `masterslave:`: one bridge to the first available member of an active/standby group.
        case masterSlave
        /// `multicast://…`: peers found by multicast.
        case multicast
        /// `zeroconf:`: peers found by DNS-SD.
        case zeroconf
        /// The whole value is a `${…}` placeholder resolved at start.
        case placeholder
        /// A discovery agent a plug-in adds to the broker's classpath (`k8s://`, `kube://`, `dns://`,
        /// `consul:`, activemq-http's `http://`); its text is not checked further.
        case plugin(String)
    }

    /// The discovery agents that plug-ins add, by scheme, with the plug-in each needs.
    public static let pluginSchemes: [String: String] = [
        "http": "activemq-http (HTTPDiscoveryAgent)",
        "https": "activemq-http (HTTPDiscoveryAgent)",
        "k8s": "activemq-k8s-discovery",
        "kube": "a Kubernetes discovery agent (fabric8 kube)",
        "dns": "a DNS discovery agent",
        "consul": "active-mq-consul-discovery",
    ]

    /// One member of a `static:` or `masterslave:` list.
    public indirect enum Member: Sendable, Hashable, CustomStringConvertible {
        /// A broker's transport URI, e.g. `ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617`.
        case transport(TransportURI)
        /// A nested composite, e.g. `failover:(u1,u2)?randomize=false`.
        case composite(scheme: String, members: [Member], options: [URIOption], text: String)
        /// A `${…}` placeholder standing for the member.
        case placeholder(String)

        /// The member's text.
        public var description: String {
            switch self {
            case .transport(let uri): return uri.text
            case .composite(_, _, _, let text): return text
            case .placeholder(let text): return text
            }
        }

        /// The transport URIs inside, flattening nested composites.
        public var transports: [TransportURI] {
            switch self {
            case .transport(let uri): return [uri]
            case .composite(_, let members, _, _): return members.flatMap(\.transports)
            case .placeholder: return []
            }
        }

        func secrets(_ where: String) -> [String] {
            switch self {
            case .transport(let uri):
                var found: [String] = []
                if uri.hasLiteralPasswordInUserInfo { found.append("\(`where`): a password in 'user:password@'") }
                found += uri.literalPasswordOptions.map { "\(`where`): the '\($0)' option" }
                return found
            case .composite(_, let members, let options, _):
                var found = options.filter(\.isLiteralPassword)
                    .map { "\(`where`): the '\($0.name)' option" }
                for (i, member) in members.enumerated() { found += member.secrets("\(`where`), member \(i + 1)") }
                return found
            case .placeholder:
                return []
            }
        }

        fileprivate var redacted: String {
            switch self {
            case .transport(let uri): return redactText(uri.text)
            case .composite(let scheme, let members, let options, _):
                return "\(scheme):(" + members.map(\.redacted).joined(separator: ",") + ")" + URIOption.render(options, redacting: true)
            case .placeholder(let text): return text
            }
        }
    }

    /// The discovery form.
    public var discovery: Discovery
    /// The members of a `static:` or `masterslave:` list, in order.
    public var members: [Member]
    /// The options of the discovery agent (after the closing parenthesis).
    public var options: [URIOption]
    /// The URI's text: as written when parsed, as printed when built.
    public var text: String

    /// The scheme as written (`static`, `simple`, `masterslave`, `multicast`, `zeroconf`), or nil for a placeholder.
    public var scheme: String?

    /// Parses a network connector URI, accepting exactly what ActiveMQ accepts.
    ///
    /// - Throws: ``URIError`` with the offending character's offset and why.
    public static func parse(_ text: String) throws(URIError) -> NetworkConnectorURI {
        if Placeholder.isReference(text) {
            return NetworkConnectorURI(discovery: .placeholder, members: [], options: [], text: text, scheme: nil)
        }
        let scanner = URIScanner(Substring(text))
        try scanner.checkCharacters()
        try scanner.checkParentheses()
        let (scheme, afterColon) = try scanner.scheme()
        switch scheme {
        case "static", "simple", "masterslave":
            let (members, options) = try compositeBody(scanner, from: afterColon, stripSlashes: true, depth: 0)
            let discovery: Discovery = scheme == "masterslave" ? .masterSlave : .staticList
            if discovery == .masterSlave && members.count < 2 {
                throw URIError(.masterSlaveArity, at: 0,
                               "masterslave: needs at least two members, the active broker first (it has \(members.count)); ActiveMQ fails with \"Expecting at least 2 arguments\"")
            }
            return NetworkConnectorURI(discovery: discovery, members: members, options: options, text: text, scheme: scheme)
        case "multicast":
            let address = try TransportURI.parse(scanner, 0..<scanner.count)
            return NetworkConnectorURI(discovery: .multicast, members: [], options: address.options, text: text, scheme: scheme)
        case "zeroconf":
            return NetworkConnectorURI(discovery: .zeroconf, members: [], options: [], text: text, scheme: scheme)
        case _ where Placeholder.containsReference(scheme):
            // A template expression or placeholder chooses the discovery: unknown until rendered.
            return NetworkConnectorURI(discovery: .placeholder, members: [], options: [], text: text, scheme: nil)
        case _ where pluginSchemes[scheme] != nil:
            return NetworkConnectorURI(discovery: .plugin(scheme), members: [], options: [], text: text, scheme: scheme)
        default:
            throw URIError(.unknownScheme, at: 0,
                           "unknown discovery scheme '\(scheme)': ActiveMQ knows static, masterslave, multicast, simple and zeroconf")
        }
    }

    /// Parses the body of a composite after `scheme:`: `(m1,m2)?options`, or one member.
    private static func compositeBody(_ scanner: URIScanner, from start: Int, stripSlashes: Bool, depth: Int)
        throws(URIError) -> ([Member], [URIOption])
    {
        guard depth < 16 else { throw URIError(.tooDeep, at: scanner.base + start, "composite URIs nest deeper than 16 levels") }
        var begin = start
        if stripSlashes, begin + 1 < scanner.count, scanner.scalars[begin] == "/", scanner.scalars[begin + 1] == "/" {
            begin += 2
        }
        guard begin < scanner.count else {
            throw URIError(.emptyMemberList, at: scanner.base + begin, "the member list is empty")
        }
        guard scanner.scalars[begin] == "(" else {
            // No parentheses: the whole rest, options included, is one member.
            return ([try member(scanner, begin..<scanner.count, depth: depth)], [])
        }
        guard let close = scanner.closingParenthesis(from: begin) else {
            throw URIError(.unbalancedParentheses, at: scanner.base + begin, "'(' is never closed")
        }
        var options: [URIOption] = []
        if close + 1 < scanner.count {
            guard scanner.scalars[close + 1] == "?" else {
                throw URIError(.unexpectedText, at: scanner.base + close + 1,
                               "only '?options' may follow the closing parenthesis of a composite URI")
            }
            options = URIOption.parseList(Substring(scanner.string((close + 2)..<scanner.count)))
        }
        guard close > begin + 1 else {
            throw URIError(.emptyMemberList, at: scanner.base + begin, "the member list '()' is empty")
        }
        var members: [Member] = []
        for range in scanner.splitMembers(begin + 1, close) {
            members.append(try member(scanner, range, depth: depth))
        }
        return (members, options)
    }

    private static func member(_ scanner: URIScanner, _ range: Range<Int>, depth: Int) throws(URIError) -> Member {
        guard !range.isEmpty else {
            throw URIError(.emptyMember, at: scanner.base + range.lowerBound, "an empty member between commas")
        }
        let text = scanner.string(range)
        if Placeholder.isReference(text) { return .placeholder(text) }
        let sub = URIScanner(Substring(text), base: scanner.base + range.lowerBound)
        let (scheme, afterColon) = try sub.scheme()
        if scheme == "failover" || scheme == "fanout" {
            let (members, options) = try compositeBody(sub, from: afterColon, stripSlashes: true, depth: depth + 1)
            return .composite(scheme: scheme, members: members, options: options, text: text)
        }
        return .transport(try TransportURI.parse(sub, 0..<sub.count))
    }

    /// For a URI parsed with its whitespace removed: where each scalar of ``text`` was in the text
    /// as written.
    var sourceOffsets: [Int]?

    /// Parses the URI as it would be without its whitespace (a URI wrapped onto a second line, a
    /// space after a comma): how the other rules still judge a URI whose only fault is whitespace.
    /// ``memberOffsets`` point into the text as written.
    public static func parseIgnoringWhitespace(_ text: String) throws(URIError) -> NetworkConnectorURI {
        var kept = String.UnicodeScalarView()
        var offsets: [Int] = []
        for (index, scalar) in text.unicodeScalars.enumerated() where !scalar.properties.isWhitespace {
            kept.append(scalar)
            offsets.append(index)
        }
        var uri = try parse(String(kept))
        uri.sourceOffsets = offsets
        return uri
    }

    private init(discovery: Discovery, members: [Member], options: [URIOption], text: String, scheme: String?) {
        self.discovery = discovery
        self.members = members
        self.options = options
        self.text = text
        self.scheme = scheme
    }

    /// `static:(m1,m2,…)?options`: one bridge per member.
    ///
    /// - Throws: ``URIError`` when there is no member or a member is not a valid URI.
    public static func staticList(_ members: [Member], options: [URIOption] = []) throws(URIError) -> NetworkConnectorURI {
        try parse("static:(" + members.map(\.description).joined(separator: ",") + ")" + URIOption.render(options))
    }

    /// `masterslave:(active,standby,…)?options`: one bridge to an active/standby group.
    ///
    /// - Throws: ``URIError`` when there are fewer than two members or a member is not valid.
    public static func masterSlave(_ members: [Member], options: [URIOption] = []) throws(URIError) -> NetworkConnectorURI {
        try parse("masterslave:(" + members.map(\.description).joined(separator: ",") + ")" + URIOption.render(options))
    }

    /// The URI's text.
    public var description: String { text }

    /// The text with literal passwords replaced by `***` (in `user:password@` and in options
    /// named like a password): safe for listings, findings and logs.
    public var redacted: String {
        switch discovery {
        case .staticList, .masterSlave:
            let prefix = text.hasPrefix("\(scheme ?? "static")://(") ? "\(scheme ?? "static")://(" : "\(scheme ?? "static"):("
            return prefix + members.map(\.redacted).joined(separator: ",") + ")" + URIOption.render(options, redacting: true)
        default:
            return redactText(text)
        }
    }

    /// Every transport URI the connector dials, flattening nested composites.
    public var transports: [TransportURI] { members.flatMap(\.transports) }

    /// Where literal passwords sit in this URI ("member 1: a password in 'user:password@'",
    /// "the 'password' option"), never the passwords themselves. Placeholders are references,
    /// not literal passwords.
    public var literalPasswordLocations: [String] {
        var found = options.filter(\.isLiteralPassword)
            .map { "the connector URI's '\($0.name)' option" }
        for (i, member) in members.enumerated() { found += member.secrets("member \(i + 1) of the URI") }
        return found
    }
}

extension NetworkConnectorURI {
    /// Masks literal passwords in any URI text, even one that does not parse: the password of
    /// `user:password@` and the values of options named like a password become `***` (`${…}`
    /// placeholders stay). For printing a URI a program did not parse itself.
    public static func redact(_ text: String) -> String {
        redactText(text)
    }
}

/// Masks literal passwords in URI text that may not parse: the password of `user:password@`
/// and the values of options named like a password.
package func redactText(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    // user:password@ after "://"
    while let range = rest.firstUTF8Range(of: "://") {
        result += rest[..<range.upperBound]
        rest = rest[range.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?,)(".contains($0) }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            let password = String(authority[authority.index(after: colon)..<at])
            result += authority[...colon]
            result += Placeholder.isReference(password) ? password : "***"
            result += authority[at...]
            rest = rest[authorityEnd...]
        }
    }
    result += rest
    // name=value where name contains "password"
    var output = ""
    var i = result.startIndex
    while i < result.endIndex {
        let c = result[i]
        output.append(c)
        if c == "=" {
            var nameStart = i
            while nameStart > result.startIndex, !"?&(,".contains(result[result.index(before: nameStart)]) {
                nameStart = result.index(before: nameStart)
            }
            let name = result[nameStart..<i]
            var valueEnd = result.index(after: i)
            while valueEnd < result.endIndex, !"&,)".contains(result[valueEnd]) { valueEnd = result.index(after: valueEnd) }
            let value = String(result[result.index(after: i)..<valueEnd])
            if name.lowercased().containsUTF8("password"), !value.isEmpty, !Placeholder.isReference(value) {
                output += "***"
                i = valueEnd
                continue
            }
        }
        i = result.index(after: i)
    }
    return output
}
