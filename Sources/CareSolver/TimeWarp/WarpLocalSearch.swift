/// Granular local search through infeasible space (issue 16; HGS and PyVRP search this way): the
/// moves of `LocalSearch` (relocate, swap, 2-opt* with the visit's nearest neighbours), but a
/// move may break time windows, each unit of time warp priced by an adaptive `WarpPenalty`.
/// When the first descent ends with warp, a repair descent prices warp ten times higher over
/// the warped routes; if warp is left after it, every move of the call is undone. So the
/// solution it hands back keeps every window, and only such solutions ever become current or
/// the best. A repaired solution may cost more than the one given (annealing then judges it).
///
/// Only plain VRPTW instances qualify (`applies(to:)`): one worker per visit, any worker for any
/// visit, no fixed starts, links, lateness or break rule, travel and capacity the only costs and
/// limits, one travel mode, alike shifts, and no cost to stay home. Care weeks have rules that
/// read each visit's start, which warp would falsify.
struct WarpLocalSearch {
    /// Neighbours of each visit tried, and passes over the given visits at most.
    var neighbourLimit = 8
    var maxPasses = 1
    /// Whether chains of two and three visits relocate too (or-opt), after the other moves
    /// (`SolveParameters.timeWarpChains`, off by default).
    var chains = false
    /// Whether each pass ends with SWAP* between the routes of the given visits and their
    /// neighbours' routes (`SolveParameters.timeWarpSwapStar`, off by default).
    var swapStar = false
    /// Neighbours of each visit whose routes SWAP* pairs with the visit's route. Two (with SWAP*
    /// in the first descent only, a variant not kept) cost 2.6 times the time of the search
    /// without it instead of 6, but lost its gain at equal iterations (BENCHMARKS.md, "Issue 16,
    /// fourteenth part").
    var swapStarNeighbours = 8
    /// The price of warp, adapted after each call.
    private(set) var penalty: WarpPenalty
    /// How many times higher the repair descent prices warp (HGS's repair booster; PyVRP's
    /// is 12).
    static let repairBooster = 10.0

    private(set) var segments: RouteSegments
    /// What the calls came to: all of them, those whose first descent ended without warp, those
    /// kept after a repair (and of those, how many cost no less than before), and those undone
    /// (read by tests, to see that warp was crossed).
    private(set) var calls = 0
    private(set) var feasibleResults = 0
    private(set) var repaired = 0
    private(set) var repairedWorse = 0
    private(set) var undone = 0
    /// Chains relocated (with `chains`), and SWAP* exchanges applied (with `swapStar`).
    private(set) var chainMoves = 0
    private(set) var swapStarMoves = 0

    /// A search whose warp starts at one unit of travel cost per unit of time and adapts
    /// towards `targetFeasible` of its results keeping every window before repair.
    init(instance: SolverInstance, targetFeasible: Double) {
        penalty = WarpPenalty(value: Double(max(1, instance.weights.travel)), targetFeasible: targetFeasible)
        segments = RouteSegments(instance)
    }

    /// True when `instance` is plain VRPTW (see the type's documentation).
    static func applies(to instance: SolverInstance) -> Bool {
        let weights = instance.weights
        guard let first = instance.shifts.first, instance.breakRule == nil, instance.links.isEmpty, instance.travelTimes.count == 1,
            !weights.valuesContinuity, weights.preference <= 0
        else { return false }
        let shiftsAlike = instance.shifts.allSatisfy {
            $0.start == first.start && $0.end == first.end && $0.home == first.home && $0.returnsHome == first.returnsHome
        }
        // An empty route costs nothing to the engine; its stretches join home to home.
        let home = first.home
        let stayingHomeFree = instance.travelTime[home, home] == 0 && instance.travelCost[home, home] == 0
        let workersFree = instance.workers.allSatisfy { $0.contracted <= 0 && $0.maxPaid == .max }
        let visitsFree = instance.visits.indices.allSatisfy { v in
            let visit = instance.visits[v]
            return visit.workersNeeded == 1 && !instance.fixedStart[v] && visit.lateAllowed == 0 && visit.pinnedWorkers.isEmpty
                && visit.allowedWorkers.count == instance.workers.count
        }
        return shiftsAlike && stayingHomeFree && workersFree && visitsFree
    }

    /// Improves the routes around `visits` through warped routes and back; appends each applied
    /// move to `journal` (see `LocalSearch.improve`). The solution it leaves keeps every window;
    /// it costs no more than before unless a repair was kept.
    mutating func improve(_ visits: [Int], in solution: SearchSolution, journal: inout [RouteChange]) {
        let mark = journal.count
        let entry = solution.cost
        segments.rebuildChanged(solution)
        descend(visits, in: solution, price: penalty.value, journal: &journal)
        calls += 1
        let feasible = segments.warp == 0
        penalty.record(feasible: feasible)
        // Without warp the first descent has lowered travel (it started without warp).
        if feasible {
            feasibleResults += 1
            return
        }
        let warped = solution.routes.indices.filter { segments.whole[$0].warp > 0 }.flatMap { solution.routes[$0] }
        descend(warped, in: solution, price: penalty.value * Self.repairBooster, journal: &journal)
        // A repair may buy back the warp with more travel than the first descent saved. Such a
        // result is kept all the same, for annealing to judge, as HGS keeps repaired solutions:
        // undoing it instead (keeping the cheaper recreated routes) gave a higher mean gap over
        // Solomon's 56 at equal iterations (BENCHMARKS.md, "Issue 16, eleventh part").
        if segments.warp == 0 {
            repaired += 1
            if solution.cost >= entry { repairedWorse += 1 }
            return
        }
        undone += 1
        solution.undo(journal[mark...])
        journal.removeSubrange(mark...)
    }

    /// First-improvement passes over `visits` at `price` per unit of warp.
    private mutating func descend(_ visits: [Int], in solution: SearchSolution, price: Double, journal: inout [RouteChange]) {
        for _ in 0..<maxPasses {
            var improved = false
            for v in visits where solution.isAssigned(v) {
                if let change = firstImprovement(for: v, in: solution, price: price) {
                    journal.append(change)
                    improved = true
                }
            }
            if swapStar, swapStarPass(visits, in: solution, price: price, journal: &journal) { improved = true }
            if !improved { return }
        }
    }

    /// SWAP* between the route of each of `visits` and the routes of its nearest neighbours, each
    /// pair of routes at most once; true when some exchange was applied.
    private mutating func swapStarPass(_ visits: [Int], in solution: SearchSolution, price: Double, journal: inout [RouteChange]) -> Bool {
        let weight = solution.instance.weights.travel
        var tried = Set<Int>()
        var applied = false
        let shifts = solution.routes.count
        for v in visits where solution.isAssigned(v) {
            for u in solution.instance.neighbours[v].prefix(swapStarNeighbours) where solution.isAssigned(u) {
                let (a, b) = (solution.slots[SearchSolution.slot(v, 0)], solution.slots[SearchSolution.slot(u, 0)])
                if a == b || !tried.insert(min(a, b) * shifts + max(a, b)).inserted { continue }
                if let move = segments.bestSwapStar(a, b, in: solution, weight: weight, price: price) {
                    journal.append(segments.swapStar(a, b, move, in: solution))
                    swapStarMoves += 1
                    applied = true
                }
            }
        }
        return applied
    }

    /// Applies the first move of `v` with one of its neighbours that lowers travel plus priced
    /// warp, if any.
    private mutating func firstImprovement(for v: Int, in solution: SearchSolution, price: Double) -> RouteChange? {
        let weight = solution.instance.weights.travel
        let a = solution.slots[SearchSolution.slot(v, 0)]
        let i = solution.position(of: v)
        for u in solution.instance.neighbours[v].prefix(neighbourLimit) where solution.isAssigned(u) {
            let b = solution.slots[SearchSolution.slot(u, 0)]
            if b == a { continue }
            let j = solution.position(of: u)
            // Neither route warps (most often so): a move must lower travel to improve.
            let warpFree = segments.whole[a].warp == 0 && segments.whole[b].warp == 0
            func improves(_ delta: WarpMoveDelta?) -> Bool {
                guard let delta else { return false }
                return delta.priced(travelWeight: weight, penalty: price) < 0
            }
            func worth(_ costDelta: @autoclosure () -> Int) -> Bool { !warpFree || weight * costDelta() < 0 }
            if worth(segments.relocateCostDelta(v, from: a, at: i, to: b, at: j + 1)),
                improves(segments.relocateDelta(v, from: a, at: i, to: b, at: j + 1))
            {
                return segments.relocate(v, from: a, at: i, to: b, at: j + 1, in: solution)
            }
            if worth(segments.relocateCostDelta(v, from: a, at: i, to: b, at: j)),
                improves(segments.relocateDelta(v, from: a, at: i, to: b, at: j))
            {
                return segments.relocate(v, from: a, at: i, to: b, at: j, in: solution)
            }
            if worth(segments.swapCostDelta(v, a, at: i, u, b, at: j)),
                improves(segments.swapDelta(v, a, at: i, u, b, at: j))
            {
                return segments.swap(v, a, at: i, u, b, at: j, in: solution)
            }
            if worth(segments.twoOptStarCostDelta(a, cutA: i, b, cutB: j + 1)),
                improves(segments.twoOptStarDelta(a, cutA: i, b, cutB: j + 1))
            {
                return segments.twoOptStar(a, cutA: i, b, cutB: j + 1, in: solution)
            }
            if worth(segments.twoOptStarCostDelta(a, cutA: i + 1, b, cutB: j)),
                improves(segments.twoOptStarDelta(a, cutA: i + 1, b, cutB: j))
            {
                return segments.twoOptStar(a, cutA: i + 1, b, cutB: j, in: solution)
            }
            // Or-opt: `v` and the one or two visits after it move together, after or before `u`.
            guard chains else { continue }
            let route = solution.routes[a]
            for count in 2...3 where i + count <= route.count {
                let chain = segments.chain(of: route, i..<(i + count))
                for position in [j + 1, j] {
                    if worth(segments.relocateCostDelta(chain, from: a, at: i, count: count, to: b, at: position)),
                        improves(segments.relocateDelta(chain, from: a, at: i, count: count, to: b, at: position))
                    {
                        chainMoves += 1
                        return segments.relocate(count: count, from: a, at: i, to: b, at: position, in: solution)
                    }
                }
            }
        }
        return nil
    }
}
