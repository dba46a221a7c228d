import CareModel

/// Recreate for one client's visits that thinks in teams: it repeatedly picks the worker whose
/// taking every visit they can gives the lowest estimated total (their costs, one pair's
/// continuity, the cheapest offers for the rest), gives them those visits, and leaves greedy
/// insertion whatever no team takes. Greedy insertion alone takes the
/// cheapest worker for each visit in turn, which for a week of morning calls is often a
/// different worker each day.
struct TeamRecreate {
    /// Probability of skipping any one position while counting (as `Recreate`'s blinks).
    var blinkRate = 0.01

    /// Inserts `visits` where possible; returns the ones placed, in order.
    func recreate(_ visits: [Int], in solution: SearchSolution, rng: inout SplitMix64, buffer: inout [Candidate]) -> [Int] {
        let instance = solution.instance
        var placed: [Int] = []
        // Double-ups and pinned visits have few choices: they go first, cheapest each.
        let ordered = visits.sorted { (instance.visits[$0].windowStart, $0) < (instance.visits[$1].windowStart, $1) }
        let fixedWorkers = ordered.filter { instance.visits[$0].workersNeeded > 1 || !instance.visits[$0].pinnedWorkers.isEmpty }
        for v in fixedWorkers {
            if let insertion = solution.bestInsertion(for: v, blink: blinkRate, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        var waiting = ordered.filter { instance.visits[$0].workersNeeded == 1 && instance.visits[$0].pinnedWorkers.isEmpty }
        guard let first = waiting.first else { return placed }
        // One client's team: link partners of other clients that came with the ruin go greedy.
        let client = instance.visits[first].client
        let others = waiting.filter { instance.visits[$0].client != client }
        waiting.removeAll { instance.visits[$0].client != client }
        // Per worker: visits they can take, their summed cost without the continuity part (priced
        // below for the whole team at once), and the summed cheapest offer for those visits.
        var tally: [Int: (count: Int, cost: Int, covered: Int)] = [:]
        var cheapest: [Int: Int] = [:]
        while !waiting.isEmpty {
            tally.removeAll(keepingCapacity: true)
            var othersTotal = 0
            for v in waiting {
                solution.candidates(for: v, blink: blinkRate, rng: &rng, into: &buffer)
                cheapest.removeAll(keepingCapacity: true)
                var overall = Int.max
                for c in buffer {
                    cheapest[c.worker] = min(cheapest[c.worker] ?? .max, c.delta)
                    overall = min(overall, c.delta)
                }
                if overall == .max { continue }
                othersTotal += overall
                for (w, cost) in cheapest {
                    let t = tally[w] ?? (0, 0, 0)
                    tally[w] = (t.count + 1, t.cost + cost - solution.continuityDelta(client: client, worker: w, adding: 1), t.covered + overall)
                }
            }
            // The estimated total if worker w takes every visit it can: its own costs, its pair's
            // continuity for that many visits, and the cheapest offers for the rest. Ties: more
            // visits, then the lower index (independent of dictionary order).
            func key(_ e: (key: Int, value: (count: Int, cost: Int, covered: Int))) -> (Int, Int, Int) {
                let total =
                    e.value.cost + solution.continuityDelta(client: client, worker: e.key, adding: e.value.count) + othersTotal
                    - e.value.covered
                return (total, -e.value.count, e.key)
            }
            guard let team = tally.min(by: { key($0) < key($1) }) else { break }
            var rest: [Int] = []
            for v in waiting {
                if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer, onlyWorker: team.key) {
                    solution.apply(v, insertion)
                    placed.append(v)
                } else {
                    rest.append(v)
                }
            }
            if rest.count == waiting.count { break }
            waiting = rest
        }
        for v in waiting + others {
            if let insertion = solution.bestInsertion(for: v, blink: blinkRate, rng: &rng, buffer: &buffer) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        return placed
    }
}
