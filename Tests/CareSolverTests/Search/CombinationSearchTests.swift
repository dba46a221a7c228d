import CareModel
import Testing

@testable import CareSolver

/// `bestCombination` (a double-up's workers chosen together) against brute force, and the
/// in-place selection of its candidate pool against sorting.
@Suite("Combination search")
struct CombinationSearchTests {
    /// The cheapest `limit` by (delta, shift, position), in that order, for buffers shorter
    /// and longer than the limit, with many equal deltas.
    @Test(arguments: [0, 1, 47, 48, 49, 300])
    func keepCheapestEqualsSortingThenTakingAPrefix(_ count: Int) {
        var rng = SplitMix64(seed: UInt64(count) + 1)
        var buffer = (0..<count).map { i in
            Candidate(shift: rng.nextInt(20), position: i, worker: 0, lo: 0, hi: 0, delta: rng.nextInt(12) - 4, paid: 0)
        }
        let sorted = buffer.sorted { ($0.delta, $0.shift, $0.position) < ($1.delta, $1.shift, $1.position) }
        let kept = SearchSolution.keepCheapest(48, of: &buffer)
        #expect(kept == min(48, count))
        #expect(buffer.prefix(kept).map(\.position) == sorted.prefix(48).map(\.position))
    }

    /// Every double-up of four care weeks (links, pins on every other double-up, lateness, the
    /// break rule), unplaced or taken out of a recreated roster in turn: the combination found is
    /// the cheapest of every set of the pool's candidates with distinct workers, a common start,
    /// the pinned workers and the break rule kept, found in the same order (the first of equally
    /// cheap ones).
    @Test func combinationIsTheCheapestByBruteForce() {
        var compared = 0
        var pinnedCompared = 0
        for seed in UInt64(5)...8 { Self.compareWithBruteForce(seed: seed, compared: &compared, pinned: &pinnedCompared) }
        // A week has few double-ups; over four weeks, enough, pinned ones among them.
        #expect(compared >= 10 && pinnedCompared >= 2, "\(compared) compared, \(pinnedCompared) pinned")
    }

    /// One week's double-ups compared, counting those with a combination and those pinned too.
    static func compareWithBruteForce(seed: UInt64, compared: inout Int, pinned pinnedCompared: inout Int) {
        let instance = ContinuityMovesTests.richInstance(seed: seed, pinned: true)
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(instance.visits.indices), in: solution, order: .random, rng: &rng, buffer: &buffer)
        for v in instance.visits.indices where instance.visits[v].workersNeeded > 1 {
            // An assigned double-up is taken out (when it may be) and put back afterwards.
            var restore: Insertion?
            if solution.isAssigned(v) {
                guard solution.canRemove(v) else { continue }
                restore = solution.remove(v)
            }
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
            var pool = buffer
            let found = solution.bestCombination(for: v, candidates: &buffer)
            let expected = Self.bruteForce(solution, v, &pool)
            #expect(found?.delta == expected?.delta && found?.start == expected?.start)
            #expect(found.map { Array($0.places.map(\.shift)) } == expected.map { Array($0.places.map(\.shift)) })
            #expect(found.map { Array($0.places.map(\.position)) } == expected.map { Array($0.places.map(\.position)) })
            if found != nil { compared += 1 }
            if found != nil && !instance.visits[v].pinnedWorkers.isEmpty { pinnedCompared += 1 }
            if let restore { solution.apply(v, restore) }
        }
    }

    /// Every `workersNeeded`-subset of the 48 cheapest candidates, in index order.
    static func bruteForce(_ solution: SearchSolution, _ v: Int, _ candidates: inout [Candidate]) -> Insertion? {
        let visit = solution.instance.visits[v]
        candidates.sort { ($0.delta, $0.shift, $0.position) < ($1.delta, $1.shift, $1.position) }
        let pool = Array(candidates.prefix(48))
        var best: Insertion?
        func subsets(_ from: Int, _ chosen: [Candidate]) {
            if chosen.count == visit.workersNeeded {
                let workers = chosen.map(\.worker)
                guard Set(workers).count == workers.count, visit.pinnedWorkers.allSatisfy(workers.contains) else { return }
                let t = chosen.map(\.lo).max()!
                guard chosen.allSatisfy({ $0.lo <= t && t <= $0.hi }) else { return }
                var delta = chosen.reduce(0) { $0 + $1.delta } + solution.preferenceCost(v, workers: workers)
                if t > visit.windowEnd { delta += solution.latenessCost(lateBy: t - visit.windowEnd) }
                if let best, best.delta <= delta { return }
                guard
                    chosen.allSatisfy({
                        solution.breakRuleHolds($0.shift, inserting: v, at: $0.position, window: (t, t), removingAt: nil)
                    })
                else { return }
                var places = InsertionPlaces()
                for c in chosen { places.append((c.shift, c.position)) }
                best = Insertion(places: places, start: t, delta: delta)
                return
            }
            for i in from..<pool.count { subsets(i + 1, chosen + [pool[i]]) }
        }
        subsets(0, [])
        return best
    }
}
