import CareModel

/// A crossover in the manner of SREX (Nagata & Kobayashi's selective route exchange): some
/// routes of one parent, taken whole, replace the same shifts' routes in the other, and the
/// visits this displaces or leaves out are re-inserted greedily. Here the routes come from a
/// parent drawn from the trajectory's `ElitePool` (its best, or another good solution it found)
/// and go into its current one, the chain annealing has drifted to. After a stall, this moves
/// one region of the current solution to the parent's while the rest keeps what the chain
/// found, where a restart would throw that away too. (`best` below is that parent.)
///
/// Routes belong to shifts (a carer's day), so a route is copied onto the same shift, never
/// onto another carer. Only visits whose insertion nothing outside their route constrains
/// are copied in place: one worker, no link, no fixed start (double-ups, linked and
/// late-allowed visits are re-inserted by recreate instead). Each copied visit is appended
/// only where `candidates` finds the position feasible (windows, the weekly cap, pins), so the
/// child is as feasible as any solution the search makes.
struct RouteCrossover {
    /// At most this share of the best's used routes is copied (at least one), among the shifts
    /// of the seed visit and its nearest neighbours (so on a large problem, often all of those).
    var maxRouteShare = 0.5
    let recreate = Recreate()

    /// Replaces, in `solution`, the routes of some shifts by their routes in `best`; returns the
    /// visits it placed. The shifts are those serving a random visit and its nearest neighbours
    /// in `best`, so the region is compact in place and time.
    func cross(
        into solution: SearchSolution, best: (slots: [Int], start: [Int]), orders: [(order: Recreate.Order, weight: Int)],
        rng: inout SplitMix64, buffer: inout [Candidate]
    ) -> [Int] {
        let instance = solution.instance
        let assignedInBest = instance.visits.indices.filter { best.slots[SearchSolution.slot($0, 0)] >= 0 }
        guard !assignedInBest.isEmpty else { return [] }
        var isUsed = Array(repeating: false, count: instance.shifts.count)
        for v in assignedInBest {
            for k in 0..<SolverVisit.maxWorkers where best.slots[SearchSolution.slot(v, k)] >= 0 {
                isUsed[best.slots[SearchSolution.slot(v, k)]] = true
            }
        }
        let usedRoutes = isUsed.reduce(0) { $0 + ($1 ? 1 : 0) }
        var isChosen = Array(repeating: false, count: instance.shifts.count)
        let routeCount = 1 + rng.nextInt(max(1, Int(Double(usedRoutes) * maxRouteShare)))
        let seed = assignedInBest[rng.nextInt(assignedInBest.count)]
        var chosen: [Int] = []
        for v in [seed] + instance.neighbours[seed] where chosen.count < routeCount {
            for k in 0..<SolverVisit.maxWorkers {
                let s = best.slots[SearchSolution.slot(v, k)]
                if s < 0 { break }
                if !isChosen[s] && chosen.count < routeCount {
                    chosen.append(s)
                    isChosen[s] = true
                }
            }
        }
        // The best's visits on the chosen shifts, in service order (starts rise along a route).
        let copied = assignedInBest.filter { v in
            (0..<SolverVisit.maxWorkers).contains { k in
                let s = best.slots[SearchSolution.slot(v, k)]
                return s >= 0 && isChosen[s]
            }
        }.sorted { (best.start[$0], $0) < (best.start[$1], $1) }

        // Empty the chosen shifts and take the copied visits out of wherever they are now.
        var removed: [(Int, Insertion)] = []
        for s in chosen {
            for v in solution.routes[s] where instance.fixedStart[v] { solution.ruin(v, into: &removed) }
            // Without its double-ups and linked visits the route empties whole, and an empty route
            // keeps every rule, so its visits come off directly: `ruin` would refuse one whose
            // removal breaks the break rule in the half-emptied route in between.
            let emptiesWhole = solution.routes[s].allSatisfy { !instance.fixedStart[$0] }
            for v in solution.routes[s] {
                if emptiesWhole { removed.append((v, solution.remove(v))) } else { solution.ruin(v, into: &removed) }
            }
        }
        for v in copied { solution.ruin(v, into: &removed) }

        var placed: [Int] = []
        for v in copied where !solution.isAssigned(v) && !instance.fixedStart[v] {
            let s = best.slots[SearchSolution.slot(v, 0)]
            let end = solution.routes[s].count
            // All of the visit's positions are priced to read one: a crossover is rare (after
            // thousands of iterations), and `candidates` is the one place that knows every rule.
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
            guard let c = buffer.first(where: { $0.shift == s && $0.position == end }),
                solution.breakRuleHolds(s, inserting: v, at: end, window: solution.window(v), removingAt: nil)
            else { continue }
            solution.apply(v, Insertion(places: InsertionPlaces(s, end), start: c.lo, delta: c.delta))
            placed.append(v)
        }
        var inPool = Array(repeating: false, count: instance.visits.count)
        var pool: [Int] = []
        for v in removed.map(\.0) + copied where !solution.isAssigned(v) && !inPool[v] {
            inPool[v] = true
            pool.append(v)
        }
        placed += recreate.recreate(pool, in: solution, order: Recreate.draw(orders, rng: &rng), rng: &rng, buffer: &buffer)
        return placed
    }
}
