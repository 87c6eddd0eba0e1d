public import ActiveMQConfig

/// Every rule the linter runs: the model's rules (``RuleSet/model``: connectors, URIs, secrets,
/// TTLs) and the linter's own, which need the XSD vocabularies (`Rules/Schema/`), several files
/// (`Rules/Network/`) or the tool itself (`Rules/Tool/`). Each rule is one file.
public enum RuleCatalog {
    /// The whole set.
    public static let rules = RuleSet.model.adding([
        .notWellFormed, .unusedSuppression, .schema,
        .unknownElement, .unknownAttribute, .invalidValue, .amazonMQSanitized, .amazonMQRoot,
        .duplicateBridge, .usernameMismatch, .networkTTL, .remoteAdvisorySupport, .virtualDestSubsOneEnd, .replayMissing,
        .strandedMessages, .undeliveredMessages, .duplicateDeliveries,
        .hostSyntax, .terraformTemplateVariable,
    ])

    /// Every rule, sorted by id.
    public static var all: [Rule] { rules.all }

    /// The rule with this id, if any.
    public static func rule(_ id: RuleID) -> Rule? { rules[id] }
}
