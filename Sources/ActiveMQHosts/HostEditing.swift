import ActiveMQConfig
public import ActiveMQLint

extension HostDocument {
    /// The host bytes that spell `text` where a document edit lands at host offset `at`; nil
    /// when the host cannot hold it there (a line break in a one-line scalar, a line that would
    /// close the heredoc).
    public func encode(_ text: [UInt8], at offset: Int, in host: [UInt8]) -> [UInt8]? {
        guard let encoding else { return nil }
        var out: [UInt8] = []
        func escapeTemplate(_ i: Int) -> Bool {
            // `${` and `%{` are Terraform's: written `$${` and `%%{`.
            (text[i] == UInt8(ascii: "$") || text[i] == UInt8(ascii: "%")) && i + 1 < text.count && text[i + 1] == UInt8(ascii: "{")
        }
        switch encoding {
        case .heredoc(let marker, let strip):
            // The indentation a `<<-` heredoc strips, as the edited line spells it.
            var indent: [UInt8] = []
            if let strip {
                var lineStart = min(offset, host.count)
                while lineStart > 0 && host[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                var i = lineStart
                while i < host.count, indent.count < strip, host[i] == UInt8(ascii: " ") || host[i] == UInt8(ascii: "\t") {
                    indent.append(host[i])
                    i += 1
                }
                if indent.count < strip { indent += Array(repeating: UInt8(ascii: " "), count: strip - indent.count) }
            }
            for i in text.indices {
                if escapeTemplate(i) { out.append(text[i]) }
                out.append(text[i])
                if text[i] == UInt8(ascii: "\n") { out += indent }
            }
            // No inserted line may read as the closing marker.
            for line in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropFirst()
            where String(decoding: line, as: UTF8.self).trimmingCharacters(inSpaceAndTab: ()) == marker {
                return nil
            }
        case .hclQuoted:
            for i in text.indices {
                switch text[i] {
                case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
                case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                default:
                    if escapeTemplate(i) { out.append(text[i]) }
                    out.append(text[i])
                }
            }
        case .yamlBlock(let indent):
            for byte in text {
                out.append(byte)
                if byte == UInt8(ascii: "\n") { out += Array(repeating: UInt8(ascii: " "), count: indent) }
            }
        case .yamlDoubleQuoted:
            for byte in text {
                switch byte {
                case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
                case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                default: out.append(byte)
                }
            }
        case .yamlSingleQuoted:
            for byte in text {
                if byte == 0x0A || byte == 0x0D { return nil }
                if byte == UInt8(ascii: "'") { out.append(byte) }
                out.append(byte)
            }
        case .yamlPlain:
            let string = String(decoding: text, as: UTF8.self)
            if text.contains(0x0A) || text.contains(0x0D) || string.contains(": ") || string.contains(" #") { return nil }
            out = text
        }
        return out
    }
}

extension String {
    func trimmingCharacters(inSpaceAndTab: ()) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// `lint --fix` for host files and plain files together: each pass lints every document (those
/// inside host files with their host's settings), maps each fix's edits into the host through the
/// document's byte map, spells inserted text for the host (``HostDocument/encode(_:at:in:)``), and
/// checks that the host, read again, holds exactly the edited document; a fix that cannot be
/// written so is left, its finding kept.
public struct HostFixer: Sendable {
    /// The linter whose findings are fixed.
    public var linter: Linter
    /// Whether unsafe fixes apply too.
    public var includeUnsafe: Bool

    /// A fixer.
    public init(linter: Linter, includeUnsafe: Bool) {
        self.linter = linter
        self.includeUnsafe = includeUnsafe
    }

    /// Lints the inputs and applies their fixes until none applies (at most
    /// ``Fixer/maximumPasses`` passes); files, fixed findings and what remains, in host terms.
    public func fix(_ given: [LintInput]) throws(LintSettingsError) -> Fixer.Outcome {
        var current: [String: [UInt8]] = [:]
        var order: [String] = []
        for input in given {
            if case .success(let bytes) = input.bytes, current[input.path] == nil {
                current[input.path] = bytes
                order.append(input.path)
            }
        }
        let originals = current
        var fixed: [Finding] = []
        var refused: Set<String> = []
        func inputs() -> [LintInput] {
            given.map { input in
                var copy = input
                if let bytes = current[input.path] { copy.bytes = .success(bytes) }
                return copy
            }
        }
        var hosts = HostInputs(inputs())
        var report = try linter.lint(hosts.inputs)
        for _ in 0..<Fixer.maximumPasses {
            var changed = false
            var byFile: [String: [Finding]] = [:]
            for finding in report.findings {
                guard let file = finding.file, let fix = finding.fix, includeUnsafe || fix.applicability == .safe,
                    !refused.contains(Self.key(finding))
                else { continue }
                byFile[file, default: []].append(finding)
            }
            // Edits per host file, with the documents they change.
            var hostEdits: [String: [(range: Range<Int>, bytes: [UInt8])]] = [:]
            var expected: [String: [(address: String, bytes: [UInt8])]] = [:]
            var taken: [String: [Finding]] = [:]
            for (file, findings) in byFile.sorted(by: { $0.key < $1.key }) {
                var edits: [TextEdit] = []
                var chosen: [Finding] = []
                for finding in findings {
                    guard let fix = finding.fix else { continue }
                    if fix.edits.contains(where: { edit in edits.contains { Fixer.overlapping($0.range, edit.range) } }) { continue }
                    edits += fix.edits
                    chosen.append(finding)
                }
                guard !edits.isEmpty else { continue }
                if let document = hosts.documents[file] {
                    guard document.encoding != nil, document.readOnlyReason == nil, document.positionsInside,
                        let host = current[document.hostPath]
                    else {
                        for finding in chosen { refused.insert(Self.key(finding)) }
                        continue
                    }
                    var mapped: [(range: Range<Int>, bytes: [UInt8])] = []
                    var ok = true
                    for edit in edits {
                        guard let range = document.map.hostRange(edit.range), let bytes = document.encode(edit.replacement, at: range.lowerBound, in: host)
                        else {
                            ok = false
                            break
                        }
                        mapped.append((range, bytes))
                    }
                    guard ok else {
                        for finding in chosen { refused.insert(Self.key(finding)) }
                        continue
                    }
                    hostEdits[document.hostPath, default: []] += mapped
                    expected[document.hostPath, default: []].append((document.address, Self.applying(edits, to: document.bytes)))
                    taken[document.hostPath, default: []] += chosen
                } else if current[file] != nil {
                    hostEdits[file, default: []] += edits.map { ($0.range, $0.replacement) }
                    taken[file, default: []] += chosen
                }
            }
            for (path, edits) in hostEdits {
                guard let before = current[path] else { continue }
                let after = Self.applying(edits.map { TextEdit(range: $0.range, replacement: $0.bytes) }, to: before)
                // The host read again must hold each edited document exactly; a plain file must read.
                var good: Bool
                if let wanted = expected[path] {
                    let found = HostFile.documents(in: after, path: path)?.documents ?? []
                    good = wanted.allSatisfy { want in found.contains { $0.address == want.address && $0.bytes == want.bytes } }
                } else {
                    good = (try? BrokerConfiguration(bytes: after, path: path)) != nil
                }
                if good {
                    current[path] = after
                    fixed += (taken[path] ?? []).map(hosts.map)
                    changed = true
                } else {
                    for finding in taken[path] ?? [] { refused.insert(Self.key(finding)) }
                }
            }
            guard changed else { break }
            hosts = HostInputs(inputs())
            report = try linter.lint(hosts.inputs)
        }
        let files = order.map { ($0, originals[$0] ?? [], current[$0] ?? []) }
        return Fixer.Outcome(files: files, fixed: fixed, remaining: hosts.map(report))
    }

    static func key(_ finding: Finding) -> String {
        "\(finding.file ?? "") \(finding.code ?? "") \(finding.byteRange.map { "\($0)" } ?? "\(finding.line ?? 0):\(finding.column ?? 0)")"
    }

    /// Bytes with non-overlapping edits applied.
    static func applying(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }
}
