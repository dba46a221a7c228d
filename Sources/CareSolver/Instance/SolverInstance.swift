/// The immutable problem the engine solves, compiled once into dense integer indices.
///
/// Everything the search asks repeatedly is precomputed here: which shifts can take each
/// visit, each visit's neighbours, and per-client preferred-worker flags. Built by the care
/// compiler (`ProblemCompiler`) or, for benchmarks, the VRPTW loader (`SolomonInstance` in
/// the `SolomonBenchmark` target).
public struct SolverInstance: Sendable {
    /// `travelTime[i, j]`: time units from location `i` to `j`.
    public let travelTime: Matrix
    /// `travelCost[i, j]`: cost units of the same leg.
    public let travelCost: Matrix
    /// `travelTimes[m]` and `travelCosts[m]`: the matrices of shifts whose `mode` is `m`; the
    /// first are `travelTime` and `travelCost` (neighbour lists are built from them).
    public let travelTimes: [Matrix]
    public let travelCosts: [Matrix]
    /// The travel time of one leg in mode `mode`, read in place: unlike `travelTime(mode:)` no
    /// matrix is copied, so nothing is retained per call.
    @inline(__always) func time(_ mode: Int, _ i: Int, _ j: Int) -> Int { mode == 0 ? travelTime[i, j] : travelTimes[mode][i, j] }
    /// The travel cost of one leg in mode `mode`, read in place (as `time`).
    @inline(__always) func cost(_ mode: Int, _ i: Int, _ j: Int) -> Int { mode == 0 ? travelCost[i, j] : travelCosts[mode][i, j] }
    /// The travel times of mode `mode`; mode 0 without going through the array, whose extra
    /// retain on every call cost the search several per cent of its iterations.
    @inline(__always) func travelTime(mode: Int) -> Matrix { mode == 0 ? travelTime : travelTimes[mode] }
    /// The travel costs of mode `mode` (as `travelTime(mode:)`).
    @inline(__always) func travelCost(mode: Int) -> Matrix { mode == 0 ? travelCost : travelCosts[mode] }
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

    /// `candidateShifts[v]`: shifts whose worker may do visit `v` and whose span can hold it,
    /// ascending; past `candidateLimit`, the nearest by home and those of named workers.
    public let candidateShifts: [[Int]]
    /// `workerShifts[w]`: shifts of worker `w`, ascending.
    public let workerShifts: [[Int]]
    /// `twinBefore[s]`: the nearest earlier shift that no insertion can tell from `s` while
    /// both are empty, or -1 (see `ShiftTwins`).
    public let twinBefore: [Int]
    /// `neighbours[v]`: the visits most related to `v` (close in place and time), nearest first.
    public let neighbours: [[Int]]

    /// False when travel may break the triangle inequality (a caller's matrix): removals are
    /// then checked to keep every later visit on time (`SearchSolution.staysOnTime`).
    public let metricTravel: Bool
    /// `duration[v]` and `location[v]` of every visit, flat: the inner loops read them per
    /// position, and copying a `SolverVisit` (three arrays inside) retained and released
    /// a third of the search's time away.
    public let duration: [Int]
    public let location: [Int]
    /// `demand[v]`, and the start bounds `windowStart` and `latestStart` of every visit, flat.
    public let demand: [Int]
    public let earliestStart: [Int]
    public let latestStart: [Int]
    /// `homeDistance[v]`: travel cost to `v` from the nearest home of a shift that may take it
    /// (the depot, in VRPTW), for recreate's far-first and close-first orders (SISR).
    public let homeDistance: [Int]

    /// Timing rules between visits, and `linksOf[v]`: indices into `links` of `v`'s links.
    public let links: [SolverLink]
    public let linksOf: [[Int]]
    /// `fixedStart[v]`: once inserted, `v` keeps its start while its routes change around it.
    /// Double-ups need it (their workers start together); so do linked visits (moving one would
    /// break its partner's gap) and visits that may be late (their lateness is then priced
    /// once, at insertion, instead of along every route a later insertion pushes).
    public let fixedStart: [Bool]
    /// `newPair[client * workers.count + w]`: the client has a history and `w` is not in it;
    /// empty when no client has a history.
    public let newPair: [Bool]
    /// `pastVisits[client * workers.count + w]`: the pair's visits in the client's history (at
    /// most 4, where the taper flattens), so the concave continuity cost carries on across
    /// weeks; empty when no client has a history.
    public let pastVisits: [UInt8]
    /// The visits of pair `key` in its client's history, at most 4 (0 without a history).
    @inline(__always) func pastVisits(ofPair key: Int) -> Int { pastVisits.isEmpty ? 0 : Int(pastVisits[key]) }
    /// True when pair `key`'s client has a history and the worker is not in it.
    @inline(__always) func isNewPair(_ key: Int) -> Bool { !newPair.isEmpty && newPair[key] }
    /// `clientVisits[c]`: visits of client `c` by window start (only when continuity is weighted).
    public let clientVisits: [[Int]]
    /// `runMates[v]`: the same client's visits on other days at about the same time of day (a
    /// "run", such as every morning call), nearest in time of day first; only when continuity
    /// is weighted.
    public let runMates: [[Int]]

    /// Compiles an instance. `neighbourCount` bounds each neighbour list; `relatedTimeSpan`
    /// limits neighbours to visits whose windows start within that many time units, and
    /// `areas` (when given) to visits of related areas. `candidateLimit` bounds each visit's
    /// candidate shifts to the nearest by home, besides those of workers it names
    /// (`CandidateShifts`). `otherModes` are the travel matrices of
    /// shifts whose `mode` is 1, 2, …
    public init(
        travelTime: Matrix, travelCost: Matrix, visits: [SolverVisit], shifts: [SolverShift], workers: [SolverWorker],
        clientCount: Int, weights: Weights, breakRule: BreakRule?, paidTravel: Bool,
        neighbourCount: Int = 40, relatedTimeSpan: Int = .max, areas: VisitAreas? = nil, candidateLimit: Int = .max, links: [SolverLink] = [],
        history: [[(worker: Int, visits: Int)]?] = [], metricTravel: Bool = true,
        otherModes: [(time: Matrix, cost: Matrix)] = []
    ) {
        precondition(travelTime.size == travelCost.size)
        precondition(otherModes.allSatisfy { $0.time.size == travelTime.size && $0.cost.size == travelTime.size })
        precondition(shifts.allSatisfy { (0...otherModes.count).contains($0.mode) }, "a shift's mode has no matrix")
        travelTimes = [travelTime] + otherModes.map(\.time)
        travelCosts = [travelCost] + otherModes.map(\.cost)
        // Local search looks workers up by binary search.
        precondition(
            visits.allSatisfy { zip($0.allowedWorkers, $0.allowedWorkers.dropFirst()).allSatisfy { $0 < $1 } },
            "allowedWorkers must be ascending")
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
        twinBefore = ShiftTwins.previous(
            visits: visits, shifts: shifts, workers: workers, hasHistory: history.contains { $0 != nil })
        let modeCosts = [travelCost] + otherModes.map(\.cost)
        let candidateShiftsOfVisits = CandidateShifts.compute(
            visits: visits, shifts: shifts, workerShifts: byWorker, limit: candidateLimit, costs: modeCosts,
            named: { v in
                let visit = visits[v]
                let past = history.isEmpty ? [] : (history[visit.client]?.map(\.worker) ?? [])
                return visit.pinnedWorkers + visit.preferredWorkers + visit.previousWorkers + past
            })
        candidateShifts = candidateShiftsOfVisits
        neighbours = Neighbours.compute(
            visits: visits, travelTime: travelTime, count: neighbourCount, timeSpan: relatedTimeSpan, areas: areas)
        precondition(links.allSatisfy { visits.indices.contains($0.first) && visits.indices.contains($0.second) })
        self.links = links
        self.metricTravel = metricTravel
        duration = visits.map(\.duration)
        location = visits.map(\.location)
        demand = visits.map(\.demand)
        earliestStart = visits.map(\.windowStart)
        latestStart = visits.map(\.latestStart)
        homeDistance = zip(visits, candidateShiftsOfVisits).map { visit, candidates in
            candidates.lazy.map { modeCosts[shifts[$0].mode][shifts[$0].home, visit.location] }.min() ?? 0
        }
        var byVisit = Array(repeating: [Int](), count: visits.count)
        for (i, link) in links.enumerated() {
            byVisit[link.first].append(i)
            byVisit[link.second].append(i)
        }
        linksOf = byVisit
        fixedStart = visits.indices.map { visits[$0].workersNeeded > 1 || visits[$0].lateAllowed > 0 || !byVisit[$0].isEmpty }
        var newPair: [Bool] = []
        var pastVisits: [UInt8] = []
        if history.contains(where: { $0 != nil }) {
            precondition(history.count == clientCount)
            newPair = Array(repeating: false, count: clientCount * workers.count)
            pastVisits = Array(repeating: 0, count: clientCount * workers.count)
            for (c, entries) in history.enumerated() {
                guard let entries else { continue }
                for w in workers.indices { newPair[c * workers.count + w] = true }
                for entry in entries where entry.visits > 0 {
                    newPair[c * workers.count + entry.worker] = false
                    pastVisits[c * workers.count + entry.worker] = UInt8(min(4, entry.visits))
                }
            }
        }
        self.pastVisits = pastVisits
        self.newPair = newPair
        if weights.valuesContinuity {
            (clientVisits, runMates) = Self.runs(visits: visits, clientCount: clientCount)
        } else {
            (clientVisits, runMates) = ([], [])
        }
    }

    /// Each client's visits, and each visit's run mates: the same client's visits starting at
    /// least half a day apart whose windows open within 90 minutes of the same time of day.
    private static func runs(visits: [SolverVisit], clientCount: Int) -> ([[Int]], [[Int]]) {
        var byClient = Array(repeating: [Int](), count: clientCount)
        for v in visits.indices { byClient[visits[v].client].append(v) }
        for c in byClient.indices { byClient[c].sort { (visits[$0].windowStart, $0) < (visits[$1].windowStart, $1) } }
        var mates = Array(repeating: [Int](), count: visits.count)
        for list in byClient {
            for v in list {
                let a = visits[v].windowStart
                var near: [(Int, Int)] = []
                for u in list where u != v && abs(visits[u].windowStart - a) >= 720 {
                    let d = ((visits[u].windowStart - a) % 1440 + 1440) % 1440
                    let apart = min(d, 1440 - d)
                    if apart <= 90 { near.append((apart, u)) }
                }
                mates[v] = near.sorted { $0 < $1 }.map(\.1)
            }
        }
        return (byClient, mates)
    }
}
