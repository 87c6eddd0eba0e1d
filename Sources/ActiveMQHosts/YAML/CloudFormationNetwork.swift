public import ActiveMQConfig
public import ActiveMQTopology
import LosslessXML

/// `topology generate --format cloudformation`: a template with an `AWS::AmazonMQ::Configuration`
/// per broker that declares connectors, and an `AWS::AmazonMQ::Broker` for each broker whose spec
/// entry names its logical id (`"cloudformation": "Hub"`), running its configuration. A connector
/// to such a broker reads its endpoints: the configuration is an `Fn::Join` of literal pieces around
/// `Fn::Select [i, Fn::GetAtt [Hub, OpenWireEndpoints]]`, under `Fn::Base64`.
public enum CloudFormationNetwork {
    /// The template.
    ///
    /// - Throws: ``TerraformNetworkError`` when the references would make a dependency cycle.
    public static func render(_ files: [GeneratedConfiguration], spec: NetworkSpec, engineVersion: String) throws(TerraformNetworkError) -> [UInt8] {
        try TerraformNetwork.checkCycles(files, spec: spec, referenced: { $0.cloudformation != nil }, kind: "CloudFormation")
        var out = """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: A network of Amazon MQ brokers, written by activemq-config topology generate --format cloudformation.
            Parameters:
              BrokerUser:
                Type: String
                Description: The user every bridge authenticates as (Amazon MQ supplies its password to the bridges).
                Default: \(yamlQuoted(spec.user ?? "admin"))
              BrokerPassword:
                Type: String
                NoEcho: true
                MinLength: 12
                Description: The password of BrokerUser.
              HostInstanceType:
                Type: String
                Default: mq.m5.large
            Resources:

            """
        let generated = Dictionary(files.map { ($0.broker, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            out += configuration(file, spec: spec, engineVersion: engineVersion)
        }
        for broker in spec.brokers {
            guard let id = broker.cloudformation else { continue }
            let configuration = generated[broker.name].map { _ in logicalID(broker.name) + "Configuration" }
            out += """
                  \(id):
                    Type: AWS::AmazonMQ::Broker
                    Properties:
                      BrokerName: \(yamlQuoted(broker.name))
                      EngineType: ACTIVEMQ
                      EngineVersion: \(yamlQuoted(engineVersion))
                      HostInstanceType: !Ref HostInstanceType
                      DeploymentMode: \(broker.endpoints.count == 2 ? "ACTIVE_STANDBY_MULTI_AZ" : "SINGLE_INSTANCE")
                      PubliclyAccessible: false
                      AutoMinorVersionUpgrade: true
                      Users:
                        - Username: !Ref BrokerUser
                          Password: !Ref BrokerPassword

                """
            if let configuration {
                out += """
                          Configuration:
                            Id: !Ref \(configuration)
                            Revision: !GetAtt \(configuration).Revision

                    """
            }
        }
        return Array(out.utf8)
    }

    /// A logical id from a broker name: its letters and digits.
    static func logicalID(_ name: String) -> String {
        let id = String(name.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return id.isEmpty ? "Broker" : id
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }

    /// One configuration resource: its text cut around each endpoint of a broker with a logical id.
    static func configuration(_ file: GeneratedConfiguration, spec: NetworkSpec, engineVersion: String) -> String {
        var pieces: [(literal: String?, select: (Int, String)?)] = []
        var rest = Substring(String(decoding: file.bytes, as: UTF8.self))
        var endpoints: [(text: String, index: Int, id: String)] = []
        for broker in spec.brokers {
            guard let id = broker.cloudformation else { continue }
            for (index, endpoint) in broker.endpoints.enumerated() { endpoints.append((endpoint, index, id)) }
        }
        while true {
            let next = endpoints.compactMap { endpoint in rest.firstRange(of: endpoint.text).map { ($0, endpoint) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, endpoint) = next else { break }
            pieces.append((String(rest[..<range.lowerBound]), nil))
            pieces.append((nil, (endpoint.index, endpoint.id)))
            rest = rest[range.upperBound...]
        }
        pieces.append((String(rest), nil))
        let id = logicalID(file.broker) + "Configuration"
        var out = """
              \(id):
                Type: AWS::AmazonMQ::Configuration
                Properties:
                  Name: \(yamlQuoted(file.broker))
                  EngineType: ACTIVEMQ
                  EngineVersion: \(yamlQuoted(engineVersion))
                  AuthenticationStrategy: simple
                  Data:
                    Fn::Base64:

            """
        if pieces.count == 1, let only = pieces[0].literal {
            out += "          " + block(only, indent: 12)
            return out
        }
        out += "          Fn::Join:\n            - \"\"\n            - "
        var first = true
        for piece in pieces {
            out += first ? "- " : "              - "
            first = false
            if let literal = piece.literal {
                out += literal.isEmpty ? "\"\"\n" : block(literal, indent: 16)
            } else if let (index, broker) = piece.select {
                out += "Fn::Select: [\(index), !GetAtt \(broker).OpenWireEndpoints]\n"
            }
        }
        return out
    }

    /// Text as a YAML scalar at `indent`: a literal block (keeping its line breaks exactly) when its
    /// first line does not start with white space, else a double-quoted scalar.
    static func block(_ text: String, indent: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let trailing = text.reversed().prefix { $0 == "\n" }.count
        guard let first = lines.first, !first.hasPrefix(" "), !first.hasPrefix("\t"), trailing <= 1 || !text.hasSuffix("\n\n\n\n") else {
            return quoted(text) + "\n"
        }
        let chomping = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        let body = (trailing == 0 ? lines : lines.dropLast(1)).map { $0.isEmpty ? "" : String(repeating: " ", count: indent) + $0 }
        return "|\(chomping)\n" + body.joined(separator: "\n") + "\n"
    }

    /// A double-quoted scalar: JSON's string escapes, which YAML reads alike.
    static func quoted(_ text: String) -> String {
        JSONText.string(text).rendered()
    }
}
