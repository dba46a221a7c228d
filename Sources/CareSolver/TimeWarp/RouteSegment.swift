/// A stretch of a route summarised so that two stretches join in O(1): Vidal et al.'s
/// time-window segments (PyVRP's `DurationSegment`) with the stretch's travel cost and load.
/// A move's new routes are a few cached stretches joined, so a move is priced without walking
/// a route.
///
/// Time warp: a route that reaches a visit after its window closes is taken to start it at the
/// close and to travel back in time by the difference. `warp` sums those differences; a route
/// with no warp keeps every window. The shift is a stretch too: its start (leaving home, no
/// earlier than the shift starts) and its end (home again, or the last visit's end when the shift
/// does not return home, no later than the shift ends).
struct RouteSegment: Equatable {
    /// Location of the first and of the last stop; -1 for a shift's end that does not return
    /// home, which is reached from the last visit at no travel and no cost.
    var first: Int
    var last: Int
    /// Travel cost inside the stretch.
    var cost: Int
    /// Time from the first stop's start to the last stop's end: service, travel and waiting, and
    /// the warped time counted as spent (the clock moves on by `duration - warp`).
    var duration: Int
    /// Time warped inside the stretch.
    var warp: Int
    /// The first stop's start may lie in `early...late` without adding waiting or warp.
    var early: Int
    var late: Int
    /// Summed demand.
    var load: Int

    /// Visit `v` alone.
    @inline(__always) static func visit(_ v: Int, in instance: SolverInstance) -> RouteSegment {
        RouteSegment(
            first: instance.location[v], last: instance.location[v], cost: 0, duration: instance.duration[v], warp: 0,
            early: instance.earliestStart[v], late: instance.latestStart[v], load: instance.demand[v])
    }

    /// Shift `shift` leaving home.
    @inline(__always) static func start(of shift: SolverShift) -> RouteSegment {
        RouteSegment(first: shift.home, last: shift.home, cost: 0, duration: 0, warp: 0, early: shift.start, late: shift.end, load: 0)
    }

    /// Shift `shift` ending: home by its end, or its last visit done by its end.
    @inline(__always) static func end(of shift: SolverShift) -> RouteSegment {
        let place = shift.returnsHome ? shift.home : -1
        return RouteSegment(first: place, last: place, cost: 0, duration: 0, warp: 0, early: shift.start, late: shift.end, load: 0)
    }

    /// Travel cost of going from location `from` to `to` (nothing to or from an open end).
    @inline(__always) static func link(_ from: Int, _ to: Int, cost: Matrix) -> Int {
        from < 0 || to < 0 ? 0 : cost[from, to]
    }

    /// The travel cost of this stretch followed by `next`: one matrix entry, where `then` joins
    /// time windows too. When no route a move touches warps, a move that does not lower travel
    /// cannot lower travel plus priced warp either, so the search asks this first.
    @inline(__always) func costThen(_ next: RouteSegment, cost travelCost: Matrix) -> Int {
        cost + next.cost + Self.link(last, next.first, cost: travelCost)
    }

    /// This stretch followed by `next`, travelling by `time` and `cost` between them.
    @inline(__always) func then(_ next: RouteSegment, time: Matrix, cost travelCost: Matrix) -> RouteSegment {
        let open = last < 0 || next.first < 0
        let leg = open ? 0 : time[last, next.first]
        // Where `next` starts, measured from this stretch's start; then the waiting `next` adds
        // when its window opens later, and the warp when it closes earlier.
        let reach = duration - warp + leg
        let wait = max(next.early - reach - late, 0)
        let warped = max(early + reach - next.late, 0)
        return RouteSegment(
            first: first, last: next.last, cost: cost + next.cost + (open ? 0 : travelCost[last, next.first]),
            duration: duration + next.duration + leg + wait, warp: warp + next.warp + warped,
            early: max(next.early - reach, early) - wait, late: min(next.late - reach, late) + warped, load: load + next.load)
    }
}
