public import ActiveMQConfig
public import ActiveMQTopology

/// Why a network cannot be written as Terraform.
public struct TerraformNetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// `topology generate --format terraform`: the generator's configurations as one `.tf`, an
/// `aws_mq_configuration` per broker that has connectors, each configuration in a `<<-XML` heredoc.
/// A connector to a broker whose spec entry names its Terraform resource (`"terraform":
/// "aws_mq_broker.hub"`) reads that broker's endpoints (`${aws_mq_broker.hub.instances[0].endpoints[0]}`;
/// a pair, `masterslave:(…instances[0]…,…instances[1]…)`). Regenerating into an existing `.tf`
/// replaces the heredocs it wrote and keeps everything else.
public enum TerraformNetwork {
    /// The resource name a broker gets: its name with every character Terraform does not allow in
    /// a name made `_` (and `b_` first when it starts with a digit).
    public static func resourceName(_ broker: String) -> String {
        var name = String(broker.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" })
        if let first = name.first, first.isNumber || first == "-" { name = "b_" + name }
        return name.isEmpty ? "broker" : name
    }

    /// The `.tf` for these configurations; with `existing`, that file with its generated heredocs
    /// replaced and new resources added at its end.
    ///
    /// - Throws: ``TerraformNetworkError`` when the references would make a dependency cycle, or an
    ///   existing resource holds its configuration in something other than a heredoc.
    public static func render(_ files: [GeneratedConfiguration], spec: NetworkSpec, engineVersion: String,
                              existing: [UInt8]? = nil, path: String = "network.tf") throws(TerraformNetworkError) -> [UInt8] {
        try checkCycles(files, spec: spec)
        var bodies: [(name: String, broker: String, body: String)] = []
        for file in files {
            var text = String(decoding: file.bytes, as: UTF8.self)
            // The configuration's own `${…}` and `%{…}` are not Terraform's.
            text = text.replacingAll("${", with: "$${").replacingAll("%{", with: "%%{")
            for broker in spec.brokers {
                guard let resource = broker.terraform else { continue }
                for (index, endpoint) in broker.endpoints.enumerated() {
                    text = text.replacingAll(endpoint, with: "${\(resource).instances[\(index)].endpoints[0]}")
                }
            }
            bodies.append((resourceName(file.broker), file.broker, text))
        }
        guard let existing else {
            var out = "# Written by activemq-config topology generate --format terraform: one Amazon MQ configuration per broker\n"
                + "# that declares connectors. Regenerating replaces the configurations and keeps everything else.\n"
            for body in bodies { out += "\n" + block(body.name, broker: body.broker, engineVersion: engineVersion, body: body.body) }
            return Array(out.utf8)
        }
        // Regeneration: each generated heredoc replaced in place, in its own indentation.
        var result = existing
        let documents = TerraformFile.documents(in: existing, path: path).documents
        var appended = ""
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []
        for body in bodies {
            let address = "aws_mq_configuration.\(body.name)"
            guard let document = documents.first(where: { $0.address == address }) else {
                appended += "\n" + block(body.name, broker: body.broker, engineVersion: engineVersion, body: body.body)
                continue
            }
            guard case .heredoc(_, let strip)? = document.encoding else {
                throw TerraformNetworkError(message: "\(path): \(address) holds its configuration in a quoted string: regenerate into a heredoc (data = <<-XML … XML)")
            }
            let indent = String(repeating: " ", count: strip ?? 0)
            replacements.append((document.literal, Array(indented(body.body, indent).utf8)))
        }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(replacement.range, with: replacement.bytes)
        }
        if !appended.isEmpty {
            if result.last != 0x0A { result.append(0x0A) }
            result += Array(appended.utf8)
        }
        return result
    }

    static func indented(_ text: String, _ indent: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            line.isEmpty ? "" : indent + line
        }.joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n")
    }

    static func block(_ name: String, broker: String, engineVersion: String, body: String) -> String {
        var text = indented(body, "    ")
        if text.hasSuffix("\n\n") { text.removeLast() }
        return """
            resource "aws_mq_configuration" "\(name)" {
              name           = "\(broker)"
              engine_type    = "ActiveMQ"
              engine_version = "\(engineVersion)"
              data           = <<-XML
            \(text.dropLast())
              XML
            }

            """
    }

    /// A configuration that reads broker B's endpoints depends on B's resource, which (when B has a
    /// configuration here) depends on B's configuration: a loop of these is a cycle Terraform refuses.
    static func checkCycles(_ files: [GeneratedConfiguration], spec: NetworkSpec,
                            referenced: (NetworkSpec.Broker) -> Bool = { $0.terraform != nil }, kind: String = "Terraform") throws(TerraformNetworkError) {
        let generated = Set(files.map(\.broker))
        var edges: [String: [String]] = [:]
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for broker in spec.brokers where referenced(broker) && broker.name != file.broker && generated.contains(broker.name) {
                if broker.endpoints.contains(where: { text.containsUTF8($0) }) { edges[file.broker, default: []].append(broker.name) }
            }
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var stack: [String] = []
        func visit(_ node: String) -> [String]? {
            state[node] = 1
            stack.append(node)
            for next in edges[node] ?? [] {
                if state[next] == 1, let start = stack.firstIndex(of: next) { return Array(stack[start...]) + [next] }
                if state[next] == nil, let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            state[node] = 2
            return nil
        }
        for file in files.map(\.broker).sorted() where state[file] == nil {
            if let cycle = visit(file) {
                throw TerraformNetworkError(message: "the links make a \(kind) dependency cycle: \(cycle.joined(separator: " → ")) (each configuration reads the next broker's endpoints, and each broker runs its configuration); declare each bridge on one side only (\"duplex\": true), or leave \"\(kind.lowercased())\" out of one broker")
            }
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
