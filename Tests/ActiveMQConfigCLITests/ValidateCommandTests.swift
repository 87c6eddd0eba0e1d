import Foundation
import Testing

/// `validate` with the schemas the tool carries: ActiveMQ's per version (with Spring's beans schema
/// for the strict wildcards), Amazon MQ's per engine version.
@Suite("activemq-config validate")
struct ValidateCommandTests {
    static let springBean = """
        <beans xmlns="http://www.springframework.org/schema/beans">
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="localhost">
            <shutdownHooks>
              <bean xmlns="http://www.springframework.org/schema/beans" class="org.apache.activemq.hooks.SpringContextHook"/>
            </shutdownHooks>
          </broker>
        </beans>

        """

    @Test("ActiveMQ's default layout, a Spring <bean> in <shutdownHooks>, validates without --schema for every version",
          arguments: ["5.15", "5.16", "5.17", "5.18", "5.19", "6.0", "6.1", "6.2", "6.3"])
    func springBeans(_ version: String) throws {
        let path = try Paths.temporaryFile(Self.springBean)
        let run = runCLI(["validate", "--engine-version", version, path])
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderr)")
    }

    @Test("The version decides: levelDB is valid in 5.16, not in the default 5.19; a versioned schemaLocation picks too")
    func versions() throws {
        let text = "<broker xmlns=\"http://activemq.apache.org/schema/core\"><persistenceAdapter><levelDB directory=\"x\"/></persistenceAdapter></broker>\n"
        let path = try Paths.temporaryFile(text)
        let latest = runCLI(["validate", path])
        #expect(latest.exitCode == 1 && latest.stdoutText.contains("levelDB") && latest.stdoutText.contains("[schema]"))
        #expect(runCLI(["validate", "--engine-version", "5.16", path]).exitCode == 0)
        let located = try Paths.temporaryFile("""
            <beans xmlns="http://www.springframework.org/schema/beans" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core-5.16.2.xsd">
              \(text)</beans>
            """)
        #expect(runCLI(["validate", located]).exitCode == 0)
    }

    @Test("Amazon MQ's schema per engine version; a bad --schema is a usage error")
    func amazon() throws {
        let path = try Paths.temporaryFile("<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"b\"/>\n")
        let run = runCLI(["validate", "--profile", "amazon-mq", path])
        #expect(run.exitCode == 1 && run.stdoutText.contains("brokerName"))
        #expect(runCLI(["validate", path]).exitCode == 0)
        #expect(runCLI(["validate", "--schema", "/nonexistent.xsd", path]).exitCode == 2)
        #expect(runCLI(["validate", "--profile", "amazon-mq", "--engine-version", "6.1", path]).exitCode == 2)
    }

    @Test("--schema with ActiveMQ's own 5.17.2 XSD validates the stock layout too: Spring's beans schema is loaded beside it",
          .enabled(if: FileManager.default.fileExists(atPath: Paths.repository.deletingLastPathComponent().appendingPathComponent("shared/reference").path),
                   "../shared is absent"))
    func givenSchema() throws {
        let xsd = Paths.repository.deletingLastPathComponent().appendingPathComponent("shared/reference/activemq/activemq-5.17.2.xsd").path
        let path = try Paths.temporaryFile(Self.springBean)
        let run = runCLI(["validate", "--schema", xsd, path])
        #expect(run.exitCode == 0, "\(run.stdoutText)\(run.stderr)")
    }
}
