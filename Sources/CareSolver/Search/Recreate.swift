import CareModel

/// Greedy insertion with blinks (SISR's recreate): visits in a chosen order, each placed at its
/// cheapest feasible position; each position is skipped with a small probability so that
/// repeated recreates explore different choices.
struct Recreate {
    /// Probability of skipping any one position.
    var blinkRate = 0.01

    /// Orders in which visits are reinserted (urgent ones always first).
    enum Order: CaseIterable {
        case random, tightWindowFirst, longFirst, manyWorkersFirst
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
            }
            return (-visit.unassignedPenalty, secondary, rng.next(), v)
        }
        keyed.sort { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
        var placed: [Int] = []
        for (_, _, _, v) in keyed {
            if let insertion = solution.bestInsertion(for: v, blink: blinkRate, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        return placed
    }
}
