import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// `ShiftTwins`: which shifts no insertion can tell apart while empty.
@Suite("Shift twins")
struct ShiftTwinsTests {
    /// Solomon's fleet is 25 identical vehicles: each one's twin is the vehicle before it.
    @Test func solomonVehiclesChainInOrder() throws {
        let instance = try SolomonTests.fixture("c101").solverInstance()
        #expect(instance.twinBefore == Array(-1..<(instance.shifts.count - 1)))
        #expect(instance.unshared().twinBefore == instance.twinBefore)
    }

    /// Workers 0, 1, 2 and 5 share hours, home and limits, but only 0, 1 and 5 are twins:
    /// worker 2 is preferred by a client. Worker 3 lives elsewhere, worker 4 has two shifts,
    /// worker 6 may not do visit 1, worker 7 is paid up to a different cap.
    @Test func everyDifferenceBreaksTwins() {
        let instance = Self.instance(history: [nil])
        #expect(instance.twinBefore == [-1, 0, -1, -1, -1, -1, 1, -1, -1])
    }

    /// Pinning a worker, or having worked a visit last time, names them as a preference does.
    @Test func pinnedAndPreviousWorkersAreNamed() {
        let pinned = Self.instance(history: [nil], pinned: [1])
        #expect(pinned.twinBefore == [-1, -1, -1, -1, -1, -1, 0, -1, -1])
        let previous = Self.instance(history: [nil], previous: [0])
        #expect(previous.twinBefore == [-1, -1, -1, -1, -1, -1, 1, -1, -1])
    }

    /// A client's history makes a carer new or known to them: no two workers are twins.
    @Test func historyMakesEveryWorkerDifferent() {
        let instance = Self.instance(history: [[(worker: 3, visits: 2)]])
        #expect(instance.twinBefore.allSatisfy { $0 == -1 })
    }

    /// Shifts 0 ... 8: workers 0, 1, 2, 3, 4 (twice), 5, 6, 7. Visit 0 may go to everyone and
    /// prefers worker 2; visit 1 to everyone but worker 6.
    static func instance(history: [[(worker: Int, visits: Int)]?], pinned: [Int] = [], previous: [Int] = []) -> SolverInstance {
        var travel = Matrix(size: 4, repeating: 0)
        for i in 0..<4 { for j in 0..<4 { travel[i, j] = 10 * abs(i - j) } }
        let everyone = Array(0..<8)
        let visits = [
            SolverVisit(
                location: 2, windowStart: 0, windowEnd: 500, duration: 30, unassignedPenalty: 1000, client: 0, preferredWorkers: [2],
                pinnedWorkers: pinned, allowedWorkers: everyone, previousWorkers: previous),
            SolverVisit(
                location: 3, windowStart: 0, windowEnd: 500, duration: 30, unassignedPenalty: 1000, client: 0,
                allowedWorkers: everyone.filter { $0 != 6 }),
        ]
        let shift = { (w: Int, home: Int, start: Int) in SolverShift(worker: w, start: start, end: start + 480, home: home) }
        let shifts = [
            shift(0, 0, 0), shift(1, 0, 0), shift(2, 0, 0), shift(3, 1, 0), shift(4, 0, 0), shift(4, 0, 1000), shift(5, 0, 0),
            shift(6, 0, 0), shift(7, 0, 0),
        ]
        let workers = everyone.map { SolverWorker(maxPaid: $0 == 7 ? 300 : 600) }
        return SolverInstance(
            travelTime: travel, travelCost: travel, visits: visits, shifts: shifts, workers: workers, clientCount: 1,
            weights: Weights(travel: 1), breakRule: nil, paidTravel: true, history: history)
    }
}
