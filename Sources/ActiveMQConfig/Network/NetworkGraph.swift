/// The bridges of a network as a directed graph: a connector from A to B carries messages from A
/// to B, and from B to A as well when it is duplex. One place for the hop arithmetic shared by the
/// topology generator (which sets `networkTTL`) and the linter (which checks it).
package struct NetworkGraph: Sendable {
    /// A bridge.
    package struct Bridge: Sendable, Hashable {
        /// The broker that declares the connector.
        package var from: Int
        /// The broker it connects to.
        package var to: Int
        /// Whether messages also flow from `to` to `from`.
        package var duplex: Bool

        /// Creates a bridge.
        package init(from: Int, to: Int, duplex: Bool) {
            self.from = from
            self.to = to
            self.duplex = duplex
        }
    }

    /// How many brokers.
    package let count: Int
    /// The bridges.
    package let bridges: [Bridge]

    /// A graph of `count` brokers (0..<count) and their bridges.
    package init(count: Int, bridges: [Bridge]) {
        self.count = count
        self.bridges = bridges
    }

    /// The groups of brokers joined by bridges (direction ignored), each with two brokers or more.
    package var components: [[Int]] {
        var neighbours = [Set<Int>](repeating: [], count: count)
        for bridge in bridges {
            neighbours[bridge.from].insert(bridge.to)
            neighbours[bridge.to].insert(bridge.from)
        }
        var seen = [Bool](repeating: false, count: count)
        var result: [[Int]] = []
        for start in 0..<count where !seen[start] && !neighbours[start].isEmpty {
            var members: [Int] = []
            var stack = [start]
            seen[start] = true
            while let current = stack.popLast() {
                members.append(current)
                for next in neighbours[current] where !seen[next] {
                    seen[next] = true
                    stack.append(next)
                }
            }
            result.append(members.sorted())
        }
        return result
    }

    /// Whether every two brokers of a group have a bridge between them (a full mesh of 3 or more).
    package func isFullMesh(_ members: [Int]) -> Bool {
        guard members.count >= 3 else { return false }
        var pairs = Set<[Int]>()
        for bridge in bridges { pairs.insert([min(bridge.from, bridge.to), max(bridge.from, bridge.to)]) }
        for (i, a) in members.enumerated() {
            for b in members[(i + 1)...] where !pairs.contains([min(a, b), max(a, b)]) { return false }
        }
        return true
    }

    /// The most hops a message needs between two brokers of a group (following bridge
    /// directions), with the pair that needs them; 0 when no message travels.
    package func longestPath(in members: [Int]) -> (hops: Int, from: Int, to: Int) {
        var adjacency = [[Int]](repeating: [], count: count)
        for bridge in bridges {
            adjacency[bridge.from].append(bridge.to)
            if bridge.duplex { adjacency[bridge.to].append(bridge.from) }
        }
        var longest = (hops: 0, from: 0, to: 0)
        for source in members {
            var distance = [Int](repeating: -1, count: count)
            distance[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in adjacency[current] where distance[next] < 0 {
                    distance[next] = distance[current] + 1
                    queue.append(next)
                    if distance[next] > longest.hops { longest = (distance[next], source, next) }
                }
            }
        }
        return longest
    }

    /// The `networkTTL` every bridge of a group needs: 1 in a full mesh, otherwise the longest path.
    package func requiredTTL(in members: [Int]) -> Int {
        isFullMesh(members) ? 1 : max(1, longestPath(in: members).hops)
    }
}
