import CareModel
import Testing

@testable import CareSolver

@Suite("Candidate shifts")
struct CandidateShiftsTests {
    /// Each visit's candidates are exactly its allowed workers' shifts that can hold it and take
    /// its demand, ascending, on a care week with lending, dated skills and exclusions.
    @Test func equalTheRuleVisitByVisit() {
        let instance = ProblemCompiler.compile(EligibleCarersTests.narrowedWeek()).instance
        var nonEmpty = 0
        for (v, visit) in instance.visits.enumerated() {
            let expected = instance.shifts.indices.filter { s in
                let shift = instance.shifts[s]
                return visit.allowedWorkers.contains(shift.worker) && shift.start <= visit.latestStart
                    && visit.windowStart + visit.duration <= shift.end && visit.demand <= shift.capacity
            }
            #expect(instance.candidateShifts[v] == expected, "visit \(v)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > instance.visits.count / 2)
    }

    /// Capacity and the span bound the candidates on a hand-made instance: the shift too small
    /// for the demand and the shift that ends before the visit could are left out.
    @Test func spanAndCapacityBound() {
        let everyone = [0, 1, 2]
        let visits = [0, 1].map { _ in
            SolverVisit(
                location: 1, windowStart: 100, windowEnd: 120, duration: 30, demand: 5, unassignedPenalty: 1, client: 0, allowedWorkers: everyone)
        }
        let shifts = [
            SolverShift(worker: 0, start: 0, end: 200, home: 0, capacity: 10),
            SolverShift(worker: 1, start: 0, end: 200, home: 0, capacity: 4),
            SolverShift(worker: 2, start: 0, end: 129, home: 0, capacity: 10),
            SolverShift(worker: 2, start: 121, end: 300, home: 0, capacity: 10),
            SolverShift(worker: 2, start: 120, end: 300, home: 0, capacity: 10),
        ]
        let lists = CandidateShifts.compute(visits: visits, shifts: shifts, workerShifts: [[0], [1], [2, 3, 4]])
        #expect(lists[0] == [0, 4] && lists[1] == [0, 4])
        // The same question asked twice is answered once: one buffer.
        #expect(lists[0].withUnsafeBufferPointer { a in lists[1].withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } })
    }

    /// Past the limit a visit keeps the `limit` shifts whose homes are cheapest to reach it
    /// from (ties to the lower shift) and every shift of a worker it names; at or under the
    /// limit it keeps every candidate, still shared.
    @Test func aLimitKeepsTheNearestHomesAndNamedWorkers() {
        // Six workers, one shift each, homes 0…5 at costs 50, 10, 30, 10, 40, 20 from the visits' place 6.
        var cost = Matrix(size: 7, repeating: 0)
        for (home, c) in [50, 10, 30, 10, 40, 20].enumerated() { cost[home, 6] = c }
        let everyone = Array(0..<6)
        let visits = [0, 1, 2].map { _ in
            SolverVisit(location: 6, windowStart: 100, windowEnd: 120, duration: 30, unassignedPenalty: 1, client: 0, allowedWorkers: everyone)
        }
        let shifts = everyone.map { SolverShift(worker: $0, start: 0, end: 500, home: $0) }
        let workerShifts = everyone.map { [$0] }
        let named: (Int) -> [Int] = { v in v == 1 ? [0] : [] }
        let limited = CandidateShifts.compute(visits: visits, shifts: shifts, workerShifts: workerShifts, limit: 3, costs: [cost], named: named)
        #expect(limited[0] == [1, 3, 5])
        #expect(limited[1] == [0, 1, 3, 5])  // worker 0 is named: kept though farthest
        let loose = CandidateShifts.compute(visits: visits, shifts: shifts, workerShifts: workerShifts, limit: 6, costs: [cost], named: named)
        #expect(loose.allSatisfy { $0 == everyone })
        #expect(loose[0].withUnsafeBufferPointer { a in loose[2].withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } })
    }

    /// A care week compiled with a small limit keeps at most that many candidates per visit
    /// besides named workers' shifts, each one of the full list, the nearest home among them
    /// (so `homeDistance` is unchanged), and its roster passes the checker. The sample's visits
    /// have far fewer candidates than the default limit, so by default nothing is cut.
    @Test func aLimitedCareWeekIsValid() {
        let problem = SolveTests.sampleWeek("2026-W48", clients: 40)
        let full = ProblemCompiler.compile(problem, candidateLimit: .max)
        let limited = ProblemCompiler.compile(problem, candidateLimit: 4)
        #expect(ProblemCompiler.compile(problem).instance.candidateShifts == full.instance.candidateShifts)
        #expect(full.instance.candidateShifts.map(\.count).max()! < ProblemCompiler.candidateLimit)
        var cut = 0
        for (v, visit) in limited.instance.visits.enumerated() {
            let kept = limited.instance.candidateShifts[v]
            let all = full.instance.candidateShifts[v]
            #expect(Set(kept).isSubset(of: all) && kept == kept.sorted())
            let named = Set(visit.pinnedWorkers + visit.preferredWorkers + visit.previousWorkers)
            #expect(kept.filter { !named.contains(limited.instance.shifts[$0].worker) }.count <= 4)
            #expect(all.allSatisfy { !named.contains(limited.instance.shifts[$0].worker) || kept.contains($0) })
            if kept.count < all.count { cut += 1 }
        }
        #expect(cut > limited.instance.visits.count / 2)
        #expect(limited.instance.homeDistance == full.instance.homeDistance)
        let result = solve(limited.instance, parameters: SolveParameters(seed: 2, stop: StoppingCriterion(maxIterations: 300)))
        let roster = RosterBuilder.roster(limited, result, seed: 2)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.metrics.assigned > problem.visits.count / 2)
    }
}
