import LosslessXML
import Foundation
import Yams

/// The broker configurations of a YAML (or JSON) file, found by content: every string scalar whose
/// value holds an ActiveMQ `<broker>` — a Kubernetes ConfigMap's `activemq.xml: |`, a Crossplane
/// `spec.forProvider.data`, a CloudFormation `AWS::AmazonMQ::Configuration`'s `Data` under
/// `Fn::Base64` — in every document of a multi-document file.
///
/// The structure comes from Yams (libyaml); each scalar's text is decoded again from its place by
/// ``YAMLScalarScanner`` to map its bytes to the host. Where the two disagree (a form the scanner
/// reads differently), Yams' value is linted and its findings point at the scalar's start, saying
/// the line inside.
public enum YAMLFile {
    /// How many nodes a walk visits at most: aliases can make a small file a huge tree.
    static let nodeBudget = 200_000

    /// The documents of a YAML or JSON file, and the problems that kept it from being read.
    public static func documents(in bytes: [UInt8], path: String) -> (documents: [HostDocument], errors: [HostError]) {
        // Most YAML and JSON files name no broker at all: they are not parsed (an Amazon MQ
        // configuration resource may hold it in base64).
        // (`<broker` or a prefixed `:broker`, followed by anything: in a quoted scalar an escape may
        // follow it.)
        guard contains(bytes, "<broker") || contains(bytes, ":broker") || contains(bytes, "AWS::AmazonMQ::Configuration") || contains(bytes, "mq.aws")
        else { return ([], []) }
        // Lines are counted only when a configuration or an error needs a position.
        let lines = LazyLines(bytes)
        // A Helm template is YAML only once rendered: its `{{ … }}` tags are masked, byte for byte,
        // for the structure; the configurations keep them (as template tags, unknown values).
        let helm = contains(bytes, "{{") ? masked(bytes) : nil
        var documents: [HostDocument] = []
        var errors: [HostError] = []
        let parser: Parser
        do {
            // No implicit typing (bool, int, timestamp): every scalar is text here, and libyaml's
            // values are read without a regular expression per scalar.
            parser = try Parser(yaml: String(decoding: helm ?? bytes, as: UTF8.self), resolver: .basic)
        } catch {
            return ([], [hostError(error, path: path, lines: lines)])
        }
        var walker = Walker(bytes: helm ?? bytes, path: path, lines: lines)
        walker.original = helm == nil ? nil : bytes
        var number = 0
        while true {
            let root: Node?
            do {
                root = try parser.nextRoot()
            } catch {
                errors.append(hostError(error, path: path, lines: lines))
                break
            }
            guard let root else { break }
            walker.begin(root: root, number: number)
            walker.walk(root, path: [])
            number += 1
            if walker.exhausted {
                errors.append(HostError(path: path, line: 1, column: 1,
                                        message: "this file has more nodes than the reader follows (\(nodeBudget); aliases?): the rest is not read"))
                break
            }
        }
        documents = walker.documents
        return (documents, errors)
    }

    /// The bytes with every `{{ … }}` made spaces (line breaks inside kept): the YAML a Helm
    /// template stands for, at the same offsets.
    static func masked(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var i = 0
        while i + 1 < result.count {
            guard result[i] == UInt8(ascii: "{"), result[i + 1] == UInt8(ascii: "{") else {
                i += 1
                continue
            }
            var j = i + 2
            while j + 1 < result.count, !(result[j] == UInt8(ascii: "}") && result[j + 1] == UInt8(ascii: "}")) { j += 1 }
            let end = min(result.count, j + 2)
            for k in i..<end where result[k] != 0x0A && result[k] != 0x0D { result[k] = 0x20 }
            i = end
        }
        return result
    }

    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    static func hostError(_ error: any Error, path: String, lines: LazyLines) -> HostError {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                return HostError(path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
            case .composer(_, let problem, let mark, _):
                return HostError(path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
            default:
                break
            }
        }
        return HostError(path: path, line: 1, column: 1, message: "not valid YAML: \(error)")
    }

    /// Walks one file's documents.
    struct Walker {
        let bytes: [UInt8]
        let path: String
        let lines: LazyLines
        var documents: [HostDocument] = []
        var visited = 0
        var exhausted = false
        /// A Helm template's own bytes, when ``bytes`` are its masked copy.
        var original: [UInt8]?
        /// The scalars already read (by their start), so that aliases do not repeat them.
        var seen: Set<Int> = []
        /// What the current document's root says: a Kubernetes object's kind and name, a
        /// CloudFormation template.
        var object: String?
        var isCloudFormation = false
        var number = 0
        var root: Node?
        /// CloudFormation: the brokers that run each configuration, as connectors reach them
        /// (`Fn::GetAtt Hub.` for a broker `Hub` whose `Configuration.Id` is `!Ref X`).
        var runners: [String: [String]] = [:]

        init(bytes: [UInt8], path: String, lines: LazyLines) {
            self.bytes = bytes
            self.path = path
            self.lines = lines
        }

        mutating func begin(root: Node, number: Int) {
            self.root = root
            self.number = number
            object = nil
            isCloudFormation = root.at("Resources")?.mapping != nil && (root.at("AWSTemplateFormatVersion") != nil || root.at("Resources")?.mapping?.contains {
                $0.value.at("Type")?.string?.hasPrefix("AWS::") == true
            } == true)
            if let kind = root.at("kind")?.string, let nameNode = root.at("metadata")?.at("name"), var name = nameNode.string {
                // In a Helm template the name as written (`{{ include "x" . }}-config`), not its mask.
                if let original, let mark = nameNode.mark {
                    var start = lines.offset(line: mark.line, column: mark.column)
                    // The scalar starts after a masked tag: the tag is part of the name.
                    while start > 0, bytes[start - 1] == 0x20 { start -= 1 }
                    while start < original.count, original[start] == 0x20 { start += 1 }
                    var end = start
                    while end < original.count, original[end] != 0x0A, original[end] != 0x0D { end += 1 }
                    name = String(decoding: original[start..<end], as: UTF8.self).trimmingCharacters(inSpaceAndTab: ())
                }
                object = "\(kind)/\(name)"
            }
            runners = [:]
            if isCloudFormation, case .mapping(let resources)? = root.at("Resources") {
                for (key, resource) in resources where resource.at("Type")?.string == "AWS::AmazonMQ::Broker" {
                    guard let broker = key.string, let id = resource.at("Properties")?.at("Configuration")?.at("Id") else { continue }
                    let referenced: String?
                    if let ref = id.at("Ref")?.string {
                        referenced = ref
                    } else if id.tag.description == "!Ref" {
                        referenced = id.string
                    } else {
                        referenced = nil
                    }
                    if let referenced { runners[referenced, default: []].append("Fn::GetAtt \(broker).") }
                }
            }
        }

        mutating func walk(_ node: Node, path keys: [String]) {
            guard !exhausted else { return }
            visited += 1
            if visited > YAMLFile.nodeBudget {
                exhausted = true
                return
            }
            if let pieces = Self.joinPieces(node) {
                considerJoin(pieces.delimiter, pieces.items, keys: keys)
                return
            }
            switch node {
            case .scalar(let scalar):
                consider(scalar, keys: keys)
            case .mapping(let mapping):
                for (key, value) in mapping { walk(value, path: keys + [key.string ?? "?"]) }
            case .sequence(let sequence):
                for (index, value) in sequence.enumerated() { walk(value, path: keys + ["[\(index)]"]) }
            case .alias:
                break
            }
        }

        /// The address of a scalar at a key path.
        func address(_ keys: [String]) -> String {
            if isCloudFormation, keys.count >= 2, keys[0] == "Resources" { return keys[1] }
            let path = keys.reduce("") { partial, key in
                key.hasPrefix("[") ? partial + key : (partial.isEmpty ? key : partial + "." + key)
            }
            if let object { return "\(object) \(path)" }
            return number > 0 ? "document \(number + 1) \(path)" : path
        }

        /// What the resource a key path belongs to says: nil to skip it (a RabbitMQ configuration).
        func resourceSettings(_ keys: [String]) -> (profile: String?, engineVersion: String?, name: String?)? {
            if isCloudFormation, keys.count >= 2, keys[0] == "Resources", let resource = root?.at("Resources")?.at(keys[1]) {
                guard resource.at("Type")?.string == "AWS::AmazonMQ::Configuration" else { return (nil, nil, nil) }
                let properties = resource.at("Properties")
                if properties?.at("EngineType")?.string?.lowercased() == "rabbitmq" { return nil }
                return ("amazon-mq", properties?.at("EngineVersion")?.scalar.map { TerraformFile.amazonMQMinor($0.string) }, properties?.at("Name")?.scalar?.string)
            }
            if let root, root.at("apiVersion")?.string?.contains("mq.aws") == true, root.at("kind")?.string == "Configuration" {
                // Crossplane's Amazon MQ configuration.
                let provider = root.at("spec")?.at("forProvider")
                if provider?.at("engineType")?.string?.lowercased() == "rabbitmq" { return nil }
                return ("amazon-mq", provider?.at("engineVersion")?.scalar.map { TerraformFile.amazonMQMinor($0.string) },
                        provider?.at("name")?.string ?? root.at("metadata")?.at("name")?.string)
            }
            return (nil, nil, nil)
        }

        /// A scalar decoded from its place, with its byte map; where the scanner and the YAML
        /// library disagree, the library's text with every byte mapped to the scalar's start.
        func decoded(_ scalar: Node.Scalar) -> (bytes: [UInt8], map: ByteMap, literal: Range<Int>, exact: Bool, readOnly: String?, encoding: HostEncoding?) {
            let value = Array(scalar.string.utf8)
            let start = scalar.mark.map { lines.offset(line: $0.line, column: $0.column) } ?? 0
            if let decoded = YAMLScalarScanner(bytes: bytes).decode(at: start), decoded.bytes == value {
                let reason = decoded.isFolded ? "a folded (>) scalar: an edit would change how its lines fold"
                    : decoded.isMultiLineQuoted ? "a quoted scalar over several lines: an edit would change its folding" : nil
                guard let original else { return (value, decoded.map, start..<decoded.end, true, reason, decoded.encoding) }
                // A Helm template: the text as written, tags included, through the same map.
                var text: [UInt8] = []
                for piece in decoded.map.pieces {
                    guard piece.isVerbatim else {
                        text += decoded.bytes[piece.document]
                        continue
                    }
                    // A tag cut by the scalar's indentation (a `{{- end }}` at column 0 inside a
                    // block) stays masked: half a tag is no tag.
                    var inCutTag = bytes[piece.host.lowerBound] == 0x20 && original[piece.host.lowerBound] != 0x20
                        && !(original[piece.host.lowerBound] == UInt8(ascii: "{") && piece.host.lowerBound + 1 < original.count
                            && original[piece.host.lowerBound + 1] == UInt8(ascii: "{"))
                    for k in piece.host {
                        if inCutTag && original[k] == UInt8(ascii: "}") && k > 0 && original[k - 1] == UInt8(ascii: "}") {
                            text.append(0x20)
                            inCutTag = false
                            continue
                        }
                        text.append(inCutTag ? (original[k] == 0x0A ? 0x0A : 0x20) : original[k])
                    }
                }
                return (text, decoded.map, start..<decoded.end, true, reason ?? "a Helm template: edit it where it is rendered", nil)
            }
            var map = ByteMap()
            map.append(documentCount: max(1, value.count), host: start..<min(bytes.count, start + 1))
            return (value, map, start..<start, false, "its text is not mapped to the file byte for byte", nil)
        }

        mutating func consider(_ scalar: Node.Scalar, keys: [String]) {
            // An alias repeats its anchor's node: each scalar is one document, once.
            if let mark = scalar.mark {
                guard seen.insert(mark.line &* 1_000_003 &+ mark.column).inserted else { return }
            }
            guard let settings = resourceSettings(keys) else { return }
            // Most scalars are no configuration: told from their first character, without a copy.
            let first = scalar.string.utf8.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
            let mayBeBase64 = settings.profile != nil && keys.last == "Data"
            guard first == UInt8(ascii: "<") || mayBeBase64 else { return }
            var value = Array(scalar.string.utf8)
            // CloudFormation's Data may be base64 already: decoded, linted read-only.
            if !TerraformFile.mentionsBroker(value), settings.profile != nil, keys.last == "Data",
                let data = Data(base64Encoded: scalar.string, options: .ignoreUnknownCharacters), TerraformFile.isBrokerDocument(Array(data))
            {
                value = Array(data)
                let start = scalar.mark.map { lines.offset(line: $0.line, column: $0.column) } ?? 0
                var map = ByteMap()
                map.append(documentCount: max(1, value.count), host: start..<min(bytes.count, start + 1))
                var document = HostDocument(hostPath: path, format: .yaml, address: address(keys), bytes: value, map: map, literal: start..<start,
                                            profile: settings.profile, engineVersion: settings.engineVersion, name: settings.name,
                                            readOnlyReason: "pre-encoded base64: keep the XML readable under Fn::Base64 (Data: {Fn::Base64: |-…}) to edit it",
                                            template: nil)
                document.positionsInside = false
                documents.append(document)
                return
            }
            guard TerraformFile.isBrokerDocument(value) else { return }
            let read = decoded(scalar)
            var document = HostDocument(hostPath: path, format: .yaml, address: address(keys), bytes: read.bytes, map: read.map,
                                        literal: read.literal, profile: settings.profile, engineVersion: settings.engineVersion,
                                        name: settings.name, readOnlyReason: read.readOnly, template: original == nil ? nil : .jinja)
            document.positionsInside = read.exact
            document.encoding = read.encoding
            if isCloudFormation, keys.count >= 2 { document.networkAliases = runners[keys[1]] ?? [] }
            documents.append(document)
        }

        /// `Fn::Join` (or `!Join`) over a delimiter and a list: its parts.
        static func joinPieces(_ node: Node) -> (delimiter: Node, items: [Node])? {
            var arguments: Node?
            if case .mapping(let mapping) = node, mapping.count == 1, mapping.first?.key.string == "Fn::Join" {
                arguments = mapping.first?.value
            } else if case .sequence = node, node.tag.description == "!Join" {
                arguments = node
            }
            guard let arguments, case .sequence(let sequence) = arguments, sequence.count == 2, case .sequence(let items) = sequence[1] else { return nil }
            return (sequence[0], Array(items))
        }

        /// An intrinsic function's name (`Fn::GetAtt`, `Ref`, `!Select`), if the node is one.
        static func intrinsic(_ node: Node) -> String? {
            if case .mapping(let mapping) = node, mapping.count == 1, let key = mapping.first?.key.string, key == "Ref" || key.hasPrefix("Fn::") {
                return key
            }
            // The short form (`!GetAtt`) named as its long one (`Fn::GetAtt`), as cfn-lint reads it.
            let tag = node.tag.description
            if tag.hasPrefix("!"), !tag.hasPrefix("!!") { return tag == "!Ref" ? "Ref" : "Fn::" + tag.dropFirst() }
            return nil
        }

        /// An `Fn::Join`: its pieces joined, each intrinsic an unknown value (`{{Fn::GetAtt}}`, a
        /// template expression: CloudFormation resolves it before Amazon MQ sees the text),
        /// even where it splits an attribute; a document when the whole names a broker.
        mutating func considerJoin(_ delimiterNode: Node, _ items: [Node], keys: [String]) {
            guard let settings = resourceSettings(keys) else { return }
            var text: [UInt8] = []
            var map = ByteMap()
            var exact = true
            let delimiter = delimiterNode.scalar.map { decoded($0) }
            for (index, item) in items.enumerated() {
                if index > 0, let delimiter, !delimiter.bytes.isEmpty {
                    text += delimiter.bytes
                    var piece = ByteMap()
                    piece.append(documentCount: delimiter.bytes.count, host: delimiter.literal.lowerBound..<(delimiter.literal.lowerBound + 1))
                    map.append(piece)
                }
                if case .scalar(let scalar) = item, Self.intrinsic(item) == nil {
                    let read = decoded(scalar)
                    text += read.bytes
                    map.append(read.map)
                    exact = exact && read.exact
                } else {
                    let placeholder = Array("{{\(Self.describe(item))}}".utf8)
                    text += placeholder
                    let start = item.mark.map { lines.offset(line: $0.line, column: $0.column) } ?? 0
                    var piece = ByteMap()
                    piece.append(documentCount: placeholder.count, host: start..<min(bytes.count, start + 1))
                    map.append(piece)
                }
            }
            guard TerraformFile.isBrokerDocument(text) else {
                // Not a broker as a whole: its parts may still hold one each.
                for (index, item) in items.enumerated() { walk(item, path: keys + ["[\(index)]"]) }
                return
            }
            let first = map.pieces.first?.host.lowerBound ?? 0
            var document = HostDocument(hostPath: path, format: .yaml, address: address(keys), bytes: text, map: map, literal: first..<first,
                                        profile: settings.profile, engineVersion: settings.engineVersion, name: settings.name,
                                        readOnlyReason: "pieces of an Fn::Join: an edit could cross a seam", template: .jinja)
            document.positionsInside = exact
            if isCloudFormation, keys.count >= 2 { document.networkAliases = runners[keys[1]] ?? [] }
            documents.append(document)
        }

        /// An intrinsic as the joined text shows it: its name, and what it reads where that names a
        /// resource (`Fn::Select 0 Fn::GetAtt Hub.OpenWireEndpoints`, `Ref User`).
        static func describe(_ node: Node) -> String {
            guard let name = intrinsic(node) else { return "value" }
            var argument: Node?
            if case .mapping(let mapping) = node, mapping.count == 1 { argument = mapping.first?.value } else {
                // The short form's node is its argument.
                switch node {
                case .scalar(let scalar): argument = .scalar(Node.Scalar(scalar.string))
                case .sequence(let sequence): argument = .sequence(Node.Sequence(Array(sequence)))
                default: argument = nil
                }
            }
            switch name {
            case "Ref":
                return argument?.string.map { "Ref \($0)" } ?? name
            case "Fn::GetAtt":
                if let text = argument?.string { return "Fn::GetAtt \(text)" }
                if case .sequence(let parts)? = argument, parts.count == 2, let resource = parts[0].string, let attribute = parts[1].string {
                    return "Fn::GetAtt \(resource).\(attribute)"
                }
                return name
            case "Fn::Select":
                if case .sequence(let parts)? = argument, parts.count == 2, intrinsic(parts[1]) != nil {
                    return "Fn::Select \(parts[0].string ?? "?") " + describe(parts[1])
                }
                return name
            default:
                return name
            }
        }
    }
}

extension Node {
    /// The value of a mapping's key, compared as text (no tag resolution).
    func at(_ key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        for (name, value) in mapping where name.scalar?.string == key { return value }
        return nil
    }
}

/// A text's line table, built on first use.
final class LazyLines {
    let bytes: [UInt8]
    private var built: LineTable?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte offset of a line and column.
    func offset(line: Int, column: Int) -> Int {
        if built == nil { built = LineTable(bytes) }
        return built!.offset(line: line, column: column)
    }
}
