import CareModel
import Testing

@testable import CareSolver

/// `SolverInstance.homeDistance`, the key of recreate's far-first and close-first orders.
@Suite("Home distance")
struct HomeDistanceTests {
    /// Each visit's distance is from the nearest home among the shifts that may take it, in
    /// that shift's travel mode; a visit no shift can take has 0.
    @Test func nearestHomeOfTheShiftsThatMayTakeIt() {
        // Locations 0 ... 4 on a line, 10 apart by car; walking costs twice as much. Times are
        // another matrix (5 apart either way), so reading them instead of costs would show.
        var car = Matrix(size: 5, repeating: 0)
        var walk = Matrix(size: 5, repeating: 0)
        var minutes = Matrix(size: 5, repeating: 0)
        for i in 0..<5 {
            for j in 0..<5 {
                car[i, j] = 10 * abs(i - j)
                walk[i, j] = 20 * abs(i - j)
                minutes[i, j] = 5 * abs(i - j)
            }
        }
        func visit(at location: Int, workers: [Int]) -> SolverVisit {
            SolverVisit(
                location: location, windowStart: 0, windowEnd: 100, duration: 5, unassignedPenalty: 1000, client: 0,
                allowedWorkers: workers)
        }
        // Worker 0 drives from location 0; worker 1 walks from location 4.
        let instance = SolverInstance(
            travelTime: minutes, travelCost: car,
            visits: [visit(at: 3, workers: [0]), visit(at: 3, workers: [0, 1]), visit(at: 1, workers: [1]), visit(at: 2, workers: [])],
            shifts: [SolverShift(worker: 0, start: 0, end: 1000, home: 0), SolverShift(worker: 1, start: 0, end: 1000, home: 4, mode: 1)],
            workers: [SolverWorker(), SolverWorker()], clientCount: 1, weights: Weights(travel: 1), breakRule: nil, paidTravel: false,
            otherModes: [(minutes, walk)])
        #expect(instance.homeDistance == [30, 20, 60, 0])
        #expect(instance.unshared().homeDistance == instance.homeDistance)
    }
}
