#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's permission bits, judged as written (root ignores them, so `access(2)` cannot).
struct FileMode {
    var bits: UInt32

    /// The mode of an existing file; nil when it cannot be read.
    static func of(_ path: String) -> FileMode? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileMode(bits: UInt32(info.st_mode) & 0o7777)
    }

    /// Whether the owner's write bit is set.
    var ownerCanWrite: Bool { bits & 0o200 != 0 }

    /// `0444`.
    var octal: String { "0" + String(bits, radix: 8) }
}
