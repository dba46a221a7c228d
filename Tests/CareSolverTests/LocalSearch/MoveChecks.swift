import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Shared by the operator tests: random solutions of a care week (double-ups, links, lateness,
/// history, breaks, preferences) and of a Solomon instance (capacity, routes back to the
/// depot), and a from-scratch feasibility check written independently of the engine's caches.
enum MoveChecks {
    /// A care week with every rule in play, partly solved; for odd seeds every third worker
    /// travels by a slower second mode.
    static func careSolution(seed: UInt64) -> SearchSolution {
        let instance = ContinuityMovesTests.richInstance(seed: 5 + seed % 2, mixedModes: seed % 2 == 1)
        return randomSolution(instance, seed: seed)
    }

    /// Solomon's r201 (wide windows, long routes back to the depot, capacity), partly solved.
    static func solomonSolution(seed: UInt64) throws -> SearchSolution {
        let instance = try SolomonTests.fixture("r201").solverInstance()
        return randomSolution(instance, seed: seed)
    }

    /// A greedy solution followed by a few random ruin-and-recreate steps, so that routes are
    /// neither empty nor optimal.
    static func randomSolution(_ instance: SolverInstance, seed: UInt64) -> SearchSolution {
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = Recreate().recreate(Array(instance.visits.indices), in: solution, order: .random, rng: &rng, buffer: &buffer)
        for _ in 0..<10 {
            let removed = StringRemoval().ruin(solution, rng: &rng)
            _ = Recreate(blinkRate: 0.3).recreate(removed.map(\.0), in: solution, order: .random, rng: &rng, buffer: &buffer)
        }
        return solution
    }

    /// A random assigned visit `v` and one of its neighbours `u` on another route (`a` and `b`
    /// their single-worker routes), or nil when the draw gives none: where moves between routes are.
    static func neighbourPair(in solution: SearchSolution, rng: inout SplitMix64) -> (v: Int, u: Int, a: Int, b: Int)? {
        let v = rng.nextInt(solution.instance.visits.count)
        guard solution.isAssigned(v), let u = solution.instance.neighbours[v].randomElement(using: &rng), solution.isAssigned(u) else {
            return nil
        }
        let a = solution.slots[SearchSolution.slot(v, 0)]
        let b = solution.slots[SearchSolution.slot(u, 0)]
        return a == b ? nil : (v, u, a, b)
    }

    /// True when every route, recomputed from its visit list alone, keeps windows (fixed starts
    /// for double-ups, linked and lateness visits), the shift's end, capacity, the break rule,
    /// the workers' caps and who may do each visit; links keep their gaps and different
    /// workers; each visit has as many distinct workers as it needs, once in each of their routes.
    static func feasible(_ solution: SearchSolution) -> Bool {
        let instance = solution.instance
        var paid = Array(repeating: 0, count: instance.workers.count)
        for (s, route) in solution.routes.enumerated() {
            let shift = instance.shifts[s]
            var time = shift.start
            var loc = shift.home
            var load = 0
            var first = 0
            var longestGap = 0
            for (i, v) in route.enumerated() {
                let visit = instance.visits[v]
                if !visit.allowedWorkers.contains(shift.worker) { return false }
                if visit.workersNeeded == 1 && !visit.pinnedWorkers.isEmpty && visit.pinnedWorkers != [shift.worker] { return false }
                let fixed = instance.fixedStart[v]
                let arrive = time + instance.travelTimes[shift.mode][loc, visit.location]
                let begin = max(arrive, fixed ? solution.start[v] : visit.windowStart)
                if begin > (fixed ? solution.start[v] : visit.latestStart) { return false }
                if i == 0 { first = begin } else { longestGap = max(longestGap, begin - arrive) }
                if i > 0 && instance.paidTravel { paid[shift.worker] += instance.travelTimes[shift.mode][loc, visit.location] }
                paid[shift.worker] += visit.duration
                load += visit.demand
                time = begin + visit.duration
                loc = visit.location
            }
            if route.isEmpty { continue }
            if time + (shift.returnsHome ? instance.travelTimes[shift.mode][loc, shift.home] : 0) > shift.end { return false }
            if load > shift.capacity { return false }
            if let rule = instance.breakRule, shift.end - shift.start > rule.maxSpanWithoutBreak, time - first > rule.maxSpanWithoutBreak,
                longestGap < rule.minimumBreak
            {
                return false
            }
        }
        for link in instance.links where solution.isAssigned(link.first) && solution.isAssigned(link.second) {
            let gap = solution.start[link.second] - solution.start[link.first]
            if gap < link.minGap || gap > link.maxGap { return false }
            let first = Set(solution.shifts(of: link.first).map { instance.shifts[$0].worker })
            if link.differentWorkers && !first.isDisjoint(with: solution.shifts(of: link.second).map { instance.shifts[$0].worker }) {
                return false
            }
        }
        for v in instance.visits.indices where solution.isAssigned(v) {
            let shifts = solution.shifts(of: v)
            if shifts.count != instance.visits[v].workersNeeded || Set(shifts.map { instance.shifts[$0].worker }).count != shifts.count {
                return false
            }
            if shifts.contains(where: { solution.routes[$0].filter { $0 == v }.count != 1 }) { return false }
        }
        return zip(paid, instance.workers).allSatisfy { $0 <= $1.maxPaid }
    }

    /// Applies `apply`, checks the result against `evaluated` (the operator's verdict: nil for
    /// infeasible) and a full recomputation, then undoes it and checks the solution is back.
    /// `allowed` says whether the move only involves visits the operator is meant to move.
    static func expectMatches(_ solution: SearchSolution, evaluated: Int?, allowed: Bool, apply: () -> RouteChange) {
        let before = solution.cost
        let routes = solution.routes
        let change = apply()
        let ok = feasible(solution)
        // An infeasible list can make a visit late, which only a full recomputation prices.
        if ok { #expect(solution.cost == solution.recomputedCost() && solution.countsMatch()) }
        if let evaluated {
            #expect(ok, "a move evaluated as feasible is infeasible")
            #expect(solution.cost - before == evaluated, "evaluated \(evaluated), applied \(solution.cost - before)")
        } else if allowed {
            #expect(!ok, "a feasible move was evaluated as infeasible")
        }
        solution.undo([change])
        #expect(solution.routes == routes)
        #expect(solution.cost == before)
        #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
    }
}
