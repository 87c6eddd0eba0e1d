#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written. The file was left as it was.
public enum FileWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's content differs from what was read: someone else changed it meanwhile.
    case changedOnDisk(path: String)
    /// A system call failed.
    case io(path: String, message: String)

    /// The file concerned.
    public var path: String {
        switch self {
        case .changedOnDisk(let path), .io(let path, _): return path
        }
    }

    /// The message without the file.
    public var message: String {
        switch self {
        case .changedOnDisk: return "the file changed on disk since it was read; nothing was written"
        case .io(_, let message): return message
        }
    }

    /// `FILE: error: MESSAGE`.
    public var description: String { diagnostic.formatted }

    /// The diagnostic: code `io` (exit 2), or `changed-on-disk` (exit 1).
    public var diagnostic: Diagnostic {
        if case .changedOnDisk = self {
            return Diagnostic(file: path, severity: .error, code: "changed-on-disk", message: message)
        }
        return Diagnostic(file: path, severity: .error, code: Diagnostic.ioCode, message: message)
    }
}

/// Writes files atomically: a temporary file in the same directory, written, flushed to disk
/// (`fsync`), then renamed over the target, so a reader sees the old file or the new one, never a
/// mix, and a failure at any step leaves the old file and no temporary behind. The target's
/// permissions (and, where allowed, owner) are kept; a symbolic link is followed, not replaced.
public enum AtomicFile {
    /// Writes `bytes` to `path`.
    ///
    /// - Parameters:
    ///   - bytes: The new content.
    ///   - path: The file to replace or create.
    ///   - original: When given, the write is refused unless the file still holds exactly these
    ///     bytes (it was not changed since it was read).
    public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]? = nil) throws(FileWriteError) {
        try write(bytes, to: path, expecting: original, using: .posix)
    }

    /// The system calls a write makes; tests replace them to inject failures.
    struct System: Sendable {
        var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int
        var fsync: @Sendable (Int32) -> Int32
        var rename: @Sendable (String, String) -> Int32

        static let posix = System(
            write: { descriptor, buffer, count in systemWrite(descriptor, buffer, count) },
            fsync: { descriptor in systemFsync(descriptor) },
            rename: { from, to in systemRename(from, to) })
    }

    static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]?, using system: System) throws(FileWriteError) {
        let target = resolvedPath(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw .io(path: path, message: "is a directory") }
        if let original { try checkUnchanged(target, path: path, original: original) }

        let directory = target.lastIndex(of: "/").map { String(target[..<$0]) } ?? "."
        let name = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = "\(directory.isEmpty ? "/" : directory)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .io(path: path, message: "cannot create a temporary file in folder \(directory.isEmpty ? "/" : directory): \(FileBytes.systemMessage(errno))")
        }
        var closed = false
        func fail(_ message: String) -> FileWriteError {
            if !closed { close(descriptor) }
            unlink(temporary)
            return .io(path: path, message: message)
        }
        let mode: mode_t = exists ? info.st_mode & 0o7777 : 0o644
        if fchmod(descriptor, mode) != 0 { throw fail("cannot set permissions: \(FileBytes.systemMessage(errno))") }
        if exists && (info.st_uid != geteuid() || info.st_gid != getegid()) {
            _ = fchown(descriptor, info.st_uid, info.st_gid)  // keeps the owner where allowed (root)
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { system.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("cannot write: \(FileBytes.systemMessage(errno))")
            }
            if n == 0 { throw fail("cannot write: no progress") }
            offset += n
        }
        if system.fsync(descriptor) != 0 { throw fail("cannot flush to disk: \(FileBytes.systemMessage(errno))") }
        close(descriptor)
        closed = true
        if let original {
            do {
                try checkUnchanged(target, path: path, original: original)
            } catch {
                unlink(temporary)
                throw error
            }
        }
        if system.rename(temporary, target) != 0 { throw fail("cannot replace the file: \(FileBytes.systemMessage(errno))") }
        let directoryDescriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = system.fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    private static func checkUnchanged(_ target: String, path: String, original: [UInt8]) throws(FileWriteError) {
        let current: [UInt8]
        do {
            current = try FileBytes.read(target)
        } catch {
            throw .changedOnDisk(path: path)
        }
        guard current == original else { throw .changedOnDisk(path: path) }
    }

    /// The file a path names, following symbolic links (so the link stays a link).
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

@inline(__always) private func systemWrite(_ d: Int32, _ b: UnsafeRawPointer, _ n: Int) -> Int { write(d, b, n) }
@inline(__always) private func systemFsync(_ d: Int32) -> Int32 { fsync(d) }
@inline(__always) private func systemRename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
