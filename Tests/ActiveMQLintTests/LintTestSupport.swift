import ActiveMQConfig
import ActiveMQLint
import Foundation
import LosslessXML

let coreNamespace = "http://activemq.apache.org/schema/core"

/// Lints documents given as (name, text) pairs, as one run.
func lint(_ files: [(String, String)], profile: String? = nil, engine: AmazonMQEngineVersion? = nil,
          network: NetworkSpec? = nil, disabled: [RuleID] = []) throws -> [Finding] {
    var commandLine = LintCommandLine()
    commandLine.profile = profile
    commandLine.engineVersion = engine
    commandLine.network = network
    commandLine.disabled = disabled
    let inputs = files.map { LintInput(path: $0.0, bytes: .success(Array($0.1.utf8))) }
    return try Linter(commandLine: commandLine).lint(inputs).findings
}

/// Lints one document named `test.xml`.
func lint(_ text: String, profile: String? = nil) throws -> [Finding] {
    try lint([("test.xml", text)], profile: profile)
}

/// The 1-based line and column of the first occurrence of `marker` in `text` (columns in scalars).
func position(of marker: String, in text: String) -> (line: Int, column: Int) {
    guard let range = text.range(of: marker) else { return (0, 0) }
    let before = text[..<range.lowerBound]
    let line = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
    return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
}

/// The seeded property tests' generator: the same seed, the same cases.
typealias Seeded = SplitMix64
