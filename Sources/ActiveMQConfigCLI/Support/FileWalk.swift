#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ActiveMQHosts
import LosslessXML

/// The files a `lint` argument stands for: a file as it is; a directory walked recursively for its
/// `.xml` files, templates (`.j2`, `.jinja`, `.jinja2`, `.erb`, `.tmpl`, `.tftpl`) and host files (`.tf`, `.yaml`, `.yml`, `.json`, `.template`), in sorted order, skipping `.git`, `.build`, `node_modules`, what git ignores and other hidden
/// folders (the linter then skips files that hold no `<broker>`).
enum FileWalk {
    /// Folders never entered.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".swiftpm"]

    /// The files for one argument; the argument itself when it is not a directory.
    static func files(_ argument: String) -> [String] {
        guard argument != "-", isDirectory(argument) else { return [argument] }
        var found: [String] = []
        let root = argument == "." ? "." : (argument.hasSuffix("/") ? String(argument.dropLast()) : argument)
        walk(root, into: &found)
        // In a git work tree, what .gitignore hides is not linted.
        guard let visible = GitFiles.list(in: root) else { return found }
        return found.filter { visible.contains($0) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(_ directory: String, into found: inout [String]) {
        guard let handle = opendir(directory) else { return }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(handle)
        for name in names.sorted() {
            let path = directory == "." ? "./\(name)" : "\(directory)/\(name)"
            if isDirectory(path) {
                if !skippedFolders.contains(name) && !name.hasPrefix(".") { walk(path, into: &found) }
            } else if name.hasSuffix(".xml") || TemplateSyntax(fileName: name) != nil || HostFormat(fileName: name) != nil {
                found.append(path)
            }
        }
    }
}
