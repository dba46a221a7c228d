/// Which visits may be related at all: each visit's area, and for each area the areas whose
/// visits one worker could ever combine with its own (itself included). Care uses hubs: a hub's
/// visits relate only to the hubs that share a lendable carer with it, so the neighbour scan of
/// a county costs each hub its related hubs' visits, not the whole county's.
public struct VisitAreas: Sendable {
    /// `area[v]`: the area of visit `v`, 0 ..< `related.count`.
    public let area: [Int]
    /// `related[a]`: areas related to `a`, `a` among them.
    public let related: [[Int]]

    public init(area: [Int], related: [[Int]]) {
        precondition(area.allSatisfy { related.indices.contains($0) })
        self.area = area
        self.related = related
    }
}

/// Relatedness between visits, for the ruin step: close in place and in time.
enum Neighbours {
    /// For each visit, up to `count` other visits nearest by travel time plus half the
    /// difference in window start, among visits whose windows start within `timeSpan` (and,
    /// given `areas`, that lie in a related area). Ties go to the lower index, so the lists
    /// never depend on the order of the scan.
    static func compute(visits: [SolverVisit], travelTime: Matrix<Int>, count: Int, timeSpan: Int, areas: VisitAreas? = nil) -> [[Int]] {
        let areaOf = areas?.area ?? Array(repeating: 0, count: visits.count)
        let related = areas?.related ?? [[0]]
        // Each area's visits by window start (then index), scanned from the first within the span.
        var byArea = Array(repeating: [Int](), count: related.count)
        for v in visits.indices { byArea[areaOf[v]].append(v) }
        for a in byArea.indices {
            byArea[a].sort { (visits[$0].windowStart, $0) < (visits[$1].windowStart, $1) }
        }
        var result = Array(repeating: [Int](), count: visits.count)
        var nearest = NearestK(capacity: count)
        for v in visits.indices {
            let start = visits[v].windowStart
            let lowest = timeSpan == .max ? Int.min : start - timeSpan
            nearest.removeAll()
            for b in related[areaOf[v]] {
                let order = byArea[b]
                // The first visit of area b starting no earlier than `lowest`.
                var low = 0
                var high = order.count
                while low < high {
                    let mid = (low + high) / 2
                    if visits[order[mid]].windowStart < lowest { low = mid + 1 } else { high = mid }
                }
                var i = low
                while i < order.count, visits[order[i]].windowStart - start <= timeSpan {
                    let w = order[i]
                    if w != v {
                        nearest.offer(travelTime[visits[v].location, visits[w].location] + abs(visits[w].windowStart - start) / 2, w)
                    }
                    i += 1
                }
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
