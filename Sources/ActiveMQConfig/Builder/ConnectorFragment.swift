/// Network connectors rendered as XML text, without a document: for a template, a CDK or
/// Terraform string, or a paste into the Amazon MQ console. Each connector is judged by the same
/// rules as the builder's edits, so a fragment pasted into a configuration lints clean under the
/// same profile.
public enum ConnectorFragment {
    /// The quote around attribute values.
    public enum Quote: String, Sendable, CaseIterable {
        /// `"`.
        case double
        /// `'`.
        case single
    }

    /// A rendered fragment and the warnings the rules raised on it.
    public struct Rendered: Sendable {
        /// The XML text.
        public var text: String
        /// Warning- and info-level findings (positions are in a scratch document).
        public var warnings: [Diagnostic]
    }

    /// Renders connectors.
    ///
    /// - Parameters:
    ///   - definitions: The connectors, in order (their names must differ).
    ///   - settings: The profile and rules that judge them.
    ///   - rules: The rules; the model's by default.
    ///   - indentation: One level of indentation, e.g. two spaces or a tab.
    ///   - quote: The quote around attribute values.
    ///   - wrapped: Whether to wrap them in `<networkConnectors>`.
    /// - Returns: The lines, each ending with a line feed, the wrapper (or the connectors) at no
    ///   indentation; and the warnings.
    /// - Throws: ``ConnectorError/refused(_:)`` with the rules' error-level findings, or another
    ///   ``ConnectorError``.
    public static func render(_ definitions: [NetworkConnectorDefinition], settings: RuleSettings, rules: RuleSet = .model,
                              indentation: String = "  ", quote: Quote = .double, wrapped: Bool = true) throws(ConnectorError) -> Rendered {
        guard indentation.allSatisfy({ $0 == " " || $0 == "\t" }) else { throw .invalidValue(attribute: "indentation", expected: "spaces or tabs") }
        let q = quote == .double ? "\"" : "'"
        // A scratch broker in the wanted style: the list one level in, the quote set by the root.
        let scratch = "<broker xmlns=\(q)\(ActiveMQNamespace.core)\(q)>\n\(indentation)<networkConnectors>\n\(indentation)</networkConnectors>\n</broker>\n"
        var configuration: BrokerConfiguration
        do {
            configuration = try BrokerConfiguration(bytes: Array(scratch.utf8), path: "(fragment)", template: nil)
        } catch {
            throw .edit(.rejected(error))
        }
        var warnings: [Diagnostic] = []
        for definition in definitions {
            warnings += try configuration.addNetworkConnector(definition, to: .only, settings: settings, rules: rules).warnings
        }
        let lines = String(decoding: configuration.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Lines 1 … n-3 are the list; drop the broker's lines and one level of indentation.
        let list = lines.dropFirst().dropLast(2)
        let body = wrapped ? Array(list) : Array(list.dropFirst().dropLast())
        let text = body.map { line in
            (line.hasPrefix(indentation) ? String(line.dropFirst(indentation.count)) : String(line)) + "\n"
        }.map { wrapped ? $0 : String($0.dropFirst(indentation.count)) }.joined()
        return Rendered(text: text, warnings: warnings)
    }
}
