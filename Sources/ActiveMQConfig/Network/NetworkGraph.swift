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

    /// For each broker, the brokers it forwards messages to (a duplex bridge both ways).
    package var successors: [[Int]] {
        var adjacency = [[Int]](repeating: [], count: count)
        for bridge in bridges where bridge.from != bridge.to {
            adjacency[bridge.from].append(bridge.to)
            if bridge.duplex { adjacency[bridge.to].append(bridge.from) }
        }
        return adjacency
    }

    /// The strongly connected component of each broker, along the directions messages flow: two
    /// brokers share one when each can forward to the other, directly or through others
    /// (Kosaraju, iterative, so that a long chain cannot overflow the stack).
    package func stronglyConnectedComponents() -> [Int] {
        let forward = successors
        var backward = [[Int]](repeating: [], count: count)
        for (from, targets) in forward.enumerated() { for to in targets { backward[to].append(from) } }
        var visited = [Bool](repeating: false, count: count)
        var order: [Int] = []
        order.reserveCapacity(count)
        for start in 0..<count where !visited[start] {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            visited[start] = true
            while let top = stack.last {
                if top.next < forward[top.node].count {
                    stack[stack.count - 1].next += 1
                    let to = forward[top.node][top.next]
                    if !visited[to] {
                        visited[to] = true
                        stack.append((to, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var component = [Int](repeating: -1, count: count)
        var current = 0
        for start in order.reversed() where component[start] == -1 {
            var stack = [start]
            component[start] = current
            while let node = stack.popLast() {
                for from in backward[node] where component[from] == -1 {
                    component[from] = current
                    stack.append(from)
                }
            }
            current += 1
        }
        return component
    }

    /// The most hops a message needs between two brokers of a group (following bridge
    /// directions), with the pair that needs them; 0 when no message travels.
    package func longestPath(in members: [Int]) -> (hops: Int, from: Int, to: Int) {
        let adjacency = successors
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
