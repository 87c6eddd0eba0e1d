import ActiveMQConfig
import ActiveMQLint
import Foundation
import Testing

/// The builder and the linter agree: over seeded, generated connectors for both targets, each
/// labelled good or bad by construction (from the connector-URI grammar and the profile's rules,
/// written out here independently of the rules' code), the builder refuses a case exactly when it
/// is bad, and the document it writes lints with no error exactly when it is accepted.
@Suite("Builder and linter agree")
struct BuilderAgreementTests {
    /// One generated case and whether it is bad under its target.
    struct Case: CustomStringConvertible {
        var target: ConfigurationTarget
        var uri: String
        var userName: String?
        var networkTTL: Int?
        var password: Bool
        var bad: Bool
        var why: String
        var description: String { "\(target) uri=\(uri) user=\(userName ?? "-") ttl=\(networkTTL.map(String.init) ?? "-") password=\(password) → \(bad ? "bad: \(why)" : "good")" }
    }

    static func host(_ broker: Int, _ instance: Int) -> String { "b-\(broker)a5b6-78cd-1.mq.us-east-2.amazonaws.com".replacingFirst("-1.mq", "-\(instance).mq") }

    /// Builds a case: every choice adds to the label only through the written rules of its target.
    static func generate(_ random: inout Seeded) -> Case {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let target: ConfigurationTarget = pick([.activeMQ, .amazonMQ])
        let amazon = target == .amazonMQ
        let scheme = pick(["ssl", "ssl", "ssl", "tcp"])
        let broker = Int(random.next() % 3) + 1
        func endpoint(_ b: Int, _ i: Int) -> String { "\(scheme)://\(host(b, i)):61617" }
        var reasons: [String] = []
        let uri: String
        switch random.next() % 9 {
        case 0:
            uri = "static:(\(endpoint(broker, 1)))"
        case 1:
            uri = "static:(\(endpoint(broker, 1)),\(endpoint(broker, 2)))"
            if amazon { reasons.append("static: lists both members of one pair") }
        case 2:
            uri = "masterslave:(\(endpoint(broker, 1)),\(endpoint(broker, 2)))"
        case 3:
            uri = "masterslave:(\(endpoint(broker, 1)),\(endpoint(broker % 3 + 1, 2)))"
            if amazon { reasons.append("masterslave: mixes brokers") }
        case 4:
            uri = "masterslave:(\(endpoint(broker, 1)),\(endpoint(broker, 2)),\(endpoint(broker, 3)))"
            if amazon { reasons.append("masterslave: with three members") }
        case 5:
            uri = "masterslave:(\(endpoint(broker, 1)),\(endpoint(broker, 1)))"
            reasons.append("masterslave: repeats a member")
        case 6:
            uri = "masterslave:(\(endpoint(broker, 1)))"
            reasons.append("masterslave: with one member")
        case 7:
            uri = "static:(\(endpoint(broker, 1)), \(endpoint(broker % 3 + 1, 1)))"
            reasons.append("whitespace in the URI")
        default:
            uri = "statc:(\(endpoint(broker, 1)))"
            reasons.append("unknown discovery scheme")
        }
        let syntaxOK = !reasons.contains { $0.hasPrefix("whitespace") || $0.hasPrefix("unknown") || $0.hasSuffix("one member") }
        if amazon && scheme == "tcp" && syntaxOK { reasons.append("tcp:// on Amazon MQ") }
        let userName: String? = pick(["myCommonUser", "myCommonUser", nil])
        if amazon && userName == nil { reasons.append("no userName on Amazon MQ") }
        let networkTTL: Int? = pick([nil, 1, 2, 0, -1, -3])
        if networkTTL == 0 { reasons.append("networkTTL 0") }
        let password = amazon ? random.next() % 4 == 0 : random.next() % 2 == 0
        if amazon && password { reasons.append("a password attribute on Amazon MQ") }
        return Case(target: target, uri: uri, userName: userName, networkTTL: networkTTL, password: password,
                    bad: !reasons.isEmpty, why: reasons.joined(separator: ", "))
    }

    static let base = "<broker xmlns=\"http://activemq.apache.org/schema/core\">\n</broker>\n"

    @Test("Seeded cases: refused exactly when bad; accepted documents lint clean, forced bad ones do not",
          arguments: [UInt64(1), 2, 3, 4])
    func agreement(_ seed: UInt64) throws {
        var random = Seeded(seed: seed)
        var labels: [Bool: Int] = [:]
        defer { #expect((labels[true] ?? 0) >= 10 && (labels[false] ?? 0) >= 10, "too few of one label: \(labels)") }
        for _ in 0..<60 {
            let item = Self.generate(&random)
            labels[item.bad, default: 0] += 1
            var definition = NetworkConnectorDefinition(name: "connector_1_to_2", to: .uri(item.uri))
            if let user = item.userName { definition = definition.userName(user) }
            if let ttl = item.networkTTL { definition = definition.networkTTL(ttl) }
            if item.password { definition = definition.password(SecretReference(placeholderNamed: "AMQ_BRIDGE_PASSWORD")) }
            let settings = RuleSettings(profile: item.target.profile)
            var configuration = try BrokerConfiguration(bytes: Array(Self.base.utf8), path: "MyBroker1.xml")
            let written: [UInt8]
            do {
                try configuration.addNetworkConnector(definition, to: .index(0), settings: settings, rules: RuleCatalog.rules)
                #expect(!item.bad, "accepted: \(item)")
                written = configuration.bytes
            } catch {
                #expect(item.bad, "refused: \(item): \(error)")
                guard case .refused = error else {
                    Issue.record("refused without rule findings: \(item): \(error)")
                    continue
                }
                // The same connector written without judgment, for lint to see.
                var document = try LosslessDocument(string: Self.base, path: "MyBroker1.xml")
                let attributes = try definition.attributeListForTests()
                _ = try document.insertChild(NewElement("networkConnectors", children: [
                    NewElement("networkConnector", attributes: attributes.map { ($0.name, $0.value) }),
                ]), into: document.root)
                written = document.bytes
            }
            var commandLine = LintCommandLine()
            commandLine.profile = item.target.rawValue
            let findings = try Linter(commandLine: commandLine).lint([LintInput(path: "MyBroker1.xml", bytes: .success(written))]).findings
            let errors = findings.filter { $0.severity == .error }
            #expect(errors.isEmpty == !item.bad, "lint of \(item): \(errors.map(\.formatted))")
        }
    }
}

extension NetworkConnectorDefinition {
    /// The attributes the definition writes, unjudged (an empty rule set), for writing a bad case
    /// for lint to see.
    func attributeListForTests() throws -> [NewElement.Attribute] {
        try validate(settings: RuleSettings(), rules: RuleSet([])).attributes
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
