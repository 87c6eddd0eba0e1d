import Foundation
import Testing

/// Real outputs and examples validated against the published JSON Schemas (Python's jsonschema,
/// installed by Scripts/install-dependencies test).
@Suite("Published JSON Schemas")
struct JSONSchemaTests {
    static var jsonschemaAvailable: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema"]
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }

    func validate(_ instance: Data, against schema: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("instance-\(UUID().uuidString).json")
        try instance.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]
            print("\\n".join(errors)); sys.exit(1 if errors else 0)
            """, Paths.repository.appendingPathComponent("Docs/\(schema)").path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : "invalid: " + output
    }

    @Test("lint --format json output matches Docs/lint-report.schema.json",
          .enabled(if: JSONSchemaTests.jsonschemaAvailable || ProcessInfo.processInfo.environment["CI"] == "true", "python3 jsonschema is not installed"))
    func lintReport() throws {
        let path = try Paths.temporaryFile(LintCommandTests.leaky)
        let run = runCLI(["lint", "--format", "json", path])
        #expect(try validate(Data(run.stdout), against: "lint-report.schema.json") == "")
        let empty = runCLI(["lint", "--format", "json", try Paths.temporaryFile("<broker xmlns=\"http://activemq.apache.org/schema/core\"/>")])
        #expect(try validate(Data(empty.stdout), against: "lint-report.schema.json") == "")
    }

    @Test("Every scenario of Fixtures/scenarios matches Docs/scenario.schema.json; a misspelt key does not",
          .enabled(if: JSONSchemaTests.jsonschemaAvailable || ProcessInfo.processInfo.environment["CI"] == "true", "python3 jsonschema is not installed"))
    func scenarios() throws {
        let folder = Paths.repository.appendingPathComponent("Fixtures/scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("scenario.json"))
            #expect(try validate(data, against: "scenario.schema.json") == "", "\(name)")
        }
        #expect(try validate(Data(#"{"engineVersion": "5.17.2", "brokers": [{"name": "A", "config": "A.xml"}], "steps": [{"consume": {"id": "c", "broker": "A", "destination": "queue://Q", "prefech": 1}}]}"#.utf8),
                             against: "scenario.schema.json") != "")
    }

    @Test("Examples of .activemq-config.json and network specs match their schemas",
          .enabled(if: JSONSchemaTests.jsonschemaAvailable || ProcessInfo.processInfo.environment["CI"] == "true", "python3 jsonschema is not installed"))
    func configurationAndSpec() throws {
        let configuration = #"{"profile": "amazon-mq", "engineVersion": "5.18", "disable": ["missing-username"], "severity": {"network-ttl": "error", "multicast-discovery": "off"}, "overrides": [{"files": "legacy/*.xml", "profile": "activemq"}]}"#
        #expect(try validate(Data(configuration.utf8), against: "activemq-config.schema.json") == "")
        #expect(try validate(Data(#"{"profile": "azure"}"#.utf8), against: "activemq-config.schema.json") != "")
        let spec = #"{"topology": "hub-and-spokes", "user": "myCommonUser", "hub": "Hub", "brokers": [{"name": "Hub", "endpoints": ["ssl://a:61617", "ssl://b:61617"]}, {"name": "Spoke", "endpoints": ["ssl://c:61617"]}]}"#
        #expect(try validate(Data(spec.utf8), against: "network-spec.schema.json") == "")
        #expect(try validate(Data(#"{"topology": "star", "brokers": []}"#.utf8), against: "network-spec.schema.json") != "")
    }
}
