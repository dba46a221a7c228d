/// The O(1) pieces local-search moves are evaluated from: a route with a short span replaced,
/// a route's prefix, and a prefix joined to another route's tail. Each reads only the cached
/// earliest and latest starts and tails of the routes involved (see `RouteTails`), so a move is
/// priced without walking any route.
extension SearchSolution {
    /// Route `s`'s travel-cost and paid-time change when its visits strictly between positions
    /// `a` and `b` are replaced by visit `x` (or by nothing when `x` is -1), or nil when the
    /// route would then be late. `a` is -1 for the shift's start at home; `b` is the route's
    /// count for its end. `x` must not be in route `s`, and starts anywhere in its own window.
    func splice(_ s: Int, after a: Int, before b: Int, inserting x: Int) -> (cost: Int, paid: Int)? {
        let shift = instance.shifts[s]
        let route = routes[s]
        let n = route.count
        let tt = instance.travelTime(mode: shift.mode)
        let tc = instance.travelCost(mode: shift.mode)
        let (location, duration) = (instance.location, instance.duration)
        let paidTravel = instance.paidTravel
        var time = a < 0 ? shift.start : earliest[s][a] + duration[route[a]]
        var here = a < 0 ? shift.home : location[route[a]]
        var atHome = a < 0
        var cost = 0
        var paid = 0
        if x >= 0 {
            let to = location[x]
            let begin = max(time + tt[here, to], instance.earliestStart[x])
            if begin > instance.latestStart[x] { return nil }
            cost += tc[here, to]
            if !atHome && paidTravel { paid += tt[here, to] }
            paid += duration[x]
            time = begin + duration[x]
            here = to
            atHome = false
        }
        if b < n {
            let next = route[b]
            let to = location[next]
            if max(time + tt[here, to], window(next).lo) > latest[s][b] { return nil }
            cost += tc[here, to]
            if !atHome && paidTravel { paid += tt[here, to] }
        } else if !atHome {
            let back = shift.returnsHome ? tt[here, shift.home] : 0
            if time + back > shift.end { return nil }
            if shift.returnsHome { cost += tc[here, shift.home] }
        }
        // Take away what the replaced span cost.
        here = a < 0 ? shift.home : location[route[a]]
        atHome = a < 0
        for i in (a + 1)..<b {
            let v = route[i]
            cost -= tc[here, location[v]]
            if !atHome && paidTravel { paid -= tt[here, location[v]] }
            paid -= duration[v]
            here = location[v]
            atHome = false
        }
        if b < n {
            let to = location[route[b]]
            cost -= tc[here, to]
            if !atHome && paidTravel { paid -= tt[here, to] }
        } else if !atHome && shift.returnsHome {
            cost -= tc[here, shift.home]
        }
        return (cost, paid)
    }

    /// Route `s`'s first `count` visits: travel cost (from home, between them, and home when
    /// the shift returns there), paid time and load. O(1) from the route's totals and tails.
    func prefix(_ s: Int, count: Int) -> (cost: Int, paid: Int, load: Int) {
        let shift = instance.shifts[s]
        let route = routes[s]
        let n = route.count
        if count >= n { return (routeCost[s], routePaid[s], routeLoad[s]) }
        updateTails(s)
        let tt = instance.travelTime(mode: shift.mode)
        let tc = instance.travelCost(mode: shift.mode)
        let location = instance.location
        let entry = count == 0 ? shift.home : location[route[count - 1]]
        let first = location[route[count]]
        var cost = routeCost[s] - tails[s].cost[count] - tc[entry, first]
        if shift.returnsHome {
            cost -= tc[location[route[n - 1]], shift.home]
            if count > 0 { cost += tc[entry, shift.home] }
        }
        let paid = routePaid[s] - tails[s].paid[count] - (count > 0 && instance.paidTravel ? tt[entry, first] : 0)
        return (cost, paid, routeLoad[s] - tails[s].load[count])
    }

    /// Route `a`'s first `count` visits followed by route `b`'s visits from position `from`,
    /// worked as shift `a`: travel cost, paid time and load, or nil when it would be late.
    /// The tail's visits must be able to change shift (single-worker visits; the caller checks
    /// which workers may do them).
    func join(_ a: Int, keeping count: Int, tailOf b: Int, from: Int) -> (cost: Int, paid: Int, load: Int)? {
        let shift = instance.shifts[a]
        // A tail's cached times are its own worker's travel: a walker's tail is not a driver's.
        if shift.mode != instance.shifts[b].mode && from < routes[b].count { return nil }
        let head = prefix(a, count: count)
        let tailRoute = routes[b]
        if from >= tailRoute.count {
            // Nothing joins: the prefix alone, which was on time (its visits' starts stay),
            // unless the way home from its new last visit is longer than from the old one.
            if count > 0 && count < routes[a].count && shift.returnsHome {
                let last = routes[a][count - 1]
                let end =
                    earliest[a][count - 1] + instance.duration[last] + instance.travelTime(mode: shift.mode)[instance.location[last], shift.home]
                if end > shift.end { return nil }
            }
            return head
        }
        let tt = instance.travelTime(mode: shift.mode)
        let tc = instance.travelCost(mode: shift.mode)
        let location = instance.location
        let route = routes[a]
        let time = count == 0 ? shift.start : earliest[a][count - 1] + instance.duration[route[count - 1]]
        let here = count == 0 ? shift.home : location[route[count - 1]]
        let first = tailRoute[from]
        let begin = max(time + tt[here, location[first]], window(first).lo)
        updateTails(b)
        let tail = tails[b]
        if begin > tail.latest[from] { return nil }
        let finish = max(begin + tail.duration[from], tail.finish[from])
        let last = location[tailRoute[tailRoute.count - 1]]
        if finish + (shift.returnsHome ? tt[last, shift.home] : 0) > shift.end { return nil }
        var cost = head.cost + tc[here, location[first]] + tail.cost[from]
        if shift.returnsHome {
            cost += tc[last, shift.home]
            if count > 0 { cost -= tc[here, shift.home] }
        }
        let paid = head.paid + tail.paid[from] + (count > 0 && instance.paidTravel ? tt[here, location[first]] : 0)
        return (cost, paid, head.load + tail.load[from])
    }
}
