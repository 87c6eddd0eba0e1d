import Foundation
import ActiveMQConfig
import ActiveMQLint
import Testing

@Suite("Rule schema")
struct SchemaRuleTests {
    @Test("validate reports libxml2's schema errors on each <broker>, skipping Spring's wrapper",
          .enabled(if: Shared.isPresent, "../shared is absent"))
    func validate() throws {
        let bad = """
            <beans xmlns="http://www.springframework.org/schema/beans">
              <broker xmlns="\(coreNamespace)" brokerName="b">
                <networkConnectors>
                  <networkConnector name="n" duplx="true" uri="static:(tcp://h:61616)"/>
                </networkConnectors>
              </broker>
            </beans>
            """
        let findings = try SchemaValidator.validate(Array(bad.utf8), path: "bad.xml", schema: Shared.schema)
        try #require(findings.count == 1)
        #expect(findings[0].rule == "schema" && findings[0].severity == .error && findings[0].line == 4)
        #expect(findings[0].message.contains("'duplx'"))
        let good = bad.replacingOccurrences(of: "duplx", with: "duplex")
        #expect(try SchemaValidator.validate(Array(good.utf8), path: "good.xml", schema: Shared.schema).isEmpty)
        #expect(throws: SchemaValidation.Failure.self) {
            try SchemaValidator.validate(Array(good.utf8), path: "good.xml", schema: "/nonexistent.xsd")
        }
    }
}

