/// Values computed once and shared, each under the identity of its typed key: what
/// ``DocumentIndex`` and ``NetworkIndex`` keep their parts in. Safe from any thread; a value is
/// built outside the lock (it may read other parts), and the first one stored wins.
final class PartCache: Sendable {
    private let stored = Locked<[ObjectIdentifier: any Sendable]>([:])
    private let log = Locked<Set<String>>([])

    /// The value under `key`, built by `build` if no one has asked for it yet.
    func value<Value: Sendable>(_ key: ObjectIdentifier, name: String, build: () -> Value) -> Value {
        // Bound in two steps: a stored nil of an optional part is a value, not a miss.
        if let known = stored.withLock({ $0[key] }), let value = known as? Value { return value }
        let made = build()
        return stored.withLock { values in
            if let earlier = values[key], let value = earlier as? Value { return value }
            values[key] = made
            log.withLock { _ = $0.insert(name) }
            return made
        }
    }

    /// Drops every value but those under `kept`.
    func discard(keeping kept: Set<ObjectIdentifier>) {
        stored.withLock { values in values = values.filter { kept.contains($0.key) } }
    }

    /// The names of every value built so far, discarded ones too, sorted.
    var built: [String] { log.withLock { $0 }.sorted() }
}
