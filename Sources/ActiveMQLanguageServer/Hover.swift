import ActiveMQConfig
import ActiveMQLint

/// What a hover shows: for an element or attribute name, what the schemas say of it (its type, the
/// ActiveMQ releases that know it, whether Amazon MQ allows it); for a rule id in a suppression
/// comment, the rule's summary and page.
enum Hover {
    /// The word at an offset: letters, digits, `-`, `_`, `.` and `:`.
    static func word(at offset: Int, in bytes: [UInt8]) -> (text: String, range: Range<Int>)? {
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
        }
        guard offset <= bytes.count else { return nil }
        var start = offset, end = offset
        while start > 0, isWord(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isWord(bytes[end]) { end += 1 }
        guard start < end else { return nil }
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
    static func content(at offset: Int, in bytes: [UInt8]) -> (markdown: String, range: Range<Int>)? {
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
            guard !known.isEmpty else { return nil }
            let amazon = Vocabulary.amazonMQ(.v5_18).element(name) != nil
            return ("**<\(name)>**: in \(releases(known)); \(amazon ? "allowed" : "not allowed") by Amazon MQ 5.18", range)
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
        return ("**\(local)@\(word)**: \(type.expectation); in \(releases(known)); \(amazon ? "allowed" : "removed") by Amazon MQ 5.18", range)
    }
}
