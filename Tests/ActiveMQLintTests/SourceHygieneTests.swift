import Foundation
import Testing

/// What the package's sources must never do, read from the sources themselves.
@Suite("Source hygiene")
struct SourceHygieneTests {
    static func sources() -> [(path: String, lines: [Substring])] {
        let root = Shared.repository.appendingPathComponent("Sources")
        guard let walk = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().compactMap { relative in
            guard let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) else { return nil }
            return (relative, text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test("No platform module outside its guard: no Glibc., Musl. or Darwin. call, every import under its #if canImport")
    func platformGuards() {
        let files = Self.sources()
        #expect(files.count > 100)
        for (path, lines) in files {
            for (number, line) in lines.enumerated() {
                for module in ["Glibc", "Musl", "Darwin"] {
                    #expect(!line.contains("\(module)."), "\(path):\(number + 1): a qualified \(module) call compiles on one platform only")
                    if line.trimmingCharacters(in: .whitespaces) == "import \(module)" {
                        let guardLine = number > 0 ? lines[number - 1].trimmingCharacters(in: .whitespaces) : ""
                        #expect(guardLine.hasSuffix("canImport(\(module))"), "\(path):\(number + 1): import \(module) outside #if canImport(\(module))")
                    }
                }
            }
        }
    }
}
