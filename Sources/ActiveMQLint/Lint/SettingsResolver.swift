public import ActiveMQConfig

/// Where a setting's value came from. The cases are in the order ``SettingsResolver`` consults
/// them: the first that says wins.
public enum SettingSource: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The command line (`--profile`, `--engine-version`), or the language server's setting.
    case flag
    /// The infrastructure-as-code resource that holds the document (a Terraform or CloudFormation
    /// resource's engine version).
    case host
    /// `.activemq-config.json` (its top level, then the overrides whose globs match the file).
    case projectFile = "project-file"
    /// The network spec's `profile` and `engineVersion` keys.
    case networkSpec = "network-spec"
    /// The document's versioned `xsi:schemaLocation` (the version only).
    case schemaLocation = "schema-location"
    /// The default: the command's own profile, Amazon MQ 5.18, ActiveMQ 5.19.
    case defaultValue = "default"

    /// The raw value.
    public var description: String { rawValue }
}

/// A setting's value and where it came from.
public struct Resolved<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it came from.
    public var source: SettingSource

    /// A value from a source.
    public init(value: Value, source: SettingSource) {
        self.value = value
        self.source = source
    }
}

/// What the resolver gives for one file: the rule settings, and where the profile and the
/// version came from.
public struct ResolvedSettings: Sendable, Hashable {
    /// The settings the rules read.
    public var rules: RuleSettings
    /// The profile.
    public var profile: Resolved<LintProfile>
    /// The Apache ActiveMQ version whose schema applies (under `amazon-mq`, the one its engine runs).
    public var version: Resolved<ActiveMQVersion>

    /// These settings with the version a document's `xsi:schemaLocation` names, when nothing
    /// before it in the order said one.
    public func reading(_ document: LosslessDocument) -> ResolvedSettings {
        guard version.source == .defaultValue, !profile.value.isAmazonMQ, let named = Linter.schemaLocationVersion(document) else { return self }
        var copy = self
        copy.version = Resolved(value: named, source: .schemaLocation)
        copy.rules.activeMQVersion = named
        return copy
    }
}

/// The one settings resolver of the tool: every command that judges a document, and the language
/// server, get a file's settings here, in one documented order:
///
/// 1. the flag (`--profile`, `--engine-version`, `--disable`, …), or the language server's setting;
/// 2. the host resource (a Terraform or CloudFormation resource's engine version);
/// 3. `.activemq-config.json` and its overrides (profile, engine version, disabled rules,
///    severities, template);
/// 4. the network spec's `profile` and `engineVersion` keys;
/// 5. the document's `xsi:schemaLocation` (the version only, ``ResolvedSettings/reading(_:)``);
/// 6. the default: the command's own profile (`activemq` for lint and the edit commands,
///    `amazon-mq` for `topology generate`), Amazon MQ 5.18, ActiveMQ 5.19.
///
/// Each value comes back with its ``SettingSource``.
public struct SettingsResolver: Sendable {
    /// What the command line says (step 1).
    package var commandLine: LintCommandLine
    /// What the host resource says (step 2): a profile name and an engine version, each optional.
    public var host: (profile: String?, engineVersion: String?)
    /// The profile when nothing says (step 6).
    public var defaultProfile: LintProfile

    /// A resolver over these command-line settings.
    package init(commandLine: LintCommandLine, host: (profile: String?, engineVersion: String?) = (nil, nil),
                 defaultProfile: LintProfile = .activeMQ) {
        self.commandLine = commandLine
        self.host = host
        self.defaultProfile = defaultProfile
    }

    /// The settings of one file (before its document is read: step 5 is ``ResolvedSettings/reading(_:)``).
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    public func resolve(for file: String, lookup: ProjectConfigurationLookup) throws(LintSettingsError) -> ResolvedSettings {
        var settings = RuleSettings()
        let found: ProjectConfiguration?
        if let configPath = commandLine.configPath {
            found = try lookup.finder.configuration(at: configPath)
        } else {
            found = try lookup.finder.configuration(for: file)
        }
        let project = found?.layer(for: file)
        found?.apply(to: &settings, file: file)
        let spec = commandLine.network

        // The profile: the first layer that names one.
        let profileLayers: [(String?, SettingSource)] = [
            (commandLine.profile, .flag), (host.profile, .host), (project?.profile, .projectFile), (spec?.profile, .networkSpec),
        ]
        let namedProfile = profileLayers.first { $0.0.flatMap { LintProfile(name: $0) } != nil }
        var profile = Resolved(value: namedProfile.flatMap { LintProfile(name: $0.0!) } ?? defaultProfile,
                               source: namedProfile?.1 ?? .defaultValue)
        // The engine version: the first layer that gives one that fits the profile.
        let versionLayers: [(String?, SettingSource)] = [
            (commandLine.engineVersion?.rawValue ?? commandLine.activeMQVersion?.description, .flag), (host.engineVersion, .host),
            (project?.engineVersion, .projectFile), (spec?.engineVersion, .networkSpec),
        ]
        var version: Resolved<ActiveMQVersion>
        if profile.value.isAmazonMQ {
            let given = versionLayers.first { $0.0.flatMap(AmazonMQEngineVersion.init(rawValue:)) != nil }
            let engine = given.flatMap { AmazonMQEngineVersion(rawValue: $0.0!) } ?? .v5_18
            profile.value = .amazonMQ(engine)
            version = Resolved(value: ActiveMQVersion(amazonMQ: engine), source: given?.1 ?? .defaultValue)
        } else {
            let given = versionLayers.first { $0.0.flatMap(ActiveMQVersion.init) != nil }
            version = Resolved(value: given.flatMap { ActiveMQVersion($0.0!) } ?? .defaultVersion, source: given?.1 ?? .defaultValue)
            settings.activeMQVersion = given == nil ? nil : version.value
        }
        settings.profile = profile.value
        for rule in commandLine.disabled { settings.disabled.insert(rule) }
        for rule in commandLine.enabled {
            settings.disabled.remove(rule)
            if case .some(.some) = settings.severities[rule] { continue }
            if RuleCatalog.rule(rule)?.isOptIn == true { settings.severities[rule] = .info } else { settings.severities[rule] = nil }
        }
        if let secretVariable = commandLine.secretVariable { settings.secretVariable = secretVariable }
        return ResolvedSettings(rules: settings, profile: profile, version: version)
    }
}

extension LintCommandLine {
    /// The settings for one file (``SettingsResolver``, with `activemq` as the default profile).
    ///
    /// - Throws: ``LintSettingsError`` when a project configuration file is not valid.
    package func settings(for file: String, lookup: ProjectConfigurationLookup,
                          defaultProfile: LintProfile = .activeMQ) throws(LintSettingsError) -> RuleSettings {
        try SettingsResolver(commandLine: self, defaultProfile: defaultProfile).resolve(for: file, lookup: lookup).rules
    }
}
