/// The mutable solution the search works on. It does not protect its invariants from callers
/// inside this module (as PyVRP's `search::Solution`); the public result is `SolveResult`.
///
/// Routes are ordered visit lists per shift. Each route caches, per position `i`:
/// `earliest[i]`, the earliest feasible start of its `i`-th visit given the visits before it
/// (this is also the reported start of a one-worker visit), and `latest[i]`, the latest start
/// that keeps every later visit feasible. Visits needing several workers have one fixed
/// start shared by all their routes, so for them the window is that single minute.
///
/// The stored properties opt out of Swift's dynamic exclusivity checks. A solution belongs to
/// one trajectory on one thread and no method reads or writes a property while holding a
/// write access to it (`withUnsafeMutableBufferPointer` loops read it through the buffer), so
/// the checks could never fire; yet they were almost a quarter of the search's instructions under
/// callgrind (BENCHMARKS.md, "Issue 16, fourth part"): every read or write of a class's array
/// property is a call into the runtime and a thread-local lookup.
final class SearchSolution {
    let instance: SolverInstance

    /// `routes[s]`: visits of shift `s` in service order.
    @exclusivity(unchecked) var routes: [[Int]]
    /// `earliest[s][i]` / `latest[s][i]`: see the type's documentation.
    @exclusivity(unchecked) var earliest: [[Int]]
    @exclusivity(unchecked) var latest: [[Int]]
    /// `routeCost[s]`: travel cost of route `s` (home → first, between visits, and back when it returns).
    @exclusivity(unchecked) var routeCost: [Int]
    /// `routePaid[s]`: visit time plus paid travel (between visits) on route `s`.
    @exclusivity(unchecked) var routePaid: [Int]
    /// `routeLoad[s]`: summed demand on route `s`.
    @exclusivity(unchecked) var routeLoad: [Int]
    /// `tails[s]`: what route `s`'s tail from each position needs and gives when joined after
    /// another route's prefix (2-opt*).
    @exclusivity(unchecked) var tails: [RouteTails]
    /// `tailsFresh[s]`: `tails[s]` matches the route (see `updateTails`).
    @exclusivity(unchecked) var tailsFresh: [Bool]
    /// `routeVersions[s]`: how many times route `s` has changed, for caches kept outside the
    /// solution (`RouteSegments`) to see which routes to rebuild.
    @exclusivity(unchecked) var routeVersions: [Int]

    /// `slots[slot(v, k)]`: the `k`-th shift serving visit `v`, or -1 (k < `SolverVisit.maxWorkers`).
    @exclusivity(unchecked) var slots: [Int]
    /// `positions[slot(v, k)]`: index of visit `v` in the route of its `k`-th shift, valid while
    /// `positionsFresh` holds for that route (read through `position(of:_:)`).
    @exclusivity(unchecked) var positions: [Int]
    @exclusivity(unchecked) var positionsFresh: [Bool]
    /// `start[v]`: start of visit `v` when assigned.
    @exclusivity(unchecked) var start: [Int]
    /// `workerPaid[w]`: paid time of worker `w` over all shifts.
    @exclusivity(unchecked) var workerPaid: [Int]
    /// `pairCount[client * workers + w]`: assigned visits of that client served by `w`.
    @exclusivity(unchecked) var pairCount: [UInt16]
    /// `preferenceMiss[v]`: visit `v` is assigned, its client has preferred workers, none is on it.
    @exclusivity(unchecked) var preferenceMiss: [Bool]

    /// Unassigned visits, in no particular order, and each one's index in that list (-1 when assigned).
    @exclusivity(unchecked) var unassigned: [Int]
    @exclusivity(unchecked) var unassignedIndex: [Int]

    /// Objective parts, kept equal to a full recomputation (see `recomputedCost`).
    @exclusivity(unchecked) var travelCost = 0
    @exclusivity(unchecked) var distinctPairs = 0
    @exclusivity(unchecked) var preferenceMisses = 0
    @exclusivity(unchecked) var shortfall = 0
    @exclusivity(unchecked) var unassignedPenalty = 0
    @exclusivity(unchecked) var assignedCount = 0
    /// Routes with at least one visit, and the visits on all routes (a double-up counts once per
    /// route): string removal's average route length, kept here because summing them over every
    /// route each ruin cost a tenth of a county week's search.
    @exclusivity(unchecked) var nonEmptyRoutes = 0
    @exclusivity(unchecked) var routedVisits = 0
    /// Σ `Weights.continuityTaper(pairCount)` over pairs, and pairs new to their client.
    @exclusivity(unchecked) var taperUnits = 0
    @exclusivity(unchecked) var newPairs = 0
    /// Σ lateness of assigned visits, the largest, and how many visits are late by each amount
    /// (so the largest is found again when its last visit leaves).
    @exclusivity(unchecked) var lateTotal = 0
    @exclusivity(unchecked) var maxLate = 0
    @exclusivity(unchecked) var lateCount: [Int] = [0]
    /// Reused by `candidates` for the workers different-carer links rule out.
    @exclusivity(unchecked) var barredScratch: [Int] = []
    /// Reused by `StringRemoval` for the visits of the string it removes.
    @exclusivity(unchecked) var ruinScratch: [Int] = []
    /// No empty route is offered to any visit (`RouteElimination`'s copy, while it pushes one
    /// route's visits into the others).
    @exclusivity(unchecked) var closedEmptyRoutes = false

    /// An empty solution: every visit unassigned.
    init(_ instance: SolverInstance) {
        self.instance = instance
        let shiftCount = instance.shifts.count
        routes = Array(repeating: [], count: shiftCount)
        earliest = Array(repeating: [], count: shiftCount)
        latest = Array(repeating: [], count: shiftCount)
        routeCost = Array(repeating: 0, count: shiftCount)
        routePaid = Array(repeating: 0, count: shiftCount)
        routeLoad = Array(repeating: 0, count: shiftCount)
        tails = Array(repeating: RouteTails(), count: shiftCount)
        tailsFresh = Array(repeating: true, count: shiftCount)
        routeVersions = Array(repeating: 0, count: shiftCount)
        slots = Array(repeating: -1, count: SolverVisit.maxWorkers * instance.visits.count)
        positions = Array(repeating: -1, count: SolverVisit.maxWorkers * instance.visits.count)
        positionsFresh = Array(repeating: true, count: shiftCount)
        start = Array(repeating: 0, count: instance.visits.count)
        workerPaid = Array(repeating: 0, count: instance.workers.count)
        pairCount = Array(repeating: 0, count: instance.clientCount * instance.workers.count)
        preferenceMiss = Array(repeating: false, count: instance.visits.count)
        unassigned = Array(instance.visits.indices)
        unassignedIndex = Array(instance.visits.indices)
        unassignedPenalty = instance.visits.reduce(0) { $0 + $1.unassignedPenalty }
        shortfall = instance.workers.reduce(0) { $0 + max(0, $1.contracted) }
        lateCount = Array(repeating: 0, count: (instance.visits.map(\.lateAllowed).max() ?? 0) + 1)
    }

    /// The weighted objective.
    var cost: Int {
        let w = instance.weights
        return w.travel * travelCost + w.continuity * distinctPairs + w.preference * preferenceMisses
            + w.shortfall * shortfall + unassignedPenalty + w.continuityVisits * taperUnits + w.newWorker * newPairs
            + w.lateness * lateTotal + w.maxLateness * maxLate
    }

    /// Index in `slots` (and in recorded copies of it) of visit `v`'s `k`-th shift.
    @inline(__always) static func slot(_ v: Int, _ k: Int) -> Int { SolverVisit.maxWorkers * v + k }

    /// True when visit `v` has at least one worker.
    @inline(__always) func isAssigned(_ v: Int) -> Bool { slots[Self.slot(v, 0)] >= 0 }

    /// The shifts serving visit `v`.
    func shifts(of v: Int) -> [Int] {
        (0..<SolverVisit.maxWorkers).compactMap { slots[Self.slot(v, $0)] >= 0 ? slots[Self.slot(v, $0)] : nil }
    }

    /// The window visit `v` must start in within a route: its own window, or its fixed
    /// shared start when several workers do it together (or any fixed start).
    @inline(__always) func window(_ v: Int) -> (lo: Int, hi: Int) {
        if instance.fixedStart[v] && isAssigned(v) { return (start[v], start[v]) }
        return (instance.earliestStart[v], instance.latestStart[v])
    }
}
