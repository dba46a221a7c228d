import CareModel
import Testing

@testable import CareSolver

/// The continuity operators and team-first recreate keep every cached objective part equal to
/// a full recomputation, with links, lateness and history in play, and they build small teams.
@Suite("Continuity moves")
struct ContinuityMovesTests {
    /// A compiled sample week with continuity weighted, every fifth visit allowed 30 minutes
    /// late, a link between each client's first two visits, and a history for half the clients.
    /// With `mixedModes`, every third worker travels by a second mode, three times slower (a
    /// walker among drivers), so each operator is checked across routes of different modes.
    /// With `pinned`, every seventh one-carer visit is pinned to one of its allowed carers, and
    /// every other double-up to one of its allowed carers (the other carer is free).
    static func richInstance(seed: UInt64 = 5, mixedModes: Bool = false, pinned: Bool = false) -> SolverInstance {
        let base = ProblemCompiler.compile(SolveTests.sampleWeek("2026-W48", clients: 30, seed: seed)).instance
        let visits = base.visits.enumerated().map { v, visit in
            SolverVisit(
                location: visit.location, windowStart: visit.windowStart, windowEnd: visit.windowEnd, duration: visit.duration,
                workersNeeded: visit.workersNeeded, unassignedPenalty: visit.unassignedPenalty, client: visit.client,
                preferredWorkers: visit.preferredWorkers,
                pinnedWorkers: pinned && (visit.workersNeeded == 1 ? v % 7 == 0 : v % 2 == 0) && !visit.allowedWorkers.isEmpty
                    ? [visit.allowedWorkers[v % visit.allowedWorkers.count]] : visit.pinnedWorkers,
                allowedWorkers: visit.allowedWorkers,
                lateAllowed: v % 5 == 0 ? 30 : 0)
        }
        var firstTwo: [Int: [Int]] = [:]
        for v in visits.indices.sorted(by: { visits[$0].windowStart < visits[$1].windowStart })
        where firstTwo[visits[v].client, default: []].count < 2 {
            firstTwo[visits[v].client, default: []].append(v)
        }
        let links = firstTwo.keys.sorted().compactMap { c -> SolverLink? in
            guard let pair = firstTwo[c], pair.count == 2 else { return nil }
            return SolverLink(first: pair[0], second: pair[1], minGap: 120, maxGap: 600, differentWorkers: c % 2 == 0)
        }
        let history = (0..<base.clientCount).map { c -> [(worker: Int, visits: Int)]? in
            c % 2 == 0 ? [(c % base.workers.count, 1 + c % 6), ((c * 7) % base.workers.count, 2)] : nil
        }
        var weights = base.weights
        weights.continuityVisits = 6000
        weights.newWorker = 20000
        weights.lateness = 1000
        weights.maxLateness = 500
        var slow = base.travelTime
        for i in 0..<slow.size { for j in 0..<slow.size { slow[i, j] *= 3 } }
        let shifts = base.shifts.map {
            SolverShift(
                worker: $0.worker, start: $0.start, end: $0.end, home: $0.home, returnsHome: $0.returnsHome, capacity: $0.capacity,
                mode: mixedModes && $0.worker % 3 == 0 ? 1 : 0)
        }
        return SolverInstance(
            travelTime: base.travelTime, travelCost: base.travelCost, visits: visits, shifts: shifts, workers: base.workers,
            clientCount: base.clientCount, weights: weights, breakRule: base.breakRule, paidTravel: base.paidTravel, neighbourCount: 40,
            relatedTimeSpan: 180, links: links, history: history, otherModes: mixedModes ? [(time: slow, cost: slow)] : [])
    }

    /// Every assigned link meets its gap and its different-workers rule; lateness stays within
    /// what each visit allows.
    static func expectRulesHold(_ solution: SearchSolution) {
        let instance = solution.instance
        for link in instance.links where solution.isAssigned(link.first) && solution.isAssigned(link.second) {
            let gap = solution.start[link.second] - solution.start[link.first]
            #expect(link.minGap <= gap && gap <= link.maxGap)
            if link.differentWorkers {
                let a = Set(solution.shifts(of: link.first).map { instance.shifts[$0].worker })
                let b = Set(solution.shifts(of: link.second).map { instance.shifts[$0].worker })
                #expect(a.isDisjoint(with: b))
            }
        }
        for v in instance.visits.indices where solution.isAssigned(v) {
            #expect(solution.start[v] <= instance.visits[v].latestStart)
            #expect(solution.start[v] >= instance.visits[v].windowStart)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func incrementalCostMatchesRecomputation(_ seed: UInt64) {
        let instance = Self.richInstance()
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        _ = TeamRecreate().recreate(Array(instance.visits.indices), in: solution, rng: &rng, buffer: &buffer)
        #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
        Self.expectRulesHold(solution)
        for step in 0..<120 {
            var removed: [(Int, Insertion)]
            var team: [Int] = []
            switch step % 5 {
            case 0:
                let (pair, displaced) = PairRemoval().ruin(solution, rng: &rng)
                removed = pair + displaced
                team = pair.map(\.0)
            case 1:
                let (week, displaced) = ClientRemoval().ruin(solution, rng: &rng)
                removed = week + displaced
                team = week.map(\.0)
            case 2:
                let (run, displaced) = RunRemoval().ruin(solution, rng: &rng)
                removed = run + displaced
                team = run.map(\.0)
            case 3:
                let copy = RoundCopy().ruin(solution, rng: &rng)
                removed = copy.removed
                team = copy.mates
            default: removed = StringRemoval().ruin(solution, rng: &rng)
            }
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            var placed = TeamRecreate().recreate(team.isEmpty ? removed.map(\.0) : team, in: solution, rng: &rng, buffer: &buffer)
            placed += Recreate().recreate(
                removed.map(\.0).filter { !solution.isAssigned($0) }, in: solution, order: .random, rng: &rng, buffer: &buffer)
            #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            Self.expectRulesHold(solution)
            if step % 2 == 0 {
                for v in placed.reversed() { solution.remove(v) }
                for (v, restore) in removed.reversed() { solution.apply(v, restore) }
                #expect(solution.cost == solution.recomputedCost() && solution.countsMatch())
            }
            for s in instance.shifts.indices { #expect(solution.meetsBreakRule(s)) }
        }
    }

    /// Two workers can each do all seven morning calls of one client; a third is nearer on
    /// Monday only. Team-first recreate gives the whole week to one worker.
    @Test func teamRecreateKeepsOneWorker() {
        var travel = Matrix(size: 4, repeating: 10)
        for i in 0..<4 { travel[i, i] = 0 }
        travel[2, 3] = 1  // worker 2's home is next to the client
        travel[3, 2] = 1
        let days = 0..<7
        let visits = days.map { d in
            SolverVisit(
                location: 3, windowStart: d * 1440 + 480, windowEnd: d * 1440 + 540, duration: 30, unassignedPenalty: 1_000_000, client: 0,
                allowedWorkers: [0, 1, 2])
        }
        var shifts = days.flatMap { d in (0..<2).map { w in SolverShift(worker: w, start: d * 1440 + 420, end: d * 1440 + 840, home: w) } }
        shifts.append(SolverShift(worker: 2, start: 420, end: 840, home: 2))
        let instance = SolverInstance(
            travelTime: travel, travelCost: travel, visits: visits, shifts: shifts, workers: (0..<3).map { _ in SolverWorker() }, clientCount: 1,
            weights: Weights(travel: 1, continuity: 30, continuityVisits: 10), breakRule: nil, paidTravel: true)
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 1)
        var buffer: [Candidate] = []
        let placed = TeamRecreate(blinkRate: 0).recreate(Array(visits.indices), in: solution, rng: &rng, buffer: &buffer)
        #expect(placed.count == 7)
        let workers = Set(visits.indices.map { solution.firstWorker(of: $0) })
        #expect(workers == [0])
        // Greedy insertion, Monday first, takes the nearer worker on Monday.
        let greedy = SearchSolution(instance)
        for v in visits.indices { _ = Recreate(blinkRate: 0).recreate([v], in: greedy, order: .random, rng: &rng, buffer: &buffer) }
        #expect(Set(visits.indices.map { greedy.firstWorker(of: $0) }).count == 2)
    }
}
