/// Relatedness between visits, for the ruin step: close in place and in time.
enum Neighbours {
    /// For each visit, up to `count` other visits nearest by travel time plus half the
    /// difference in window start, among visits whose windows start within `timeSpan`.
    /// Ties go to the lower index, so the lists never depend on the order of the scan.
    static func compute(visits: [SolverVisit], travelTime: Matrix<Int>, count: Int, timeSpan: Int) -> [[Int]] {
        let order = visits.indices.sorted { visits[$0].windowStart < visits[$1].windowStart }
        var result = Array(repeating: [Int](), count: visits.count)
        var nearest = NearestK(capacity: count)
        var lo = 0
        for (rank, v) in order.enumerated() {
            let a = visits[v].windowStart
            while lo < rank, a - visits[order[lo]].windowStart > timeSpan { lo += 1 }
            nearest.removeAll()
            var i = lo
            while i < order.count, visits[order[i]].windowStart - a <= timeSpan {
                let w = order[i]
                if w != v {
                    nearest.offer(travelTime[visits[v].location, visits[w].location] + abs(visits[w].windowStart - a) / 2, w)
                }
                i += 1
            }
            result[v] = nearest.indices
        }
        return result
    }
}

/// The `capacity` smallest (score, index) pairs offered, kept sorted: a partial selection, so a
/// visit with thousands of candidates in its time span costs one comparison for most of them
/// instead of a full sort.
struct NearestK {
    let capacity: Int
    /// Ascending by score, then index.
    private(set) var kept: [(score: Int, index: Int)] = []

    init(capacity: Int) {
        self.capacity = capacity
        kept.reserveCapacity(capacity + 1)
    }

    /// The kept indices, nearest first.
    var indices: [Int] { kept.map(\.index) }

    mutating func removeAll() { kept.removeAll(keepingCapacity: true) }

    /// Keeps (score, index) if it is among the `capacity` smallest so far.
    mutating func offer(_ score: Int, _ index: Int) {
        guard capacity > 0 else { return }
        if kept.count == capacity, let last = kept.last, !Self.less((score, index), last) { return }
        // Binary search for the first kept pair greater than the new one.
        var low = 0
        var high = kept.count
        while low < high {
            let mid = (low + high) / 2
            if Self.less(kept[mid], (score, index)) { low = mid + 1 } else { high = mid }
        }
        kept.insert((score, index), at: low)
        if kept.count > capacity { kept.removeLast() }
    }

    private static func less(_ a: (score: Int, index: Int), _ b: (score: Int, index: Int)) -> Bool {
        a.score != b.score ? a.score < b.score : a.index < b.index
    }
}
