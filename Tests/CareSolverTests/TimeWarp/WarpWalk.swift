@testable import CareSolver

/// Travel cost and time warp of routes walked visit by visit, written independently of
/// `RouteSegment`: a visit reached after its window closes starts at the close, the difference
/// is warp; a shift's end passed is warp too.
enum WarpWalk {
    static func walk(_ route: [Int], shift s: Int, in instance: SolverInstance) -> (cost: Int, warp: Int, load: Int) {
        let shift = instance.shifts[s]
        let (tt, tc) = (instance.travelTime(mode: shift.mode), instance.travelCost(mode: shift.mode))
        var time = shift.start
        var loc = shift.home
        var cost = 0
        var warp = 0
        var load = 0
        for v in route {
            let visit = instance.visits[v]
            var begin = max(time + tt[loc, visit.location], visit.windowStart)
            if begin > visit.latestStart {
                warp += begin - visit.latestStart
                begin = visit.latestStart
            }
            cost += tc[loc, visit.location]
            load += visit.demand
            time = begin + visit.duration
            loc = visit.location
        }
        if shift.returnsHome {
            time += tt[loc, shift.home]
            cost += tc[loc, shift.home]
        }
        warp += max(0, time - shift.end)
        return (cost, warp, load)
    }

    /// Summed over every route of `solution`.
    static func total(_ solution: SearchSolution) -> (cost: Int, warp: Int) {
        solution.routes.indices.reduce((0, 0)) { sum, s in
            let w = walk(solution.routes[s], shift: s, in: solution.instance)
            return (sum.0 + w.cost, sum.1 + w.warp)
        }
    }
}
