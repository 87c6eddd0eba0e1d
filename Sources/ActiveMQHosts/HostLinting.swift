public import ActiveMQConfig
public import ActiveMQLint
import LosslessXML

/// Lint inputs with host files opened up: each host file (`.tf`, `.yaml`, `.json`, …) becomes one input per embedded
/// broker configuration, linted with the host's settings (its resource's profile and engine
/// version, then the host file's `.activemq-config.json`); ``map(_:)`` then puts every finding back
/// at its place in the host, named by the document's address.
public struct HostInputs: Sendable {
    /// What the linter reads: plain inputs as they were, and one per embedded document.
    public var inputs: [LintInput] = []
    /// The embedded documents, by the path their input has (`main.tf#aws_mq_configuration.hub`).
    public var documents: [String: HostDocument] = [:]
    /// Problems reading host files (a heredoc never closed): errors at their place.
    public var errors: [Diagnostic] = []
    /// Host files that hold no broker configuration (skipped, like an XML file without a `<broker>`).
    public var emptyHosts: [String] = []
    /// Files read through `templatefile()` or `file()`, by path: the call that reads each.
    public var followed: [String: TerraformFile.FileReference] = [:]
    /// The line tables of host files and documents.
    var hostLines: [String: HostLines] = [:]
    var documentLines: [String: LineTable] = [:]

    /// Opens up the host files among `inputs` (by file name: ``HostFormat/init(fileName:)``): a
    /// `.tf`, `.yaml`, `.yml`, `.json` or `.template` file.
    public init(_ given: [LintInput]) {
        // Brokers in one .tf may run configurations declared in another (a module's files).
        var runners: [String: [String]] = [:]
        var terraform: [String: TerraformFile.Read] = [:]
        for input in given where HostFormat(fileName: input.path) == .terraform {
            guard case .success(let bytes) = input.bytes else { continue }
            let read = TerraformFile.Read(bytes: bytes, path: input.path)
            terraform[input.path] = read
            for (address, aliases) in read.runners { runners[address, default: []] += aliases }
        }
        // Configurations read through templatefile() or file(): linted once, as the call reads them,
        // with its resource's settings (and not a second time when the directory walk lists them).
        let references = given.flatMap { terraform[$0.path]?.references ?? [] }
        var followedInputs: [LintInput] = []
        for reference in references where followed[Self.key(reference.path)] == nil {
            guard let bytes = try? FileBytes.read(reference.path), TerraformFile.isBrokerDocument(bytes) else { continue }
            followed[Self.key(reference.path)] = reference
            var input = LintInput(path: reference.path, bytes: .success(bytes),
                                  template: reference.function == "templatefile" ? .terraform : TemplateSyntax(fileName: reference.path))
            input.host = (reference.profile, reference.engineVersion)
            input.networkAliases = runners[reference.address] ?? []
            input.networkName = reference.name ?? reference.address.split(separator: ".").last.map(String.init)
            followedInputs.append(input)
            errors += TemplateVariables.findings(in: bytes, read: reference)
        }
        for input in given {
            if followed[Self.key(input.path)] != nil { continue }
            guard case .success(let bytes) = input.bytes,
                let found = terraform[input.path].map({ ($0.documents, $0.errors) }) ?? HostFile.documents(in: bytes, path: input.path)
            else {
                inputs.append(input)
                continue
            }
            errors += found.errors.map(\.diagnostic)
            if found.documents.isEmpty {
                if found.errors.isEmpty { emptyHosts.append(input.path) }
                continue
            }
            hostLines[input.path] = HostLines(bytes)
            for document in found.documents {
                let path = Self.path(of: document)
                // A Terraform document without `${` or `%{` is no template: it is read as plain XML.
                let template = document.template == .terraform && !document.bytes.containsInterpolation ? nil : document.template
                var embedded = LintInput(path: path, bytes: .success(document.bytes), template: template ?? input.template)
                embedded.settingsPath = input.path
                embedded.host = (document.profile, document.engineVersion)
                embedded.networkAliases = document.networkAliases
                for alias in runners[document.address] ?? [] where !embedded.networkAliases.contains(alias) { embedded.networkAliases.append(alias) }
                embedded.networkName = document.name ?? document.address.split(separator: ".").last.map(String.init) ?? document.address
                inputs.append(embedded)
                documents[path] = document
                documentLines[path] = LineTable(document.bytes)
            }
        }
        inputs += followedInputs
    }

    /// A path as a key: `./a/b.xml` and `a/b.xml` are one file.
    static func key(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// The path a document's input has: the host's, then `#` and its address.
    public static func path(of document: HostDocument) -> String {
        "\(document.hostPath)#\(document.address)"
    }

    /// Whether any input was a host file.
    public var hasHosts: Bool { !documents.isEmpty || !emptyHosts.isEmpty || !errors.isEmpty }

    /// The report with every finding in an embedded document moved to its place in the host file,
    /// its message starting with the document's address; the host errors added; the host files
    /// (not their documents) counted as files.
    public func map(_ report: LintReport) -> LintReport {
        var mapped = report
        mapped.findings = report.findings.map(map) + errors
        var checked: [String] = []
        for file in report.checkedFiles {
            let host = documents[file]?.hostPath ?? file
            if !checked.contains(host) { checked.append(host) }
        }
        mapped.checkedFiles = checked
        mapped.files = checked.count
        mapped.skipped = report.skipped.map { documents[$0]?.hostPath ?? $0 } + emptyHosts
        return mapped
    }

    /// One finding, moved to the host.
    public func map(_ finding: Diagnostic) -> Diagnostic {
        if let file = finding.file, let reference = followed[Self.key(file)] {
            // A configuration read through templatefile() or file(): a note at the call.
            var noted = finding
            noted.notes.append(Diagnostic.Note(file: reference.hostPath, line: reference.line, column: reference.column,
                                               message: "read by \(reference.function)() for \(reference.address)"))
            return noted
        }
        guard let file = finding.file, let document = documents[file], let hostLines = hostLines[document.hostPath],
            let lines = documentLines[file]
        else { return finding }
        var moved = finding
        moved.file = document.hostPath
        let start: Int
        if let range = finding.byteRange {
            start = range.lowerBound
            let low = document.map.hostOffset(range.lowerBound), high = document.map.hostOffset(range.upperBound)
            moved.byteRange = low..<max(low, high)
        } else if let line = finding.line {
            start = lines.offset(line: line, column: finding.column ?? 1)
            moved.byteRange = nil
        } else {
            start = 0
        }
        if finding.line != nil || finding.byteRange != nil {
            let position = hostLines.position(of: document.map.hostOffset(start))
            moved.line = position.line
            moved.column = position.column
        }
        if let endLine = finding.endLine {
            let end = document.map.hostOffset(lines.offset(line: endLine, column: finding.endColumn ?? 1))
            let position = hostLines.position(of: end)
            moved.endLine = position.line
            moved.endColumn = position.column
        }
        moved.message = "\(document.address): \(finding.message)"
        // Baseline fingerprints tell two configurations of one host apart.
        moved.anchor = finding.anchor.map { "\(document.address) \($0)" }
        if !document.positionsInside, let line = finding.line {
            moved.message += " (line \(line) of the embedded document)"
        }
        moved.notes = finding.notes.map { note in
            guard let noteFile = note.file, let noteDocument = documents[noteFile], let noteHost = self.hostLines[noteDocument.hostPath],
                let noteLines = documentLines[noteFile], let line = note.line
            else { return note }
            var movedNote = note
            let offset = note.byteRange?.lowerBound ?? noteLines.offset(line: line, column: note.column ?? 1)
            let position = noteHost.position(of: noteDocument.map.hostOffset(offset))
            movedNote.file = noteDocument.hostPath
            movedNote.line = position.line
            movedNote.column = position.column
            movedNote.byteRange = nil
            movedNote.message = "\(noteDocument.address): \(note.message)"
            return movedNote
        }
        // Fixes inside host files are not applied yet: the finding stays, its fix does not.
        moved.fix = nil
        return moved
    }
}
