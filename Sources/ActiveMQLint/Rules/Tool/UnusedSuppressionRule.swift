public import ActiveMQConfig

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
/// linter after every rule has run; what they leave unused is reported as `unused-suppression`.
enum Suppressions {
    static let elementMarker = "activemq-config-disable"
    static let fileMarker = "activemq-config-disable-file"

    struct Suppression {
        var rules: [String]
        /// nil: the whole file.
        var range: Range<Int>?
        var comment: LosslessDocument.Node
        var used = Set<String>()
    }

    static func apply(_ context: RuleContext) {
        let document = context.document
        var suppressions: [Suppression] = []
        let elements = Array(document.allElements)
        var comments = document.topLevelNodes.filter { $0.kind == .comment }
        for element in elements { comments += element.children.filter { $0.kind == .comment } }
        for comment in comments {
            guard let text = comment.commentText?.trimmingXMLWhitespace else { continue }
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
        guard !suppressions.isEmpty else { return }
        var kept: [Diagnostic] = []
        for finding in context.diagnostics {
            // Every suppression that covers the finding counts as used.
            let covering = suppressions.indices.filter { index in
                let suppression = suppressions[index]
                return suppression.rules.contains(finding.rule.rawValue)
                    && (suppression.range == nil || finding.byteRange.map { suppression.range!.contains($0.lowerBound) } == true)
            }
            guard finding.rule != .embeddedPassword, !covering.isEmpty else {
                kept.append(finding)
                continue
            }
            for index in covering { suppressions[index].used.insert(finding.rule.rawValue) }
        }
        context.replaceDiagnostics(kept)
        for suppression in suppressions {
            let range = suppression.comment.range
            if suppression.rules.isEmpty {
                context.report(.unusedSuppression, range: range, "the suppression names no rule")
            }
            for rule in suppression.rules where !suppression.used.contains(rule) {
                if rule == RuleID.embeddedPassword.rawValue {
                    context.report(.unusedSuppression, range: range, "embedded-password cannot be suppressed")
                } else if context.rules[RuleID(rawValue: rule)] == nil {
                    context.report(.unusedSuppression, range: range,
                                   "'\(rule)' is not a rule" + SchemaWalk.hint(Spelling.closest(to: rule, in: context.rules.all.map(\.id.rawValue))))
                } else {
                    context.report(.unusedSuppression, range: range, "the suppression of '\(rule)' suppresses nothing")
                }
            }
        }
    }
}
