/// Every route of a solution as prefix and suffix stretches (`RouteSegment`), so that a move's
/// new routes are two or three stretches joined. Built from the routes' visit lists alone, as
/// time-warp local search changes them; the solution's own caches assume no warp.
///
/// Each kind is one flat array with room for the longest possible route per shift: with arrays
/// of arrays, which retain and release the inner array on reads, the search took 1.5 % more
/// instructions under callgrind (BENCHMARKS.md, "Issue 16, eleventh part"). The instance's parts
/// the moves read (each visit as a stretch, the shifts' ends, the one travel mode's matrices)
/// are precomputed here once, as immutable problem data.
struct RouteSegments {
    /// `visit[v]`: visit `v` alone; `start[s]` and `end[s]`: shift `s` leaving and ending.
    let visit: [RouteSegment]
    let start: [RouteSegment]
    let end: [RouteSegment]
    /// Travel time and cost (plain VRPTW has one travel mode, `WarpLocalSearch.applies(to:)`).
    let time: Matrix
    let cost: Matrix
    /// Each shift's capacity.
    let capacity: [Int]
    /// Entries per shift: every visit on one route, plus the empty prefix or suffix.
    private let perShift: Int
    private var prefixes: [RouteSegment]
    private var suffixes: [RouteSegment]
    /// `whole[s]`: all of shift `s`'s route.
    private(set) var whole: [RouteSegment]
    /// Time warped over all routes.
    private(set) var warp = 0
    /// The solution the stretches describe (held, so that no other solution can be taken for it
    /// at its address), and the version of each route they were built from
    /// (`SearchSolution.routeVersions`).
    private var owner: SearchSolution?
    private var versions: [Int]

    /// Room for the routes of `instance`'s solutions; nothing is built until `rebuildAll`.
    init(_ instance: SolverInstance) {
        visit = instance.visits.indices.map { RouteSegment.visit($0, in: instance) }
        start = instance.shifts.map(RouteSegment.start(of:))
        end = instance.shifts.map(RouteSegment.end(of:))
        time = instance.travelTime
        cost = instance.travelCost
        capacity = instance.shifts.map(\.capacity)
        perShift = instance.visits.count + 1
        prefixes = Array(
            repeating: RouteSegment.start(of: SolverShift(worker: 0, start: 0, end: 0, home: 0)), count: instance.shifts.count * perShift)
        suffixes = prefixes
        whole = start
        versions = Array(repeating: -1, count: instance.shifts.count)
    }

    /// Shift `s` leaving home, then its first `i` visits (`i` in `0...n`).
    @inline(__always) func prefix(_ s: Int, _ i: Int) -> RouteSegment { prefixes[s * perShift + i] }
    /// Visits `i..<n` of shift `s`, then its end (`i == n`: the end alone).
    @inline(__always) func suffix(_ s: Int, _ i: Int) -> RouteSegment { suffixes[s * perShift + i] }

    /// Rebuilds every route's stretches.
    mutating func rebuildAll(_ solution: SearchSolution) {
        owner = solution
        for s in solution.routes.indices { rebuild(s, solution) }
        warp = whole.reduce(0) { $0 + $1.warp }
    }

    /// Rebuilds the routes that changed since their stretches were built: between two calls of
    /// local search a ruin and recreate touch a few routes.
    mutating func rebuildChanged(_ solution: SearchSolution) {
        guard owner === solution else {
            rebuildAll(solution)
            return
        }
        for s in solution.routes.indices where versions[s] != solution.routeVersions[s] { rebuild(s, solution) }
    }

    /// Rebuilds shift `s`'s stretches after its visit list changed. O(visits).
    mutating func rebuild(_ s: Int, _ solution: SearchSolution) {
        let route = solution.routes[s]
        let n = route.count
        let base = s * perShift
        var segment = start[s]
        prefixes.withUnsafeMutableBufferPointer { prefixes in
            prefixes[base] = segment
            for (i, v) in route.enumerated() {
                segment = segment.then(visit[v], time: time, cost: cost)
                prefixes[base + i + 1] = segment
            }
        }
        let joined = segment.then(end[s], time: time, cost: cost)
        segment = end[s]
        suffixes.withUnsafeMutableBufferPointer { suffixes in
            suffixes[base + n] = segment
            for i in stride(from: n - 1, through: 0, by: -1) {
                segment = visit[route[i]].then(segment, time: time, cost: cost)
                suffixes[base + i] = segment
            }
        }
        versions[s] = solution.routeVersions[s]
        warp += joined.warp - whole[s].warp
        whole[s] = joined
    }

    /// Gives shifts `a` and `b` new visit lists in the solution (windows may be warped on the
    /// way) and rebuilds their stretches; returns how to undo it. Shared by the three moves.
    mutating func replace(_ a: Int, _ newA: [Int], _ b: Int, _ newB: [Int], in solution: SearchSolution) -> RouteChange {
        let old = solution.replaceRoutes(a, newA, b, newB)
        rebuild(a, solution)
        rebuild(b, solution)
        return RouteChange(a: a, oldA: old.a, b: b, oldB: old.b)
    }
}
