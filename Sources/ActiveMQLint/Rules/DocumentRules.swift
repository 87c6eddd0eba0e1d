import ActiveMQConfig

/// Whether an attribute or property name holds a secret (`password`, `keyStorePassword`, …).
func isSecretName(_ name: String) -> Bool {
    // A byte scan without allocation: this runs for every attribute of every file.
    let utf8 = name.utf8
    return utf8.withContiguousStorageIfAvailable { bytes in
        containsIgnoringASCIICase(bytes, "password") || containsIgnoringASCIICase(bytes, "passphrase")
            || (bytes.count == 6 && containsIgnoringASCIICase(bytes, "secret"))
    } ?? {
        let lowered = name.lowercased()
        return lowered.contains("password") || lowered.contains("passphrase") || lowered == "secret"
    }()
}

/// Whether `needle` (lowercase ASCII) occurs in `bytes`, ignoring ASCII case.
func containsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    guard bytes.count >= n else { return false }
    let pattern = needle.utf8Start
    var i = 0
    while i + n <= bytes.count {
        var j = 0
        while j < n && (bytes[i + j] | 0x20) == pattern[j] { j += 1 }
        if j == n { return true }
        i += 1
    }
    return false
}

/// The rules that look at one file.
enum DocumentRules {
    static func check(_ context: DocumentContext) {
        VocabularyRules.check(context)
        for broker in context.brokers {
            checkNetworkConnectors(context, broker)
            checkTransportConnectors(context, broker)
            checkBroker(context, broker)
        }
        checkSecrets(context)
    }

    // MARK: Network connectors

    static func checkNetworkConnectors(_ context: DocumentContext, _ broker: Broker) {
        var names: [String: LosslessDocument.Element] = [:]
        let amazon: Bool = { if case .amazonMQ = context.settings.profile { return true } else { return false } }()
        var dynamic = false
        for connector in broker.networkConnectors {
            let element = connector.element
            // duplicate-connector-name (an unnamed connector is named "NC")
            let name = connector.name?.description ?? "NC"
            if let first = names[name] {
                context.report(.duplicateConnectorName, element,
                               "a second network connector named '\(name)' (the first is at line \(first.position.line)); the broker fails to register it in JMX"
                                   + (connector.name == nil ? "; an unnamed connector is named 'NC'" : ""))
            } else {
                names[name] = element
            }
            // embedded-password: never the secret
            for location in connector.literalPasswordLocations {
                let attribute = location.contains("remotePassword") ? element.attribute("remotePassword")
                    : location.contains("'password' attribute") ? element.attribute("password") : element.attribute("uri")
                let message = "a literal password in network connector '\(name)' (\(location)); use a ${…} placeholder"
                    + (amazon ? ", or none: Amazon MQ supplies it" : "")
                if let attribute { context.report(.embeddedPassword, attribute, message) } else { context.report(.embeddedPassword, element, message) }
            }
            // missing-username
            if element.attribute("userName") == nil {
                context.report(.missingUsername, element,
                               "network connector '\(name)' has no userName" + (element.attribute("username") != nil ? " (the attribute is userName, not username)" : ""))
            }
            // ttl-override
            if element.attribute("networkTTL") != nil, element.attribute("messageTTL") != nil || element.attribute("consumerTTL") != nil {
                context.report(.ttlOverride, element.attribute("networkTTL")!,
                               "networkTTL also sets messageTTL and consumerTTL; which value wins depends on property order")
            }
            // prefetchSize > 0
            if case .literal(let prefetch)? = try? connector.prefetchSize, prefetch <= 0, let attribute = element.attribute("prefetchSize") {
                context.report(.invalidValue, attribute, "prefetchSize must be above 0: network consumers do not poll for messages")
            }
            if (try? connector.staticBridge)??.literal != true { dynamic = true }
            checkURI(context, connector, name: name, amazon: amazon)
        }
        if dynamic, case .literal(false)? = try? broker.advisorySupport, let attribute = broker.element.attribute("advisorySupport") {
            context.report(.advisorySupportDisabled, attribute,
                           "advisorySupport=\"false\": dynamic network bridges learn nothing and forward nothing")
        }
    }

    static func checkURI(_ context: DocumentContext, _ connector: NetworkConnector, name: String, amazon: Bool) {
        guard let attribute = connector.element.attribute("uri") else { return }
        let uri: NetworkConnectorURI
        do {
            guard case .literal(let parsed)? = try connector.uri else { return }
            uri = parsed
        } catch {
            guard let uriError = error.uriError else { return }
            let rule: RuleID = uriError.kind == .masterSlaveArity ? .masterSlaveArity : .uriSyntax
            context.report(rule, attribute, valueOffset: uriError.offset,
                           "network connector '\(name)': \(uriError.message)")
            return
        }
        if uri.discovery == .multicast {
            context.report(.multicastDiscovery, attribute,
                           "network connector '\(name)' discovers peers by multicast" + (amazon ? ", which Amazon MQ does not support" : ""))
        }
        let transports = uri.transports
        if amazon {
            for transport in transports where transport.scheme != "ssl" {
                context.report(.insecureTransport, attribute,
                               "network connector '\(name)' uses '\(transport.scheme)://'; Amazon MQ accepts ssl:// only")
            }
        }
        let brokerIDs = transports.map { AmazonEndpoint(host: $0.host ?? "") }
        switch uri.discovery {
        case .staticList:
            // Both members of one active/standby pair in a static: list.
            var seen: [String: Int] = [:]
            for endpoint in brokerIDs.compactMap({ $0 }) {
                if let other = seen[endpoint.brokerID], other != endpoint.instance {
                    context.report(.staticShouldBeMasterSlave, attribute,
                                   "network connector '\(name)' lists both endpoints of active/standby broker b-\(endpoint.brokerID) with static:, making two bridges (one always failing); use masterslave:(…)")
                    break
                }
                seen[endpoint.brokerID] = endpoint.instance
            }
        case .masterSlave:
            let ids = Set(brokerIDs.compactMap { $0?.brokerID })
            if ids.count > 1 {
                context.report(.masterSlaveMixedBrokers, attribute,
                               "network connector '\(name)' mixes endpoints of \(ids.count) different brokers in one masterslave: group; use one connector per broker")
            }
        default:
            break
        }
    }

    // MARK: Transport connectors

    static func checkTransportConnectors(_ context: DocumentContext, _ broker: Broker) {
        var names: [String: Int] = [:]
        var addresses: [String: Int] = [:]
        for connector in broker.transportConnectors {
            let element = connector.element
            let name = connector.name?.description ?? element.attribute("uri")?.value ?? ""
            if let line = names[name] {
                context.report(.duplicateConnectorName, element,
                               "a second transport connector named '\(redactText(name))' (the first is at line \(line)); the broker fails to register it in JMX")
            } else {
                names[name] = element.position.line
            }
            if let attribute = element.attribute("discoveryUri"), attribute.value.hasPrefix("multicast:") {
                context.report(.multicastDiscovery, attribute, "transport connector '\(redactText(name))' advertises itself by multicast")
            }
            guard let attribute = element.attribute("uri") else { continue }
            do {
                guard case .literal(let uri)? = try connector.uri else { continue }
                if let port = uri.port?.literal, let host = uri.host {
                    let key = "\(host.lowercased()):\(port)"
                    if let line = addresses[key] {
                        context.report(.duplicateTransportAddress, attribute,
                                       "\(host):\(port) is already used by the transport connector at line \(line): the broker fails to bind it")
                    } else {
                        addresses[key] = element.position.line
                    }
                }
                for option in uri.literalPasswordOptions {
                    context.report(.plaintextSecret, attribute, "transport connector '\(redactText(name))' has a literal '\(option)'; use a ${…} placeholder")
                }
            } catch {
                if let uriError = error.uriError {
                    context.report(.uriSyntax, attribute, valueOffset: uriError.offset, "transport connector '\(redactText(name))': \(uriError.message)")
                }
            }
        }
    }

    // MARK: Broker

    static func checkBroker(_ context: DocumentContext, _ broker: Broker) {
        if let attribute = broker.element.attribute("deleteAllMessagesOnStartup"), booleanLiteral(attribute.value) == true {
            context.report(.deleteAllMessagesOnStartup, attribute, "deleteAllMessagesOnStartup=\"true\" deletes every persistent message at each start")
        }
    }

    // MARK: Secrets elsewhere

    /// `plaintext-secret`: literal values of attributes named like a password (outside network
    /// connectors, which `embedded-password` covers), and Spring `<property name="…password…" value="…"/>`.
    static func checkSecrets(_ context: DocumentContext) {
        for element in context.document.allElements {
            let localName = element.localName
            if localName == "networkConnector" && element.namespaceURI == ActiveMQNamespace.core { continue }
            for attribute in element.attributes where isSecretName(attribute.localName) && isLiteralSecret(attribute.value) {
                context.report(.plaintextSecret, attribute,
                               "a literal secret in '\(attribute.qualifiedName)' of <\(element.localName)>; use a ${…} placeholder or ENC(…)")
            }
            if localName == "property", let name = element.attribute("name")?.value, isSecretName(name),
                let value = element.attribute("value"), isLiteralSecret(value.value)
            {
                context.report(.plaintextSecret, value, "a literal secret in bean property '\(name)'; use a ${…} placeholder or ENC(…)")
            }
        }
    }

    static func isLiteralSecret(_ value: String) -> Bool {
        !value.isEmpty && !Placeholder.containsReference(value) && !Placeholder.isEncrypted(value)
    }
}

/// An Amazon MQ endpoint host: `b-<broker id>-<instance>.mq.<region>.amazonaws.com`.
struct AmazonEndpoint: Hashable {
    var brokerID: String
    var instance: Int

    init?(host: String) {
        let lowered = host.lowercased()
        guard lowered.hasPrefix("b-"), lowered.contains(".mq."), let dot = lowered.firstIndex(of: ".") else { return nil }
        let label = lowered[lowered.index(lowered.startIndex, offsetBy: 2)..<dot]
        guard let dash = label.lastIndex(of: "-"), let instance = Int(label[label.index(after: dash)...]) else { return nil }
        brokerID = String(label[..<dash])
        self.instance = instance
    }
}

/// `xs:boolean` of a literal.
func booleanLiteral(_ text: String) -> Bool? {
    switch text.trimmingXMLWhitespace {
    case "true", "1": return true
    case "false", "0": return false
    default: return nil
    }
}
