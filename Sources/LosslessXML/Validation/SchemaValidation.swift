internal import CXMLShim

/// XSD validation with libxml2's schema support: the elements of one name and namespace in a
/// document (each `<broker>`, say), each validated as a document of its own.
public enum SchemaValidation {
    /// Why validation could not run.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
        /// The reason, with the schema's path.
        public var message: String
        /// The reason.
        public var description: String { message }
        /// One diagnostic (code `usage`: the schema given cannot be used).
        public var diagnostics: [Diagnostic] { [Diagnostic(file: nil, severity: .error, code: Diagnostic.usageCode, message: message)] }
    }

    /// What validation found.
    public struct Result: Sendable, Hashable {
        /// Whether the document itself is not well-formed (then ``errors`` are parse errors).
        public var notWellFormed: Bool
        /// libxml2's errors, first line of each message, with their positions.
        public var errors: [XMLDiagnostic]
    }

    /// Validates every element named `localName` in `namespace` against the XSD at `schema`.
    ///
    /// - Throws: ``Failure`` when the schema cannot be loaded, or libxml2 runs out of memory.
    public static func validate(_ bytes: [UInt8], path: String, schema: String, namespace: String, localName: String)
        throws(Failure) -> Result
    {
        final class Collector {
            var errors: [XMLDiagnostic] = []
        }
        let collector = Collector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let status: Int32 = withExtendedLifetime(collector) {
            bytes.withUnsafeBufferPointer { buffer in
                amqx_validate(buffer.baseAddress, buffer.count, path, schema, namespace, localName, { context, level, message, line, column in
                    let collector = Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
                    var text = message.map { String(cString: $0) } ?? "schema error"
                    if let newline = text.firstIndex(where: { $0 == "\n" }) { text = String(text[..<newline]) }
                    let severity: XMLDiagnostic.Severity = level >= 3 ? .fatal : level == 2 ? .error : .warning
                    collector.errors.append(XMLDiagnostic(severity: severity, message: text.trimmingXMLSpace, line: Int(line),
                                                          column: Int(column), code: 0))
                }, context)
            }
        }
        if status == -1 {
            let reason = collector.errors.first?.message ?? "it is not a valid XSD"
            throw Failure(message: "\(schema): the schema cannot be loaded: \(reason)")
        }
        if status == -3 { throw Failure(message: "libxml2 ran out of memory") }
        return Result(notWellFormed: status == -2, errors: collector.errors.filter { $0.severity != .warning })
    }
}
