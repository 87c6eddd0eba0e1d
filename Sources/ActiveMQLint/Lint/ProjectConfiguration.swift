#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
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
struct ProjectConfiguration: Decodable, Sendable {
    struct Override: Decodable, Sendable {
        var files: [String]
        var profile: String?
        var engineVersion: String?
        var disable: [String]?
        var severity: [String: String]?
        var template: String?

        enum CodingKeys: String, CodingKey { case files, profile, engineVersion, disable, severity, template }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let one = try? container.decode(String.self, forKey: .files) {
                files = [one]
            } else {
                files = try container.decode([String].self, forKey: .files)
            }
            profile = try container.decodeIfPresent(String.self, forKey: .profile)
            engineVersion = try container.decodeIfPresent(String.self, forKey: .engineVersion)
            disable = try container.decodeIfPresent([String].self, forKey: .disable)
            severity = try container.decodeIfPresent([String: String].self, forKey: .severity)
            template = try container.decodeIfPresent(String.self, forKey: .template)
        }
    }

    var profile: String?
    var engineVersion: String?
    var disable: [String]?
    var severity: [String: String]?
    var template: String?
    var overrides: [Override]?

    /// The folder the file is in (globs are relative to it).
    var directory = ""

    enum CodingKeys: String, CodingKey { case profile, engineVersion, disable, severity, template, overrides }

    static func load(_ path: String) throws(LintSettingsError) -> ProjectConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw LintSettingsError(path: path, message: error.message)
        }
        var configuration: ProjectConfiguration
        do {
            configuration = try JSONDecoder().decode(ProjectConfiguration.self, from: Data(bytes))
        } catch {
            throw LintSettingsError(path: path, message: "not a valid .activemq-config.json (see Docs/activemq-config.schema.json)")
        }
        configuration.directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        try configuration.check(path)
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

    /// Applies this configuration, and the overrides whose globs match the file, to `settings`.
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
