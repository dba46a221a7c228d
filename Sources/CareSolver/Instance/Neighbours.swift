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
    ///
    /// Each area's visits are scanned outwards in time from the visit's own start, forwards and
    /// backwards, and a direction stops once half the difference in start alone exceeds the
    /// worst score kept (travel is never negative, so no later visit could enter). In one hub of
    /// 99,878 visits a visit has thousands of others within three hours; most are never priced.
    static func compute(visits: [SolverVisit], travelTime: Matrix, count: Int, timeSpan: Int, areas: VisitAreas? = nil) -> [[Int]] {
        let areaOf = areas?.area ?? Array(repeating: 0, count: visits.count)
        let related = areas?.related ?? [[0]]
        // Each area's visits by window start (then index), with their starts and locations flat.
        var byArea = Array(repeating: [Int](), count: related.count)
        for v in visits.indices { byArea[areaOf[v]].append(v) }
        for a in byArea.indices {
            byArea[a].sort { (visits[$0].windowStart, $0) < (visits[$1].windowStart, $1) }
        }
        let starts = byArea.map { $0.map { visits[$0].windowStart } }
        let location = visits.map(\.location)
        var result = Array(repeating: [Int](), count: visits.count)
        var nearest = NearestK(capacity: count)
        for v in visits.indices {
            let start = visits[v].windowStart
            let here = location[v]
            nearest.removeAll()
            /// Offers `order[i]` unless it is past the span or the bound; false when the scan in
            /// this direction can stop.
            func offer(_ order: [Int], _ startsOfArea: [Int], _ i: Int) -> Bool {
                let apart = abs(startsOfArea[i] - start)
                if apart > timeSpan { return false }
                if let worst = nearest.worstKeptScore, apart / 2 > worst { return false }
                let w = order[i]
                if w != v { nearest.offer(travelTime[here, location[w]] + apart / 2, w) }
                return true
            }
            for b in related[areaOf[v]] {
                let order = byArea[b]
                let startsOfArea = starts[b]
                // The first visit of area b starting no earlier than this one.
                var low = 0
                var high = order.count
                while low < high {
                    let mid = (low + high) / 2
                    if startsOfArea[mid] < start { low = mid + 1 } else { high = mid }
                }
                var i = low
                while i < order.count, offer(order, startsOfArea, i) { i += 1 }
                i = low - 1
                while i >= 0, offer(order, startsOfArea, i) { i -= 1 }
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
        kept.reserveCapacity(min(capacity, 4096) + 1)
    }

    /// The kept indices, nearest first.
    var indices: [Int] { kept.map(\.index) }

    /// The largest score kept once `capacity` pairs are kept (no larger score can enter), else nil.
    var worstKeptScore: Int? { kept.count == capacity && capacity > 0 ? kept[kept.count - 1].score : nil }

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
