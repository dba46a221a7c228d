import CareModel

/// What the search found: every visit assigned (with its shifts and start) or not, and the
/// objective split into its parts.
public struct SolveResult: Sendable {
    /// One assigned visit.
    public struct Assignment: Sendable, Equatable {
        public let visit: Int
        /// Shifts (routes) serving it, one per worker.
        public let shifts: [Int]
        public let start: Int
    }

    public let assignments: [Assignment]
    /// Visits left unassigned, ascending.
    public let unassigned: [Int]
    public let cost: Int
    public let travelCost: Int
    public let distinctPairs: Int
    public let preferenceMisses: Int
    public let shortfall: Int
    public let unassignedPenalty: Int
    /// Σ `Weights.continuityTaper` over (client, worker) pairs, and pairs new to their client.
    public let taperUnits: Int
    public let newPairs: Int
    /// Σ lateness over assigned visits, and the largest.
    public let lateTotal: Int
    public let maxLate: Int
    /// `workerPaid[w]`: paid time of worker `w`.
    public let workerPaid: [Int]
    /// `routes[s]`: visits of shift `s` in service order.
    public let routes: [[Int]]
    public let iterations: Int
    public let seconds: Double
}

/// A progress report, sent about once a second.
public struct SolveProgress: Sendable {
    public let elapsed: Double
    public let iteration: Int
    public let bestCost: Int
    public let assigned: Int
    public let visits: Int
}

/// Search settings.
public struct SolveParameters: Sendable {
    /// Seeds every random choice: same seed and iteration limit, same result.
    public var seed: UInt64
    public var stop: StoppingCriterion
    /// Simulated-annealing temperatures as multiples of the average travel cost per visit
    /// of the first solution. Tuned on Solomon at 4–5 s per instance (BENCHMARKS.md): a hot
    /// start lets routes be emptied (C2 needed it), a cold end polishes.
    public var startTemperature = 5.0
    public var endTemperature = 0.005
    /// With continuity weighted: the continuity ruins (pair, client, run, round copy) and
    /// team-first recreate run on this share of iterations, SISR's on the rest. Off, the search
    /// is the one before them (the "before" of the continuity benchmark, BENCHMARKS.md).
    public var continuityMoves = true
    public var continuityShare = 0.15
    /// Construction places a client's run (the same call on other days) together, team-first.
    public var runConstruction = true
    /// Construction first gives each visit to its `previousWorkers` (last week's carers).
    public var warmStart = true
    /// Granular local search (relocate, swap, 2-opt*) after construction and after recreates,
    /// on the visits placed. Off by default: at equal time it has not yet beaten the search
    /// without it, on Solomon or on care weeks, because it costs more iterations than it gains
    /// (BENCHMARKS.md, "Local search"). It is the base for issue 16's population search.
    public var localSearch = false
    /// Local search runs on a recreated solution only when annealing accepts it anyway and it is
    /// at most `localSearchBestMargin` temperatures above the best so far, trying each visit's
    /// `localSearchNeighbours` nearest neighbours for at most `localSearchPasses` passes: the
    /// best of the settings tried on 14 hard Solomon instances and a care week (BENCHMARKS.md).
    public var localSearchBestMargin = 10.0
    public var localSearchNeighbours = 8
    public var localSearchPasses = 1
    /// Issue 16's search through infeasible space, on plain VRPTW instances only
    /// (`WarpLocalSearch.applies(to:)`; care weeks ignore it): the local search (with the gate,
    /// neighbours and passes above, whether or not `localSearch` is set) may break time windows,
    /// each unit of time warp priced by a penalty adapted so that about `timeWarpFeasibleShare` of
    /// its results keep every window before a repair (PyVRP 0.x's target); a result still warped after
    /// the repair is undone, so only solutions that keep every window are ever current, best or
    /// returned. On by default: over Solomon's 56 at equal iterations (215,000 per instance, four
    /// seeds) it lowered the mean gap from 0.115 to 0.090 %, and at 10 s on this machine (about
    /// a million iterations per instance) from 0.058 to 0.020 % with a quarter fewer iterations.
    /// At equal time where the search without it gets only about 215,000 iterations per
    /// instance, it is behind (0.173 against 0.115 %) (BENCHMARKS.md, "Issue 16, eleventh part").
    public var timeWarpLocalSearch = true
    public var timeWarpFeasibleShare = 0.43
    /// The time-warp local search relocates chains of two and three consecutive visits too
    /// (or-opt), after its other moves. Off by default: over Solomon's 56 at 100,000 iterations
    /// per instance, seeds 1–4, it cost 13 % more time for a mean gap of 0.225 % against 0.208 %
    /// (BENCHMARKS.md, "Issue 16, fourteenth part").
    public var timeWarpChains = false
    /// Each pass of the time-warp local search ends with SWAP* (Vidal 2022) between the routes of
    /// the visits it was given and their neighbours' routes. Off by default: over Solomon's 56 at
    /// 20,000 iterations it lowered the mean gap from 0.71 to 0.51 % (seed 1) at six and a half
    /// times the time; at equal time the search without it would run about 120,000 iterations
    /// per instance, where it measured about 0.2 % (BENCHMARKS.md, "Issue 16, fourteenth part").
    public var timeWarpSwapStar = false
    /// Goes back to the best solution after this many iterations without a new best (a pool
    /// of one, the start of issue 16's diversity); nil never does. Off by default: with 5,000 it
    /// lowers Solomon's mean gap at 10 s from 0.38 to 0.27 %, but gives a one-hub care week less
    /// coverage and more travel on both seeds tried (BENCHMARKS.md). When set, it replaces the
    /// crossover (`crossoverAfterPerVisit`).
    public var restartAfter: Int?
    /// After this many iterations without a new best per visit of the problem, copies some
    /// routes of a parent from the elite pool into the current solution (`RouteCrossover`); nil
    /// (or with `restartAfter` set, or not a positive number) never does. Per visit so that a
    /// stall means the same on any size: an iteration ruins about ten visits, so 20 per visit is
    /// about 200 ruins of each visit without a new best. 20 is 2,000 iterations on Solomon's 100
    /// customers, where it did as well as 1,000 and better than 5,000 and lowered the gap on hard
    /// instances by two fifths at equal iterations, and 43,000 on a one-hub care week of 2,164
    /// visits, whose best still improves that often at 10 s; a stall of 2,000 there cost 3 %
    /// travel (BENCHMARKS.md, "Issue 16, sixth part"). With several trajectories, one that continues from another's
    /// solution at a barrier starts counting its stall again.
    public var crossoverAfterPerVisit: Double? = 20
    /// The crossover copies at most this share of the parent's used routes (at least one).
    public var crossoverRouteShare = 0.5
    /// The crossover's parent is drawn from a pool of at most this many good solutions that
    /// differ from one another (`ElitePool`): the best and the best of each stretch between
    /// crossovers. 1 is the best alone (issue 16's sixth part). On 14 hard Solomon instances at
    /// equal iterations, 5 lowered the mean gap from 0.51 to 0.42 % with `eliteMinDistance`
    /// 0.15, against 0.47 % with 0.05 and 0.44 % with 0.25; 8 did about the same (0.41 %)
    /// (BENCHMARKS.md, "Issue 16, seventh part").
    public var elitePoolSize = 5
    /// Two solutions whose broken-pairs distance (share of visit-and-worker slots with another
    /// predecessor) is below this are one solution to the pool, which keeps the cheaper.
    public var eliteMinDistance = 0.15
    /// On this share of stalls (`crossoverAfterPerVisit`), when the best serves every visit, a
    /// route elimination (`RouteElimination`, SISR's fleet minimisation) tries first to serve
    /// them all with one route fewer, for at most `routeEliminationStepsPerVisit` steps per visit
    /// and at most `routeEliminationTriesPerBest` times from one best; a success becomes the
    /// current solution, a failure ends in the crossover. Off (0) by default: it takes rc103 out
    /// of its twelve-route trap on every seed tried, but over all of Solomon at equal iterations
    /// it moves the runs above 1 % to other instances (rc101 ends on sixteen routes instead of
    /// fifteen) and does not lower the mean (BENCHMARKS.md, "Issue 16, tenth part").
    public var routeEliminationShare = 0.0
    public var routeEliminationStepsPerVisit = 10.0
    public var routeEliminationTriesPerBest = 1
    /// Share of SISR's string removals done as split strings (`StringRemoval.splitRate`).
    public var splitStrings = 0.0
    /// Annealing trajectories run at once, one per thread (`ParallelSearch`), each for the whole
    /// iteration or time limit, each holding its own copy of the instance; 1 is the single
    /// trajectory. Results depend on the seed, the
    /// iteration limit and this number, never on thread timing.
    public var trajectories = 1
    /// With several trajectories: iterations between the barriers where the ones behind continue
    /// from the cheapest current solution. Long enough for the chains to explore apart, short
    /// enough that a stuck one is soon replaced: 5,000 beat 1,000 and 20,000 on hard Solomon
    /// instances (BENCHMARKS.md, "Issue 16, second part").
    public var shareEvery = 5_000

    /// Parameters.
    public init(seed: UInt64 = 1, stop: StoppingCriterion) {
        self.seed = seed
        self.stop = stop
    }
}

/// Solves an instance: greedy construction (a client's run of the same call on other days
/// placed together when continuity is weighted; it stops early when the time limit passes), then
/// ruin-and-recreate under simulated annealing on `parameters.trajectories` threads: string and
/// random removals with blinking greedy insertion and, when continuity is weighted, a client's
/// pair, week or run, or a worker's round copied to another day, rebuilt team-first. After a
/// stall, a region of the routes of a parent from the elite pool (`ElitePool`) is copied into
/// the current solution (`RouteCrossover`); with `parameters.routeEliminationShare` above 0, on
/// that share of stalls the best is first given one route fewer if every visit still fits
/// (`RouteElimination`). With `parameters.localSearch`, a recreated solution about to be
/// accepted, near the best, is polished by granular local search on the visits it placed. On
/// plain VRPTW instances with `parameters.timeWarpLocalSearch` (the default), such a solution is
/// polished by local search through time warp (`WarpLocalSearch`) whether or not
/// `parameters.localSearch` is set. Anytime: whenever it stops it returns the best solution
/// seen. Time is read only through `parameters.stop`.
public func solve(
    _ instance: SolverInstance, parameters: SolveParameters, progress: ((SolveProgress) -> Void)? = nil
) -> SolveResult {
    let stopwatch = parameters.stop.stopwatch()
    var rng = SplitMix64(seed: parameters.seed)
    var buffer: [Candidate] = []
    let first = Construction(parameters: parameters).build(instance, rng: &rng, buffer: &buffer, stopwatch: stopwatch)
    // The first trajectory owns the constructed solution (and polishes it first when local
    // search is on); temperatures scale with its cost per visit, the others start from copies.
    var trajectories = [Trajectory(from: first, parameters: parameters, rng: rng)]
    let legCost = Double(max(1, instance.weights.travel * first.travelCost)) / Double(max(1, first.assignedCount))
    let temperatures = (
        start: max(1e-9, parameters.startTemperature * legCost), end: max(1e-9, parameters.endTemperature * legCost)
    )
    for t in 1..<max(1, parameters.trajectories) {
        let copy = SearchSolution(instance.unshared())
        copy.load(slots: first.slots, start: first.start)
        trajectories.append(Trajectory(from: copy, parameters: parameters, rng: SplitMix64(seed: Trajectory.seed(parameters.seed, t))))
    }
    if trajectories.count == 1 {
        _ = trajectories[0].run(until: .max, stopwatch: stopwatch, temperatures: temperatures, progress: progress)
    } else {
        ParallelSearch.run(
            trajectories, shareEvery: parameters.shareEvery, stopwatch: stopwatch, temperatures: temperatures, progress: progress)
    }
    let winner = trajectories.min { $0.best.cost < $1.best.cost }!
    let final = SearchSolution(instance)
    final.load(slots: winner.best.slots, start: winner.best.start)
    assert(final.cost == winner.best.cost, "restored best differs from its recorded cost")
    return final.result(iterations: trajectories.reduce(0) { $0 + $1.iteration }, seconds: stopwatch.elapsed())
}

extension SearchSolution {
    /// Rebuilds this (empty) solution from recorded slots and starts: visits are appended to
    /// their routes in start order, which is the service order.
    func load(slots recorded: [Int], start recordedStart: [Int]) {
        let assigned = instance.visits.indices.filter { recorded[Self.slot($0, 0)] >= 0 }.sorted {
            (recordedStart[$0], $0) < (recordedStart[$1], $1)
        }
        for v in assigned {
            var places = InsertionPlaces()
            for k in 0..<SolverVisit.maxWorkers where recorded[Self.slot(v, k)] >= 0 {
                let s = recorded[Self.slot(v, k)]
                places.append((s, routes[s].count))
            }
            apply(v, Insertion(places: places, start: recordedStart[v], delta: 0))
        }
    }

    /// The public result of this solution.
    func result(iterations: Int, seconds: Double) -> SolveResult {
        let assignments = instance.visits.indices.filter(isAssigned).map {
            SolveResult.Assignment(visit: $0, shifts: shifts(of: $0), start: start[$0])
        }
        return SolveResult(
            assignments: assignments, unassigned: instance.visits.indices.filter { !isAssigned($0) }, cost: cost,
            travelCost: travelCost, distinctPairs: distinctPairs, preferenceMisses: preferenceMisses, shortfall: shortfall,
            unassignedPenalty: unassignedPenalty, taperUnits: taperUnits, newPairs: newPairs, lateTotal: lateTotal, maxLate: maxLate,
            workerPaid: workerPaid, routes: routes, iterations: iterations, seconds: seconds)
    }
}
