internal import CXMLShim
import ActiveMQConfig

/// `activemq-config validate`: libxml2's XSD validation of each `<broker>` element.
public enum SchemaValidator {
    /// Why validation could not run.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The reason, with the schema's path.
        public var message: String
        /// The reason.
        public var description: String { message }
    }

    /// Validates every core-namespace `<broker>` of a document against an XSD and returns one
    /// `schema` finding per error. Not well-formed input gives `not-well-formed`.
    ///
    /// - Throws: ``Failure`` when the schema cannot be loaded.
    public static func validate(_ bytes: [UInt8], path: String, schema: String) throws(Failure) -> [Finding] {
        final class Collector {
            var errors: [(level: Int32, message: String, line: Int, column: Int)] = []
        }
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let status: Int32 = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                amqx_validate(buffer.baseAddress, buffer.count, path, schema, ActiveMQNamespace.core, "broker", { context, level, message, line, column in
                    let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
                    var text = message.map { String(cString: $0) } ?? "schema error"
                    if let newline = text.firstIndex(where: { $0 == "\n" }) { text = String(text[..<newline]) }
                    collector.errors.append((level, text.trimmingXMLWhitespace, Int(line), Int(column)))
                }, context)
            }
        }
        if status == -1 {
            let reason = collector.errors.first?.message ?? "it is not a valid XSD"
            throw Failure(message: "\(schema): the schema cannot be loaded: \(reason)")
        }
        if status == -3 { throw Failure(message: "libxml2 ran out of memory") }
        let rule: RuleID = status == -2 ? .notWellFormed : .schema
        return collector.errors.filter { $0.level >= 2 }.map {
            Finding(file: path, line: max(1, $0.line), column: max(1, $0.column), severity: .error, rule: rule, message: $0.message)
        }
    }
}
