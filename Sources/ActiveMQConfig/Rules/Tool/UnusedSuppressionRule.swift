extension RuleID {
    /// `unused-suppression`: a suppression comment that suppresses nothing.
    public static let unusedSuppression: RuleID = "unused-suppression"
}

extension Rule {
    /// `unused-suppression`: a suppression comment that suppresses nothing, names no rule, names
    /// an unknown one, or names `embedded-password` (which is never suppressed).
    public static let unusedSuppression = Rule(
        id: .unusedSuppression,
        summary: "A suppression comment that suppresses nothing, or names no known rule.",
        rationale: """
            `<!-- activemq-config-disable RULE[,RULE] -->` suppresses findings of those rules on the next
            element and its subtree; `<!-- activemq-config-disable-file RULE -->` in the whole file. A stale
            suppression hides future problems and misleads readers. A suppression of `embedded-password`
            never applies and is reported here.
            """,
        activeMQ: .warning, amazonMQ: .warning, tags: ["style"],
        triggering: [
            .connectors("""
                ↓<!-- activemq-config-disable duplx -->
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>
                """),
            .connectors("""
                ↓<!-- activemq-config-disable missing-username -->
                <networkConnector name="a" userName="u" uri="static:(tcp://h:61616)"/>
                """),
        ],
        nonTriggering: [
            .connectors("""
                <!-- activemq-config-disable missing-username -->
                <networkConnector name="a" uri="static:(tcp://h:61616)"/>
                """),
            .connectors("""
                <!-- activemq-config-disable-file missing-username -->
                <networkConnector name="a" uri="static:(tcp://h:61616)"/>
                """),
        ],
        check: .tool)
}

/// Inline suppressions: `<!-- activemq-config-disable RULE[,RULE] -->` for the next element and its
/// subtree, `<!-- activemq-config-disable-file RULE[,RULE] -->` for the whole file. Applied by the
/// engine after every rule has run, as a pass that returns the findings it keeps; what they leave
/// unused is reported as `unused-suppression` (when the set holds that rule and it is on).
package enum Suppressions {
    static let elementMarker = "activemq-config-disable"
    static let fileMarker = "activemq-config-disable-file"

    struct Suppression {
        var rules: [String]
        /// nil: the whole file.
        var range: Range<Int>?
        var comment: LosslessDocument.Node
        var used = Set<String>()
    }

    /// The suppression comments of a document, each with what it covers.
    static func find(in document: LosslessDocument) -> [Suppression] {
        var suppressions: [Suppression] = []
        let elements = Array(document.allElements)
        var comments = document.topLevelNodes.filter { $0.kind == .comment }
        for element in elements { comments += element.children.filter { $0.kind == .comment } }
        for comment in comments {
            guard let text = comment.commentText?.trimmingXMLSpace else { continue }
            let isFile = text.hasPrefix(fileMarker)
            guard isFile || text == elementMarker || text.hasPrefix(elementMarker + " ") else { continue }
            let rest = text.dropFirst(isFile ? fileMarker.count : elementMarker.count)
            let rules = rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
            var range: Range<Int>?
            if !isFile {
                // The next element after the comment, in document order.
                guard let next = elements.first(where: { $0.range.lowerBound >= comment.range.upperBound }) else { continue }
                range = next.range
            }
            suppressions.append(Suppression(rules: rules, range: range, comment: comment))
        }
        return suppressions
    }

    /// Whether a suppression comment covers a finding of `rule` placed at the element that starts at
    /// `line` and `column` (a finding `network simulate` raises, outside the engine): one for the
    /// whole file, or one before that element or an ancestor of it. `embedded-password` never is.
    package static func cover(_ rule: String, line: Int, column: Int, in document: LosslessDocument) -> Bool {
        guard rule != RuleID.embeddedPassword.rawValue,
            let element = document.allElements.first(where: { $0.position.line == line && $0.position.column == column })
        else { return false }
        return find(in: document).contains { suppression in
            suppression.rules.contains(rule) && (suppression.range.map { $0.contains(element.range.lowerBound) } ?? true)
        }
    }
}

extension RuleSet {
    /// The findings of one document that no suppression comment covers, and `unused-suppression`
    /// findings for the comments that covered nothing (when this set holds that rule and it is on).
    package func applySuppressions(_ findings: [Diagnostic], in index: DocumentIndex) -> [Diagnostic] {
        var suppressions = Suppressions.find(in: index.document)
        guard !suppressions.isEmpty else { return findings }
        var kept: [Diagnostic] = []
        for finding in findings {
            // Every suppression that covers the finding counts as used.
            let covering = suppressions.indices.filter { number in
                let suppression = suppressions[number]
                guard suppression.rules.contains(finding.rule.rawValue) else { return false }
                guard let range = suppression.range else { return true }
                return finding.byteRange.map { range.contains($0.lowerBound) } == true
            }
            guard finding.rule != .embeddedPassword, !covering.isEmpty else {
                kept.append(finding)
                continue
            }
            for number in covering { suppressions[number].used.insert(finding.rule.rawValue) }
        }
        guard let rule = self[.unusedSuppression], let severity = index.settings.severity(of: rule) else { return kept }
        func report(_ range: Range<Int>, _ message: String) {
            kept.append(index.diagnostic(rule: rule.id, severity: severity, range: range, element: nil, message: message))
        }
        for suppression in suppressions {
            let range = suppression.comment.range
            if suppression.rules.isEmpty {
                report(range, "the suppression names no rule")
            }
            for name in suppression.rules where !suppression.used.contains(name) {
                if name == RuleID.embeddedPassword.rawValue {
                    report(range, "embedded-password cannot be suppressed")
                } else if Rule.routingRules.contains(where: { $0.id.rawValue == name }) {
                    // Raised by `network simulate`, which applies the comment; the linter cannot tell.
                    continue
                } else if self[RuleID(rawValue: name)] == nil {
                    let suggestion = Spelling.closest(to: name, in: all.map(\.id.rawValue))
                    report(range, "'\(name)' is not a rule" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
                } else {
                    report(range, "the suppression of '\(name)' suppresses nothing")
                }
            }
        }
        return kept
    }
}
