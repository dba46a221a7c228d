import CareSolver

/// A hand-made engine instance on a line: location 0 is every worker's home and visit `v`
/// stands at location `v + 1`, so travel between visits `a` and `b` is 10 × |a − b|. One shift
/// per worker, all day; every visit may start any time in [0, 1000] and lasts 5.
enum LineInstance {
    static func make(
        visits: Int, workers: Int, neighbourCount: Int = 40, windowStarts: [Int]? = nil, blocked: Set<Int> = []
    ) -> SolverInstance {
        var travel = Matrix(size: visits + 1, repeating: 0)
        for i in 0...visits { for j in 0...visits { travel[i, j] = 10 * abs(i - j) } }
        let everyone = Array(0..<workers)
        let list = (0..<visits).map { v in
            let start = windowStarts?[v] ?? 0
            return SolverVisit(
                location: v + 1, windowStart: start, windowEnd: start + 1000, duration: 5, unassignedPenalty: 1_000_000, client: 0,
                allowedWorkers: blocked.contains(v) ? [] : everyone)
        }
        return SolverInstance(
            travelTime: travel, travelCost: travel, visits: list, shifts: everyone.map { SolverShift(worker: $0, start: 0, end: 100_000, home: 0) },
            workers: everyone.map { _ in SolverWorker() }, clientCount: 1, weights: Weights(travel: 1), breakRule: nil, paidTravel: false,
            neighbourCount: neighbourCount)
    }
}
