import ActiveMQConfig
import ActiveMQLint
import ArgumentParser

/// `set`'s removals and replacements of destination filters.
struct DestinationRemovalOptions: ParsableArguments {
    @Option(name: .customLong("remove-exclude"), help: "Forward DEST again: remove it from excludedDestinations (repeatable).")
    var excluded: [String] = []
    @Option(name: .customLong("remove-include-dynamic"), help: "Remove DEST from dynamicallyIncludedDestinations (repeatable).")
    var dynamic: [String] = []
    @Option(name: .customLong("remove-include-static"), help: "Remove DEST from staticallyIncludedDestinations (repeatable).")
    var staticallyIncluded: [String] = []
    @Flag(name: .customLong("replace-exclude"), help: "The --exclude values replace excludedDestinations (none given: the list goes).")
    var replaceExcluded = false
    @Flag(name: .customLong("replace-include-dynamic"), help: "The --include-dynamic values replace dynamicallyIncludedDestinations.")
    var replaceDynamic = false
    @Flag(name: .customLong("replace-include-static"), help: "The --include-static values replace staticallyIncludedDestinations.")
    var replaceStatic = false

    func validate() throws {
        for text in excluded + dynamic + staticallyIncluded where Destination(uri: text) == nil {
            throw ValidationError("'\(text)' is not a destination: queue://NAME or topic://NAME")
        }
    }

    /// The change with the filter edits of `additions` and these options, list by list:
    /// replacements, else removals then additions.
    func apply(_ additions: DestinationOptions, to change: NetworkConnectorChange) -> NetworkConnectorChange {
        var change = change
        let removals: [DestinationList: (remove: [String], replace: Bool)] = [
            .excluded: (excluded, replaceExcluded), .dynamicallyIncluded: (dynamic, replaceDynamic),
            .staticallyIncluded: (staticallyIncluded, replaceStatic),
        ]
        for (list, added) in additions.byList {
            let options = removals[list] ?? ([], false)
            if options.replace {
                change = change.replacing(list, with: added)
                continue
            }
            let removed = options.remove.compactMap(Destination.init(uri:))
            if !removed.isEmpty { change = change.removing(removed, from: list) }
            if !added.isEmpty { change = change.adding(added, to: list) }
        }
        return change
    }
}
