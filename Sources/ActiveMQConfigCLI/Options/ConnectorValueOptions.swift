import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// The connector options `add` and `set` share, in the same shapes.
struct ConnectorValueOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: "The userName the bridge authenticates as.") var userName: String?
    @Flag(inversion: .prefixedNo, help: "Make the bridge duplex (one bridge both ways), or not.") var duplex: Bool?
    @Option(name: .customLong("network-ttl"), parsing: .unconditional, help: "How many brokers a message may cross (-1: unlimited).")
    var networkTTL: Int?
    @Option(name: .customLong("password-placeholder"), help: "Refer to the bridge password as ${VAR} (never a password).")
    var passwordPlaceholder: String?

    /// A new connector with these values (the one place `add` and `render` build it).
    func apply(to definition: NetworkConnectorDefinition) -> NetworkConnectorDefinition {
        var definition = definition
        if let userName { definition = definition.userName(userName) }
        if let duplex { definition = definition.duplex(duplex) }
        if let networkTTL { definition = definition.networkTTL(networkTTL) }
        if let reference = secretReference(passwordPlaceholder) { definition = definition.password(reference) }
        return definition
    }

    /// A change with these values (what `set` changes).
    func apply(to change: NetworkConnectorChange) -> NetworkConnectorChange {
        var change = change
        if let userName { change = change.userName(userName) }
        if let duplex { change = change.duplex(duplex) }
        if let networkTTL { change = change.networkTTL(networkTTL) }
        if let reference = secretReference(passwordPlaceholder) { change = change.password(reference) }
        return change
    }
}
