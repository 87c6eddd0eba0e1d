import ActiveMQConfig
import ActiveMQLint

/// Where the cursor is, read by a tolerant scan of the text before it (not libxml2: the buffer is
/// seldom well-formed while typing).
struct CompletionContext: Equatable {
    enum Place: Equatable {
        /// In content, after `<` (and the name typed so far).
        case elementName(parent: String?, grandparent: String?)
        /// In a start tag, where an attribute name goes.
        case attributeName(element: String, present: [String])
        /// In an attribute's value.
        case attributeValue(element: String, attribute: String, typed: String)
        /// In a suppression comment, after its keyword.
        case suppression(typed: String)
        /// Anywhere else.
        case none
    }

    var place: Place

    /// Local name of a qualified name (`amq:broker` → `broker`).
    static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Reads the text up to `offset`.
    static func at(_ offset: Int, in bytes: [UInt8]) -> CompletionContext {
        var stack: [String] = []
        var i = 0
        let end = min(offset, bytes.count)
        func isNameByte(_ byte: UInt8) -> Bool {
            !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
        }
        func starts(_ text: String, at index: Int) -> Bool {
            let needle = Array(text.utf8)
            return index + needle.count <= bytes.count && bytes[index..<(index + needle.count)].elementsEqual(needle)
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<!--", at: i) {
                var j = i + 4
                while j < end && !starts("-->", at: j) { j += 1 }
                if j >= end {
                    let body = String(decoding: bytes[(i + 4)..<end], as: UTF8.self).drop { $0 == " " }
                    for keyword in ["activemq-config-disable-file ", "activemq-config-disable "] where body.hasPrefix(keyword) {
                        let typed = body.dropFirst(keyword.count).split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? ""
                        return CompletionContext(place: .suppression(typed: typed.trimmingCharacters(in: " ")))
                    }
                    return CompletionContext(place: .none)
                }
                i = j + 3
                continue
            }
            if starts("<![CDATA[", at: i) || starts("<?", at: i) || starts("<!", at: i) {
                let closer = starts("<![CDATA[", at: i) ? "]]>" : starts("<?", at: i) ? "?>" : ">"
                var j = i + 2
                while j < end && !starts(closer, at: j) { j += 1 }
                if j >= end { return CompletionContext(place: .none) }
                i = j + closer.utf8.count
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < end && isNameByte(bytes[j]) { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self)
            if j >= end {
                // The cursor is in the name just after `<`.
                if closing { return CompletionContext(place: .none) }
                return CompletionContext(place: .elementName(parent: stack.last, grandparent: stack.count > 1 ? stack[stack.count - 2] : nil))
            }
            if closing {
                if let match = stack.lastIndex(of: local(name)) { stack.removeSubrange(match...) }
                while j < end && bytes[j] != UInt8(ascii: ">") { j += 1 }
                i = j + 1
                continue
            }
            // A start tag: its attributes up to `>` or the cursor.
            var present: [String] = []
            var selfClosing = false
            var closed = false
            while j < end {
                let byte = bytes[j]
                if byte == UInt8(ascii: ">") {
                    closed = true
                    selfClosing = j > 0 && bytes[j - 1] == UInt8(ascii: "/")
                    j += 1
                    break
                }
                if isNameByte(byte) {
                    let attributeStart = j
                    while j < end && isNameByte(bytes[j]) { j += 1 }
                    let attribute = String(decoding: bytes[attributeStart..<j], as: UTF8.self)
                    if j >= end { return CompletionContext(place: .attributeName(element: local(name), present: present)) }
                    present.append(attribute)
                    var k = j
                    while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D) { k += 1 }
                    if k < end && bytes[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < end && (bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D) { k += 1 }
                        if k < end && (bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'")) {
                            let quote = bytes[k]
                            var m = k + 1
                            while m < end && bytes[m] != quote { m += 1 }
                            if m >= end {
                                let typed = String(decoding: bytes[(k + 1)..<end], as: UTF8.self)
                                return CompletionContext(place: .attributeValue(element: local(name), attribute: attribute, typed: typed))
                            }
                            j = m + 1
                            continue
                        }
                    }
                    j = k
                    continue
                }
                j += 1
            }
            if !closed { return CompletionContext(place: .attributeName(element: local(name), present: present)) }
            if !selfClosing { stack.append(local(name)) }
            i = j
        }
        return CompletionContext(place: .none)
    }
}

extension String {
    func trimmingCharacters(in characters: Character) -> String {
        var text = Substring(self)
        while text.first == characters { text = text.dropFirst() }
        while text.last == characters { text = text.dropLast() }
        return String(text)
    }
}

/// What completes at a place, for the vocabulary of the profile and version in force.
enum Completions {
    static func items(for context: CompletionContext, vocabulary: Vocabulary) -> [(label: String, kind: Int, detail: String?)] {
        switch context.place {
        case .none:
            return []
        case .suppression(let typed):
            return RuleCatalog.all.map(\.id.rawValue).filter { $0.hasPrefix(typed) }.map { ($0, 21, "rule") }
        case .attributeName(let element, let present):
            guard let rule = vocabulary.element(element) else { return [] }
            return rule.attributes.keys.filter { !present.contains($0) }.sorted().map { ($0, 10, rule.attributes[$0]?.expectation) }
        case .attributeValue(let element, let attribute, let typed):
            if attribute == "uri", element == "transportConnector" || element == "networkConnector",
                let question = typed.lastIndex(where: { $0 == "?" || $0 == "&" })
            {
                _ = question
                let scheme = typed.split(separator: ":").first.map(String.init)?.lowercased() ?? ""
                var options = TransportOptions.serverOptions.union(TransportOptions.connectionOptions.map { "transport." + $0 })
                    .union(TransportOptions.openWireFormatOptions.map { "wireFormat." + $0 })
                if scheme.contains("ssl") { options.formUnion(TransportOptions.tlsServerOptions) }
                if scheme.hasPrefix("auto") { options.formUnion(TransportOptions.autoServerOptions) }
                if element == "networkConnector" {
                    options = Set(TransportOptions.connectionOptions).union(TransportOptions.openWireFormatOptions.map { "wireFormat." + $0 })
                }
                return options.sorted().map { ($0 + "=", 5, "\(scheme) option") }
            }
            guard let type = vocabulary.element(element)?.attributes[attribute] else { return [] }
            if let values = type.enumeration { return values.map { ($0, 12, nil) } }
            if type.base == .boolean { return [("true", 12, nil), ("false", 12, nil)] }
            return []
        case .elementName(let parent, let grandparent):
            guard let parent else { return vocabulary.element("broker") == nil ? [] : [("broker", 7, nil)] }
            if let rule = vocabulary.element(parent) {
                // A global element: its property elements.
                return rule.properties.keys.sorted().map { ($0, 7, nil) }
            }
            if let grandparent, let property = vocabulary.element(grandparent)?.properties[parent] {
                // A property element: the global elements it may hold.
                let names = property.anyGlobal ? Array(vocabulary.elementNames) : Array(property.references)
                return names.sorted().map { ($0, 7, nil) }
            }
            return []
        }
    }
}
