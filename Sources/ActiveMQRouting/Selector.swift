/// A JMS message selector, for the subset the analyser evaluates: comparisons of a property with a
/// literal (`=`, `<>`, `<`, `>`, `<=`, `>=`), `IS [NOT] NULL`, `[NOT] IN (…)`, `AND`, `OR`, `NOT` and
/// parentheses. Anything else is refused with where it stops, rather than guessed.
public struct MessageSelector: Sendable, Hashable {
    /// The selector as written.
    public let text: String
    private let expression: Expression

    /// A property value of a message.
    public enum Value: Sendable, Hashable {
        /// A JMS String.
        case string(String)
        /// A JMS Long or Integer.
        case integer(Int)
        /// A JMS Double.
        case decimal(Double)
        /// A JMS Boolean.
        case boolean(Bool)
    }

    indirect enum Expression: Sendable, Hashable {
        case and(Expression, Expression)
        case or(Expression, Expression)
        case not(Expression)
        case compare(String, String, Value)
        case isNull(String, negated: Bool)
        case isIn(String, [Value], negated: Bool)
    }

    /// Why a selector is outside the subset.
    public struct Unsupported: Error, Sendable, Hashable, CustomStringConvertible {
        /// What stopped the reader, and where.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Reads a selector.
    public init(_ text: String) throws(Unsupported) {
        self.text = text
        var parser = Parser(tokens: try Self.tokens(text))
        expression = try parser.disjunction()
        if parser.position < parser.tokens.count {
            throw Unsupported(message: "the selector '\(text)' goes on past what the analyser reads, at '\(parser.tokens[parser.position])'")
        }
    }

    /// Whether a message with these properties matches (SQL's unknown counts as no match).
    public func matches(_ properties: [String: Value]) -> Bool {
        Self.evaluate(expression, properties) == true
    }

    static func evaluate(_ expression: Expression, _ properties: [String: Value]) -> Bool? {
        switch expression {
        case .and(let a, let b):
            let x = evaluate(a, properties), y = evaluate(b, properties)
            if x == false || y == false { return false }
            return x == true && y == true ? true : nil
        case .or(let a, let b):
            let x = evaluate(a, properties), y = evaluate(b, properties)
            if x == true || y == true { return true }
            return x == false && y == false ? false : nil
        case .not(let a):
            return evaluate(a, properties).map { !$0 }
        case .isNull(let name, let negated):
            return (properties[name] == nil) != negated
        case .isIn(let name, let values, let negated):
            guard let value = properties[name] else { return nil }
            return values.contains { compare(value, "=", $0) == true } != negated
        case .compare(let name, let op, let literal):
            guard let value = properties[name] else { return nil }
            return compare(value, op, literal)
        }
    }

    static func compare(_ a: Value, _ op: String, _ b: Value) -> Bool? {
        func numeric(_ value: Value) -> Double? {
            switch value {
            case .integer(let n): return Double(n)
            case .decimal(let d): return d
            default: return nil
            }
        }
        if let x = numeric(a), let y = numeric(b) {
            switch op {
            case "=": return x == y
            case "<>": return x != y
            case "<": return x < y
            case ">": return x > y
            case "<=": return x <= y
            case ">=": return x >= y
            default: return nil
            }
        }
        switch (a, b) {
        case (.string(let x), .string(let y)) where op == "=" || op == "<>":
            return op == "=" ? x == y : x != y
        case (.boolean(let x), .boolean(let y)) where op == "=" || op == "<>":
            return op == "=" ? x == y : x != y
        default:
            return nil
        }
    }

    // MARK: Reading

    enum Token: Sendable, Hashable, CustomStringConvertible {
        case word(String)
        case string(String)
        case number(String)
        case symbol(String)

        var description: String {
            switch self {
            case .word(let w): return w
            case .string(let s): return "'\(s)'"
            case .number(let n): return n
            case .symbol(let s): return s
            }
        }
    }

    static func tokens(_ text: String) throws(Unsupported) -> [Token] {
        var result: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "'" {
                var value = ""
                i += 1
                while true {
                    guard i < scalars.count else { throw Unsupported(message: "the selector '\(text)' has a string that is not closed") }
                    if scalars[i] == "'" {
                        if i + 1 < scalars.count && scalars[i + 1] == "'" { value.unicodeScalars.append("'"); i += 2; continue }
                        i += 1
                        break
                    }
                    value.unicodeScalars.append(scalars[i])
                    i += 1
                }
                result.append(.string(value))
            } else if c.properties.isAlphabetic || c == "_" || c == "$" {
                var word = ""
                while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil || scalars[i] == "_" || scalars[i] == "$" || scalars[i] == "." {
                    word.unicodeScalars.append(scalars[i])
                    i += 1
                }
                result.append(.word(word))
            } else if c.properties.numericType != nil || ((c == "-" || c == "+") && i + 1 < scalars.count && scalars[i + 1].properties.numericType != nil) {
                var number = String(c)
                i += 1
                while i < scalars.count, scalars[i].properties.numericType != nil || scalars[i] == "." || scalars[i] == "e" || scalars[i] == "E" {
                    number.unicodeScalars.append(scalars[i])
                    i += 1
                }
                result.append(.number(number))
            } else if c == "<" || c == ">" {
                if i + 1 < scalars.count, scalars[i + 1] == "=" || (c == "<" && scalars[i + 1] == ">") {
                    result.append(.symbol(String(c) + String(scalars[i + 1])))
                    i += 2
                } else {
                    result.append(.symbol(String(c)))
                    i += 1
                }
            } else if c == "=" || c == "(" || c == ")" || c == "," {
                result.append(.symbol(String(c)))
                i += 1
            } else {
                throw Unsupported(message: "the selector '\(text)' uses '\(c)', which the analyser does not read")
            }
        }
        return result
    }

    struct Parser {
        let tokens: [Token]
        var position = 0

        mutating func keyword(_ word: String) -> Bool {
            guard position < tokens.count, case .word(let w) = tokens[position], w.uppercased() == word else { return false }
            position += 1
            return true
        }

        mutating func symbol(_ s: String) -> Bool {
            guard position < tokens.count, tokens[position] == .symbol(s) else { return false }
            position += 1
            return true
        }

        mutating func disjunction() throws(Unsupported) -> Expression {
            var left = try conjunction()
            while keyword("OR") { left = .or(left, try conjunction()) }
            return left
        }

        mutating func conjunction() throws(Unsupported) -> Expression {
            var left = try negation()
            while keyword("AND") { left = .and(left, try negation()) }
            return left
        }

        mutating func negation() throws(Unsupported) -> Expression {
            if keyword("NOT") { return .not(try negation()) }
            if symbol("(") {
                let inner = try disjunction()
                guard symbol(")") else { throw Unsupported(message: "a '(' of the selector is not closed") }
                return inner
            }
            return try comparison()
        }

        mutating func literal() throws(Unsupported) -> Value {
            guard position < tokens.count else { throw Unsupported(message: "the selector ends where a value is expected") }
            let token = tokens[position]
            position += 1
            switch token {
            case .string(let s): return .string(s)
            case .number(let n):
                if let integer = Int(n.hasSuffix("L") || n.hasSuffix("l") ? String(n.dropLast()) : n) { return .integer(integer) }
                if let decimal = Double(n) { return .decimal(decimal) }
            case .word(let w) where w.uppercased() == "TRUE": return .boolean(true)
            case .word(let w) where w.uppercased() == "FALSE": return .boolean(false)
            default: break
            }
            throw Unsupported(message: "the selector has '\(token)' where the analyser reads a literal")
        }

        mutating func comparison() throws(Unsupported) -> Expression {
            guard position < tokens.count, case .word(let name) = tokens[position] else {
                throw Unsupported(message: "the selector has \(position < tokens.count ? "'\(tokens[position])'" : "nothing") where the analyser reads a property name")
            }
            position += 1
            if keyword("IS") {
                let negated = keyword("NOT")
                guard keyword("NULL") else { throw Unsupported(message: "the selector's IS is not followed by [NOT] NULL") }
                return .isNull(name, negated: negated)
            }
            let negated = keyword("NOT")
            if keyword("IN") {
                guard symbol("(") else { throw Unsupported(message: "the selector's IN is not followed by '('") }
                var values = [try literal()]
                while symbol(",") { values.append(try literal()) }
                guard symbol(")") else { throw Unsupported(message: "the selector's IN list is not closed") }
                return .isIn(name, values, negated: negated)
            }
            if negated { throw Unsupported(message: "the selector's NOT after '\(name)' is followed by what the analyser does not read (LIKE, BETWEEN)") }
            guard position < tokens.count, case .symbol(let op) = tokens[position], ["=", "<>", "<", ">", "<=", ">="].contains(op) else {
                throw Unsupported(message: "the selector compares '\(name)' in a way the analyser does not read (LIKE, BETWEEN, arithmetic)")
            }
            position += 1
            return .compare(name, op, try literal())
        }
    }
}
