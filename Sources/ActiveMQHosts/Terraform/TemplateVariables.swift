import ActiveMQConfig
import ActiveMQLint

/// `terraform-template-variable`: the `${…}` of a configuration read through `templatefile()` whose
/// name its literal variables map lacks (Terraform refuses to render it), and, for Amazon MQ, the
/// `${…}` of one read through `file()`, which reaches the broker as written.
enum TemplateVariables {
    /// The findings for a file as `reference` reads it.
    static func findings(in bytes: [UInt8], read reference: TerraformFile.FileReference) -> [Diagnostic] {
        let lines = LineTable(bytes)
        let severity: Severity = reference.profile == "amazon-mq" ? .error : .warning
        let call = "\(reference.function)() at \(reference.hostPath):\(reference.line)"
        var found: [Diagnostic] = []
        // Loop variables of `%{ for a, b in … }` are names too.
        var names = Set(reference.variables ?? [])
        let note = Diagnostic.Note(file: reference.hostPath, line: reference.line, column: reference.column,
                                   message: "read by \(reference.function)() for \(reference.address)")
        for directive in sequences(in: bytes, opener: UInt8(ascii: "%")) {
            let words = directive.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "~" })
            guard words.first == "for", let inIndex = words.firstIndex(of: "in") else { continue }
            for word in words[1..<inIndex] { names.insert(String(word)) }
            // The collection a loop reads is a variable too.
            if reference.function == "templatefile", reference.variables != nil, inIndex + 1 < words.count {
                let collection = String(words[inIndex + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                if !collection.isEmpty, !names.contains(collection), !words[inIndex + 1].dropFirst(collection.count).hasPrefix("(") {
                    let position = lines.position(of: directive.offset)
                    var finding = Diagnostic(file: reference.path, line: position.line, column: position.column, severity: severity,
                                             code: RuleID.terraformTemplateVariable.rawValue,
                                             message: "'\(collection)' is not in the variables of \(call): Terraform refuses to render the loop over it")
                    finding.notes = [note]
                    found.append(finding)
                }
            }
        }
        for interpolation in sequences(in: bytes, opener: UInt8(ascii: "$")) {
            let position = lines.position(of: interpolation.offset)
            let shown = "${\(interpolation.text)}"
            if reference.function == "file" {
                guard reference.profile == "amazon-mq" else { continue }
                var finding = Diagnostic(file: reference.path, line: position.line, column: position.column, severity: severity,
                                         code: RuleID.terraformTemplateVariable.rawValue,
                                         message: "'\(redactText(shown))' is read by \(call), which fills nothing: Amazon MQ gets it as written and removes it; use templatefile() with the variable, or write the value")
                finding.notes = [note]
                found.append(finding)
                continue
            }
            guard reference.variables != nil else { continue }
            let name = String(interpolation.text.drop { $0 == " " || $0 == "~" }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            let rest = interpolation.text.drop { $0 == " " || $0 == "~" }.dropFirst(name.count)
            guard !name.isEmpty, !rest.hasPrefix("("), !names.contains(name) else { continue }
            var finding = Diagnostic(file: reference.path, line: position.line, column: position.column, severity: severity,
                                     code: RuleID.terraformTemplateVariable.rawValue,
                                     message: "'\(name)' is not in the variables of \(call): Terraform refuses to render '\(redactText(shown))'")
            finding.notes = [note]
            found.append(finding)
        }
        return found
    }

    /// Each `${…}` (opener `$`) or `%{…}` (opener `%`) of a template, not escaped (`$${`, `%%{`):
    /// its offset and the text between its braces.
    static func sequences(in bytes: [UInt8], opener: UInt8) -> [(offset: Int, text: String)] {
        var found: [(Int, String)] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == opener, bytes[i + 1] == UInt8(ascii: "{") else {
                i += 1
                continue
            }
            if i > 0 && bytes[i - 1] == opener {
                // `$${`: an escape, literal text.
                i += 2
                continue
            }
            var depth = 0
            var j = i + 2
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "{") { depth += 1 }
                if bytes[j] == UInt8(ascii: "}") {
                    if depth == 0 { break }
                    depth -= 1
                }
                j += 1
            }
            found.append((i, String(decoding: bytes[(i + 2)..<min(j, bytes.count)], as: UTF8.self)))
            i = j + 1
        }
        return found
    }
}
