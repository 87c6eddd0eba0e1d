import ActiveMQConfig
import ActiveMQHosts
import ActiveMQLint
import ActiveMQTopology
import ArgumentParser
import LosslessXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct GenerateTopology: JudgingCommand {
    static var configuration: CommandConfiguration {
        ActiveMQConfigCLI.configuration(
            "generate", abstract: "Write one configuration per broker into DIR.",
            discussion: """
                DIR/<broker>.xml (and <broker>-1.xml, <broker>-2.xml for an active/standby pair with --target \
                activemq). With --target amazon-mq each file is a whole configuration, safe to paste as a new \
                revision: the broker's own from --base-dir (or --base), else the one Amazon MQ creates by default, \
                with only its <networkConnectors> changed; a broker that declares no connector gets no file. \
                Existing files are not overwritten without --force (with --base-dir DIR --out DIR, regeneration is \
                idempotent: it replaces what it generated and keeps hand-written connectors); a bad spec writes nothing. With \
                --target activemq, brokers read the bridge password from $AMQ_BRIDGE_PASSWORD at start (and pairs \
                their shared folder from $AMQ_SHARED_STORE).
                """)
    }

    @Argument(help: "The network spec (JSON).") var spec: String
    @Option(help: "The folder to write into (created if missing).") var out: String
    @OptionGroup var judgement: JudgementOptions
    @Option(help: "One configuration to start every broker from; connectors are inserted with minimal-diff edits.") var base: String?
    @Option(name: .customLong("base-dir"),
            help: "A folder of each broker's current configuration, <broker>.xml (wins over --base; earlier output regenerates idempotently).")
    var baseDirectory: String?
    @Flag(help: "Overwrite existing files.") var force = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xml, terraform, cloudformation
    }

    @Option(help: "xml: one file per broker; terraform: one .tf (--out FILE.tf, or DIR/network.tf) with an aws_mq_configuration per broker; cloudformation: one template (--out FILE.yaml, or DIR/network.yaml) with the configurations and the named brokers (Amazon MQ only).")
    var format: Format = .xml

    func run() throws {
        let network = try readSpec(spec)
        var baseConfiguration: BrokerConfiguration?
        if let base {
            do {
                baseConfiguration = BrokerConfiguration(document: try CLI.console.document(base))
            } catch {
                throw CLIError(error)
            }
        }
        var bases: [String: BrokerConfiguration] = [:]
        var baseFiles: [String: [UInt8]] = [:]  // resolved path → bytes read
        if let baseDirectory {
            for broker in network.brokers {
                let path = (baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/") + "\(broker.name).xml"
                guard access(path, F_OK) == 0 else { continue }
                do {
                    let document = try CLI.console.document(path)
                    bases[broker.name] = BrokerConfiguration(document: document)
                    baseFiles[Self.resolved(path)] = document.bytes
                } catch {
                    throw CLIError(error)
                }
            }
        }
        // Judged as lint judges the files it writes: under the resolved profile (the flag, else the
        // output folder's .activemq-config.json, else the spec's, else amazon-mq), by every rule.
        let settings = try judgement.settings(for: (out.hasSuffix("/") ? out : out + "/") + "\(network.brokers.first?.name ?? "broker").xml",
                                              network: network, defaultProfile: .amazonMQ(.v5_18))
        let target: ConfigurationTarget = settings.profile.isAmazonMQ ? .amazonMQ : .activeMQ
        if format != .xml && target == .activeMQ {
            throw CLIError(path: spec, message: "--format \(format.rawValue) writes Amazon MQ configurations: it needs --target amazon-mq, not activemq",
                           exitCode: ExitStatus.usageOrIO)
        }
        let files: [GeneratedConfiguration]
        do {
            files = try TopologyGenerator.generate(network, target: target, base: baseConfiguration, bases: bases,
                                                   settings: settings, rules: RuleCatalog.rules)
        } catch {
            // Each finding names the file it would have been written to; nothing was written.
            if !error.findings.isEmpty {
                throw CLIError(error.findings.map { finding in
                    var placed = finding
                    placed.file = finding.file.map { (out.hasSuffix("/") ? out : out + "/") + $0 }
                    return placed
                })
            }
            throw CLIError(path: spec, message: error.message, exitCode: ExitStatus.failure)
        }
        if format != .xml {
            try writeTerraform(files, network: network, engine: settings.profile)
            return
        }
        // Like mkdir -p: the folder and any missing parents.
        var partial = out.hasPrefix("/") ? "" : "."
        for component in out.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw CLIError(path: out, message: FileBytes.systemMessage(errno), exitCode: ExitStatus.usageOrIO)
            }
        }
        let paths = files.map { (out.hasSuffix("/") ? out : out + "/") + $0.fileName }
        // A file regenerated from itself (--base-dir and --out the same folder) is meant to be replaced.
        if !force, let existing = paths.first(where: { access($0, F_OK) == 0 && baseFiles[Self.resolved($0)] == nil }) {
            throw CLIError(path: existing, message: "already exists; nothing was written (use --force to overwrite)", exitCode: ExitStatus.failure)
        }
        for broker in network.brokers where !files.contains(where: { $0.broker == broker.name }) {
            CLI.console.printError(Diagnostic(file: nil, severity: .info, code: nil,
                                              message: "\(broker.name): declares no connector; no file written (its configuration needs no change)")
                .formatted(label: nil))
        }
        for (file, path) in zip(files, paths) {
            do {
                try AtomicFile.write(file.bytes, to: path, expecting: force ? nil : baseFiles[Self.resolved(path)])
            } catch {
                throw CLIError(path: path, message: error.message, exitCode: ExitStatus.usageOrIO)
            }
            CLI.console.print(path)
        }
    }

    /// `--format terraform`: one `.tf`, regenerated in place when it exists.
    func writeTerraform(_ files: [GeneratedConfiguration], network: NetworkSpec, engine: LintProfile) throws {
        let fileName = format == .cloudformation ? "network.yaml" : "network.tf"
        let given = format == .cloudformation ? out.hasSuffix(".yaml") || out.hasSuffix(".yml") || out.hasSuffix(".json") || out.hasSuffix(".template") : out.hasSuffix(".tf")
        let path = given ? out : (out.hasSuffix("/") ? out : out + "/") + fileName
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw CLIError(path: folder, message: FileBytes.systemMessage(errno), exitCode: ExitStatus.usageOrIO)
            }
        }
        let existing = access(path, F_OK) == 0 ? try? FileBytes.read(path) : nil
        let version: String
        if case .amazonMQ(let engine) = engine { version = engine.rawValue } else { version = "5.18" }
        let bytes: [UInt8]
        do throws(TerraformNetworkError) {
            bytes = format == .cloudformation
                ? try CloudFormationNetwork.render(files, spec: network, engineVersion: version)
                : try TerraformNetwork.render(files, spec: network, engineVersion: version, existing: existing, path: path)
        } catch {
            throw CLIError(path: spec, message: error.message, exitCode: ExitStatus.failure)
        }
        do {
            try AtomicFile.write(bytes, to: path, expecting: existing)
        } catch {
            throw CLIError(path: path, message: error.message, exitCode: ExitStatus.usageOrIO)
        }
        CLI.console.print(path)
    }

    /// The path as the file system resolves it (for comparing a base file with an output file).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
