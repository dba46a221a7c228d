import CareSolver

extension SolomonInstance {
    /// The engine's instance: one worker and one shift per vehicle; visit `i` is customer `i + 1`.
    public func solverInstance() -> SolverInstance {
        let n = nodes.count
        var time = Matrix(size: n, repeating: 0)
        var cost = Matrix(size: n, repeating: 0)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = distance(i, j) * Self.scale
                time[i, j] = Int(d.rounded(.up))
                cost[i, j] = Int(d.rounded())
            }
        }
        let s = Int(Self.scale)
        let everyone = Array(0..<vehicles)
        let visits = nodes.indices.dropFirst().map { i in
            SolverVisit(
                location: i, windowStart: nodes[i].ready * s, windowEnd: nodes[i].due * s, duration: nodes[i].service * s,
                demand: nodes[i].demand, unassignedPenalty: 1_000_000_000_000, client: 0, allowedWorkers: everyone)
        }
        let shifts = everyone.map {
            SolverShift(worker: $0, start: nodes[0].ready * s, end: nodes[0].due * s, home: 0, returnsHome: true, capacity: capacity)
        }
        return SolverInstance(
            travelTime: time, travelCost: cost, visits: visits, shifts: shifts,
            workers: Array(repeating: SolverWorker(), count: vehicles), clientCount: 1, weights: Weights(travel: 1),
            breakRule: nil, paidTravel: false)
    }
}
