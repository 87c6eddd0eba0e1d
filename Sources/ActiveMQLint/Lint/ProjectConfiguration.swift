#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ActiveMQConfig

/// `.activemq-config.json`: project settings, found by walking up from each linted file to the
/// repository root (the folder holding `.git`). Its JSON Schema is
/// `Docs/activemq-config.schema.json`. Command-line flags win over it.
///
/// ```json
/// {"profile": "amazon-mq", "engineVersion": "5.18", "disable": ["missing-username"],
///  "severity": {"network-ttl": "error"},
///  "overrides": [{"files": ["legacy/*.xml"], "profile": "activemq", "disable": ["unknown-attribute"]}]}
/// ```
struct ProjectConfiguration: Sendable {
    struct Override: Sendable {
        var files: [String]
        var profile: String?
        var engineVersion: String?
        var disable: [String]?
        var severity: [String: String]?
        var template: String?
    }

    var profile: String?
    var engineVersion: String?
    var disable: [String]?
    var severity: [String: String]?
    var template: String?
    var overrides: [Override]?

    /// The folder the file is in (globs are relative to it).
    var directory = ""

    /// The keys of the top level, and of an override.
    static let keys = ["$schema", "profile", "engineVersion", "disable", "severity", "template", "overrides"]
    static let overrideKeys = ["files", "profile", "engineVersion", "disable", "severity", "template"]

    static func load(_ path: String) throws(LintSettingsError) -> ProjectConfiguration {
        let root = try StrictJSON.load(path, what: "valid JSON")
        var configuration = try read(root, path: path)
        configuration.directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        try configuration.check(path)
        return configuration
    }

    /// Reads the document: every key known, every value of its type, or an error where it is.
    private static func read(_ root: StrictJSON.Located, path: String) throws(LintSettingsError) -> ProjectConfiguration {
        func fail(_ message: String, _ at: StrictJSON.Located) -> LintSettingsError {
            LintSettingsError(path: path, message: message, line: at.line, column: at.column)
        }
        func members(_ located: StrictJSON.Located, allowed: [String], what: String) throws(LintSettingsError) -> [String: StrictJSON.Located] {
            guard case .object(let members) = located.value else { throw fail("\(what) must be an object, not \(located.value.typeName)", located) }
            var result: [String: StrictJSON.Located] = [:]
            for member in members {
                guard allowed.contains(member.key) else {
                    let hint = Spelling.closest(to: member.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                    throw LintSettingsError(path: path, message: "unknown key '\(member.key)' in \(what)\(hint); the keys are " + allowed.joined(separator: ", "),
                                            line: member.line, column: member.column)
                }
                result[member.key] = member.value
            }
            return result
        }
        func string(_ located: StrictJSON.Located?, _ key: String) throws(LintSettingsError) -> String? {
            guard let located else { return nil }
            guard case .string(let text) = located.value else { throw fail("'\(key)' must be a string, not \(located.value.typeName)", located) }
            return text
        }
        func strings(_ located: StrictJSON.Located?, _ key: String) throws(LintSettingsError) -> [String]? {
            guard let located else { return nil }
            guard case .array(let items) = located.value else { throw fail("'\(key)' must be an array of strings, not \(located.value.typeName)", located) }
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item.value else { throw fail("'\(key)' must hold strings only, not \(item.value.typeName)", item) }
                result.append(text)
            }
            return result
        }
        func severities(_ located: StrictJSON.Located?) throws(LintSettingsError) -> [String: String]? {
            guard let located else { return nil }
            guard case .object(let members) = located.value else { throw fail("'severity' must be an object, not \(located.value.typeName)", located) }
            var result: [String: String] = [:]
            for member in members {
                guard case .string(let level) = member.value.value else {
                    throw fail("the severity of '\(member.key)' must be a string: error, warning, info or off", member.value)
                }
                result[member.key] = level
            }
            return result
        }
        let top = try members(root, allowed: keys, what: ".activemq-config.json")
        var configuration = ProjectConfiguration()
        configuration.profile = try string(top["profile"], "profile")
        configuration.engineVersion = try string(top["engineVersion"], "engineVersion")
        configuration.disable = try strings(top["disable"], "disable")
        configuration.severity = try severities(top["severity"])
        configuration.template = try string(top["template"], "template")
        _ = try string(top["$schema"], "$schema")
        if let list = top["overrides"] {
            guard case .array(let items) = list.value else { throw fail("'overrides' must be an array, not \(list.value.typeName)", list) }
            var overrides: [Override] = []
            for item in items {
                let fields = try members(item, allowed: overrideKeys, what: "an override")
                guard let filesValue = fields["files"] else { throw fail("an override needs 'files' (a glob, or a list of globs)", item) }
                let files: [String]
                if case .string(let one) = filesValue.value { files = [one] } else { files = try strings(filesValue, "files") ?? [] }
                overrides.append(Override(files: files, profile: try string(fields["profile"], "profile"),
                                          engineVersion: try string(fields["engineVersion"], "engineVersion"),
                                          disable: try strings(fields["disable"], "disable"), severity: try severities(fields["severity"]),
                                          template: try string(fields["template"], "template")))
            }
            configuration.overrides = overrides
        }
        return configuration
    }

    private func check(_ path: String) throws(LintSettingsError) {
        func checkLevel(_ profile: String?, _ engine: String?, _ disable: [String]?, _ severity: [String: String]?,
                        _ template: String?) throws(LintSettingsError) {
            if let template, TemplateSyntax(rawValue: template) == nil {
                throw LintSettingsError(path: path, message: "unknown template '\(template)' (jinja, erb or terraform)")
            }
            if let profile, LintProfile(name: profile) == nil {
                throw LintSettingsError(path: path, message: "unknown profile '\(profile)' (activemq or amazon-mq)")
            }
            if let engine, AmazonMQEngineVersion(rawValue: engine) == nil, ActiveMQVersion(engine).flatMap(Vocabulary.activeMQ) == nil {
                throw LintSettingsError(path: path, message: "unknown engine version '\(engine)' (ActiveMQ 5.15 to 6.3, MAJOR.MINOR[.PATCH]; Amazon MQ 5.15 to 5.19)")
            }
            for rule in (disable ?? []) + (severity.map { Array($0.keys) } ?? []) where RuleCatalog.rule(RuleID(rawValue: rule)) == nil {
                throw LintSettingsError(path: path, message: "unknown rule '\(rule)'")
            }
            for (rule, level) in severity ?? [:] where Severity(rawValue: level) == nil && level != "off" {
                throw LintSettingsError(path: path, message: "severity of '\(rule)' must be error, warning, info or off")
            }
        }
        try checkLevel(profile, engineVersion, disable, severity, template)
        for override in overrides ?? [] {
            try checkLevel(override.profile, override.engineVersion, override.disable, override.severity, override.template)
        }
    }

    /// The profile and engine version this configuration gives a file: its top level's, then
    /// those of the overrides whose globs match the file (the last that says wins).
    func layer(for file: String) -> (profile: String?, engineVersion: String?) {
        var result = (profile: profile, engineVersion: engineVersion)
        let relative = Self.relativePath(of: file, to: directory)
        for override in overrides ?? [] where override.files.contains(where: { Self.matches($0, relative) }) {
            if let profile = override.profile { result.profile = profile }
            if let engine = override.engineVersion { result.engineVersion = engine }
        }
        return result
    }

    /// Applies this configuration, and the overrides whose globs match the file, to `settings`
    /// (the profile and version are the resolver's: ``SettingsResolver``).
    func apply(to settings: inout LintSettings, file: String) {
        func applyLevel(_ profile: String?, _ engine: String?, _ disable: [String]?, _ severity: [String: String]?, _ template: String?) {
            if let template { settings.template = TemplateSyntax(rawValue: template) }
            if let profile, let made = LintProfile(name: profile, engineVersion: engine.flatMap(AmazonMQEngineVersion.init(rawValue:))) {
                settings.profile = made
            } else if let engine, let version = AmazonMQEngineVersion(rawValue: engine), case .amazonMQ = settings.profile {
                settings.profile = .amazonMQ(version)
            }
            if let engine, let version = ActiveMQVersion(engine), !settings.profile.isAmazonMQ {
                settings.activeMQVersion = version
            }
            for rule in disable ?? [] { settings.disabled.insert(RuleID(rawValue: rule)) }
            for (rule, level) in severity ?? [:] { settings.severities[RuleID(rawValue: rule)] = Severity(rawValue: level) }
        }
        applyLevel(profile, engineVersion, disable, severity, template)
        let relative = Self.relativePath(of: file, to: directory)
        for override in overrides ?? [] where override.files.contains(where: { Self.matches($0, relative) }) {
            applyLevel(override.profile, override.engineVersion, override.disable, override.severity, override.template)
        }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }

    static func relativePath(of file: String, to directory: String) -> String {
        let absoluteFile = absolute(file)
        let absoluteDirectory = absolute(directory)
        let prefix = absoluteDirectory.hasSuffix("/") ? absoluteDirectory : absoluteDirectory + "/"
        return absoluteFile.hasPrefix(prefix) ? String(absoluteFile.dropFirst(prefix.count)) : file
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let cwd = currentWorkingDirectory() else { return path }
        return cwd + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}

/// Finds and caches each folder's `.activemq-config.json` (loaded once per run). Safe to share
/// between threads: the cache is guarded by a lock.
final class ProjectConfigurationFinder: @unchecked Sendable {
    private var cache: [String: ProjectConfiguration?] = [:]
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    /// The configuration file at a given path (`--config`), loaded once.
    func configuration(at path: String) throws(LintSettingsError) -> ProjectConfiguration? {
        let key = "--config " + path
        pthread_mutex_lock(&mutex)
        let cached = cache[key]
        pthread_mutex_unlock(&mutex)
        if let cached { return cached }
        let loaded = try ProjectConfiguration.load(path)
        pthread_mutex_lock(&mutex)
        cache[key] = loaded
        pthread_mutex_unlock(&mutex)
        return loaded
    }

    /// The configuration that applies to a file, if any.
    func configuration(for file: String) throws(LintSettingsError) -> ProjectConfiguration? {
        guard file != "-" else { return try find(from: ProjectConfiguration.absolute(".")) }
        let absolute = ProjectConfiguration.absolute(file)
        let directory = absolute.lastIndex(of: "/").map { String(absolute[..<$0]) } ?? "/"
        return try find(from: directory.isEmpty ? "/" : directory)
    }

    private func find(from directory: String) throws(LintSettingsError) -> ProjectConfiguration? {
        pthread_mutex_lock(&mutex)
        let cached = cache[directory]
        pthread_mutex_unlock(&mutex)
        if let cached { return cached }
        var result: ProjectConfiguration?
        let candidate = (directory == "/" ? "" : directory) + "/.activemq-config.json"
        if access(candidate, F_OK) == 0 {
            result = try ProjectConfiguration.load(candidate)
        } else if access((directory == "/" ? "" : directory) + "/.git", F_OK) != 0, directory != "/" {
            let parent = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "/"
            result = try find(from: parent.isEmpty ? "/" : parent)
        }
        pthread_mutex_lock(&mutex)
        cache[directory] = result
        pthread_mutex_unlock(&mutex)
        return result
    }
}
