/// Turns raw attribute values and text into the values XML defines: character references and
/// the five predefined entities become characters, internal entities declared in the internal
/// subset are expanded (recursively, within limits), line ends are normalized, and in attribute
/// values whitespace characters become spaces. External entities are never loaded: their
/// references stay as written and are reported.
enum ReferenceExpander {
    /// At most this many characters come out of one value, however entities nest.
    static let maximumExpandedLength = 10_000_000
    /// Entities may nest this deep.
    static let maximumDepth = 16

    static func decode(_ storage: DocumentStorage, _ range: Range<Int>, attribute: Bool) -> DecodedText {
        let text = storage.string(range)
        // Fast path: nothing to expand or normalize.
        if !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x0D || (attribute && ($0 == 0x0A || $0 == 0x09)) }) {
            return DecodedText(text: text, unresolvedEntityReferences: [])
        }
        var output = String.UnicodeScalarView()
        var unresolved: [String] = []
        var budget = maximumExpandedLength
        expand(normalizeLineEnds(text), storage: storage, attribute: attribute, depth: 0, expanding: [],
               into: &output, unresolved: &unresolved, budget: &budget)
        return DecodedText(text: String(output), unresolvedEntityReferences: unresolved)
    }

    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func expand(
        _ text: String, storage: DocumentStorage, attribute: Bool, depth: Int, expanding: [String],
        into output: inout String.UnicodeScalarView, unresolved: inout [String], budget: inout Int
    ) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard budget > 0 else { return }
            let scalar = scalars[i]
            if scalar != "&" {
                if attribute && (scalar == "\n" || scalar == "\t" || scalar == "\r") {
                    output.append(" ")
                } else {
                    output.append(scalar)
                }
                budget -= 1
                i += 1
                continue
            }
            guard let semicolon = scalars[(i + 1)..<min(scalars.count, i + 258)].firstIndex(of: ";") else {
                output.append(scalar)
                budget -= 1
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            let written = String(String.UnicodeScalarView(scalars[i...semicolon]))
            i = semicolon + 1
            if let character = characterReference(name) {
                output.append(character)
                budget -= 1
                continue
            }
            switch name {
            case "lt": output.append("<")
            case "gt": output.append(">")
            case "amp": output.append("&")
            case "quot": output.append("\"")
            case "apos": output.append("'")
            default:
                guard let declaration = storage.entities[name], let literal = declaration.replacementText,
                    depth < maximumDepth, !expanding.contains(name)
                else {
                    output.append(contentsOf: written.unicodeScalars)
                    budget -= written.unicodeScalars.count
                    unresolved.append(name)
                    continue
                }
                let replacement = replacementText(literal, storage: storage)
                expand(replacement, storage: storage, attribute: attribute, depth: depth + 1,
                       expanding: expanding + [name], into: &output, unresolved: &unresolved, budget: &budget)
                continue
            }
            budget -= 1
        }
    }

    /// An entity's replacement text: its literal with character references expanded (XML 4.5).
    private static func replacementText(_ literal: [UInt8], storage: DocumentStorage) -> String {
        let text = literal.withUnsafeBufferPointer { normalizeLineEnds(storage.encoding.decode($0)) }
        guard text.containsUTF8("&#") else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", i + 1 < scalars.count, scalars[i + 1] == "#",
                let semicolon = scalars[(i + 1)..<min(scalars.count, i + 258)].firstIndex(of: ";"),
                let character = characterReference(String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon])))
            {
                output.append(character)
                i = semicolon + 1
            } else {
                output.append(scalars[i])
                i += 1
            }
        }
        return String(output)
    }

    /// `#65` or `#x41` to the character; nil when not a valid character reference.
    static func characterReference(_ name: String) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.hasPrefix("x") {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits, radix: 10)
        }
        guard let value, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }
}
