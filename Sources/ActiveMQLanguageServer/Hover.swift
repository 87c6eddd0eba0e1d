import ActiveMQConfig
import ActiveMQLint

/// What a hover shows: for an element or attribute name, what the schemas say of it (its type, the
/// ActiveMQ releases that know it, whether Amazon MQ allows it, and the schemas' documentation); for
/// a transport URI's `?option=`, what the option does; for a rule id in a suppression comment, the
/// rule's summary and page. Never a value.
enum Hover {
    /// A transport URI option under the cursor (`?name=` or `&name=` inside an attribute value),
    /// with its range: the name only, never its value.
    static func uriOption(at offset: Int, in bytes: [UInt8]) -> (name: String, range: Range<Int>)? {
        guard let (start, end) = span(at: offset, in: bytes, including: [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-")]),
            start > 0, end < bytes.count, bytes[end] == UInt8(ascii: "="),
            bytes[start - 1] == UInt8(ascii: "?") || bytes[start - 1] == UInt8(ascii: "&")
        else { return nil }
        // Inside a quoted attribute value: an odd number of quotes since the start tag.
        guard let tag = bytes[..<start].lastIndex(of: UInt8(ascii: "<")), !bytes[tag..<start].contains(UInt8(ascii: ">")),
            bytes[tag..<start].filter({ $0 == UInt8(ascii: "\"") }).count % 2 == 1
                || bytes[tag..<start].filter({ $0 == UInt8(ascii: "'") }).count % 2 == 1
        else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start..<end)
    }

    /// The bytes around an offset that are letters, digits or one of `extra`.
    static func span(at offset: Int, in bytes: [UInt8], including extra: [UInt8]) -> (start: Int, end: Int)? {
        func belongs(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || extra.contains(byte)
        }
        guard offset <= bytes.count else { return nil }
        var start = offset, end = offset
        while start > 0, belongs(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, belongs(bytes[end]) { end += 1 }
        return start < end ? (start, end) : nil
    }

    /// The word at an offset: letters, digits, `-`, `_` and `:`.
    static func word(at offset: Int, in bytes: [UInt8]) -> (text: String, range: Range<Int>)? {
        guard let (start, end) = span(at: offset, in: bytes, including: [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ":")]) else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start..<end)
    }

    /// The text of a span of ActiveMQ releases: `5.15.16 – 6.3.0`, or the list when it has gaps.
    static func releases(_ names: [String]) -> String {
        let all = Vocabulary.activeMQSchemas
        guard let first = names.first, let last = names.last else { return "no ActiveMQ release" }
        if let low = all.firstIndex(of: first), let high = all.firstIndex(of: last), high - low + 1 == names.count {
            return first == last ? "ActiveMQ \(first)" : "ActiveMQ \(first) to \(last)"
        }
        return "ActiveMQ " + names.joined(separator: ", ")
    }

    /// The hover's Markdown at an offset, with the range it is about.
    static func content(at offset: Int, in bytes: [UInt8], settings: (() -> String?)? = nil) -> (markdown: String, range: Range<Int>)? {
        if let (option, range) = uriOption(at: offset, in: bytes) {
            guard let meaning = TransportOptions.meaning(of: option) else { return nil }
            var text = "**\(option)**: \(meaning)"
            if option.hasPrefix("transport.") || option.hasPrefix("wireFormat.") {
                text += "\n\nOn a transport connector the `\(option.split(separator: ".")[0]).` prefix hands it to each accepted connection."
            }
            return (text, range)
        }
        guard let (word, range) = word(at: offset, in: bytes) else { return nil }
        let before = bytes[..<range.lowerBound]
        // A rule id in a suppression comment.
        if let rule = RuleCatalog.rule(RuleID(rawValue: word)), let open = before.lastIndex(of: UInt8(ascii: "!")),
            String(decoding: bytes[open..<range.lowerBound], as: UTF8.self).contains("activemq-config-disable")
        {
            return ("**\(word)**: \(rule.summary)\n\n[\(word)](\(LanguageServer.rulePages)\(word).md)", range)
        }
        let name = CompletionContext.local(word)
        let previous = before.last(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        if range.lowerBound > 0, bytes[range.lowerBound - 1] == UInt8(ascii: "<") || bytes[range.lowerBound - 1] == UInt8(ascii: "/") {
            // An element name.
            let known = Vocabulary.activeMQSchemas(knowingElement: name)
            let parent: String?
            if case .elementName(let enclosing, _) = CompletionContext.at(range.lowerBound, in: bytes).place { parent = enclosing } else { parent = nil }
            let property = parent.flatMap { SchemaDocumentation.property(name, of: CompletionContext.local($0)) }
            guard !known.isEmpty || property != nil else { return nil }
            var text = "**<\(name)>**"
            if known.isEmpty, let parent {
                text += ": a property of <\(CompletionContext.local(parent))>"
            } else {
                let amazon = Vocabulary.amazonMQ(.v5_18).element(name) != nil
                text += ": in \(releases(known)); \(amazon ? "allowed" : "not allowed") by Amazon MQ 5.18"
            }
            if let documentation = SchemaDocumentation.element(name) ?? property { text += "\n\n" + documentation }
            // On the root <broker>: the profile and version the document is judged by, and why.
            if name == "broker", let settings = settings?() { text += "\n\n" + settings }
            return (text, range)
        }
        // An attribute name: followed by `=`, inside a start tag.
        var after = range.upperBound
        while after < bytes.count, bytes[after] == 0x20 { after += 1 }
        guard after < bytes.count, bytes[after] == UInt8(ascii: "="), previous != UInt8(ascii: "=") else { return nil }
        guard let tag = before.lastIndex(of: UInt8(ascii: "<")), before.lastIndex(of: UInt8(ascii: ">")).map({ $0 < tag }) ?? true,
            let (element, _) = Self.word(at: tag + 1, in: bytes)
        else { return nil }
        let local = CompletionContext.local(element)
        let known = Vocabulary.activeMQSchemas(knowingAttribute: word, of: local)
        guard !known.isEmpty, let type = Vocabulary.activeMQ.element(local)?.attributes[word]
            ?? known.last.flatMap({ ActiveMQVersion($0) }).flatMap({ Vocabulary.activeMQ($0)?.vocabulary.element(local)?.attributes[word] })
        else { return nil }
        let amazon = Vocabulary.amazonMQ(.v5_18).element(local)?.attributes[word] != nil
        var text = "**\(local)@\(word)**: \(type.expectation); in \(releases(known)); \(amazon ? "allowed" : "removed") by Amazon MQ 5.18"
        if let documentation = SchemaDocumentation.attribute(word, of: local) ?? SchemaDocumentation.property(word, of: local) {
            text += "\n\n" + documentation
        }
        return (text, range)
    }
}
