#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// A network of brokers, as the topology generator and the linter's cross-file rules read it
/// (`--network SPEC`); its JSON Schema is `Docs/network-spec.schema.json`.
///
/// ```json
/// {"topology": "source-sink", "user": "myCommonUser",
///  "brokers": [{"name": "MyBroker1", "endpoints": ["ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617"]},
///              {"name": "MyBroker2", "endpoints": ["ssl://b-9876-1…:61617", "ssl://b-9876-2…:61617"]}],
///  "links": [{"from": "MyBroker1", "to": "MyBroker2"}]}
/// ```
public struct NetworkSpec: Sendable, Hashable, Codable {
    /// The topologies the generator knows.
    public enum Topology: String, Sendable, Hashable, Codable, CaseIterable {
        /// Explicit links only.
        case sourceSink = "source-sink"
        /// Every spoke connects to the hub.
        case hubAndSpokes = "hub-and-spokes"
        /// Each broker of a layer connects to every broker of the next layer.
        case concentrator
        /// Each broker of a layer connects to one parent in the next layer.
        case tree
        /// Every pair once.
        case mesh
    }

    /// A broker: one endpoint for a single instance, two for an active/standby pair.
    public struct Broker: Sendable, Hashable, Codable {
        /// The broker's name.
        public var name: String
        /// Its OpenWire endpoints, e.g. `ssl://b-1234-1.mq.us-east-2.amazonaws.com:61617`.
        public var endpoints: [String]
        /// The Terraform resource that runs it (`aws_mq_broker.hub`): `topology generate --format
        /// terraform` writes connector URIs that read its endpoints.
        public var terraform: String?
        /// The logical id of its `AWS::AmazonMQ::Broker` (`Hub`): `topology generate --format
        /// cloudformation` writes that broker, and connector URIs that read its endpoints.
        public var cloudformation: String?

        /// Creates a broker.
        public init(name: String, endpoints: [String], terraform: String? = nil, cloudformation: String? = nil) {
            self.name = name
            self.endpoints = endpoints
            self.terraform = terraform
            self.cloudformation = cloudformation
        }
    }

    /// A connector from one broker to another, declared by `from`.
    public struct Link: Sendable, Hashable, Codable {
        /// The broker that declares the connector.
        public var from: String
        /// The broker it connects to.
        public var to: String
        /// Overrides the topology's duplex default.
        public var duplex: Bool?
        /// The connector's name, overriding the spec's `connectorName` pattern.
        public var name: String?

        /// Creates a link.
        public init(from: String, to: String, duplex: Bool? = nil, name: String? = nil) {
            self.from = from
            self.to = to
            self.duplex = duplex
            self.name = name
        }
    }

    /// The topology.
    public var topology: Topology
    /// The common user every connector authenticates as.
    public var user: String?
    /// The brokers.
    public var brokers: [Broker]
    /// Explicit links (any topology may add some).
    public var links: [Link]?
    /// The hub, for hub-and-spokes.
    public var hub: String?
    /// Layers from the outermost inwards, for concentrator and tree.
    public var layers: [[String]]?
    /// How connectors are named: a pattern with `{from}`, `{to}` (broker names) and `{fromIndex}`,
    /// `{toIndex}` (1-based, in spec order). Default `connector_{from}_to_{to}`; the Amazon MQ
    /// tutorial's names are `connector_{fromIndex}_to_{toIndex}`.
    public var connectorName: String?
    /// Where the brokers run, `activemq` or `amazon-mq`: the profile their files are judged under
    /// when neither the command line nor `.activemq-config.json` says.
    public var profile: String?
    /// The engine version the brokers run (Amazon MQ `5.18`, or ActiveMQ `MAJOR.MINOR[.PATCH]`),
    /// when neither the command line nor `.activemq-config.json` says.
    public var engineVersion: String?
    /// Whether every broker's files get `replayWhenNoConsumers="true"` for every queue (see
    /// ``BrokerConfiguration/enableReplayWhenNoConsumers(on:settings:rules:)``): queue messages that
    /// came over a bridge go back when their consumer moved. Off when absent.
    public var replayWhenNoConsumers: Bool?

    /// Creates a spec.
    public init(topology: Topology, user: String?, brokers: [Broker], links: [Link]? = nil, hub: String? = nil,
                layers: [[String]]? = nil, connectorName: String? = nil, replayWhenNoConsumers: Bool? = nil) {
        self.connectorName = connectorName
        self.replayWhenNoConsumers = replayWhenNoConsumers
        self.topology = topology
        self.user = user
        self.brokers = brokers
        self.links = links
        self.hub = hub
        self.layers = layers
    }

    /// Reads a spec from JSON.
    ///
    /// - Throws: ``NetworkSpecError`` with the path of the offending field.
    public static func decode(_ bytes: [UInt8]) throws(NetworkSpecError) -> NetworkSpec {
        let spec: NetworkSpec
        do {
            spec = try JSONDecoder().decode(NetworkSpec.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw NetworkSpecError(message: "missing field '\(Self.path(context.codingPath + [key]))'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw NetworkSpecError(message: "'\(Self.path(context.codingPath))' has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw NetworkSpecError(message: "'\(Self.path(context.codingPath))' must not be null")
        } catch let DecodingError.dataCorrupted(context) {
            if context.codingPath.last?.stringValue == "topology" {
                throw NetworkSpecError(message: "'topology' must be one of " + Topology.allCases.map(\.rawValue).joined(separator: ", "))
            }
            throw NetworkSpecError(message: context.codingPath.isEmpty ? "the spec is not valid JSON" : "'\(Self.path(context.codingPath))' is not valid")
        } catch {
            throw NetworkSpecError(message: "the spec is not valid JSON")
        }
        if let profile = spec.profile, LintProfile(name: profile) == nil {
            throw NetworkSpecError(message: "'profile' must be activemq or amazon-mq")
        }
        if let version = spec.engineVersion, AmazonMQEngineVersion(rawValue: version) == nil, ActiveMQVersion(version) == nil {
            throw NetworkSpecError(message: "'engineVersion' must be MAJOR.MINOR[.PATCH] (Amazon MQ 5.15 to 5.19, ActiveMQ 5.15 to 6.3)")
        }
        return spec
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// The spec broker a configuration file configures: the one named by its `brokerName`, else the
    /// one named by the file (`MyBroker1.xml`, or `MyBroker2-1.xml` and `MyBroker2-2.xml` for the two
    /// members of an active/standby pair, as the topology generator writes them).
    public func broker(forFile path: String, brokerName: String?) -> Broker? {
        if let brokerName { return brokers.first { $0.name == brokerName } }
        let stem = Self.fileStem(path)
        return brokers.first { broker in
            stem == broker.name || (broker.endpoints.count == 2 && (stem == broker.name + "-1" || stem == broker.name + "-2"))
        }
    }

    /// The file name without its folder and extension.
    package static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The broker whose endpoints include this host and port, if any.
    public func broker(endpointHost host: String, port: Int) -> Broker? {
        brokers.first { broker in
            broker.endpoints.contains { endpoint in
                guard let uri = try? TransportURI.parse(endpoint) else { return false }
                return uri.host?.lowercased() == host.lowercased() && uri.port?.literal == port
            }
        }
    }
}

/// Why a network spec is not valid.
public struct NetworkSpecError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible {
    /// The reason.
    public var message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// The reason.
    public var description: String { message }
    /// One diagnostic (code `network-spec`), without a file: the caller knows which spec it read.
    public var diagnostics: [Diagnostic] { [Diagnostic(file: nil, severity: .error, code: "network-spec", message: message)] }
}

extension String {
    fileprivate func trimmingPrefix(_ prefix: String) -> Substring {
        hasPrefix(prefix) ? dropFirst(prefix.count) : Substring(self)
    }
}
