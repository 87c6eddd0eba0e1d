import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `--profile` (alias `--target`) and `--engine-version`: whose rules judge a document, the same
/// two options on every command that judges one (lint, validate, the edit commands, `topology
/// generate` and `check`, `amazon-mq export` and `diff`). What they leave unsaid comes from the
/// settings resolver: `.activemq-config.json`, the network spec, `xsi:schemaLocation`, the default.
struct JudgementOptions: ParsableArguments {
    @Option(name: [.customLong("profile"), .customLong("target")],
            help: "Where the configuration runs, whose rules judge it (--target is an alias; default: .activemq-config.json's, else the network spec's, else the command's own).")
    var profile: ConfigurationTarget?

    @Option(name: .customLong("engine-version"),
            help: "The engine version whose schema applies: ActiveMQ MAJOR.MINOR[.PATCH] (5.15 to 6.3; default: the file's xsi:schemaLocation, else 5.19) or an Amazon MQ engine version (5.15 to 5.19; default 5.18).")
    var engineVersion: String?

    /// The command-line layer of the settings, with these two options in it.
    func commandLine(_ base: LintCommandLine = LintCommandLine()) throws -> LintCommandLine {
        var commandLine = base
        commandLine.profile = profile?.rawValue
        try EngineVersionArgument.apply(engineVersion, profile: profile, to: &commandLine)
        return commandLine
    }

    /// The settings for one file, resolved (flag, `.activemq-config.json`, spec, default).
    func settings(for file: String, network: NetworkSpec? = nil, defaultProfile: LintProfile = .activeMQ) throws -> RuleSettings {
        var commandLine = try self.commandLine()
        commandLine.network = network
        do throws(LintSettingsError) {
            return try commandLine.settings(for: file, lookup: ProjectConfigurationLookup(), defaultProfile: defaultProfile)
        } catch {
            throw CLIError(error.diagnostics)
        }
    }

    /// The settings for a configuration inside a host file: the flag, then what its resource says
    /// (profile, engine version), then `.activemq-config.json` and the default.
    func settings(for file: String, host: (profile: String?, engineVersion: String?)) throws -> RuleSettings {
        let resolver = SettingsResolver(commandLine: try commandLine(), host: host, defaultProfile: .activeMQ)
        do throws(LintSettingsError) {
            return try resolver.resolve(for: file, lookup: ProjectConfigurationLookup()).rules
        } catch {
            throw CLIError(error.diagnostics)
        }
    }

    /// Refuses any profile but `amazon-mq` (commands about Amazon MQ alone).
    func requireAmazonMQ(_ command: String) throws {
        if let profile, profile != .amazonMQ {
            throw ValidationError("\(command) judges under the amazon-mq profile; --profile \(profile.rawValue) does not apply")
        }
        if let engineVersion, AmazonMQEngineVersion(rawValue: engineVersion) == nil {
            throw ValidationError("--engine-version is an Amazon MQ engine version here: "
                                  + AmazonMQEngineVersion.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// The Amazon MQ engine version given (5.18 when none).
    var amazonMQEngine: AmazonMQEngineVersion { engineVersion.flatMap(AmazonMQEngineVersion.init(rawValue:)) ?? .v5_18 }
}

/// A command that judges documents by lint's rules: it takes ``JudgementOptions`` (a test walks
/// the command tree and holds every leaf to saying which it is).
protocol JudgingCommand: ParsableCommand {
    /// Its `--profile`/`--target` and `--engine-version`.
    var judgement: JudgementOptions { get }
}

/// A command that judges nothing (it lists, prints, graphs or removes).
protocol NonJudgingCommand: ParsableCommand {}
