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
}
