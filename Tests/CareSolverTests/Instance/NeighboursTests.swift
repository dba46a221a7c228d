import CareModel
import Testing

@testable import CareSolver

@Suite("Neighbour lists")
struct NeighboursTests {
    /// Each list is sorted by relatedness (here travel, 10 per step along the line), ties go to
    /// the lower index, the visit itself is left out and the list is cut at `count`.
    @Test func nearestFirstWithoutSelf() {
        let instance = LineInstance.make(visits: 9, workers: 1)
        let lists = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: .max)
        #expect(lists[4] == [3, 5, 2, 6])
        #expect(lists[0] == [1, 2, 3, 4])
        #expect(lists[8] == [7, 6, 5, 4])
        #expect(lists.indices.allSatisfy { !lists[$0].contains($0) })
    }

    /// Half the difference in window start adds to relatedness: visit 2 (20 away, same start)
    /// comes before visit 1 (10 away, start 40 later: 10 + 20 = 30).
    @Test func windowStartCountsHalf() {
        let instance = LineInstance.make(visits: 3, workers: 1, windowStarts: [0, 40, 0])
        let lists = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: .max)
        #expect(lists[0] == [2, 1])
    }

    /// Visits whose windows start further apart than `timeSpan` are never neighbours (visit 1
    /// starts at 50: 0 and 100 are exactly 50 away and count, 101 is not).
    @Test func timeSpanExcludesDistantStarts() {
        let instance = LineInstance.make(visits: 4, workers: 1, windowStarts: [0, 50, 100, 101])
        let lists = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: 50)
        #expect(lists[0] == [1])
        #expect(lists[1] == [0, 2])
        #expect(lists[3] == [2])
    }

    /// The partial selection keeps exactly the pairs a full sort by (score, index) would keep,
    /// in that order, whatever order they are offered in (scores drawn from a small range so ties abound).
    @Test(arguments: [0, 1, 5, 40])
    func partialSelectionEqualsFullSort(capacity: Int) {
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var pairs: [(score: Int, index: Int)] = []
        for _ in 0..<300 { pairs.append((score: next(20), index: next(1000))) }
        var nearest = NearestK(capacity: capacity)
        for p in pairs { nearest.offer(p.score, p.index) }
        let sorted = pairs.sorted { (a: (score: Int, index: Int), b: (score: Int, index: Int)) -> Bool in
            a.score != b.score ? a.score < b.score : a.index < b.index
        }
        let expected: [Int] = sorted.prefix(capacity).map { $0.index }
        #expect(nearest.indices == expected)
    }
}

@Suite("Neighbour lists against every pair")
struct NeighbourScanTests {
    /// The lists of the outward scan, which stops once the difference in start alone rules a
    /// visit out, equal pricing every pair within the span and sorting, on random places and
    /// starts with many ties (starts on a 15-minute grid, travel from a small range, a matrix
    /// that need not be symmetric), with and without areas.
    @Test(arguments: [(count: 5, span: 180), (count: 40, span: 180), (count: 8, span: .max), (count: 0, span: 60)])
    func equalPricingEveryPair(count: Int, span: Int) {
        var rng = SplitMix64(seed: UInt64(count * 1000 + min(span, 999)))
        let places = 30
        var travel = Matrix(size: places, repeating: 0)
        for i in 0..<places { for j in 0..<places where i != j { travel[i, j] = rng.nextInt(12) } }
        let visits = (0..<400).map { _ in
            let start = 15 * rng.nextInt(60)
            return SolverVisit(
                location: rng.nextInt(places), windowStart: start, windowEnd: start + 30, duration: 20, unassignedPenalty: 1,
                client: 0, allowedWorkers: [0])
        }
        let area = visits.indices.map { $0 % 3 }
        let areas = VisitAreas(area: area, related: [[0, 1], [0, 1], [2]])
        for areas in [nil, areas] {
            let lists = Neighbours.compute(visits: visits, travelTime: travel, count: count, timeSpan: span, areas: areas)
            for v in visits.indices {
                let related = areas.map { $0.related[$0.area[v]] } ?? [0]
                let start = visits[v].windowStart
                var scored: [(score: Int, w: Int)] = []
                for w in visits.indices where w != v && related.contains(areas?.area[w] ?? 0) {
                    let apart = abs(visits[w].windowStart - start)
                    if apart <= span { scored.append((travel[visits[v].location, visits[w].location] + apart / 2, w)) }
                }
                scored.sort { ($0.score, $0.w) < ($1.score, $1.w) }
                let expected: [Int] = scored.prefix(count).map { $0.w }
                #expect(lists[v] == expected, "visit \(v)")
            }
        }
    }
}

@Suite("Neighbour lists by area")
struct NeighbourAreasTests {
    /// With areas, a visit's neighbours are the visits of related areas only, in the order the
    /// unrestricted lists would give them (the lists of all-related areas equal the plain ones).
    @Test func onlyRelatedAreasAreNeighbours() {
        let instance = LineInstance.make(visits: 9, workers: 1)
        let plain = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 8, timeSpan: .max)
        // Visits 0–2 in area 0, 3–5 in area 1, 6–8 in area 2; 0 and 1 related, 2 alone.
        let areas = VisitAreas(area: [0, 0, 0, 1, 1, 1, 2, 2, 2], related: [[0, 1], [0, 1], [2]])
        let lists = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 8, timeSpan: .max, areas: areas)
        for v in 0..<9 {
            let allowed = Set(areas.related[areas.area[v]].flatMap { a in (0..<9).filter { areas.area[$0] == a } })
            #expect(lists[v] == plain[v].filter { allowed.contains($0) })
        }
        #expect(lists[7] == [6, 8])
        let together = VisitAreas(area: [0, 0, 0, 1, 1, 1, 2, 2, 2], related: [[0, 1, 2], [0, 1, 2], [0, 1, 2]])
        #expect(
            Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: .max, areas: together)
                == Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: .max))
    }

    /// The time span still applies within related areas.
    @Test func timeSpanAppliesWithinAreas() {
        let instance = LineInstance.make(visits: 4, workers: 1, windowStarts: [0, 50, 100, 101])
        let areas = VisitAreas(area: [0, 1, 0, 1], related: [[0, 1], [0, 1]])
        let lists = Neighbours.compute(visits: instance.visits, travelTime: instance.travelTime, count: 4, timeSpan: 50, areas: areas)
        #expect(lists[0] == [1])
        #expect(lists[1] == [0, 2])
        #expect(lists[3] == [2])
    }
}
