import CareModel

/// Repairs a published roster after something changed, moving as little as it can.
///
/// Every previous assignment that is still feasible is kept with the same workers, in start
/// order. The visits left over (broken assignments, new visits, and ones unassigned before)
/// are placed greedily, urgent ones (Home First) first, soonest first. A visit that still does
/// not fit may take the place of one kept visit, which is then placed elsewhere: that is a
/// move. Only visits that are not frozen or fixed are moved, later ones first (a change
/// tomorrow disturbs less than one this afternoon), and never more than `maxMoves`.
public struct RepairRequest: Sendable {
    /// A visit as the published roster had it.
    public struct Previous: Sendable, Equatable {
        public let visit: Int
        public let workers: [Int]
        public let start: Int

        public init(visit: Int, workers: [Int], start: Int) {
            self.visit = visit
            self.workers = workers
            self.start = start
        }
    }

    public var previous: [Previous]
    /// Previous visits starting before this minute are frozen: kept if still feasible, never moved.
    public var frozenBefore: Int
    /// Visits that must stay as they were, or drop out (another hub's, already delivered).
    public var fixed: Set<Int>
    /// Most kept visits that may be moved to make room.
    public var maxMoves: Int
    /// Limits the search for room (step 3): one iteration per visit still out after step 2.
    public var stop: StoppingCriterion

    public init(previous: [Previous], frozenBefore: Int, fixed: Set<Int> = [], maxMoves: Int, stop: StoppingCriterion) {
        self.previous = previous
        self.frozenBefore = frozenBefore
        self.fixed = fixed
        self.maxMoves = maxMoves
        self.stop = stop
    }
}

/// What a repair did.
public struct RepairOutcome: Sendable {
    public let result: SolveResult
    /// Previous assignments that could no longer stand (their visit may have been re-placed).
    public let broken: [Int]
    /// Kept visits given other workers to make room for a broken or new one.
    public let moved: [Int]
}

/// Repairs `request.previous` on `instance` (see `RepairRequest`). Deterministic for a seed and
/// an iteration limit; time is read only through `request.stop`.
public func repair(_ instance: SolverInstance, _ request: RepairRequest, seed: UInt64) -> RepairOutcome {
    let stopwatch = request.stop.stopwatch()
    var rng = SplitMix64(seed: seed)
    var buffer: [Candidate] = []
    let solution = SearchSolution(instance)
    var broken: [Int] = []
    var previousWorkers: [Int: [Int]] = [:]
    var frozen = Set<Int>()

    // 1. Keep what still stands, in start order so each visit goes to the end of its routes.
    for p in request.previous.sorted(by: { ($0.start, $0.visit) < ($1.start, $1.visit) }) where p.visit < instance.visits.count {
        previousWorkers[p.visit] = p.workers
        if p.start < request.frozenBefore || request.fixed.contains(p.visit) { frozen.insert(p.visit) }
        if !keep(p, in: solution, rng: &rng, buffer: &buffer) { broken.append(p.visit) }
    }

    // 2. Place the rest: urgent first, then soonest.
    let waiting = instance.visits.indices.filter { !solution.isAssigned($0) && !request.fixed.contains($0) }.sorted { a, b in
        let va = instance.visits[a]
        let vb = instance.visits[b]
        return (-va.unassignedPenalty, va.windowStart, a) < (-vb.unassignedPenalty, vb.windowStart, b)
    }
    var stillOut: [Int] = []
    for v in waiting {
        if let insertion = solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer) {
            solution.apply(v, insertion)
        } else {
            stillOut.append(v)
        }
    }

    // 3. Make room by moving kept visits, within the budget and the time.
    // Each visit still out is one iteration of the stopping criterion.
    var moved: [Int] = []
    var movedSet = Set<Int>()
    var iteration = 0
    for u in stillOut {
        if moved.count >= request.maxMoves || request.stop.shouldStop(iteration: iteration, elapsed: stopwatch.elapsed()) { break }
        iteration += 1
        let visit = instance.visits[u]
        // Kept visits in u's candidate shifts that overlap its window, latest first.
        var blockers: [Int] = []
        for s in instance.candidateShifts[u] {
            for k in solution.routes[s] where !frozen.contains(k) && !movedSet.contains(k) && previousWorkers[k] != nil {
                let kv = instance.visits[k]
                if solution.start[k] < visit.windowEnd + visit.duration && solution.start[k] + kv.duration > visit.windowStart - 60 {
                    blockers.append(k)
                }
            }
        }
        blockers = Array(Set(blockers)).sorted { (solution.start[$0], $0) > (solution.start[$1], $1) }
        for k in blockers where solution.canRemove(k) {
            let restoreK = solution.remove(k)
            guard let forU = solution.bestInsertion(for: u, blink: 0, rng: &rng, buffer: &buffer) else {
                solution.apply(k, restoreK)
                continue
            }
            solution.apply(u, forU)
            if let forK = solution.bestInsertion(for: k, blink: 0, rng: &rng, buffer: &buffer) {
                solution.apply(k, forK)
                if Set(solution.shifts(of: k).map { instance.shifts[$0].worker }) != Set(previousWorkers[k] ?? []) {
                    moved.append(k)
                    movedSet.insert(k)
                }
                break
            }
            solution.remove(u)
            solution.apply(k, restoreK)
        }
    }
    return RepairOutcome(result: solution.result(iterations: iteration, seconds: stopwatch.elapsed()), broken: broken, moved: moved)
}

/// Puts a previous assignment back with the same workers if it is still feasible there.
private func keep(_ p: RepairRequest.Previous, in solution: SearchSolution, rng: inout SplitMix64, buffer: inout [Candidate]) -> Bool {
    let instance = solution.instance
    let visit = instance.visits[p.visit]
    guard p.workers.count == visit.workersNeeded, Set(p.workers).count == p.workers.count else { return false }
    if !visit.pinnedWorkers.isEmpty && Set(visit.pinnedWorkers) != Set(p.workers) { return false }
    solution.candidates(for: p.visit, blink: 0, rng: &rng, into: &buffer)
    var places = InsertionPlaces()
    var lo = Int.min
    var hi = Int.max
    for w in p.workers {
        // The worker's candidate position at the end of the route (visits are kept in start order).
        let atEnd = buffer.filter { $0.worker == w && $0.position == solution.routes[$0.shift].count }
        guard let c = atEnd.first(where: { $0.lo <= p.start && p.start <= $0.hi }) ?? atEnd.first else { return false }
        places.append((c.shift, c.position))
        lo = max(lo, c.lo)
        hi = min(hi, c.hi)
    }
    guard lo <= hi else { return false }
    let start = instance.fixedStart[p.visit] ? min(max(p.start, lo), hi) : max(lo, min(p.start, hi))
    solution.apply(p.visit, Insertion(places: places, start: start, delta: 0))
    for place in places where !solution.meetsBreakRule(place.shift) {
        solution.remove(p.visit)
        return false
    }
    return true
}
