/// Recognizes values the broker resolves at start rather than literals: Spring placeholders
/// (`${name}`), Spring expressions (`#{expression}`) and Jasypt-encrypted values (`ENC(…)`).
public enum Placeholder {
    /// Whether the value holds a `${…}` placeholder or a `#{…}` expression anywhere.
    public static func containsReference(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == 0x7B && (previous == 0x24 || previous == 0x23) { return true }  // "${" or "#{"
            previous = byte
        }
        return false
    }

    /// Whether the whole value is one `${…}` or `#{…}`.
    public static func isReference(_ value: String) -> Bool {
        guard value.count >= 3, value.hasSuffix("}"), value.hasPrefix("${") || value.hasPrefix("#{") else { return false }
        return !value.dropFirst(2).dropLast().contains("}")
    }

    /// Whether the whole value is a Jasypt-encrypted `ENC(…)`.
    public static func isEncrypted(_ value: String) -> Bool {
        value.hasPrefix("ENC(") && value.hasSuffix(")")
    }
}
