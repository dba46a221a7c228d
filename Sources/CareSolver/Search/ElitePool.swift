import CareModel

/// A few good solutions a trajectory has found that differ from one another: the parents its
/// crossover draws from (issue 16's elite pool). A pool of one is the best alone.
///
/// Solutions are compared by broken pairs, after HGS-CVRP but directed (time windows make a
/// route's direction matter): the share of (visit, worker) slots whose predecessor on the route
/// differs. Predecessors, not shifts, because twin shifts (the same vehicle type, or a carer's
/// interchangeable days) make two equal sets of routes look different by shift. A newcomer
/// nearer than `minDistance` to its nearest member replaces that member only if cheaper, so
/// near copies of one local optimum do not fill the pool (it may still be near a second member:
/// this rule is the one measured, a stricter one was not); otherwise it replaces the most
/// expensive member when the pool is full and it is cheaper.
struct ElitePool {
    /// One solution of the pool, with its predecessors (for distances) computed once.
    struct Member {
        let cost: Int
        let slots: [Int]
        let start: [Int]
        /// Per slot: the visit before it on the slot's shift, -1 for the first, -2 unassigned.
        let predecessor: [Int]
    }

    /// At most this many members.
    let capacity: Int
    /// Solutions whose broken-pairs distance is below this share are one (the cheaper is kept).
    let minDistance: Double
    /// The solutions held, in no particular order.
    private(set) var members: [Member] = []

    init(capacity: Int, minDistance: Double) {
        self.capacity = max(1, capacity)
        self.minDistance = minDistance
    }

    /// Offers a solution; returns whether the pool took it.
    @discardableResult
    mutating func offer(cost: Int, slots: [Int], start: [Int]) -> Bool {
        let newcomer = Member(cost: cost, slots: slots, start: start, predecessor: Self.predecessors(slots: slots, start: start))
        let distances = members.map { Self.distance($0, newcomer) }
        if let near = distances.indices.min(by: { distances[$0] < distances[$1] }), distances[near] < minDistance {
            guard cost < members[near].cost else { return false }
            members[near] = newcomer
            return true
        }
        if members.count < capacity {
            members.append(newcomer)
            return true
        }
        guard let worst = members.indices.max(by: { members[$0].cost < members[$1].cost }), cost < members[worst].cost else {
            return false
        }
        members[worst] = newcomer
        return true
    }

    /// A member drawn uniformly; with one member, no random number is drawn (so a pool of one
    /// leaves the random stream as it was before pools existed).
    func draw(rng: inout SplitMix64) -> Member? {
        guard members.count > 1 else { return members.first }
        return members[rng.nextInt(members.count)]
    }

    /// Broken-pairs distance: the share of slots assigned in either whose predecessor differs.
    static func distance(_ a: Member, _ b: Member) -> Double {
        var differing = 0
        var assigned = 0
        for i in a.predecessor.indices where a.predecessor[i] != -2 || b.predecessor[i] != -2 {
            assigned += 1
            if a.predecessor[i] != b.predecessor[i] { differing += 1 }
        }
        return assigned == 0 ? 0 : Double(differing) / Double(assigned)
    }

    /// Each slot's predecessor on its shift, from the shifts and starts alone (starts rise along
    /// a route, so ordering a shift's slots by start gives the route). A double-up's slots hold
    /// its predecessors in falling order, not in the order of its shifts: which of its carers
    /// is first in `slots` follows the insertion's pricing, and two equal rosters must compare
    /// equal.
    static func predecessors(slots: [Int], start: [Int]) -> [Int] {
        var order: [(shift: Int, start: Int, slot: Int)] = []
        order.reserveCapacity(slots.count)
        for i in slots.indices where slots[i] >= 0 {
            order.append((slots[i], start[i / SolverVisit.maxWorkers], i))
        }
        order.sort { ($0.shift, $0.start, $0.slot) < ($1.shift, $1.start, $1.slot) }
        var predecessor = Array(repeating: -2, count: slots.count)
        for (n, entry) in order.enumerated() {
            let before = n > 0 && order[n - 1].shift == entry.shift ? order[n - 1].slot / SolverVisit.maxWorkers : -1
            predecessor[entry.slot] = before
        }
        let workers = SolverVisit.maxWorkers
        for first in stride(from: 0, to: predecessor.count, by: workers) where workers > 1 && predecessor[first + 1] != -2 {
            predecessor[first..<first + workers].sort(by: >)
        }
        return predecessor
    }
}
