import CareModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One annealing trajectory of ruin-and-recreate: its own solution, random stream and record of
/// the best solution it has seen. `solve` runs one; with `SolveParameters.trajectories` above 1
/// several run at once and share the best at intervals (`ParallelSearch`).
final class Trajectory {
    let instance: SolverInstance
    let parameters: SolveParameters
    private let recreate = Recreate()
    private let orders: [(order: Recreate.Order, weight: Int)]
    private let team = TeamRecreate()
    private let continuity: Bool
    private let strings: StringRemoval
    private let randoms = RandomRemoval()
    private let pairs = PairRemoval()
    private let clients = ClientRemoval()
    private let runs = RunRemoval()
    private let rounds = RoundCopy()
    private let crossover: RouteCrossover
    /// Iterations without a new best before a crossover (`SolveParameters.crossoverAfterPerVisit`).
    private let crossoverStall: Int?
    /// Steps a route elimination may take (`SolveParameters.routeEliminationStepsPerVisit`).
    private let eliminationSteps: Int

    /// What changes as the trajectory runs. `run` works on a local copy and stores it back, so
    /// the loop reads and writes locals as the single search always did, not a class's stored
    /// properties (each access of those is an exclusivity check); callgrind counts the same
    /// instructions as before trajectories existed (BENCHMARKS.md).
    struct State {
        var solution: SearchSolution
        var rng: SplitMix64
        /// Cost of `solution` (the annealing chain's current state).
        var current: Int
        /// The best solution this trajectory has seen (or was given, see `adopt`).
        var best: (cost: Int, slots: [Int], start: [Int])
        /// Iterations run so far, and the iteration of the last new best.
        var iteration = 0
        var lastBest = 0
        var buffer: [Candidate] = []
        var journal: [RouteChange] = []
        var localSearch: LocalSearch
        /// Local search through time warp, in place of `localSearch` when asked for and the
        /// instance is plain VRPTW (`SolveParameters.timeWarpLocalSearch`).
        var warpSearch: WarpLocalSearch?
        /// The crossover's parents (`SolveParameters.elitePoolSize`).
        var elites: ElitePool
        /// With a pool of more than one: the best since the last crossover when that is not
        /// `best` (nil while it is), offered to the pool at the next stall.
        var epochBest: (cost: Int, slots: [Int], start: [Int])?
        /// An attempt to serve every visit with one route fewer, begun at a stall
        /// (`SolveParameters.routeEliminationShare`); nil between attempts.
        var elimination: RouteElimination?
        /// The best's cost at the last attempts, and how many were made from it.
        var eliminatedFrom = (cost: Int.max, tries: 0)
    }
    private var state: State

    var solution: SearchSolution { state.solution }
    var current: Int { state.current }
    var best: (cost: Int, slots: [Int], start: [Int]) { state.best }
    var iteration: Int { state.iteration }
    var elites: ElitePool { state.elites }

    /// A trajectory starting from `solution` (which it now owns), drawing from `rng`.
    init(from solution: SearchSolution, parameters: SolveParameters, rng: SplitMix64) {
        instance = solution.instance
        self.parameters = parameters
        continuity = instance.weights.valuesContinuity && parameters.continuityMoves
        orders = Recreate.orders(for: instance)
        var strings = StringRemoval()
        strings.splitRate = parameters.splitStrings
        self.strings = strings
        crossover = RouteCrossover(maxRouteShare: parameters.crossoverRouteShare)
        let visitCount = Double(solution.instance.visits.count)
        // A restart rule, when set, replaces the crossover (both would answer the same stall).
        crossoverStall = parameters.crossoverAfterPerVisit.flatMap { perVisit in
            guard parameters.restartAfter == nil, perVisit.isFinite, perVisit > 0 else { return nil }
            return max(1, Int(min(perVisit * visitCount, Double(Int.max / 2))))
        }
        let steps = parameters.routeEliminationStepsPerVisit * visitCount
        eliminationSteps = steps.isFinite && steps > 0 ? Int(min(steps, Double(Int.max / 2))) : 0
        var localSearch = LocalSearch()
        localSearch.neighbourLimit = parameters.localSearchNeighbours
        localSearch.maxPasses = parameters.localSearchPasses
        var journal: [RouteChange] = []
        var warpSearch: WarpLocalSearch?
        if parameters.timeWarpLocalSearch && WarpLocalSearch.applies(to: instance) {
            warpSearch = WarpLocalSearch(instance: instance, targetFeasible: parameters.timeWarpFeasibleShare)
            warpSearch!.chains = parameters.timeWarpChains
            warpSearch!.swapStar = parameters.timeWarpSwapStar
            warpSearch!.neighbourLimit = parameters.localSearchNeighbours
            warpSearch!.maxPasses = parameters.localSearchPasses
            warpSearch!.improve(Array(instance.visits.indices), in: solution, journal: &journal)
        } else if parameters.localSearch {
            localSearch.improve(Array(instance.visits.indices), in: solution, journal: &journal)
        }
        state = State(
            solution: solution, rng: rng, current: solution.cost, best: (solution.cost, solution.slots, solution.start),
            localSearch: localSearch, warpSearch: warpSearch,
            elites: ElitePool(capacity: parameters.elitePoolSize, minDistance: parameters.eliteMinDistance))
    }

    /// Continues from a copy of `other`'s current solution; `other`'s best becomes this one's
    /// best when it is better. Used when trajectories share at the end of an epoch.
    func adopt(_ other: Trajectory) {
        let copy = SearchSolution(instance)
        copy.load(slots: other.solution.slots, start: other.solution.start)
        state.solution = copy
        state.current = copy.cost
        if other.best.cost < state.best.cost { state.best = other.best }
        // The stretch goes on from the copy: its best is the cheaper of the two (nil: `best`).
        if let epoch = state.epochBest, copy.cost < epoch.cost {
            state.epochBest = copy.cost > state.best.cost ? (copy.cost, copy.slots, copy.start) : nil
        }
        state.lastBest = state.iteration
        // An attempt on this trajectory's old best would hand back a solution the chain has left,
        // so it is dropped, and does not count as a try. With several trajectories an attempt
        // longer than `shareEvery` finishes only on the trajectory that is ahead at the barriers.
        if state.elimination != nil {
            state.elimination = nil
            state.eliminatedFrom.tries -= 1
        }
    }

    /// Runs iterations until `stop` says so (on this trajectory's own iteration count) or
    /// `until` iterations have run, whichever is first. Returns false once `stop` is reached.
    func run(
        until limit: Int, stopwatch: Stopwatch, temperatures: (start: Double, end: Double),
        progress: ((SolveProgress) -> Void)? = nil
    ) -> Bool {
        var s = state
        defer { state = s }
        var lastReport = 0.0
        while s.iteration < limit {
            let now = stopwatch.elapsed()
            if parameters.stop.shouldStop(iteration: s.iteration, elapsed: now) || instance.visits.isEmpty { return false }
            if let progress, now - lastReport >= 1 {
                lastReport = now
                progress(Self.report(s, elapsed: now, iterations: s.iteration))
            }
            s.iteration += 1
            let fraction = parameters.stop.progress(iteration: s.iteration, elapsed: now)
            step(&s, temperature: temperatures.start * pow(temperatures.end / temperatures.start, fraction))
        }
        // Reaching the iteration limit exactly at an epoch's end is the end too (no clock read).
        if let maxIterations = parameters.stop.maxIterations, s.iteration >= maxIterations { return false }
        return true
    }

    /// A progress report on this trajectory's best.
    func report(elapsed: Double, iterations: Int? = nil) -> SolveProgress {
        Self.report(state, elapsed: elapsed, iterations: iterations ?? state.iteration)
    }

    private static func report(_ s: State, elapsed: Double, iterations: Int) -> SolveProgress {
        let instance = s.solution.instance
        return SolveProgress(
            elapsed: elapsed, iteration: iterations, bestCost: s.best.cost,
            assigned: instance.visits.indices.filter { s.best.slots[SearchSolution.slot($0, 0)] >= 0 }.count,
            visits: instance.visits.count)
    }

    /// One iteration: ruin, recreate, perhaps polish, then accept or undo.
    private func step(_ s: inout State, temperature: Double) {
        // A route elimination under way takes the iteration.
        if s.elimination != nil {
            eliminationStep(&s)
            return
        }
        // After a stall, try to serve every visit of the best with one route fewer, or copy a
        // region of an elite's routes into the current solution.
        if let stall = crossoverStall, s.iteration - s.lastBest > stall, s.current != s.best.cost {
            if startElimination(&s) {
                eliminationStep(&s)
            } else {
                crossFromElite(&s)
            }
            return
        }
        // After a stall, continue from the best instead of wherever annealing drifted.
        if let stall = parameters.restartAfter, s.iteration - s.lastBest > stall, s.current != s.best.cost {
            s.solution = SearchSolution(instance)
            s.solution.load(slots: s.best.slots, start: s.best.start)
            s.current = s.best.cost
            s.lastBest = s.iteration
        }
        let solution = s.solution
        // Ruin: SISR strings and random visits; with continuity weighted, also a client's
        // pair, week or run, whose visits team-first recreate rebuilds before the rest.
        var removed: [(Int, Insertion)]
        var teamPool: [Int] = []
        var roundMates: [Int] = []
        var roundWorker = 0
        let draw = s.rng.nextUnit()
        let share = parameters.continuityShare
        if !continuity || draw >= share {
            // The original split, stretched over the draws left to it.
            let d = continuity ? (draw - share) / (1 - share) : draw
            removed = d < 0.85 ? strings.ruin(solution, rng: &s.rng) : randoms.ruin(solution, rng: &s.rng)
        } else if draw < share * 0.25 {
            let (pair, displaced) = pairs.ruin(solution, rng: &s.rng)
            removed = pair + displaced
            teamPool = pair.map(\.0)
        } else if draw < share * 0.35 {
            let (week, displaced) = clients.ruin(solution, rng: &s.rng)
            removed = week + displaced
            teamPool = week.map(\.0)
        } else if draw < share * 0.6 {
            let (run, displaced) = runs.ruin(solution, rng: &s.rng)
            removed = run + displaced
            teamPool = run.map(\.0)
        } else {
            let copy = rounds.ruin(solution, rng: &s.rng)
            removed = copy.removed
            roundWorker = copy.worker
            roundMates = copy.mates
        }
        var placed = teamPool.isEmpty ? [] : team.recreate(teamPool, in: solution, rng: &s.rng, buffer: &s.buffer)
        for v in roundMates where !solution.isAssigned(v) {
            if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &s.rng, buffer: &s.buffer, onlyWorker: roundWorker) {
                solution.apply(v, insertion)
                placed.append(v)
            }
        }
        // One array sized for all that may join it (a map and a filter were two, and appends grew it).
        var pool: [Int] = []
        pool.reserveCapacity(removed.count + roundMates.count + 3)
        for (v, _) in removed where !solution.isAssigned(v) { pool.append(v) }
        for v in roundMates where !solution.isAssigned(v) && !pool.contains(v) { pool.append(v) }
        // A few visits left out get another chance each iteration.
        for _ in 0..<min(3, solution.unassigned.count) {
            let v = solution.unassigned[s.rng.nextInt(solution.unassigned.count)]
            if !pool.contains(v) { pool.append(v) }
        }
        placed += recreate.recreate(pool, in: solution, order: Recreate.draw(orders, rng: &s.rng), rng: &s.rng, buffer: &s.buffer)
        // Accept worse solutions with probability exp(-(worse by) / temperature).
        let threshold = Double(s.current) - temperature * log(max(1e-300, s.rng.nextUnit()))
        // Local search polishes only what is about to be accepted and near the best: on every
        // iteration it would cost most of the iterations (see `localSearchBestMargin`).
        s.journal.removeAll(keepingCapacity: true)
        let recreated = Double(solution.cost)
        if (parameters.localSearch || s.warpSearch != nil) && recreated < threshold
            && recreated < Double(s.best.cost) + parameters.localSearchBestMargin * temperature
        {
            if s.warpSearch != nil {
                s.warpSearch!.improve(placed, in: solution, journal: &s.journal)
            } else {
                s.localSearch.improve(placed, in: solution, journal: &s.journal)
            }
        }
        let candidate = solution.cost
        if Double(candidate) < threshold {
            s.current = candidate
            if candidate < s.best.cost {
                s.best = (candidate, solution.slots, solution.start)
                s.lastBest = s.iteration
                s.epochBest = nil
            } else if let epoch = s.epochBest, candidate < epoch.cost {
                s.epochBest = (candidate, solution.slots, solution.start)
            }
        } else {
            solution.undo(s.journal)
            for v in placed.reversed() { solution.remove(v) }
            for (v, restore) in removed.reversed() { solution.apply(v, restore) }
        }
    }
}

extension Trajectory {
    /// The best and this epoch's best go to the elite pool; a member drawn from it is crossed
    /// into the current solution, which starts the next epoch.
    private func crossFromElite(_ s: inout State) {
        s.elites.offer(cost: s.best.cost, slots: s.best.slots, start: s.best.start)
        if let epoch = s.epochBest { s.elites.offer(cost: epoch.cost, slots: epoch.slots, start: epoch.start) }
        // An empty pool always takes its first offer, so there is a member to draw.
        guard let parent = s.elites.draw(rng: &s.rng) else { preconditionFailure("empty elite pool after an offer") }
        _ = crossover.cross(into: s.solution, best: (parent.slots, parent.start), orders: orders, rng: &s.rng, buffer: &s.buffer)
        startEpoch(&s)
    }

    /// Begins a route elimination on the best, on a share of stalls
    /// (`SolveParameters.routeEliminationShare`); false when none begins.
    private func startElimination(_ s: inout State) -> Bool {
        let share = parameters.routeEliminationShare
        guard share > 0, eliminationSteps > 0 else { return false }
        if s.eliminatedFrom.cost != s.best.cost { s.eliminatedFrom = (s.best.cost, 0) }
        // Only a best that serves every visit is tried, and only then is a number drawn.
        guard !instance.visits.indices.contains(where: { s.best.slots[SearchSolution.slot($0, 0)] < 0 }) else { return false }
        guard s.eliminatedFrom.tries < parameters.routeEliminationTriesPerBest, s.rng.nextUnit() < share else { return false }
        s.eliminatedFrom.tries += 1
        s.elimination = RouteElimination(
            instance, slots: s.best.slots, start: s.best.start, steps: eliminationSteps, strings: strings, rng: &s.rng)
        return s.elimination != nil
    }

    /// One step of the route elimination under way. A success becomes the current solution and
    /// starts an epoch as a crossover would; running out of steps ends in a crossover after all.
    private func eliminationStep(_ s: inout State) {
        s.elimination!.step(orders: orders, rng: &s.rng, buffer: &s.buffer)
        if s.elimination!.succeeded {
            s.solution = s.elimination!.finished()
            s.elimination = nil
            startEpoch(&s)
        } else if s.elimination!.stepsLeft == 0 {
            s.elimination = nil
            crossFromElite(&s)
        }
    }

    /// Makes the solution a crossover or a route elimination left the current one: it is the
    /// best when cheaper, else the best of the stretch that starts here.
    private func startEpoch(_ s: inout State) {
        s.current = s.solution.cost
        if s.current < s.best.cost {
            s.best = (s.current, s.solution.slots, s.solution.start)
            s.epochBest = nil
        } else {
            // A pool of one never reads the epoch's best, so it is not copied.
            s.epochBest = s.elites.capacity > 1 ? (s.current, s.solution.slots, s.solution.start) : nil
        }
        s.lastBest = s.iteration
    }

    /// The seed of trajectory `t` (t ≥ 1; trajectory 0 continues construction's stream): a
    /// SplitMix64 step of the run's seed, so the trajectories' streams are far apart.
    static func seed(_ seed: UInt64, _ t: Int) -> UInt64 {
        var mixer = SplitMix64(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(t)))
        return mixer.next()
    }
}
