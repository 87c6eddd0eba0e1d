#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import ActiveMQConfig

/// The official XSDs the tool carries (Apache-2.0; sources in NOTICE), so `validate` needs no
/// `--schema`: Apache ActiveMQ's per version (5.15 to 6.3), Amazon MQ's per engine version, and
/// Spring's beans schema, which ActiveMQ's strict `##other` wildcards need for `<bean>`s (in
/// `<shutdownHooks>`, `<plugins>`, …). Stored gzipped and base64-encoded; written to a private
/// temporary folder for libxml2 (which reads gzip) for the time of one validation.
public enum CarriedSchemas {
    /// The file names of the carried schemas.
    public static var names: [String] { encoded.keys.sorted() }

    /// The ActiveMQ schema for a version (its file name), or nil when none covers it.
    public static func activeMQ(_ version: ActiveMQVersion) -> String? {
        Vocabulary.activeMQ(version).map { "activemq-\($0.schema).xsd" }
    }

    /// Amazon MQ's schema for an engine version (its file name).
    public static func amazonMQ(_ engine: AmazonMQEngineVersion) -> String {
        switch engine {
        case .v5_15: return "amazon-mq-active-mq-5.15.16.xsd"
        case .v5_16: return "amazon-mq-active-mq-5.16.7.xsd"
        case .v5_17: return "amazon-mq-active-mq-5.17.6.xsd"
        case .v5_18: return "amazon-mq-active-mq-5.18.4.xsd"
        case .v5_19: return "amazon-mq-active-mq-5.19.1.xsd"
        }
    }

    /// Why the schemas could not be written out.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The reason.
        public var message: String
        /// The reason.
        public var description: String { message }
    }

    /// Runs `body` with a schema to validate against: the named carried schema (an ActiveMQ one
    /// together with Spring's beans schema), or the file at `path` (likewise, when it is a schema
    /// of ActiveMQ's core namespace). The temporary files are removed afterwards.
    public static func withSchema<T>(carried name: String?, path: String?, _ body: (String) throws -> T) throws -> T {
        var template = Array("\(temporaryDirectory())/activemq-config-xsd-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(message: "cannot create a temporary folder for the schemas: \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        defer { remove(folder) }
        var core: String
        if let name {
            guard let bytes = decoded(name) else { throw Failure(message: "no carried schema named \(name)") }
            core = "\(folder)/\(name).gz"
            try writeFile(bytes, to: core)
            guard name.hasPrefix("activemq-") else { return try body(core) }
        } else if let path {
            core = path.hasPrefix("/") ? path : "\(currentWorkingDirectory() ?? ".")/\(path)"
            guard declaresCoreNamespace(path) else { return try body(path) }
        } else {
            throw Failure(message: "no schema given")
        }
        let spring = "\(folder)/spring-beans-4.3.xsd.gz"
        try writeFile(decoded("spring-beans-4.3.xsd") ?? [], to: spring)
        let driver = "\(folder)/driver.xsd"
        try writeFile(Array("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:activemq-config:validate">
              <xs:import namespace="\(ActiveMQNamespace.core)" schemaLocation="\(xmlEscaped(core))"/>
              <xs:import namespace="\(ActiveMQNamespace.springBeans)" schemaLocation="\(xmlEscaped(spring))"/>
            </xs:schema>

            """.utf8), to: driver)
        return try body(driver)
    }

    /// A carried schema's gzipped bytes.
    static func decoded(_ name: String) -> [UInt8]? {
        encoded[name].flatMap(Base64.decode)
    }

    /// Whether the XSD at `path` declares ActiveMQ's core namespace as its target.
    static func declaresCoreNamespace(_ path: String) -> Bool {
        guard let bytes = try? FileBytes.read(path) else { return false }
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        return text.containsUTF8("targetNamespace=\"\(ActiveMQNamespace.core)\"") || text.containsUTF8("targetNamespace='\(ActiveMQNamespace.core)'")
    }

    private static func temporaryDirectory() -> String {
        guard let value = getenv("TMPDIR") else { return "/tmp" }
        let text = String(cString: value)
        return text.isEmpty ? "/tmp" : (text.hasSuffix("/") ? String(text.dropLast()) : text)
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw Failure(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    private static func remove(_ folder: String) {
        guard let directory = opendir(folder) else { return }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { unlink("\(folder)/\(name)") }
        }
        closedir(directory)
        rmdir(folder)
    }

    private static func xmlEscaped(_ text: String) -> String { text.xmlAttributeEscaped }
}
