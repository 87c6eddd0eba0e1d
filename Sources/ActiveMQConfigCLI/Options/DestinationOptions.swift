import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `--exclude`, `--include-dynamic`, `--include-static`: destination filters, `queue://NAME` or `topic://NAME`.
struct DestinationOptions: ParsableArguments {
    @Option(name: .customLong("exclude"), help: "Never forward DEST, queue://NAME or topic://NAME (repeatable).") var excluded: [String] = []
    @Option(name: .customLong("include-dynamic"), help: "Forward DEST while a remote consumer exists (repeatable).") var dynamic: [String] = []
    @Option(name: .customLong("include-static"), help: "Always forward DEST (repeatable).") var staticallyIncluded: [String] = []

    func validate() throws {
        for text in excluded + dynamic + staticallyIncluded where Destination(uri: text) == nil {
            throw ValidationError("'\(text)' is not a destination: queue://NAME or topic://NAME")
        }
    }

    /// The definition with the filters added.
    func apply(to definition: NetworkConnectorDefinition) -> NetworkConnectorDefinition {
        definition.adding(excluded.compactMap(Destination.init(uri:)), to: .excluded)
            .adding(dynamic.compactMap(Destination.init(uri:)), to: .dynamicallyIncluded)
            .adding(staticallyIncluded.compactMap(Destination.init(uri:)), to: .staticallyIncluded)
    }

    /// The destinations given for each list.
    var byList: [(DestinationList, [Destination])] {
        let given: [(DestinationList, [String])] = [(.excluded, excluded), (.dynamicallyIncluded, dynamic), (.staticallyIncluded, staticallyIncluded)]
        return given.map { list, texts in (list, texts.compactMap(Destination.init(uri:))) }
    }
}
