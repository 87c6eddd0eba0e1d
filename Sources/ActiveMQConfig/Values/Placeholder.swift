/// Recognizes values resolved later rather than literals: Spring placeholders (`${name}`), Spring
/// expressions (`#{expression}`), Jasypt-encrypted values (`ENC(…)`), and the tags of a template
/// rendered before the broker sees it (Jinja `{{ … }}` and `{% … %}`, ERB `<%= … %>`, Terraform
/// `%{ … }`). Such values are unknown: never secrets, never wrong values.
public enum Placeholder {
    /// Whether the value holds a `${…}` placeholder, a `#{…}` expression or a template tag anywhere.
    public static func containsReference(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            // "${", "#{", "%{", "{{"; "{%", "<%"; "{#"
            if byte == 0x7B && (previous == 0x24 || previous == 0x23 || previous == 0x25 || previous == 0x7B) { return true }
            if byte == 0x25 && (previous == 0x7B || previous == 0x3C) { return true }
            if byte == 0x23 && previous == 0x7B { return true }  // "{#", a Jinja comment
            previous = byte
        }
        return false
    }

    /// Whether the whole value is one `${…}`, `#{…}`, `{{ … }}` or `<%= … %>`.
    public static func isReference(_ value: String) -> Bool {
        if value.count >= 4, value.hasPrefix("{{"), value.hasSuffix("}}") { return !value.dropFirst(2).dropLast(2).containsUTF8("}}") }
        if value.count >= 5, value.hasPrefix("<%="), value.hasSuffix("%>") { return !value.dropFirst(3).dropLast(2).containsUTF8("%>") }
        guard value.count >= 3, value.hasSuffix("}"), value.hasPrefix("${") || value.hasPrefix("#{") else { return false }
        return !value.dropFirst(2).dropLast().containsUTF8("}")
    }

    /// Whether the whole value is a Jasypt-encrypted `ENC(…)`.
    public static func isEncrypted(_ value: String) -> Bool {
        value.hasPrefix("ENC(") && value.hasSuffix(")")
    }
}
