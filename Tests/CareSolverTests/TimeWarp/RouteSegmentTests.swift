import CareModel
import SolomonBenchmark
import Testing

@testable import CareSolver

/// Joined stretches give the walk's cost, warp and load however a route is split, on Solomon
/// routes back to the depot and on care shifts that end at the last visit.
@Suite("Route segments")
struct RouteSegmentTests {
    @Test(arguments: ["c101", "r201"])
    func solomonJoinsEqualTheWalk(_ name: String) throws {
        try check(SolomonTests.fixture(name).solverInstance(), seed: 1)
    }

    @Test func careShiftsJoinEqualTheWalk() {
        check(ContinuityMovesTests.richInstance(seed: 5), seed: 2)
    }

    private func check(_ instance: SolverInstance, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let (time, cost) = (instance.travelTime, instance.travelCost)
        var warped = 0
        for _ in 0..<400 {
            let s = rng.nextInt(instance.shifts.count)
            let shift = instance.shifts[s]
            let count = rng.nextInt(12)
            let route = (0..<count).map { _ in rng.nextInt(instance.visits.count) }
            let walked = WarpWalk.walk(route, shift: s, in: instance)
            // Left to right, and split at a random point into a prefix and a suffix.
            var left = RouteSegment.start(of: shift)
            for v in route { left = left.then(.visit(v, in: instance), time: time, cost: cost) }
            left = left.then(.end(of: shift), time: time, cost: cost)
            let cut = rng.nextInt(count + 1)
            var prefix = RouteSegment.start(of: shift)
            for v in route[..<cut] { prefix = prefix.then(.visit(v, in: instance), time: time, cost: cost) }
            var suffix = RouteSegment.end(of: shift)
            for v in route[cut...].reversed() { suffix = RouteSegment.visit(v, in: instance).then(suffix, time: time, cost: cost) }
            let split = prefix.then(suffix, time: time, cost: cost)
            for joined in [left, split] {
                #expect(joined.cost == walked.cost && joined.warp == walked.warp && joined.load == walked.load, "route \(route) on shift \(s)")
            }
            if walked.warp > 0 { warped += 1 }
        }
        #expect(warped > 50, "too few warped routes to test (\(warped))")
    }

    /// The stretches of a solution's routes: a rebuilt route's whole equals the walk and every
    /// prefix joined with its suffix equals the whole; a feasible solution has no warp (the
    /// converse is `noWarpIsTheEnginesFeasibility`).
    @Test func solutionStretchesMatchTheRoutes() throws {
        let solution = try MoveChecks.solomonSolution(seed: 4)
        var segments = RouteSegments(solution.instance)
        segments.rebuildAll(solution)
        let instance = solution.instance
        #expect(segments.warp == 0 && MoveChecks.feasible(solution))
        for s in solution.routes.indices {
            let walked = WarpWalk.walk(solution.routes[s], shift: s, in: instance)
            #expect(segments.whole[s].cost == walked.cost && segments.whole[s].warp == walked.warp)
            #expect(segments.whole[s].cost == solution.routeCost[s])
            for i in 0...solution.routes[s].count {
                let joined = segments.prefix(s, i).then(segments.suffix(s, i), time: instance.travelTime, cost: instance.travelCost)
                #expect(joined == segments.whole[s])
            }
        }
    }

    /// Across many rounds of ruin and recreate on one solution (and some undone), the stretches
    /// rebuilt for the changed routes alone equal those of every route rebuilt.
    @Test func changedRoutesAloneAreRebuilt() throws {
        let instance = try SolomonTests.fixture("c101").solverInstance()
        let solution = MoveChecks.randomSolution(instance, seed: 5)
        var segments = RouteSegments(instance)
        segments.rebuildAll(solution)
        var rng = SplitMix64(seed: 6)
        var buffer: [Candidate] = []
        for round in 0..<300 {
            let removed = StringRemoval().ruin(solution, rng: &rng)
            let placed = Recreate().recreate(removed.map(\.0), in: solution, order: .random, rng: &rng, buffer: &buffer)
            if round % 3 == 0 {
                for v in placed.reversed() { solution.remove(v) }
                for (v, restore) in removed.reversed() { solution.apply(v, restore) }
            }
            segments.rebuildChanged(solution)
            #expect(Self.sameStretches(segments, rebuiltFrom: solution), "round \(round)")
        }
        // Another solution of the same instance is not taken for the first, even with the same
        // route versions: only the owner check can tell them apart.
        let other = MoveChecks.randomSolution(instance, seed: 8)
        other.routeVersions = solution.routeVersions
        segments.rebuildChanged(other)
        #expect(Self.sameStretches(segments, rebuiltFrom: other))
    }

    /// Warp-free stretches are exactly the engine's own feasibility: on random routes (of visits
    /// whose start is their own), a route has no warp when and only when `refresh` finds every
    /// visit's earliest start within its latest, on Solomon's shifts back to the depot and on
    /// care shifts that end at the last visit.
    @Test(arguments: [0, 1])
    func noWarpIsTheEnginesFeasibility(_ kind: Int) throws {
        let instance = kind == 0 ? try SolomonTests.fixture("r201").solverInstance() : ContinuityMovesTests.richInstance(seed: 5)
        let free = instance.visits.indices.filter { !instance.fixedStart[$0] }
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 11)
        var seen = (warped: 0, clear: 0)
        for _ in 0..<600 {
            let s = rng.nextInt(instance.shifts.count)
            let shift = instance.shifts[s]
            // Visits whose window lies in the shift, half the time in the order of their windows
            // (mostly feasible), half in a random order (mostly warped).
            let fitting = free.filter { instance.earliestStart[$0] >= shift.start && instance.latestStart[$0] <= shift.end }
            if fitting.isEmpty { continue }
            var route = (0..<(1 + rng.nextInt(5))).map { _ in fitting[rng.nextInt(fitting.count)] }
            if rng.nextInt(2) == 0 { route.sort { instance.earliestStart[$0] < instance.earliestStart[$1] } }
            solution.routes[s] = route
            solution.refresh(s)
            let keeps = route.indices.allSatisfy { solution.earliest[s][$0] <= solution.latest[s][$0] }
            var segment = RouteSegment.start(of: instance.shifts[s])
            for v in route { segment = segment.then(.visit(v, in: instance), time: instance.travelTime, cost: instance.travelCost) }
            segment = segment.then(.end(of: instance.shifts[s]), time: instance.travelTime, cost: instance.travelCost)
            #expect(keeps == (segment.warp == 0), "route \(route) on shift \(s)")
            if keeps { seen.clear += 1 } else { seen.warped += 1 }
            solution.routes[s] = []
            solution.refresh(s)
        }
        #expect(seen.warped > 50 && seen.clear > 50, "\(seen)")
    }

    /// True when `segments` equal stretches built afresh for every route of `solution`.
    static func sameStretches(_ segments: RouteSegments, rebuiltFrom solution: SearchSolution) -> Bool {
        var fresh = RouteSegments(solution.instance)
        fresh.rebuildAll(solution)
        if segments.warp != fresh.warp || segments.whole != fresh.whole { return false }
        return solution.routes.indices.allSatisfy { s in
            (0...solution.routes[s].count).allSatisfy { i in
                segments.prefix(s, i) == fresh.prefix(s, i) && segments.suffix(s, i) == fresh.suffix(s, i)
            }
        }
    }
}
