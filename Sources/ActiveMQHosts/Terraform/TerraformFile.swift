import LosslessXML
/// The broker configurations of a Terraform file, found by content: every string or heredoc whose
/// value holds an ActiveMQ `<broker>`, named by its address, with what its resource says.
public enum TerraformFile {
    /// The documents of a `.tf` file, and the problems that kept parts of it from being read.
    ///
    /// An `aws_mq_configuration` is Amazon MQ (`amazon-mq`), its literal `engine_version` picks
    /// the schema, its literal `name` is the document's name; one whose `engine_type` is
    /// `RabbitMQ` is skipped. Other strings that hold a broker (a `locals` value, a variable's
    /// default) are ActiveMQ unless the settings say otherwise.
    public static func documents(in bytes: [UInt8], path: String) -> (documents: [HostDocument], errors: [HostError]) {
        let read = Read(bytes: bytes, path: path)
        return (read.documents, read.errors)
    }

    /// Everything the host layer reads from one `.tf`, from one scan: its documents and errors,
    /// which broker runs which configuration, and its `templatefile()`/`file()` calls.
    public struct Read: Sendable {
        /// The documents.
        public var documents: [HostDocument]
        /// The problems.
        public var errors: [HostError]
        /// Configuration address → the aliases its brokers give it (``brokerRunners(in:)``).
        public var runners: [String: [String]]
        /// The calls that read configurations from files (``fileReferences(in:path:)``).
        public var references: [FileReference]

        /// Reads a `.tf`.
        public init(bytes: [UInt8], path: String) {
            var scanner = TerraformScanner(bytes: bytes)
            scanner.scan()
            var walker = Walker(tokens: scanner.tokens, bytes: bytes)
            walker.body(closing: false)
            runners = TerraformFile.brokerRunners(walker.spans, bytes: bytes)
            references = TerraformFile.fileReferences(walker, bytes: bytes, path: path)
            (documents, errors) = TerraformFile.documents(scanner, walker, bytes: bytes, path: path, runners: runners)
        }
    }

    static func documents(_ scanner: TerraformScanner, _ walker: Walker, bytes: [UInt8], path: String, runners: [String: [String]])
        -> (documents: [HostDocument], errors: [HostError])
    {
        var documents: [HostDocument] = []
        var used: [String: Int] = [:]
        for found in walker.found {
            let token = scanner.tokens[found.token]
            guard isBrokerDocument(token.decoded) else { continue }
            let block = found.block
            if block?.type == "resource", block?.labels.first == "aws_mq_configuration",
                block?.attributes["engine_type"]?.lowercased() == "rabbitmq"
            {
                continue
            }
            var address = found.address
            used[address, default: 0] += 1
            if let count = used[address], count > 1 { address += "[\(count)]" }
            let isAmazonMQ = block?.type == "resource" && block?.labels.first == "aws_mq_configuration"
            var document = HostDocument(
                hostPath: path, format: .terraform, address: address, bytes: token.decoded, map: token.map, literal: token.content,
                profile: isAmazonMQ ? "amazon-mq" : nil, engineVersion: isAmazonMQ ? block?.attributes["engine_version"].map(amazonMQMinor) : nil,
                name: isAmazonMQ ? block?.attributes["name"] : nil, readOnlyReason: nil, template: .terraform)
            document.encoding = token.kind == .heredoc ? .heredoc(marker: token.marker, strip: token.isFlush ? token.strip : nil) : .hclQuoted
            document.networkAliases = runners[found.address] ?? []
            documents.append(document)
        }
        let lines = scanner.errors.isEmpty ? nil : LineTable(bytes)
        let errors = scanner.errors.map { error in
            let position = lines?.position(of: error.offset) ?? (line: 1, column: 1)
            return HostError(path: path, line: position.line, column: position.column, message: error.message)
        }
        return (documents, errors)
    }

    /// Every string and heredoc whose value names a broker, skipped ones (RabbitMQ) included: a
    /// heredoc as its body as written, a string decoded (what the suite compares with python-hcl2).
    static func literals(in bytes: [UInt8]) -> [(heredoc: Bool, text: [UInt8])] {
        var scanner = TerraformScanner(bytes: bytes)
        scanner.scan()
        return scanner.tokens.compactMap { token in
            guard token.kind == .string || token.kind == .heredoc, mentionsBroker(token.decoded) else { return nil }
            return token.kind == .heredoc ? (true, Array(bytes[token.content])) : (false, token.decoded)
        }
    }

    /// Which broker runs which configuration in a file: `resource "aws_mq_broker" "B" { configuration
    /// { id = aws_mq_configuration.X.id } }` makes `aws_mq_broker.B.` reach X's broker (by the
    /// configuration's address). Terraform modules spread these over files: ``HostInputs`` joins
    /// them across every file of a run.
    public static func brokerRunners(in bytes: [UInt8]) -> [String: [String]] {
        Read(bytes: bytes, path: "").runners
    }

    static func brokerRunners(_ spans: [(block: Block, bytes: Range<Int>)], bytes: [UInt8]) -> [String: [String]] {
        var runners: [String: [String]] = [:]
        for span in spans where span.block.type == "resource" && span.block.labels.first == "aws_mq_broker" && span.block.labels.count == 2 {
            for configuration in references(to: "aws_mq_configuration.", in: bytes[span.bytes]) {
                let alias = "aws_mq_broker.\(span.block.labels[1])."
                if runners["aws_mq_configuration.\(configuration)"]?.contains(alias) != true {
                    runners["aws_mq_configuration.\(configuration)", default: []].append(alias)
                }
            }
        }
        return runners
    }

    /// The names that follow each `prefix` in the text (`aws_mq_configuration.` → `hub` for
    /// `aws_mq_configuration.hub.id`).
    static func references(to prefix: String, in bytes: ArraySlice<UInt8>) -> [String] {
        let needle = Array(prefix.utf8)
        var found: [String] = []
        var i = bytes.startIndex
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle),
                i == bytes.startIndex || !TerraformScanner.isIdentifierByte(bytes[i - 1])
            {
                var j = i + needle.count
                while j < bytes.endIndex && TerraformScanner.isIdentifierByte(bytes[j]) { j += 1 }
                if j > i + needle.count { found.append(String(decoding: bytes[(i + needle.count)..<j], as: UTF8.self)) }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    /// Amazon MQ's engine version as its schemas name it: `5.17.6` → `5.17` (the API has named both).
    static func amazonMQMinor(_ version: String) -> String {
        version.split(separator: ".", omittingEmptySubsequences: false).prefix(2).joined(separator: ".")
    }

    /// Whether a string value is a broker configuration: it begins, after white space, with `<`
    /// (a declaration, a comment, `<beans>` or `<broker>`) and holds `<broker` — prose that names a
    /// `<broker>` element is not one.
    static func isBrokerDocument(_ bytes: [UInt8]) -> Bool {
        // A byte order mark may come first.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let first = body.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first == UInt8(ascii: "<") else {
            return false
        }
        return mentionsBroker(bytes)
    }

    /// Whether the text holds `<broker` or a prefixed `:broker` followed by white space, `>` or `/`.
    static func mentionsBroker(_ bytes: [UInt8]) -> Bool {
        let needle = Array("broker".utf8)
        var i = 1
        while i + needle.count < bytes.count {
            if bytes[i] == needle[0], bytes[i - 1] == UInt8(ascii: "<") || bytes[i - 1] == UInt8(ascii: ":"),
                bytes[i..<(i + needle.count)].elementsEqual(needle)
            {
                let next = bytes[i + needle.count]
                if next == UInt8(ascii: " ") || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == UInt8(ascii: "\n")
                    || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\r")
                {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// A `templatefile(path, vars)` or `file(path)` call that gives a configuration: the file it
    /// reads, resolved against the `.tf`'s folder (`${path.module}`), the variables a literal map
    /// names, where the call is, and what its resource says.
    public struct FileReference: Sendable, Hashable {
        /// `templatefile` or `file`.
        public var function: String
        /// The file read, as the `.tf`'s folder and the path give it.
        public var path: String
        /// The names of a literal variables map (`templatefile` only); nil when the map is an
        /// expression.
        public var variables: [String]?
        /// The `.tf` file and the call's 1-based line and column.
        public var hostPath: String
        /// The line of the call.
        public var line: Int
        /// The column of the call.
        public var column: Int
        /// The address of the attribute's block (`aws_mq_configuration.hub`).
        public var address: String
        /// The profile and engine version its resource gives.
        public var profile: String?
        /// The engine version.
        public var engineVersion: String?
        /// The resource's `name` argument.
        public var name: String?
    }

    /// The `templatefile()` and `file()` calls of a `.tf` whose path is a literal (or starts with
    /// `${path.module}`), with the settings of their resource (a RabbitMQ one is left out).
    public static func fileReferences(in bytes: [UInt8], path: String) -> [FileReference] {
        Read(bytes: bytes, path: path).references
    }

    static func fileReferences(_ walker: Walker, bytes: [UInt8], path: String) -> [FileReference] {
        let lines = LineTable(bytes)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var found: [FileReference] = []
        for call in walker.calls {
            let block = walker.finished[call.block ?? -1]
            let isAmazonMQ = block?.type == "resource" && block?.labels.first == "aws_mq_configuration"
            if isAmazonMQ, block?.attributes["engine_type"]?.lowercased() == "rabbitmq" { continue }
            var target = call.path
            for module in ["${path.module}/", "${path.root}/", "${path.cwd}/"] where target.hasPrefix(module) {
                target = String(target.dropFirst(module.count))
            }
            guard !target.containsUTF8("${"), !target.isEmpty else { continue }
            let resolved = target.hasPrefix("/") ? target : folder + target
            let position = lines.position(of: call.offset)
            found.append(FileReference(
                function: call.function, path: resolved, variables: call.variables, hostPath: path, line: position.line, column: position.column,
                address: call.address, profile: isAmazonMQ ? "amazon-mq" : nil,
                engineVersion: isAmazonMQ ? block?.attributes["engine_version"].map(amazonMQMinor) : nil,
                name: isAmazonMQ ? block?.attributes["name"] : nil))
        }
        return found
    }

    /// A block as the walker sees it: its type, labels and literal string attributes.
    struct Block {
        var type: String
        var labels: [String]
        var attributes: [String: String] = [:]

        /// Its address: `TYPE.NAME` for a resource, `data.TYPE.NAME`, `var.NAME`, `module.NAME`,
        /// `output.NAME`, `local` for `locals`, else its type and labels joined by dots.
        var address: String {
            switch type {
            case "resource" where labels.count == 2: return "\(labels[0]).\(labels[1])"
            case "data" where labels.count == 2: return "data.\(labels[0]).\(labels[1])"
            case "variable" where labels.count == 1: return "var.\(labels[0])"
            case "module" where labels.count == 1: return "module.\(labels[0])"
            case "output" where labels.count == 1: return "output.\(labels[0])"
            case "locals": return "local"
            default: return ([type] + labels).joined(separator: ".")
            }
        }
    }

    /// Walks the tokens as HCL bodies: blocks, attributes, and each literal's place.
    struct Walker {
        let tokens: [TerraformScanner.Token]
        let bytes: [UInt8]
        var index = 0
        /// The enclosing blocks, outermost first, each with an id.
        var stack: [(id: Int, block: Block)] = []
        var nextID = 0
        /// The top-level blocks, complete, by id.
        var finished: [Int: Block] = [:]
        /// The bytes of each top-level block, in order, with the block.
        var spans: [(block: Block, bytes: Range<Int>)] = []
        /// Each string or heredoc: its token, its address, and the id of its top-level block.
        var literals: [(token: Int, address: String, block: Int?)] = []
        /// Each `templatefile(…)` or `file(…)` call with a literal path.
        var calls: [(function: String, path: String, variables: [String]?, offset: Int, address: String, block: Int?)] = []

        init(tokens: [TerraformScanner.Token], bytes: [UInt8]) {
            self.tokens = tokens
            self.bytes = bytes
        }

        /// Each literal with its top-level block.
        var found: [(token: Int, address: String, block: Block?)] {
            literals.map { ($0.token, $0.address, $0.block.flatMap { finished[$0] }) }
        }

        func text(_ token: TerraformScanner.Token) -> String {
            String(decoding: token.kind == .string ? token.decoded : Array(bytes[token.range]), as: UTF8.self)
        }

        /// A body: attributes and blocks until the closing brace (or the end).
        mutating func body(closing: Bool) {
            while index < tokens.count {
                let token = tokens[index]
                switch token.kind {
                case .close where token.bracket == UInt8(ascii: "}"):
                    if closing { return }
                    index += 1
                case .identifier:
                    let name = text(token)
                    if index + 1 < tokens.count, tokens[index + 1].kind == .equals {
                        index += 2
                        expression(attribute: name)
                        continue
                    }
                    // A block: labels up to its opening brace.
                    var labels: [String] = []
                    var i = index + 1
                    while i < tokens.count, tokens[i].kind == .string || tokens[i].kind == .identifier {
                        labels.append(text(tokens[i]))
                        i += 1
                    }
                    guard i < tokens.count, tokens[i].kind == .open, tokens[i].bracket == UInt8(ascii: "{") else {
                        index = i
                        continue
                    }
                    stack.append((nextID, Block(type: name, labels: labels)))
                    nextID += 1
                    let start = token.range.lowerBound
                    index = i + 1
                    body(closing: true)
                    let end = index < tokens.count ? tokens[index].range.upperBound : bytes.count
                    index += 1
                    let closed = stack.removeLast()
                    if stack.isEmpty {
                        finished[closed.id] = closed.block
                        spans.append((closed.block, start..<end))
                    }
                default:
                    index += 1
                }
            }
        }

        /// An attribute's expression, up to the newline that ends it outside brackets; its
        /// literals are recorded, and a literal string value of a top-level block's attribute is kept.
        mutating func expression(attribute: String) {
            var depth = 0
            let first = index
            defer { keep(attribute: attribute, first: first) }
            while index < tokens.count {
                let token = tokens[index]
                switch token.kind {
                case .newline where depth == 0:
                    return
                case .open:
                    depth += 1
                case .close:
                    if depth == 0 { return }
                    depth -= 1
                case .string, .heredoc:
                    literals.append((index, address(attribute), stack.first?.id))
                case .identifier:
                    let name = text(token)
                    if name == "templatefile" || name == "file", index + 2 < tokens.count, tokens[index + 1].kind == .open,
                        tokens[index + 1].bracket == UInt8(ascii: "("), tokens[index + 2].kind == .string
                    {
                        calls.append((name, String(decoding: tokens[index + 2].decoded, as: UTF8.self),
                                      name == "templatefile" ? variables(after: index + 3) : nil, token.range.lowerBound, address(attribute), stack.first?.id))
                    }
                default:
                    break
                }
                index += 1
            }
        }

        /// The address of a literal or call in an attribute of the current block.
        func address(_ attribute: String) -> String {
            guard let outer = stack.first else { return attribute }
            return outer.block.type == "locals" ? "local.\(attribute)" : outer.block.address
        }

        /// The names of a literal map that follows a call's first argument (`, { a = …, b = … })`);
        /// nil when the second argument is not a literal map.
        func variables(after start: Int) -> [String]? {
            var i = start
            while i < tokens.count, tokens[i].kind == .newline { i += 1 }
            guard i < tokens.count, tokens[i].kind == .other, bytes[tokens[i].range.lowerBound] == UInt8(ascii: ",") else { return [] }
            i += 1
            while i < tokens.count, tokens[i].kind == .newline { i += 1 }
            guard i < tokens.count, tokens[i].kind == .open, tokens[i].bracket == UInt8(ascii: "{") else { return nil }
            var names: [String] = []
            var depth = 0
            i += 1
            var atItemStart = true
            while i < tokens.count {
                let token = tokens[i]
                switch token.kind {
                case .open: depth += 1
                case .close:
                    if depth == 0 { return names }
                    depth -= 1
                case .newline: if depth == 0 { atItemStart = true }
                case .other where depth == 0 && bytes[token.range.lowerBound] == UInt8(ascii: ","): atItemStart = true
                case .identifier, .string:
                    if depth == 0, atItemStart, i + 1 < tokens.count,
                        tokens[i + 1].kind == .equals || (tokens[i + 1].kind == .other && bytes[tokens[i + 1].range.lowerBound] == UInt8(ascii: ":"))
                    {
                        names.append(text(token))
                    }
                    atItemStart = false
                default:
                    atItemStart = false
                }
                i += 1
            }
            return names
        }

        /// Keeps a literal attribute value (`engine_version = "5.18"`) of a top-level block;
        /// an expression (`var.version`, `"${var.v}"`) is no value.
        mutating func keep(attribute: String, first: Int) {
            guard stack.count == 1, index - first == 1, tokens[first].kind == .string, !tokens[first].decoded.containsInterpolation else { return }
            stack[0].block.attributes[attribute] = String(decoding: tokens[first].decoded, as: UTF8.self)
        }
    }
}

extension [UInt8] {
    /// Whether the text holds `${` or `%{`.
    var containsInterpolation: Bool {
        guard count > 1 else { return false }
        for i in 0..<(count - 1) where (self[i] == UInt8(ascii: "$") || self[i] == UInt8(ascii: "%")) && self[i + 1] == UInt8(ascii: "{") {
            return true
        }
        return false
    }
}
