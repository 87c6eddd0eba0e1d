public import ActiveMQConfig

/// What Amazon MQ would store of a configuration: the document with what its sanitizer removes
/// removed (the `amazon-mq-sanitized` rule's fixes), for comparing with a stored revision.
public enum AmazonMQPreview {
    /// The bytes after the sanitization preview for an engine version.
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public static func sanitized(_ bytes: [UInt8], path: String, engine: AmazonMQEngineVersion) throws(LintSettingsError) -> [UInt8] {
        let linter = Linter(profile: .amazonMQ(engine), rules: RuleSet([.amazonMQSanitized, .notWellFormed]))
        let outcome = try Fixer(linter: linter, includeUnsafe: true).fix([LintInput(path: path, bytes: .success(bytes))])
        return outcome.files.first?.fixed ?? bytes
    }
}
