/// A template language whose tags may sit in a broker configuration: Ansible's Jinja, Puppet's and
/// Chef's ERB, Terraform's `templatefile`.
///
/// A template is read as the XML it will render to: its tags are masked, byte for byte, before
/// parsing (so every position stays true and the round trip stays byte-identical), and the values
/// that hold expressions are unknown values to every rule (never secrets, never removed by Amazon
/// MQ, never URI errors).
public enum TemplateSyntax: String, Sendable, Hashable, CaseIterable {
    /// `{{ expression }}`, `{% statement %}`, `{# comment #}` (Ansible, Salt).
    case jinja
    /// `<%= expression %>`, `<% code %>`, `<%# comment %>` (Puppet, Chef).
    case erb
    /// `${expression}`, `%{ directive }` (Terraform's `templatefile`).
    case terraform

    /// `Jinja`, `ERB` or `Terraform`.
    public var displayName: String {
        switch self {
        case .jinja: return "Jinja"
        case .erb: return "ERB"
        case .terraform: return "Terraform"
        }
    }

    /// The syntax a file name implies: `.j2`, `.jinja`, `.jinja2` → Jinja; `.erb` → ERB; `.tmpl`,
    /// `.tftpl` → Terraform. Nil for any other name.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".j2") || lowered.hasSuffix(".jinja") || lowered.hasSuffix(".jinja2") {
            self = .jinja
        } else if lowered.hasSuffix(".erb") {
            self = .erb
        } else if lowered.hasSuffix(".tmpl") || lowered.hasSuffix(".tftpl") {
            self = .terraform
        } else {
            return nil
        }
    }

    /// The delimiters of its tags: (open, close, whether the tag is a statement that chooses or
    /// loops rather than a value).
    var delimiters: [(open: [UInt8], close: [UInt8])] {
        switch self {
        case .jinja: return [(Array("{{".utf8), Array("}}".utf8)), (Array("{%".utf8), Array("%}".utf8)), (Array("{#".utf8), Array("#}".utf8))]
        case .erb: return [(Array("<%".utf8), Array("%>".utf8))]
        case .terraform: return [(Array("%{".utf8), Array("}".utf8))]
        }
    }

    /// One tag in a template's bytes.
    public struct Tag: Sendable, Hashable {
        /// Its bytes.
        public var range: Range<Int>
        /// Whether it is a statement (`{% %}`, `<% %>` without `=`, `%{ }`) rather than an expression.
        public var isStatement: Bool
        /// Whether it is `else`, `elif`, `elsif` or `else if`: the start of another branch.
        public var isBranch: Bool
    }

    /// Every tag, in order. An unclosed tag runs to the end.
    public func tags(in bytes: [UInt8]) -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        let n = bytes.count
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= n && (0..<pattern.count).allSatisfy { bytes[index + $0] == pattern[$0] }
        }
        // Built once, not once per byte; a byte that opens no tag is passed over at once.
        let delimiters = self.delimiters
        let openers = Set(delimiters.map { $0.open[0] })
        while i < n {
            guard openers.contains(bytes[i]), let (open, close) = delimiters.first(where: { matches($0.open, at: i) }) else {
                i += 1
                continue
            }
            var j = i + open.count
            while j < n && !matches(close, at: j) { j += 1 }
            let end = min(n, j + close.count)
            let inner = String(decoding: bytes[(i + open.count)..<min(j, n)], as: UTF8.self)
            let body = inner.drop { $0 == " " || $0 == "-" || $0 == "~" || $0 == "\t" }
            let statement: Bool
            switch self {
            case .jinja: statement = open == Array("{%".utf8)
            case .erb: statement = !(body.hasPrefix("=") || body.hasPrefix("#"))
            case .terraform: statement = true
            }
            let keyword = body.prefix { $0.isLetter || $0 == " " }.split(separator: " ").first.map(String.init) ?? ""
            tags.append(Tag(range: i..<end, isStatement: statement, isBranch: statement && ["else", "elif", "elsif"].contains(keyword)))
            i = end
        }
        return tags
    }

    /// The bytes XML parsing sees: each tag inside a start or end tag (between attributes) becomes
    /// spaces; elsewhere its content becomes spaces between its delimiters, and an ERB tag's become
    /// `{%…%}` (an attribute value may not hold `<`). Line breaks, every other byte, and the length
    /// stay as they are.
    public func masked(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var inMarkup = false  // between '<' and '>' of a tag, outside quotes
        var quote: UInt8?
        var tagIndex = 0
        let tags = self.tags(in: bytes)
        var i = 0
        while i < bytes.count {
            if tagIndex < tags.count, tags[tagIndex].range.lowerBound == i {
                let range = tags[tagIndex].range
                if inMarkup && quote == nil {
                    // Between attributes: the tag vanishes (line breaks kept, so lines stay true).
                    for k in range where bytes[k] != 0x0A && bytes[k] != 0x0D { out[k] = 0x20 }
                } else {
                    // In text or a value: the tag's content becomes spaces (its `<`, `&` or quotes
                    // would end the value or the text), inside delimiters XML accepts.
                    let open = 2, close = min(2, max(0, range.count - open))
                    for k in (range.lowerBound + open)..<(range.upperBound - close) where bytes[k] != 0x0A && bytes[k] != 0x0D {
                        out[k] = 0x20
                    }
                    if self == .erb {
                        out[range.lowerBound] = UInt8(ascii: "{")
                        if close == 2, bytes[range.upperBound - 1] == UInt8(ascii: ">") { out[range.upperBound - 1] = UInt8(ascii: "}") }
                    }
                }
                i = range.upperBound
                tagIndex += 1
                continue
            }
            let byte = bytes[i]
            if let q = quote {
                if byte == q { quote = nil }
            } else if inMarkup {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { quote = byte }
                if byte == UInt8(ascii: ">") { inMarkup = false }
            } else if byte == UInt8(ascii: "<"), i + 1 < bytes.count,
                bytes[i + 1] != UInt8(ascii: "!") && bytes[i + 1] != UInt8(ascii: "?")
            {
                inMarkup = true
            }
            i += 1
        }
        return out
    }
}
