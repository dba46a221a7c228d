extension SearchSolution {
    /// Updates route `s`'s caches after a visit was put in at position `p` (already in
    /// `routes[s]`): what `refresh(s)` would compute, reached from `p` only.
    ///
    /// Earliest starts before `p` and latest starts after it cannot change; the passes stop as
    /// soon as a start equals the one cached (every start further along depends only on it and
    /// on visits unchanged). Cost, paid minutes and load move by the legs around `p`. A full
    /// `refresh` walked the whole route twice for each of the forty-odd insertions and removals
    /// of an iteration, more than a quarter of the search's instructions on Solomon.
    func refresh(_ s: Int, insertedAt p: Int) {
        let v = routes[s][p]
        let change = legs(of: v, in: s, at: p, next: p + 1)
        updateStarts(s, from: p, inserted: true)
        account(s, cost: change.cost, paid: change.paid, load: instance.demand[v])
    }

    /// Updates route `s`'s caches after visit `v` was taken out of position `p` (already gone
    /// from `routes[s]`), as `refresh(_:insertedAt:)` does for a visit put in.
    func refresh(_ s: Int, removedAt p: Int, visit v: Int) {
        let change = legs(of: v, in: s, at: p, next: p)
        updateStarts(s, from: p, inserted: false)
        account(s, cost: -change.cost, paid: -change.paid, load: -instance.demand[v])
    }

    /// What visit `v` at position `p` of route `s` adds to the route's travel cost and paid
    /// minutes, against the same route without it: `routes[s][next]` is the visit after it
    /// (`p + 1` with `v` in the route, `p` without). The leg from home is not paid, and the trip
    /// home, where it counts, leaves from the last visit (an empty route has none).
    private func legs(of v: Int, in s: Int, at p: Int, next: Int) -> (cost: Int, paid: Int) {
        // Read in place (`routes[s]`, the matrices and locations not copied into locals): each
        // copy retained and released its storage, and this runs for every insertion and removal.
        routes.withUnsafeBufferPointer { routesP in
            let shift = instance.shifts[s]
            let mode = shift.mode
            let n = routesP[s].count
            let here = instance.location[v]
            let prev = p == 0 ? shift.home : instance.location[routesP[s][p - 1]]
            // Visits in the route other than `v`.
            let others = n - (next - p)
            var cost = instance.cost(mode, prev, here)
            var paid = instance.duration[v]
            if next < n {
                let after = instance.location[routesP[s][next]]
                cost += instance.cost(mode, here, after) - instance.cost(mode, prev, after)
                if instance.paidTravel { paid += instance.time(mode, here, after) - (p > 0 ? instance.time(mode, prev, after) : 0) }
            } else if shift.returnsHome {
                cost += instance.cost(mode, here, shift.home) - (others > 0 ? instance.cost(mode, prev, shift.home) : 0)
            }
            if instance.paidTravel && p > 0 { paid += instance.time(mode, prev, here) }
            return (cost, paid)
        }
    }

    /// Opens (`inserted`) or closes the slot at `p` in route `s`'s earliest and latest starts and
    /// recomputes them from there: earliest forward from `p`, latest backward from the position
    /// before the first unchanged one. Writes the starts of visits without a fixed one.
    private func updateStarts(_ s: Int, from p: Int, inserted: Bool) {
        let shift = instance.shifts[s]
        let mode = shift.mode
        // Taken out of the class and put back, as in `refresh`: one access each, no copies.
        var e: [Int] = []
        var l: [Int] = []
        swap(&e, &earliest[s])
        swap(&l, &latest[s])
        if inserted {
            e.insert(0, at: p)
            l.insert(0, at: p)
        } else {
            e.remove(at: p)
            l.remove(at: p)
        }
        // The visit put in has no cached start to compare with; after a removal, the visit now
        // at `p` (or before it) has.
        let fresh = inserted ? p : -1
        // The route and the instance's columns read in place, as in `legs`: copies of them
        // retained and released their storage on every insertion and removal.
        routes.withUnsafeBufferPointer { routesP in
            let n = routesP[s].count
            var time = p == 0 ? shift.start : e[p - 1] + instance.duration[routesP[s][p - 1]]
            var loc = p == 0 ? shift.home : instance.location[routesP[s][p - 1]]
            e.withUnsafeMutableBufferPointer { e in
                start.withUnsafeMutableBufferPointer { start in
                    for i in p..<n {
                        let u = routesP[s][i]
                        // `window(u)`, read through the buffer: `start` is not touched as an
                        // array while this closure writes it.
                        let fixed = instance.fixedStart[u]
                        let lo = fixed && isAssigned(u) ? start[u] : instance.earliestStart[u]
                        let here = instance.location[u]
                        let begin = max(time + instance.time(mode, loc, here), lo)
                        if i != fresh && begin == e[i] { break }
                        e[i] = begin
                        if !fixed { start[u] = begin }
                        time = begin + instance.duration[u]
                        loc = here
                    }
                }
            }
            let last = inserted ? p : p - 1
            if last >= 0 {
                var next =
                    last == n - 1
                    ? shift.end - (shift.returnsHome ? instance.time(mode, instance.location[routesP[s][n - 1]], shift.home) : 0)
                    : l[last + 1] - instance.time(mode, instance.location[routesP[s][last]], instance.location[routesP[s][last + 1]])
                l.withUnsafeMutableBufferPointer { l in
                    for i in stride(from: last, through: 0, by: -1) {
                        let u = routesP[s][i]
                        let latestStart = min(window(u).hi, next - instance.duration[u])
                        if i != fresh && latestStart == l[i] { break }
                        l[i] = latestStart
                        if i > 0 { next = latestStart - instance.time(mode, instance.location[routesP[s][i - 1]], instance.location[u]) }
                    }
                }
            }
        }
        swap(&e, &earliest[s])
        swap(&l, &latest[s])
        tailsFresh[s] = false
        routeVersions[s] &+= 1
        positionsFresh[s] = false
    }

    /// Moves route `s`'s cost, paid minutes and load, and the totals they feed, by the change
    /// (also the end of the full `refresh`, with the differences it found).
    func account(_ s: Int, cost: Int, paid: Int, load: Int) {
        travelCost += cost
        routeCost[s] += cost
        routeLoad[s] += load
        routePaid[s] += paid
        let w = instance.shifts[s].worker
        let contracted = instance.workers[w].contracted
        let before = max(0, contracted - workerPaid[w])
        workerPaid[w] += paid
        shortfall += max(0, contracted - workerPaid[w]) - before
    }
}
