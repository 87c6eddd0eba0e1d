import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// The options `add` and `set` share.
struct TransportValueOptions: ParsableArguments {
    @Flag(name: .customLong("update-cluster-clients"), inversion: .prefixedNo, help: "updateClusterClients.") var updateClusterClients: Bool?
    @Flag(name: .customLong("rebalance-cluster-clients"), inversion: .prefixedNo, help: "rebalanceClusterClients.") var rebalanceClusterClients: Bool?
    @Flag(name: .customLong("update-cluster-clients-on-remove"), inversion: .prefixedNo, help: "updateClusterClientsOnRemove.")
    var updateClusterClientsOnRemove: Bool?

    var attributes: [(String, Bool)] {
        [("updateClusterClients", updateClusterClients), ("rebalanceClusterClients", rebalanceClusterClients),
         ("updateClusterClientsOnRemove", updateClusterClientsOnRemove)].compactMap { name, value in value.map { (name, $0) } }
    }
}
