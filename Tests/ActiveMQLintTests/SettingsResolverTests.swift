import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// The one settings resolver: flag, host, .activemq-config.json, network spec, xsi:schemaLocation,
/// default — the first that says wins, and each value says where it came from.
@Suite("Settings resolver")
struct SettingsResolverTests {
    /// A project folder (a `.git` stops the search for `.activemq-config.json`) with a file in it.
    static func project(_ configuration: String?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resolver-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        if let configuration { try Data(configuration.utf8).write(to: URL(fileURLWithPath: folder + "/.activemq-config.json")) }
        return folder + "/broker.xml"
    }

    static let versioned = try! LosslessDocument(string: """
        <beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core-5.15.0.xsd">
          <broker xmlns="http://activemq.apache.org/schema/core"/>
        </beans>
        """)

    func resolve(_ file: String, flag: (String?, String?) = (nil, nil), host: (String?, String?) = (nil, nil),
                 spec: (String?, String?) = (nil, nil), defaultProfile: LintProfile = .activeMQ,
                 document: LosslessDocument? = nil) throws -> ResolvedSettings {
        var commandLine = LintCommandLine()
        commandLine.profile = flag.0
        if let version = flag.1 {
            commandLine.engineVersion = AmazonMQEngineVersion(rawValue: version)
            commandLine.activeMQVersion = ActiveMQVersion(version)
        }
        if spec.0 != nil || spec.1 != nil {
            var network = NetworkSpec(topology: .mesh, user: "u", brokers: [])
            network.profile = spec.0
            network.engineVersion = spec.1
            commandLine.network = network
        }
        let resolved = try SettingsResolver(commandLine: commandLine, host: host, defaultProfile: defaultProfile)
            .resolve(for: file, lookup: ProjectConfigurationLookup())
        return document.map(resolved.reading) ?? resolved
    }

    @Test("Nothing said: the command's default profile, Amazon MQ 5.18 or ActiveMQ 5.19")
    func defaults() throws {
        let file = try Self.project(nil)
        let plain = try resolve(file)
        #expect(plain.profile == Resolved(value: .activeMQ, source: .defaultValue))
        #expect(plain.version == Resolved(value: .defaultVersion, source: .defaultValue))
        let generated = try resolve(file, defaultProfile: .amazonMQ(.v5_18))
        #expect(generated.profile == Resolved(value: .amazonMQ(.v5_18), source: .defaultValue))
        #expect(generated.version.value == ActiveMQVersion(amazonMQ: .v5_18))
    }

    @Test("Each layer beats the ones after it, and says so")
    func order() throws {
        let file = try Self.project(#"{"profile": "amazon-mq", "engineVersion": "5.17"}"#)
        // The project file beats the spec and the default.
        let project = try resolve(file, spec: ("activemq", "6.1"))
        #expect(project.profile == Resolved(value: .amazonMQ(.v5_17), source: .projectFile))
        #expect(project.version.source == .projectFile)
        // The host beats the project file; the flag beats the host.
        let host = try resolve(file, host: ("amazon-mq", "5.19"))
        #expect(host.profile == Resolved(value: .amazonMQ(.v5_19), source: .host))
        let flag = try resolve(file, flag: ("activemq", "6.0"), host: ("amazon-mq", "5.19"))
        #expect(flag.profile == Resolved(value: .activeMQ, source: .flag))
        #expect(flag.version == Resolved(value: ActiveMQVersion(major: 6, minor: 0), source: .flag))
        #expect(flag.rules.activeMQVersion == ActiveMQVersion(major: 6, minor: 0))
        // Without a project file, the spec's keys apply.
        let bare = try Self.project(nil)
        let spec = try resolve(bare, spec: ("amazon-mq", "5.16"))
        #expect(spec.profile == Resolved(value: .amazonMQ(.v5_16), source: .networkSpec))
        #expect(spec.version.source == .networkSpec)
    }

    @Test("xsi:schemaLocation names the version only when nothing before it does")
    func schemaLocation() throws {
        let file = try Self.project(nil)
        let named = try resolve(file, document: Self.versioned)
        #expect(named.version == Resolved(value: ActiveMQVersion(major: 5, minor: 15, patch: 0), source: .schemaLocation))
        #expect(named.rules.activeMQVersion == ActiveMQVersion(major: 5, minor: 15, patch: 0))
        let spec = try resolve(file, spec: (nil, "5.18"), document: Self.versioned)
        #expect(spec.version == Resolved(value: ActiveMQVersion(major: 5, minor: 18), source: .networkSpec))
        let amazon = try resolve(file, flag: ("amazon-mq", nil), document: Self.versioned)
        #expect(amazon.version.value == ActiveMQVersion(amazonMQ: .v5_18))
    }

    @Test("A spec with a bad profile or engine version is refused at its key")
    func specKeys() {
        #expect(throws: NetworkSpecError.self) {
            try NetworkSpec.decode(Array(#"{"topology": "mesh", "brokers": [], "profile": "amazon"}"#.utf8))
        }
        #expect(throws: NetworkSpecError.self) {
            try NetworkSpec.decode(Array(#"{"topology": "mesh", "brokers": [], "engineVersion": "five"}"#.utf8))
        }
        #expect((try? NetworkSpec.decode(Array(#"{"topology": "mesh", "brokers": [], "profile": "amazon-mq", "engineVersion": "5.19"}"#.utf8)))?.profile == "amazon-mq")
    }
}
