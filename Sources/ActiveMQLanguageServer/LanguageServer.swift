import ActiveMQConfig
import ActiveMQHosts
import ActiveMQLint
import Dispatch
import Foundation
import LosslessXML

/// `activemq-config lsp`: a Language Server Protocol server whose diagnostics are the linter's.
///
/// Messages are handled in order on the caller's thread (the stdin reader): lifecycle, text
/// synchronisation (incremental), settings. Linting runs on a queue of its own; a lint made stale by
/// a newer version of its document is abandoned before it publishes. Everything sent goes through
/// `send`, one framed message at a time; nothing else is written to standard output.
public final class LanguageServer: Sendable {
    /// JSON-RPC and LSP error codes.
    public enum ErrorCode: Int, Sendable {
        /// The message is not JSON.
        case parseError = -32700
        /// The message is no request, or comes after `shutdown`.
        case invalidRequest = -32600
        /// No such method.
        case methodNotFound = -32601
        /// The parameters do not fit the method.
        case invalidParams = -32602
        /// A request before `initialize`.
        case serverNotInitialized = -32002
        /// A request cancelled by the client.
        case requestCancelled = -32800
    }

    struct Document {
        var uri: String
        var path: String
        var version: Int
        var text: TextBuffer
        /// The findings of the last lint that read the document, their ranges kept up to date through
        /// every edit since (a finding whose range an edit touched is dropped).
        var previous: [(range: Range<Int>, finding: Finding)] = []
    }

    struct State {
        var initialized = false
        var shutdown = false
        var encoding: PositionEncoding = .utf16
        var documents: [String: Document] = [:]
        var profile: String?
        var engineVersion: String?
        var debounceMilliseconds = 50
        var unsafeFixes = false
        /// A baseline file whose findings are not shown (`lint --baseline`).
        var baseline: String?
        var documentChanges = false
        /// Whether the client takes `DocumentSymbol`s (a tree), not `SymbolInformation`s.
        var hierarchicalSymbols = false
    }

    let send: @Sendable ([UInt8]) -> Void
    let state = Locked(State())
    let lintQueue = DispatchQueue(label: "activemq-config.lsp.lint")
    /// The rule pages: `\(rulePages)\(rule).md`.
    public static let rulePages = "https://github.com/swift-activemq-config/swift-activemq-config/blob/main/Docs/rules/"

    /// A server that writes each framed message with `send`.
    public init(send: @escaping @Sendable ([UInt8]) -> Void) {
        self.send = send
    }

    // MARK: Messages

    /// Handles one message body; the exit code when the server should stop (after `exit`).
    public func handle(_ body: [UInt8]) -> Int32? {
        let message: JSONValue
        do {
            message = try JSONDecoder().decode(JSONValue.self, from: Data(body))
        } catch {
            respond(id: .null, error: (.parseError, "the message is not JSON"))
            return nil
        }
        guard case .object = message else {
            respond(id: .null, error: (.invalidRequest, "a message is a JSON object"))
            return nil
        }
        let id = message["id"]
        guard let method = message["method"]?.string else { return nil }  // a response to us: none is expected
        let params = message["params"] ?? .null
        let (initialized, shutdown) = state.withLock { ($0.initialized, $0.shutdown) }
        if method == "exit" { return shutdown ? 0 : 1 }
        if !initialized && method != "initialize" {
            if let id { respond(id: id, error: (.serverNotInitialized, "the server is not initialized")) }
            return nil
        }
        if shutdown, let id {
            respond(id: id, error: (.invalidRequest, "the server is shutting down"))
            return nil
        }
        switch method {
        case "initialize":
            guard let id else { return nil }
            initialize(id: id, params: params)
        case "initialized", "$/cancelRequest", "$/setTrace":
            // Requests are answered in order as they are read: none is pending when a cancel comes.
            break
        case "shutdown":
            state.withLock { $0.shutdown = true }
            if let id { respond(id: id, result: .null) }
        case "textDocument/codeAction":
            if let id { respond(id: id, result: codeActions(params)) }
        case "textDocument/completion":
            if let id { respond(id: id, result: completion(params)) }
        case "textDocument/hover":
            if let id { respond(id: id, result: hover(params)) }
        case "textDocument/documentSymbol":
            if let id { respond(id: id, result: documentSymbols(params)) }
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeConfiguration":
            applySettings(params["settings"]?["activemq-config"] ?? params["settings"])
            relintAll()
        case "workspace/didChangeWatchedFiles": relintAll()
        default:
            if let id { respond(id: id, error: (.methodNotFound, "no method \(method)")) }
        }
        return nil
    }

    /// Handles the messages read together, in order: a request that a `$/cancelRequest` among the
    /// later ones cancels is answered -32800 (`RequestCancelled`) instead of run. The exit code when
    /// the server should stop.
    public func handle(batch bodies: [[UInt8]]) -> Int32? {
        // The method name may be written with an escaped slash (`$\/cancelRequest`).
        let marker = Array("cancelRequest".utf8)
        var cancels: [(position: Int, id: JSONValue)] = []
        for (position, body) in bodies.enumerated() where body.count >= marker.count && Self.contains(body, marker) {
            if let message = try? JSONDecoder().decode(JSONValue.self, from: Data(body)), message["method"]?.string == "$/cancelRequest",
                let id = message["params"]?["id"] {
                cancels.append((position, id))
            }
        }
        for (position, body) in bodies.enumerated() {
            if !cancels.isEmpty, let message = try? JSONDecoder().decode(JSONValue.self, from: Data(body)), let id = message["id"],
                let method = message["method"]?.string, method != "initialize", method != "shutdown",
                cancels.contains(where: { $0.position > position && $0.id == id }), state.withLock({ $0.initialized }) {
                respond(id: id, error: (.requestCancelled, "the request was cancelled"))
                continue
            }
            if let code = handle(body) { return code }
        }
        return nil
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// The exit code when the input ends: as `exit` would give.
    public func endOfInput() -> Int32 {
        state.withLock { $0.shutdown } ? 0 : 1
    }

    /// Waits until every scheduled lint has run (for tests).
    public func waitForIdle() {
        lintQueue.sync {}
        lintQueue.sync {}
    }

    func initialize(id: JSONValue, params: JSONValue) {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        let encoding: PositionEncoding = offered.contains("utf-8") ? .utf8 : .utf16
        state.withLock { state in
            state.initialized = true
            state.encoding = encoding
            if let debounce = params["initializationOptions"]?["debounce"]?.int { state.debounceMilliseconds = max(0, debounce) }
            state.documentChanges = params["capabilities"]?["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
            state.hierarchicalSymbols = params["capabilities"]?["textDocument"]?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.bool ?? false
        }
        applySettings(params["initializationOptions"]?["settings"])
        respond(id: id, result: .object([
            "capabilities": .object([
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": .object(["openClose": .bool(true), "change": .number(2)]),
                "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix"), .string(Self.fixAllKind)])]),
                "hoverProvider": .bool(true),
                "documentSymbolProvider": .bool(true),
                "completionProvider": .object(["triggerCharacters": .array(["<", " ", "?", "&", "\"", ","])]),
            ]),
            "serverInfo": .object(["name": .string("activemq-config")]),
        ]))
    }

    /// The server's settings: `profile` and `engineVersion`, first in the resolver's order.
    func applySettings(_ settings: JSONValue?) {
        guard let settings else { return }
        state.withLock { state in
            state.profile = settings["profile"]?.string
            state.engineVersion = settings["engineVersion"]?.string
            state.unsafeFixes = settings["unsafeFixes"]?.bool ?? false
            state.baseline = settings["baseline"]?.string
        }
    }

    func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
        let document = Document(uri: uri, path: Self.path(of: uri), version: item["version"]?.int ?? 0, text: TextBuffer(Array(text.utf8)))
        state.withLock { $0.documents[uri] = document }
        scheduleLint(uri)
    }

    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let changes = params["contentChanges"]?.array else { return }
        let version = params["textDocument"]?["version"]?.int
        state.withLock { state in
            guard var document = state.documents[uri] else { return }
            for change in changes {
                guard let text = change["text"]?.string else { continue }
                let replacement = Array(text.utf8)
                let range: Range<Int>
                if let start = change["range"]?["start"], let end = change["range"]?["end"] {
                    let low = document.text.offset(line: start["line"]?.int ?? 0, character: start["character"]?.int ?? 0, encoding: state.encoding)
                    let high = document.text.offset(line: end["line"]?.int ?? 0, character: end["character"]?.int ?? 0, encoding: state.encoding)
                    range = min(low, high)..<max(low, high)
                } else {
                    range = 0..<document.text.bytes.count
                }
                document.text.replace(range, with: replacement)
                // Earlier findings follow the text; one the edit touched goes.
                let delta = replacement.count - range.count
                document.previous = document.previous.compactMap { entry in
                    if entry.range.upperBound <= range.lowerBound && !(entry.range.isEmpty && entry.range.lowerBound == range.lowerBound && !range.isEmpty) {
                        return entry
                    }
                    if entry.range.lowerBound >= range.upperBound && !(range.isEmpty && entry.range.lowerBound == range.lowerBound) {
                        return ((entry.range.lowerBound + delta)..<(entry.range.upperBound + delta), entry.finding)
                    }
                    return nil
                }
            }
            if let version { document.version = version } else { document.version += 1 }
            state.documents[uri] = document
        }
        scheduleLint(uri)
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        state.withLock { _ = $0.documents.removeValue(forKey: uri) }
        notify("textDocument/publishDiagnostics", .object(["uri": .string(uri), "diagnostics": .array([])]))
    }

    func relintAll() {
        for uri in state.withLock({ Array($0.documents.keys) }).sorted() { scheduleLint(uri) }
    }

    // MARK: Linting

    func scheduleLint(_ uri: String) {
        let (debounce, version) = state.withLock { ($0.debounceMilliseconds, $0.documents[uri]?.version) }
        let work: @Sendable () -> Void = { [self] in lint(uri, scheduledFor: version) }
        if debounce > 0 {
            lintQueue.asyncAfter(deadline: .now() + .milliseconds(debounce), execute: work)
        } else {
            lintQueue.async(execute: work)
        }
    }

    /// Lints the document as it is now; publishes unless a newer version came meanwhile. A lint
    /// scheduled for a version that a newer one has replaced does not run at all (the newer one's
    /// lint will).
    func lint(_ uri: String, scheduledFor version: Int? = nil) {
        guard let (document, profile, engineVersion, baseline) = state.withLock({ state in
            state.documents[uri].map { ($0, state.profile, state.engineVersion, state.baseline) }
        }) else { return }
        if let version, version != document.version { return }
        var report = try? Self.lintReport(document, linter: Self.linter(profile: profile, engineVersion: engineVersion))
        // Baselined findings are not shown; an unreadable baseline hides nothing.
        if let baseline, let prints = try? Baseline.read(baseline), let linted = report { report = Baseline.filter(linted, baseline: prints) }
        let findings = (report?.findings ?? []).filter { $0.file == nil || $0.file == document.path }
        let broken = findings.contains { $0.code == RuleID.notWellFormed.rawValue || $0.code == RuleID.hostSyntax.rawValue }
        let placed = findings.map { (Self.range(of: $0, in: document.text), $0) }
        let published: [(range: Range<Int>, finding: Finding)]? = state.withLock { state in
            guard var current = state.documents[uri], current.version == document.version else { return nil }
            if broken {
                // While the text is not well-formed, the earlier findings stay beside the parse error.
                return placed + current.previous
            }
            current.previous = placed
            state.documents[uri] = current
            return placed
        }
        guard let published else { return }
        let encoding = state.withLock { $0.encoding }
        notify("textDocument/publishDiagnostics", .object([
            "uri": .string(uri), "version": .number(Double(document.version)),
            "diagnostics": .array(published.map { Self.diagnostic($0.finding, range: $0.range, text: document.text, uri: uri, path: document.path, encoding: encoding) }),
        ]))
    }

    /// Whether a document is a host file (`.tf`, `.yaml`, `.json`, …) whose broker configurations
    /// are embedded: diagnostics and fix-all are served there, not completion, hover or quick fixes.
    static func isHost(_ document: Document) -> Bool { HostFormat(fileName: document.path) != nil }

    /// Lints a document as `lint` does: a host file's embedded configurations with its resources'
    /// settings, each finding at its place in the host.
    static func lintReport(_ document: Document, linter: Linter) throws(LintSettingsError) -> LintReport {
        let input = LintInput(path: document.path, bytes: .success(document.text.bytes))
        guard isHost(document) else { return try linter.lint([input]) }
        let hosts = HostInputs([input])
        return hosts.map(try linter.lint(hosts.inputs))
    }

    /// The linter for the server's settings (first in the resolver's order).
    static func linter(profile: String?, engineVersion: String?) -> Linter {
        var commandLine = LintCommandLine()
        commandLine.profile = profile
        if let engineVersion {
            commandLine.engineVersion = AmazonMQEngineVersion(rawValue: engineVersion)
            commandLine.activeMQVersion = ActiveMQVersion(engineVersion)
        }
        return Linter(commandLine: commandLine)
    }

    // MARK: Completion

    /// What completes at the cursor, for the profile and version in force: transport URI options by
    /// scheme, attributes not yet present, enumeration and boolean values, child elements, rule ids
    /// in a suppression comment. Read by a tolerant scan, so it works while the text is broken.
    func completion(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = params["position"],
            let (document, profile, engineVersion, encoding) = state.withLock({ state in
                state.documents[uri].map { ($0, state.profile, state.engineVersion, state.encoding) }
            })
        else { return .object(["isIncomplete": false, "items": .array([])]) }
        guard !Self.isHost(document) else { return .object(["isIncomplete": false, "items": .array([])]) }
        let offset = document.text.offset(line: position["line"]?.int ?? 0, character: position["character"]?.int ?? 0, encoding: encoding)
        let context = CompletionContext.at(offset, in: document.text.bytes)
        let vocabulary: Vocabulary
        if profile == "amazon-mq" {
            vocabulary = Vocabulary.amazonMQ(engineVersion.flatMap(AmazonMQEngineVersion.init(rawValue:)) ?? .v5_18)
        } else {
            vocabulary = engineVersion.flatMap(ActiveMQVersion.init).flatMap { Vocabulary.activeMQ($0)?.vocabulary } ?? Vocabulary.activeMQ
        }
        let items = Completions.items(for: context, vocabulary: vocabulary).map { item -> JSONValue in
            var members: [String: JSONValue] = ["label": .string(item.label), "kind": .number(Double(item.kind))]
            if let detail = item.detail { members["detail"] = .string(detail) }
            return .object(members)
        }
        return .object(["isIncomplete": false, "items": .array(items)])
    }

    /// A hover: what the schemas say of the element or attribute under the cursor, or the rule a
    /// suppression names; never an attribute's value (no secret is shown).
    func hover(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = params["position"],
            let (document, encoding) = state.withLock({ state in state.documents[uri].map { ($0, state.encoding) } }),
            !Self.isHost(document)
        else { return .null }
        let offset = document.text.offset(line: position["line"]?.int ?? 0, character: position["character"]?.int ?? 0, encoding: encoding)
        let (profile, engineVersion) = state.withLock { ($0.profile, $0.engineVersion) }
        let settings: () -> String? = {
            let linter = Self.linter(profile: profile, engineVersion: engineVersion)
            guard var resolved = try? linter.resolver.resolve(for: document.path, lookup: ProjectConfigurationLookup()) else { return nil }
            if let parsed = try? LosslessDocument(bytes: document.text.bytes, path: document.path) { resolved = resolved.reading(parsed) }
            func from(_ source: SettingSource) -> String {
                switch source {
                case .flag: return "the editor's setting"
                case .host: return "the host resource"
                case .projectFile: return ".activemq-config.json"
                case .networkSpec: return "the network spec"
                case .schemaLocation: return "xsi:schemaLocation"
                case .defaultValue: return "the default"
                }
            }
            let target = resolved.profile.value.isAmazonMQ ? "Amazon MQ (ActiveMQ \(resolved.version.value))" : "ActiveMQ \(resolved.version.value)"
            return "Judged as \(target): profile `\(resolved.profile.value.name)` from \(from(resolved.profile.source)), version from \(from(resolved.version.source))."
        }
        guard let (markdown, range) = Hover.content(at: offset, in: document.text.bytes, settings: settings) else { return .null }
        return .object([
            "contents": .object(["kind": "markdown", "value": .string(markdown)]),
            "range": Self.lspRange(range, document.text, encoding),
        ])
    }

    // MARK: Outline

    /// The document's outline: brokers, connectors, the persistence adapter, policy entries,
    /// virtual destinations and plugins, as a tree when the client takes one (else a flat list with
    /// container names); empty while the text is not well-formed.
    func documentSymbols(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string,
            let (document, encoding, hierarchical) = state.withLock({ state in
                state.documents[uri].map { ($0, state.encoding, state.hierarchicalSymbols) }
            }),
            let outline = OutlineSymbol.outline(of: document.text.bytes, path: document.path)
        else { return .array([]) }
        func tree(_ symbol: OutlineSymbol) -> JSONValue {
            var members: [String: JSONValue] = [
                "name": .string(symbol.name), "kind": .number(Double(symbol.kind.rawValue)),
                "range": Self.lspRange(symbol.range, document.text, encoding),
                "selectionRange": Self.lspRange(symbol.selectionRange, document.text, encoding),
            ]
            if let detail = symbol.detail { members["detail"] = .string(detail) }
            if !symbol.children.isEmpty { members["children"] = .array(symbol.children.map(tree)) }
            return .object(members)
        }
        if hierarchical { return .array(outline.map(tree)) }
        var flat: [JSONValue] = []
        func list(_ symbol: OutlineSymbol, container: String?) {
            var members: [String: JSONValue] = [
                "name": .string(symbol.name), "kind": .number(Double(symbol.kind.rawValue)),
                "location": .object(["uri": .string(uri), "range": Self.lspRange(symbol.range, document.text, encoding)]),
            ]
            if let container { members["containerName"] = .string(container) }
            flat.append(.object(members))
            for child in symbol.children { list(child, container: symbol.name) }
        }
        for symbol in outline { list(symbol, container: nil) }
        return .array(flat)
    }

    // MARK: Code actions

    /// The kind of the action that applies every safe fix.
    public static let fixAllKind = "source.fixAll.activemq-config"

    /// Quick fixes for the findings in the range (safe ones preferred, unsafe ones marked), a
    /// suppression comment for each (never for `embedded-password`), and, when asked for,
    /// `source.fixAll.activemq-config`: what `lint --fix` does to the document, as one edit.
    func codeActions(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string,
            let (document, profile, engineVersion, encoding, unsafe, changes) = state.withLock({ state in
                state.documents[uri].map { ($0, state.profile, state.engineVersion, state.encoding, state.unsafeFixes, state.documentChanges) }
            })
        else { return .array([]) }
        let text = document.text
        let only = params["context"]?["only"]?.array?.compactMap(\.string)
        let linter = Self.linter(profile: profile, engineVersion: engineVersion)
        var actions: [JSONValue] = []
        let wantsFixAll = only?.contains { Self.fixAllKind.hasPrefix($0) } ?? false
        if wantsFixAll {
            let input = LintInput(path: document.path, bytes: .success(text.bytes))
            let outcome = Self.isHost(document) ? try? HostFixer(linter: linter, includeUnsafe: unsafe).fix([input])
                : try? Fixer(linter: linter, includeUnsafe: unsafe).fix([input])
            if let outcome, let fixed = outcome.files.first?.fixed, fixed != text.bytes {
                var prefix = 0
                while prefix < min(fixed.count, text.bytes.count), fixed[prefix] == text.bytes[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < min(fixed.count, text.bytes.count) - prefix, fixed[fixed.count - 1 - suffix] == text.bytes[text.bytes.count - 1 - suffix] { suffix += 1 }
                let edit = TextEdit(range: prefix..<(text.bytes.count - suffix), replacement: Array(fixed[prefix..<(fixed.count - suffix)]))
                actions.append(.object([
                    "title": .string("Fix all (activemq-config)"), "kind": .string(Self.fixAllKind),
                    "edit": workspaceEdit(uri: uri, version: document.version, edits: [edit], text: text, encoding: encoding, documentChanges: changes),
                ]))
            }
        }
        // A host's findings carry fixes in their embedded document's terms: fix-all only there.
        if !Self.isHost(document), only == nil || only?.contains(where: { "quickfix".hasPrefix($0) || $0.hasPrefix("quickfix") }) == true {
            let wanted = params["range"].map { range in
                text.offset(line: range["start"]?["line"]?.int ?? 0, character: range["start"]?["character"]?.int ?? 0, encoding: encoding)
                    ... text.offset(line: range["end"]?["line"]?.int ?? 0, character: range["end"]?["character"]?.int ?? 0, encoding: encoding)
            } ?? 0...text.bytes.count
            let findings = ((try? linter.lint([LintInput(path: document.path, bytes: .success(text.bytes))]))?.findings ?? [])
                .filter { $0.file == nil || $0.file == document.path }
            for finding in findings {
                let range = Self.range(of: finding, in: text)
                guard range.lowerBound <= wanted.upperBound, range.upperBound >= wanted.lowerBound else { continue }
                let diagnostic = Self.diagnostic(finding, range: range, text: text, uri: uri, path: document.path, encoding: encoding)
                if let fix = finding.fix {
                    let safe = fix.applicability == .safe
                    actions.append(.object([
                        "title": .string(fix.message + (safe ? "" : " (unsafe)")), "kind": .string("quickfix"), "isPreferred": .bool(safe),
                        "diagnostics": .array([diagnostic]),
                        "edit": workspaceEdit(uri: uri, version: document.version, edits: fix.edits, text: text, encoding: encoding, documentChanges: changes),
                    ]))
                }
                if let code = finding.code, code != RuleID.embeddedPassword.rawValue, code != RuleID.notWellFormed.rawValue {
                    actions.append(.object([
                        "title": .string("Suppress \(code) here"), "kind": .string("quickfix"), "diagnostics": .array([diagnostic]),
                        "edit": workspaceEdit(uri: uri, version: document.version, edits: [Self.suppression(code, at: range.lowerBound, in: text)],
                                              text: text, encoding: encoding, documentChanges: changes),
                    ]))
                }
            }
        }
        return .array(actions)
    }

    /// `<!-- activemq-config-disable RULE -->` before the element a finding is on: on a line of its
    /// own in the element's indentation when the element starts its line, else just before it.
    static func suppression(_ rule: String, at offset: Int, in text: TextBuffer) -> TextEdit {
        let bytes = text.bytes
        var start = min(offset, bytes.count - 1)
        while start > 0, bytes[start] != UInt8(ascii: "<") { start -= 1 }
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        let comment = "<!-- activemq-config-disable \(rule) -->"
        if bytes[lineStart..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            let indent = Array(bytes[lineStart..<start])
            let lineBreak: [UInt8] = bytes.contains(0x0D) && bytes.contains(0x0A) ? [0x0D, 0x0A] : [0x0A]
            return TextEdit(range: lineStart..<lineStart, replacement: indent + Array(comment.utf8) + lineBreak)
        }
        return TextEdit(range: start..<start, replacement: Array((comment + " ").utf8))
    }

    /// Edits as a workspace edit: versioned `documentChanges` when the client takes them.
    func workspaceEdit(uri: String, version: Int, edits: [TextEdit], text: TextBuffer, encoding: PositionEncoding, documentChanges: Bool) -> JSONValue {
        let lspEdits = JSONValue.array(edits.map { edit in
            .object(["range": Self.lspRange(edit.range, text, encoding), "newText": .string(String(decoding: edit.replacement, as: UTF8.self))])
        })
        if documentChanges {
            return .object(["documentChanges": .array([.object([
                "textDocument": .object(["uri": .string(uri), "version": .number(Double(version))]), "edits": lspEdits,
            ])])])
        }
        return .object(["changes": .object([uri: lspEdits])])
    }

    /// A finding's bytes: its byte range, else its line and column (columns count Unicode scalars)
    /// to the end of the line's token.
    static func range(of finding: Finding, in text: TextBuffer) -> Range<Int> {
        if let range = finding.byteRange, range.upperBound <= text.bytes.count { return range }
        let start = scalarOffset(text, line: finding.line ?? 1, column: finding.column ?? 1)
        if let endLine = finding.endLine {
            return start..<max(start, scalarOffset(text, line: endLine, column: finding.endColumn ?? 1))
        }
        var end = start
        while end < text.bytes.count, text.bytes[end] != 0x0A, text.bytes[end] != 0x0D, text.bytes[end] != 0x20, text.bytes[end] != 0x3E { end += 1 }
        return start..<max(end, min(start + 1, text.bytes.count))
    }

    /// The byte offset of a 1-based line and a column counted in Unicode scalars.
    static func scalarOffset(_ text: TextBuffer, line: Int, column: Int) -> Int {
        let zeroBased = max(0, line - 1)
        guard zeroBased < text.lineStarts.count else { return text.bytes.count }
        var offset = text.lineStarts[zeroBased]
        let end = text.lineEnd(zeroBased)
        var remaining = column - 1
        while remaining > 0, offset < end {
            offset += min(TextBuffer.sequenceLength(text.bytes[offset]), end - offset)
            remaining -= 1
        }
        return offset
    }

    static func lspRange(_ range: Range<Int>, _ text: TextBuffer, _ encoding: PositionEncoding) -> JSONValue {
        let start = text.position(of: range.lowerBound, encoding: encoding)
        let end = text.position(of: range.upperBound, encoding: encoding)
        return .object([
            "start": .object(["line": .number(Double(start.line)), "character": .number(Double(start.character))]),
            "end": .object(["line": .number(Double(end.line)), "character": .number(Double(end.character))]),
        ])
    }

    static func diagnostic(_ finding: Finding, range: Range<Int>, text: TextBuffer, uri: String, path: String, encoding: PositionEncoding) -> JSONValue {
        let severity: Double = finding.severity == .error ? 1 : finding.severity == .warning ? 2 : 3
        var members: [String: JSONValue] = [
            "range": lspRange(range, text, encoding), "severity": .number(severity), "source": .string("activemq-config"),
            "message": .string(finding.message),
        ]
        if let code = finding.code {
            members["code"] = .string(code)
            members["codeDescription"] = .object(["href": .string(rulePages + code + ".md")])
        }
        let related = finding.notes.compactMap { note -> JSONValue? in
            guard note.file == nil || note.file == path else { return nil }
            let start = note.byteRange?.lowerBound ?? scalarOffset(text, line: note.line ?? 1, column: note.column ?? 1)
            return .object(["location": .object(["uri": .string(uri), "range": lspRange(start..<start, text, encoding)]), "message": .string(note.message)])
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }

    // MARK: Output

    func respond(id: JSONValue, result: JSONValue) {
        write(.object(["jsonrpc": .string("2.0"), "id": id, "result": result]))
    }

    func respond(id: JSONValue, error: (ErrorCode, String)) {
        write(.object(["jsonrpc": .string("2.0"), "id": id, "error": .object(["code": .number(Double(error.0.rawValue)), "message": .string(error.1)])]))
    }

    func notify(_ method: String, _ params: JSONValue) {
        write(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    func write(_ message: JSONValue) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(message) else { return }
        send(Framing.frame(Array(data)))
    }

    /// The file a `file://` URI names (percent-decoded); another URI is its own name.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        return URL(string: uri)?.path ?? String(uri.dropFirst(7))
    }
}
