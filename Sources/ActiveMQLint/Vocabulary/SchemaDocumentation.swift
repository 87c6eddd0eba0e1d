/// What the official ActiveMQ schemas say of an element, an attribute or a property element: their
/// `xs:documentation`, cleaned of Javadoc and HTML markup, the newest schema's text (carried in the
/// binary; `Scripts/generate-documentation.py` writes the table).
public enum SchemaDocumentation {
    /// Entries by key (`E name`, `A element attribute`, `P element property`), read once.
    static let entries: [String: String] = {
        var found: [String: String] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard let head = fields.first, head.count > 2 else { continue }
            let text = String(fields[fields.count - 1]).replacingParagraphMarks()
            if head.hasPrefix("E "), fields.count == 2 {
                found["E " + head.dropFirst(2)] = text
            } else if fields.count == 3 {
                found["\(head) \(fields[1])"] = text
            }
        }
        return found
    }()

    /// The documentation of a global element (`networkConnector`).
    public static func element(_ name: String) -> String? { entries["E " + name] }

    /// The documentation of an attribute of an element.
    public static func attribute(_ name: String, of element: String) -> String? { entries["A \(element) \(name)"] }

    /// The documentation of a property element (`<networkConnectors>` under `<broker>`).
    public static func property(_ name: String, of element: String) -> String? { entries["P \(element) \(name)"] }
}

extension String {
    /// ¶ marks a paragraph break in the table.
    fileprivate func replacingParagraphMarks() -> String {
        split(separator: "¶", omittingEmptySubsequences: true).joined(separator: "\n\n")
    }
}
