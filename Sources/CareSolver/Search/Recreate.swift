import CareModel

/// Greedy insertion with blinks (SISR's recreate): visits in a chosen order, each placed at its
/// cheapest feasible position; each position is skipped with a small probability so that
/// repeated recreates explore different choices.
struct Recreate {
    /// Probability of skipping any one position.
    var blinkRate = 0.01

    /// Orders in which visits are reinserted (urgent ones always first). The last three are
    /// SISR's: largest demand first, farthest from home first, closest first.
    enum Order: CaseIterable {
        case random, tightWindowFirst, longFirst, manyWorkersFirst, largestDemandFirst, farFirst, closeFirst
    }

    /// The orders a search of `instance` draws from, each with its weight: SISR's random 4,
    /// demand 4, far 2 and close 1, and carehub's three (tight windows, long visits, double-ups
    /// first) at random's weight, as before SISR's were added. An order whose key is the same
    /// for every visit would only be random again, so it is left out. Far and close are SISR's
    /// distances from the one depot: with carers starting from their own homes there is no such
    /// centre, and on the one-hub care week they cost 3 % more travel at equal iterations.
    static func orders(for instance: SolverInstance) -> [(order: Order, weight: Int)] {
        func varies(_ key: (Int) -> Int) -> Bool {
            guard let first = instance.visits.indices.first else { return false }
            return instance.visits.indices.contains { key($0) != key(first) }
        }
        let visits = instance.visits
        let oneDepot = Set(instance.shifts.map(\.home)).count == 1
        let table: [(Order, Int, Bool)] = [
            (.random, 4, true),
            (.tightWindowFirst, 4, varies { visits[$0].windowEnd - visits[$0].windowStart }),
            (.longFirst, 4, varies { visits[$0].duration }),
            (.manyWorkersFirst, 4, varies { visits[$0].workersNeeded }),
            (.largestDemandFirst, 4, varies { visits[$0].demand }),
            (.farFirst, 2, oneDepot && varies { instance.homeDistance[$0] }),
            (.closeFirst, 1, oneDepot && varies { instance.homeDistance[$0] }),
        ]
        return table.filter(\.2).map { ($0.0, $0.1) }
    }

    /// One of `orders`, drawn by weight.
    static func draw(_ orders: [(order: Order, weight: Int)], rng: inout SplitMix64) -> Order {
        var ticket = rng.nextInt(orders.reduce(0) { $0 + $1.weight })
        for (order, weight) in orders {
            if ticket < weight { return order }
            ticket -= weight
        }
        return .random
    }

    /// Inserts `visits` where possible; returns the ones placed, in order.
    func recreate(
        _ visits: [Int], in solution: SearchSolution, order: Order, rng: inout SplitMix64, buffer: inout [Candidate]
    ) -> [Int] {
        let instance = solution.instance
        var keyed = visits.map { v -> (Int, Int, UInt64, Int) in
            let visit = instance.visits[v]
            let secondary: Int
            switch order {
            case .random: secondary = 0
            case .tightWindowFirst: secondary = visit.windowEnd - visit.windowStart
            case .longFirst: secondary = -visit.duration
            case .manyWorkersFirst: secondary = -visit.workersNeeded
            case .largestDemandFirst: secondary = -visit.demand
            case .farFirst: secondary = -instance.homeDistance[v]
            case .closeFirst: secondary = instance.homeDistance[v]
            }
            return (-visit.unassignedPenalty, secondary, rng.next(), v)
        }
        keyed.sort { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        var placed: [Int] = []
        placed.reserveCapacity(keyed.count)
        for (_, _, _, v) in keyed {
            if let insertion = solution.bestInsertion(for: v, blink: blinkRate, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        return placed
    }
}
