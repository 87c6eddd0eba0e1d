import ActiveMQConfig
public import LosslessXML
import ActiveMQLint

/// The kind of file a broker configuration is embedded in.
public enum HostFormat: String, Sendable, Hashable, CaseIterable {
    /// A Terraform file (`.tf`): heredocs and quoted strings.
    case terraform
    /// A YAML or JSON file (`.yaml`, `.yml`, `.json`, `.template`): Kubernetes, Crossplane,
    /// CloudFormation; string scalars.
    case yaml

    /// The format a file name implies, if any: `.tf` → Terraform; `.yaml`, `.yml`, `.json`,
    /// `.template` → YAML (JSON is read as the YAML it is).
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        if lowered.hasSuffix(".tf") {
            self = .terraform
        } else if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".json") || lowered.hasSuffix(".template") {
            self = .yaml
        } else {
            return nil
        }
    }

    /// `Terraform` or `YAML`.
    public var displayName: String {
        switch self {
        case .terraform: return "Terraform"
        case .yaml: return "YAML"
        }
    }
}

/// How text written into an embedded document must be spelled in its host.
public enum HostEncoding: Sendable, Hashable {
    /// A Terraform heredoc: `${` and `%{` escaped as `$${` and `%%{`; with `<<-`, each new line
    /// takes the indentation the heredoc strips (`strip` characters), or the stripping of every
    /// line would change; no line may be the marker.
    case heredoc(marker: String, strip: Int?)
    /// A Terraform quoted string: backslash escapes, and `$${`, `%%{`.
    case hclQuoted
    /// A YAML literal block scalar: each new line takes the block's indentation.
    case yamlBlock(indent: Int)
    /// A YAML (or JSON) double-quoted scalar on one line: backslash escapes.
    case yamlDoubleQuoted
    /// A YAML single-quoted scalar on one line: `''` for `'`, no line breaks.
    case yamlSingleQuoted
    /// A YAML plain scalar on one line: no line breaks, no `: ` or ` #`.
    case yamlPlain
}

/// A broker configuration embedded in a host file: the host's bytes, the extracted document's
/// bytes, the byte map between them, and what the host says about it (its address, the profile
/// and engine version a resource implies).
///
/// Every position in the document maps to the host through ``map``, so findings, fixes and the
/// round trip are the same code for every form.
public struct HostDocument: Sendable, Hashable {
    /// The host file, as given.
    public var hostPath: String
    /// The host's format.
    public var format: HostFormat
    /// The document's address in the host: `aws_mq_configuration.hub`, `local.broker_xml`.
    public var address: String
    /// The extracted document (what the string value is, escapes decoded).
    public var bytes: [UInt8]
    /// Where each document byte comes from in the host.
    public var map: ByteMap
    /// The host bytes of the whole literal (the heredoc's body, the string between its quotes).
    public var literal: Range<Int>
    /// The profile the host implies (`amazon-mq` for an `aws_mq_configuration`), if any.
    public var profile: String?
    /// The engine version the host states as a literal (`engine_version = "5.18"`), if any; an
    /// expression (`var.version`) gives none.
    public var engineVersion: String?
    /// The resource's `name` argument, if a literal.
    public var name: String?
    /// Why the literal cannot be edited in place, if it cannot.
    public var readOnlyReason: String?
    /// Text by which connectors in other documents reach this one: the references to the resource
    /// that runs it (`aws_mq_broker.hub.` for a Terraform broker whose `configuration` names this
    /// document, `Fn::GetAtt Hub.` in CloudFormation).
    public var networkAliases: [String] = []
    /// How inserted text is spelled in the host; nil when the document cannot be edited in place
    /// (``readOnlyReason`` says why).
    public var encoding: HostEncoding?
    /// The template syntax the document is read in: Terraform's for a `.tf` (`${…}` and `%{…}` are
    /// Terraform's), Jinja's for an `Fn::Join` (each intrinsic stands as `{{Fn::GetAtt}}`), none
    /// for a plain YAML string, whose `${…}` reaches the broker as written.
    public var template: TemplateSyntax?
    /// Whether positions inside the document map to the host byte for byte; when not (pre-encoded
    /// base64, a scalar form read only by the YAML library), every finding points at the literal's
    /// start and names its line inside the document.
    public var positionsInside = true

    /// The host line and column (1-based; columns count Unicode scalars) of a document offset.
    public func hostPosition(ofDocumentOffset offset: Int, in table: HostLines) -> (line: Int, column: Int) {
        table.lines.position(of: map.hostOffset(offset))
    }
}

/// The lines of a host file, for turning its byte offsets into lines and columns.
public struct HostLines: Sendable {
    let lines: LineTable

    /// The lines of these bytes.
    public init(_ bytes: [UInt8]) {
        lines = LineTable(bytes)
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        lines.position(of: offset)
    }
}

/// A problem reading a host file: where, and what. The host's other documents are still read.
public struct HostError: Error, Sendable, Hashable {
    /// The host file.
    public var path: String
    /// The 1-based line and column.
    public var line: Int
    /// The column.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// As a diagnostic (`host-syntax`, an error).
    public var diagnostic: Diagnostic {
        Diagnostic(file: path, line: line, column: column, severity: .error, code: RuleID.hostSyntax.rawValue, message: message)
    }
}

/// The host files the tool reads, by format.
public enum HostFile {
    /// The documents of a host file whose name gives its format (``HostFormat/init(fileName:)``);
    /// nil for any other file.
    public static func documents(in bytes: [UInt8], path: String) -> (documents: [HostDocument], errors: [HostError])? {
        switch HostFormat(fileName: path) {
        case .terraform?: return TerraformFile.documents(in: bytes, path: path)
        case .yaml?: return YAMLFile.documents(in: bytes, path: path)
        case nil: return nil
        }
    }
}
