/// The character-level rules shared by every connector URI: what `java.net.URI` rejects, `%`
/// escapes, balanced parentheses (as `URISupport.checkParenthesis` counts them), and splitting a
/// composite's members at commas outside parentheses. `${…}` and `#{…}` placeholders are opaque:
/// the broker resolves them before it parses the URI.
struct URIScanner {
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar in the whole URI (for nested parts).
    let base: Int

    init(_ text: Substring, base: Int = 0) {
        scalars = Array(text.unicodeScalars)
        self.base = base
    }

    var count: Int { scalars.count }

    /// Whether `java.net.URI` rejects the character anywhere in a URI.
    private static func isForbidden(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "<", ">", "\\", "^", "`", "{", "|", "}": return true
        default: return false
        }
    }

    /// The end of a placeholder starting at `i` (one past its `}`), or nil if none starts there.
    func placeholderEnd(at i: Int) -> Int? {
        guard i + 1 < count else { return nil }
        // A template's tags are unknown values too: {{ … }}, {% … %}, <%= … %> and %{ … }.
        let close: [Unicode.Scalar]
        switch (scalars[i], scalars[i + 1]) {
        case ("$", "{"), ("#", "{"), ("%", "{"): close = ["}"]
        case ("{", "{"): close = ["}", "}"]
        case ("{", "%"): close = ["%", "}"]
        case ("<", "%"): close = ["%", ">"]
        default: return nil
        }
        var j = i + 2
        while j + close.count <= count {
            if scalars[j] == close[0] && (close.count == 1 || scalars[j + 1] == close[1]) { return j + close.count }
            j += 1
        }
        return -1
    }

    /// Checks every character; returns the first problem.
    func checkCharacters() throws(URIError) {
        var i = 0
        while i < count {
            if let end = placeholderEnd(at: i) {
                guard end > 0 else {
                    throw URIError(.unterminatedPlaceholder, at: base + i, "a '\(scalars[i]){' placeholder is not closed with '}'")
                }
                i = end
                continue
            }
            let c = scalars[i]
            if c.isASCII ? (c == " " || (0x09...0x0D).contains(c.value)) : c.properties.isWhitespace {
                throw URIError(.whitespace, at: base + i,
                               "whitespace is not allowed in a URI (ActiveMQ rejects it; a URI wrapped onto a second line in the XML reads as a space)")
            }
            if c.value < 0x20 || c.value == 0x7F {
                throw URIError(.illegalCharacter, at: base + i, "a control character is not allowed in a URI")
            }
            if Self.isForbidden(c) {
                throw URIError(.illegalCharacter, at: base + i, "'\(c)' is not allowed in a URI")
            }
            if c == "%" {
                guard i + 2 < count, scalars[i + 1].properties.isASCIIHexDigit, scalars[i + 2].properties.isASCIIHexDigit else {
                    throw URIError(.badPercentEscape, at: base + i, "'%' must be followed by two hexadecimal digits")
                }
            }
            i += 1
        }
    }

    /// Checks that parentheses balance; points at the first one without a partner.
    func checkParentheses() throws(URIError) {
        var open: [Int] = []
        var i = 0
        var opened = 0
        var closed = 0
        var firstExtraClose: Int?
        while i < count {
            if let end = placeholderEnd(at: i), end > 0 {
                i = end
                continue
            }
            if scalars[i] == "(" {
                opened += 1
                open.append(i)
            } else if scalars[i] == ")" {
                closed += 1
                if open.isEmpty { firstExtraClose = firstExtraClose ?? i } else { open.removeLast() }
            }
            i += 1
        }
        guard opened != closed || firstExtraClose != nil else { return }
        let at = firstExtraClose ?? open.last ?? 0
        throw URIError(.unbalancedParentheses, at: base + at,
                       "unbalanced parentheses: \(opened) '(' and \(closed) ')' (ActiveMQ: \"Not a matching number of '(' and ')' parenthesis\")")
    }

    /// The index of the `)` that closes the `(` at `open`, skipping placeholders.
    func closingParenthesis(from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < count {
            if let end = placeholderEnd(at: i), end > 0 {
                i = end
                continue
            }
            if scalars[i] == "(" { depth += 1 }
            if scalars[i] == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// Splits [start, end) at commas outside parentheses and placeholders.
    func splitMembers(_ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var depth = 0
        var last = start
        var i = start
        while i < end {
            if let stop = placeholderEnd(at: i), stop > 0 {
                i = stop
                continue
            }
            switch scalars[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                result.append(last..<i)
                last = i + 1
            default: break
            }
            i += 1
        }
        result.append(last..<end)
        return result
    }

    /// The first index of `c` in [start, end) outside placeholders and parentheses.
    func firstIndex(of c: Unicode.Scalar, from start: Int, to end: Int, topLevelOnly: Bool = false) -> Int? {
        var depth = 0
        var i = start
        while i < end {
            if let stop = placeholderEnd(at: i), stop > 0 {
                i = stop
                continue
            }
            if scalars[i] == "(" { depth += 1 }
            if scalars[i] == ")" { depth -= 1 }
            if scalars[i] == c && (!topLevelOnly || depth == 0) { return i }
            i += 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String {
        // Encoded into UTF-8 bytes first: building a String scalar by scalar is many times slower.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for scalar in scalars[range] {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scheme (`[A-Za-z][A-Za-z0-9+.-]*`) before the first ':', and the index after the ':'.
    /// A scheme written with a placeholder or a template expression (`{{ proto }}`, `${scheme}`)
    /// is an unknown value, returned as written (``Placeholder/containsReference(_:)`` tells).
    func scheme() throws(URIError) -> (String, Int) {
        guard let colon = firstIndex(of: ":", from: 0, to: count), colon > 0 else {
            throw URIError(.missingScheme, at: base, "a URI must start with a scheme such as 'tcp:' or 'static:'")
        }
        let name = string(0..<colon)
        if Placeholder.containsReference(name) { return (name, colon + 1) }
        let first = name.unicodeScalars.first!
        guard first.properties.isAlphabetic && first.isASCII,
            name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "+.-".unicodeScalars.contains($0)) })
        else {
            throw URIError(.missingScheme, at: base, "a URI must start with a scheme such as 'tcp:' or 'static:'")
        }
        return (name, colon + 1)
    }
}
