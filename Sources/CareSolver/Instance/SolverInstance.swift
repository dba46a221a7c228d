/// The immutable problem the engine solves, compiled once into dense integer indices.
///
/// Everything the search asks repeatedly is precomputed here: which shifts can take each
/// visit, each visit's neighbours, and per-client preferred-worker flags. Built by the care
/// compiler (`ProblemCompiler`) or, for benchmarks, the VRPTW loader (`SolomonInstance` in
/// the `SolomonBenchmark` target).
public struct SolverInstance: Sendable {
    /// `travelTime[i, j]`: time units from location `i` to `j`.
    public let travelTime: Matrix<Int>
    /// `travelCost[i, j]`: cost units of the same leg.
    public let travelCost: Matrix<Int>
    public let visits: [SolverVisit]
    public let shifts: [SolverShift]
    public let workers: [SolverWorker]
    /// Number of distinct clients (continuity is counted per client).
    public let clientCount: Int
    public let weights: Weights
    /// The break rule, or nil when it does not apply (VRPTW).
    public let breakRule: BreakRule?
    /// True when travel between visits counts as paid time (care); the trip from home never does.
    public let paidTravel: Bool

    /// `candidateShifts[v]`: shifts whose worker may do visit `v` and whose span can hold it, ascending.
    public let candidateShifts: [[Int]]
    /// `workerShifts[w]`: shifts of worker `w`, ascending.
    public let workerShifts: [[Int]]
    /// `neighbours[v]`: the visits most related to `v` (close in place and time), nearest first.
    public let neighbours: [[Int]]

    /// Compiles an instance. `neighbourCount` bounds each neighbour list; `relatedTimeSpan`
    /// limits neighbours to visits whose windows start within that many time units, and
    /// `areas` (when given) to visits of related areas.
    public init(
        travelTime: Matrix<Int>, travelCost: Matrix<Int>, visits: [SolverVisit], shifts: [SolverShift], workers: [SolverWorker],
        clientCount: Int, weights: Weights, breakRule: BreakRule?, paidTravel: Bool,
        neighbourCount: Int = 40, relatedTimeSpan: Int = .max, areas: VisitAreas? = nil
    ) {
        precondition(travelTime.size == travelCost.size)
        // Validation rejects other counts at the door; the search's slots hold no more.
        precondition(
            visits.allSatisfy { (1...SolverVisit.maxWorkers).contains($0.workersNeeded) }, "a visit needs 1 ... maxWorkers workers")
        self.travelTime = travelTime
        self.travelCost = travelCost
        self.visits = visits
        self.shifts = shifts
        self.workers = workers
        self.clientCount = clientCount
        self.weights = weights
        self.breakRule = breakRule
        self.paidTravel = paidTravel
        var byWorker = Array(repeating: [Int](), count: workers.count)
        for (s, shift) in shifts.enumerated() { byWorker[shift.worker].append(s) }
        workerShifts = byWorker
        candidateShifts = visits.map { visit in
            visit.allowedWorkers.flatMap { byWorker[$0] }.filter { s in
                let shift = shifts[s]
                return shift.start <= visit.windowEnd && visit.windowStart + visit.duration <= shift.end
                    && visit.demand <= shift.capacity
            }.sorted()
        }
        neighbours = Neighbours.compute(
            visits: visits, travelTime: travelTime, count: neighbourCount, timeSpan: relatedTimeSpan, areas: areas)
    }
}
