import CareModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Goes back to the best solution after this many iterations without a new best (a pool
    /// of one, the start of issue 16's diversity); nil never does. Off by default: with 5,000 it
    /// lowers Solomon's mean gap at 10 s from 0.38 to 0.27 %, but gives a one-hub care week less
    /// coverage and more travel on both seeds tried (BENCHMARKS.md).
    public var restartAfter: Int?

    /// Parameters.
    public init(seed: UInt64 = 1, stop: StoppingCriterion) {
        self.seed = seed
        self.stop = stop
    }
}

/// Solves an instance: greedy construction (a client's run of the same call on other days
/// placed together when continuity is weighted), then ruin-and-recreate under simulated
/// annealing: string and random removals with blinking greedy insertion and, when continuity
/// is weighted, a client's pair, week or run, or a worker's round copied to another day, rebuilt
/// team-first. With `parameters.localSearch`, a recreated solution about to be accepted, near
/// the best, is polished by granular local search on the visits it placed. Anytime: whenever it
/// stops it returns the best solution seen. Time is read only through `parameters.stop`.
public func solve(
    _ instance: SolverInstance, parameters: SolveParameters, progress: ((SolveProgress) -> Void)? = nil
) -> SolveResult {
    let stopwatch = parameters.stop.stopwatch()
    var rng = SplitMix64(seed: parameters.seed)
    var buffer: [Candidate] = []
    var solution = SearchSolution(instance)
    let recreate = Recreate()
    // Construction: hardest visits first (urgent, few possible shifts, several workers, tight).
    let order = instance.visits.indices.sorted { a, b in
        let va = instance.visits[a]
        let vb = instance.visits[b]
        return (-va.unassignedPenalty, instance.candidateShifts[a].count, -va.workersNeeded, va.windowEnd - va.windowStart, a)
            < (-vb.unassignedPenalty, instance.candidateShifts[b].count, -vb.workersNeeded, vb.windowEnd - vb.windowStart, b)
    }
    let team = TeamRecreate()
    let continuity = instance.weights.valuesContinuity && parameters.continuityMoves
    // Warm start: a visit goes first to the workers who did it last time, where they still can,
    // in the same priority order as the rest (urgent visits first, so a new Home First client is
    // not crowded out by last week's rounds).
    func warm(_ v: Int) -> Bool {
        let visit = instance.visits[v]
        return parameters.warmStart && visit.previousWorkers.count == visit.workersNeeded && visit.pinnedWorkers.isEmpty
    }
    for v in order where !solution.isAssigned(v) {
        let visit = instance.visits[v]
        if warm(v), let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer, onlyWorkers: visit.previousWorkers) {
            solution.apply(v, insertion)
            continue
        }
        // Construction thinks in runs: a worker who can take a client's morning call on most
        // days is preferred over the cheapest worker for Monday alone. Run mates with a warm
        // start wait for their own turn.
        if continuity && parameters.runConstruction && visit.workersNeeded == 1 && visit.pinnedWorkers.isEmpty && !instance.runMates[v].isEmpty {
            let run = [v] + instance.runMates[v].filter { !solution.isAssigned($0) && !warm($0) }
            _ = team.recreate(run, in: solution, rng: &rng, buffer: &buffer)
            continue
        }
        if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer) { solution.apply(v, insertion) }
    }
    var localSearch = LocalSearch()
    localSearch.neighbourLimit = parameters.localSearchNeighbours
    localSearch.maxPasses = parameters.localSearchPasses
    var journal: [RouteChange] = []
    if parameters.localSearch {
        localSearch.improve(Array(instance.visits.indices), in: solution, journal: &journal)
        journal.removeAll()
    }
    var current = solution.cost
    var best = (cost: current, slots: solution.slots, start: solution.start)
    var lastBest = 0
    let legCost = Double(max(1, instance.weights.travel * solution.travelCost)) / Double(max(1, solution.assignedCount))
    let t0 = max(1e-9, parameters.startTemperature * legCost)
    let t1 = max(1e-9, parameters.endTemperature * legCost)
    let strings = StringRemoval()
    let randoms = RandomRemoval()
    let pairs = PairRemoval()
    let clients = ClientRemoval()
    let runs = RunRemoval()
    let rounds = RoundCopy()
    var iteration = 0
    var lastReport = 0.0
    while true {
        let now = stopwatch.elapsed()
        if parameters.stop.shouldStop(iteration: iteration, elapsed: now) || instance.visits.isEmpty { break }
        if let progress, now - lastReport >= 1 {
            lastReport = now
            progress(
                SolveProgress(
                    elapsed: now, iteration: iteration, bestCost: best.cost,
                    assigned: instance.visits.indices.filter { best.slots[SearchSolution.slot($0, 0)] >= 0 }.count,
                    visits: instance.visits.count))
        }
        iteration += 1
        // After a stall, continue from the best instead of wherever annealing drifted.
        if let stall = parameters.restartAfter, iteration - lastBest > stall, current != best.cost {
            solution = SearchSolution(instance)
            solution.load(slots: best.slots, start: best.start)
            current = best.cost
            lastBest = iteration
        }
        let fraction = parameters.stop.progress(iteration: iteration, elapsed: now)
        let temperature = t0 * pow(t1 / t0, fraction)
        // Ruin: SISR strings and random visits; with continuity weighted, also a client's
        // pair, week or run, whose visits team-first recreate rebuilds before the rest.
        var removed: [(Int, Insertion)]
        var teamPool: [Int] = []
        var roundMates: [Int] = []
        var roundWorker = 0
        let draw = rng.nextUnit()
        let share = parameters.continuityShare
        if !continuity || draw >= share {
            // The original split, stretched over the draws left to it.
            let d = continuity ? (draw - share) / (1 - share) : draw
            removed = d < 0.85 ? strings.ruin(solution, rng: &rng) : randoms.ruin(solution, rng: &rng)
        } else if draw < share * 0.25 {
            let (pair, displaced) = pairs.ruin(solution, rng: &rng)
            removed = pair + displaced
            teamPool = pair.map(\.0)
        } else if draw < share * 0.35 {
            let (week, displaced) = clients.ruin(solution, rng: &rng)
            removed = week + displaced
            teamPool = week.map(\.0)
        } else if draw < share * 0.6 {
            let (run, displaced) = runs.ruin(solution, rng: &rng)
            removed = run + displaced
            teamPool = run.map(\.0)
        } else {
            let copy = rounds.ruin(solution, rng: &rng)
            removed = copy.removed
            roundWorker = copy.worker
            roundMates = copy.mates
        }
        var placed = teamPool.isEmpty ? [] : team.recreate(teamPool, in: solution, rng: &rng, buffer: &buffer)
        for v in roundMates where !solution.isAssigned(v) {
            if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer, onlyWorker: roundWorker) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        var pool = removed.map(\.0).filter { !solution.isAssigned($0) }
        for v in roundMates where !solution.isAssigned(v) && !pool.contains(v) { pool.append(v) }
        // A few visits left out get another chance each iteration.
        for _ in 0..<min(3, solution.unassigned.count) {
            let v = solution.unassigned[rng.nextInt(solution.unassigned.count)]
            if !pool.contains(v) { pool.append(v) }
        }
        placed += recreate.recreate(pool, in: solution, order: Recreate.Order.allCases[rng.nextInt(4)], rng: &rng, buffer: &buffer)
        // Accept worse solutions with probability exp(-(worse by) / temperature).
        let threshold = Double(current) - temperature * log(max(1e-300, rng.nextUnit()))
        // Local search polishes only what is about to be accepted and near the best: on every
        // iteration it would cost most of the iterations (see `localSearchBestMargin`).
        journal.removeAll(keepingCapacity: true)
        let recreated = Double(solution.cost)
        if parameters.localSearch && recreated < threshold
            && recreated < Double(best.cost) + parameters.localSearchBestMargin * temperature
        {
            localSearch.improve(placed, in: solution, journal: &journal)
        }
        let candidate = solution.cost
        if Double(candidate) < threshold {
            current = candidate
            if candidate < best.cost {
                best = (candidate, solution.slots, solution.start)
                lastBest = iteration
            }
        } else {
            solution.undo(journal)
            for v in placed.reversed() { solution.remove(v) }
            for (v, restore) in removed.reversed() { solution.apply(v, restore) }
        }
    }
    let final = SearchSolution(instance)
    final.load(slots: best.slots, start: best.start)
    assert(final.cost == best.cost, "restored best differs from its recorded cost")
    return final.result(iterations: iteration, seconds: stopwatch.elapsed())
}

extension SearchSolution {
    /// Rebuilds this (empty) solution from recorded slots and starts: visits are appended to
    /// their routes in start order, which is the service order.
    func load(slots recorded: [Int], start recordedStart: [Int]) {
        let assigned = instance.visits.indices.filter { recorded[Self.slot($0, 0)] >= 0 }.sorted {
            (recordedStart[$0], $0) < (recordedStart[$1], $1)
        }
        for v in assigned {
            let places = (0..<SolverVisit.maxWorkers).compactMap { k -> (shift: Int, position: Int)? in
                let s = recorded[Self.slot(v, k)]
                return s >= 0 ? (s, routes[s].count) : nil
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
