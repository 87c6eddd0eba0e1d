/// Whether an attribute or property name holds a secret (`password`, `keyStorePassword`, …), and
/// not the name of where a secret is (`passwordEnvName`, `keyStorePasswordFile`).
package func isSecretName(_ name: String) -> Bool {
    // A byte scan without allocation: this runs for every attribute of every file.
    var name = name
    let secret = name.withUTF8 { bytes in
        containsIgnoringASCIICase(bytes, "password") || containsIgnoringASCIICase(bytes, "passphrase")
            || (bytes.count == 6 && containsIgnoringASCIICase(bytes, "secret"))
    }
    guard secret else { return false }
    let lowered = name.lowercased()
    return !secretReferenceSuffixes.contains { lowered.hasSuffix($0) }
}

/// Suffixes of names whose value says where a secret is, not what it is: an environment
/// variable's name (Jasypt's `passwordEnvName`), a system property, a file or a path.
private let secretReferenceSuffixes = ["envname", "env", "variable", "sysproperty", "property", "file", "path", "location"]

/// Whether a value is a literal secret: not empty, not a `${…}` placeholder, not `ENC(…)`.
package func isLiteralSecret(_ value: String) -> Bool {
    !value.isEmpty && !Placeholder.containsReference(value) && !Placeholder.isEncrypted(value)
}

/// Whether `needle` (lowercase ASCII) occurs in `bytes`, ignoring ASCII case.
private func containsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    guard bytes.count >= n else { return false }
    let pattern = needle.utf8Start
    var i = 0
    while i + n <= bytes.count {
        var j = 0
        while j < n && (bytes[i + j] | 0x20) == pattern[j] { j += 1 }
        if j == n { return true }
        i += 1
    }
    return false
}
