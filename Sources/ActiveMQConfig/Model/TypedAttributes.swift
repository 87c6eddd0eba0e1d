/// Reading typed attributes of an element: absent → nil; placeholders and `ENC(…)` as such;
/// a literal that does not parse → a ``ConfigValueError`` with the value's position.
struct TypedAttributes {
    let element: LosslessDocument.Element

    func string(_ name: String) -> ConfigValue<String>? {
        guard let attribute = element.attribute(name) else { return nil }
        return ConfigValue.classify(attribute.value) { $0 }
    }

    func boolean(_ name: String) throws(ConfigValueError) -> ConfigValue<Bool>? {
        try typed(name, expected: "a boolean (true or false)", parse: LexicalValue.boolean)
    }

    func int(_ name: String) throws(ConfigValueError) -> ConfigValue<Int>? {
        try typed(name, expected: "an integer from -2147483648 to 2147483647", parse: LexicalValue.int32)
    }

    func decimal(_ name: String) throws(ConfigValueError) -> ConfigValue<Double>? {
        try typed(name, expected: "a decimal number", parse: { text in
            let trimmed = text.trimmingXMLSpace
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
            return Double(trimmed)
        })
    }

    func long(_ name: String) throws(ConfigValueError) -> ConfigValue<Int>? {
        try typed(name, expected: "an integer", parse: LexicalValue.int64)
    }

    func typed<T>(_ name: String, expected: String, parse: (String) -> T?) throws(ConfigValueError) -> ConfigValue<T>? {
        guard let attribute = element.attribute(name) else { return nil }
        guard let value = ConfigValue.classify(attribute.value, parse: parse) else {
            throw ConfigValueError(attribute: name, element: element.localName, expected: expected, position: attribute.valuePosition)
        }
        return value
    }

    func networkURI(_ name: String) throws(ConfigValueError) -> ConfigValue<NetworkConnectorURI>? {
        guard let attribute = element.attribute(name) else { return nil }
        if Placeholder.isEncrypted(attribute.value) { return .encrypted(attribute.value) }
        do {
            return .literal(try NetworkConnectorURI.parse(attribute.value))
        } catch {
            throw ConfigValueError(attribute: name, element: element.localName, expected: "a network connector URI",
                                   position: attribute.valuePosition, uriError: error)
        }
    }

    func transportURI(_ name: String) throws(ConfigValueError) -> ConfigValue<TransportURI>? {
        guard let attribute = element.attribute(name) else { return nil }
        if Placeholder.isReference(attribute.value) { return .placeholder(attribute.value) }
        if Placeholder.isEncrypted(attribute.value) { return .encrypted(attribute.value) }
        do {
            return .literal(try TransportURI.parse(attribute.value))
        } catch {
            throw ConfigValueError(attribute: name, element: element.localName, expected: "a transport URI",
                                   position: attribute.valuePosition, uriError: error)
        }
    }

    func secret(_ name: String) -> SecretValue? {
        guard let attribute = element.attribute(name) else { return nil }
        let value = attribute.value
        if Placeholder.containsReference(value) { return .reference(value) }
        if Placeholder.isEncrypted(value) { return .encrypted }
        return .literal(attribute.valuePosition)
    }
}

/// A secret attribute (a password), as far as it may be shown: never its literal value.
public enum SecretValue: Sendable, Hashable, CustomStringConvertible {
    /// A literal secret written in the file, at this position. Its value is not exposed.
    case literal(SourcePosition)
    /// A `${…}` placeholder or `#{…}` expression resolved by the broker at start, as written.
    case reference(String)
    /// An `ENC(…)` value (Jasypt); its ciphertext is not exposed either.
    case encrypted

    /// `<literal secret redacted>`, the reference as written, or `ENC(…)`.
    public var description: String {
        switch self {
        case .literal: return "<literal secret redacted>"
        case .reference(let text): return text
        case .encrypted: return "ENC(…)"
        }
    }

    /// Whether the file holds the secret itself.
    public var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
