import ActiveMQConfig

/// Inline suppressions: `<!-- activemq-config-disable RULE[,RULE] -->` for the next element and its
/// subtree, `<!-- activemq-config-disable-file RULE[,RULE] -->` for the whole file. A suppression
/// that suppresses nothing, names no rule or names an unknown one is reported
/// (`unused-suppression`); `embedded-password` is never suppressed.
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

    static func apply(_ context: DocumentContext) {
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
        var kept: [Finding] = []
        for finding in context.findings {
            // Every suppression that covers the finding counts as used.
            let covering = suppressions.indices.filter { index in
                let suppression = suppressions[index]
                return suppression.rules.contains(finding.rule.rawValue)
                    && (suppression.range == nil || finding.offset.map { suppression.range!.contains($0) } == true)
            }
            guard finding.rule != .embeddedPassword, !covering.isEmpty else {
                kept.append(finding)
                continue
            }
            for index in covering { suppressions[index].used.insert(finding.rule.rawValue) }
        }
        context.replaceFindings(kept)
        for suppression in suppressions {
            let offset = suppression.comment.range.lowerBound
            if suppression.rules.isEmpty {
                context.report(.unusedSuppression, at: offset, "the suppression names no rule")
            }
            for rule in suppression.rules where !suppression.used.contains(rule) {
                if rule == RuleID.embeddedPassword.rawValue {
                    context.report(.unusedSuppression, at: offset, "embedded-password cannot be suppressed")
                } else if RuleCatalog.rule(RuleID(rawValue: rule)) == nil {
                    context.report(.unusedSuppression, at: offset,
                                   "'\(rule)' is not a rule" + VocabularyRules.hint(Spelling.closest(to: rule, in: RuleCatalog.all.map(\.id.rawValue))))
                } else {
                    context.report(.unusedSuppression, at: offset, "the suppression of '\(rule)' suppresses nothing")
                }
            }
        }
    }
}
