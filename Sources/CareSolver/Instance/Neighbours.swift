/// Relatedness between visits, for the ruin step: close in place and in time.
enum Neighbours {
    /// For each visit, up to `count` other visits nearest by travel time plus half the
    /// difference in window start, among visits whose windows start within `timeSpan`.
    static func compute(visits: [SolverVisit], travelTime: Matrix<Int>, count: Int, timeSpan: Int) -> [[Int]] {
        let order = visits.indices.sorted { visits[$0].windowStart < visits[$1].windowStart }
        var result = Array(repeating: [Int](), count: visits.count)
        var lo = 0
        for (rank, v) in order.enumerated() {
            let a = visits[v].windowStart
            while lo < rank, a - visits[order[lo]].windowStart > timeSpan { lo += 1 }
            var scored: [(Int, Int)] = []
            var i = lo
            while i < order.count, visits[order[i]].windowStart - a <= timeSpan {
                let w = order[i]
                if w != v {
                    let relatedness = travelTime[visits[v].location, visits[w].location] + abs(visits[w].windowStart - a) / 2
                    scored.append((relatedness, w))
                }
                i += 1
            }
            // Ties broken by index so the lists never depend on sort stability.
            scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            result[v] = scored.prefix(count).map(\.1)
        }
        return result
    }
}
