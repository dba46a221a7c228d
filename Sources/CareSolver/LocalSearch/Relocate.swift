/// Relocate: one visit leaves its route for a position in another route (next to one of its
/// neighbours). Only single-worker visits whose start is free move: a double-up's or a linked
/// visit's start is fixed by others, and so is a visit that may be late.
struct Relocate {
    /// The objective change of moving `v` into shift `target` at `position` (a position of the
    /// target route as it is now), or nil when the move is infeasible or does not beat `bound`
    /// (the break rule, which needs a walk of each route, is checked only below the bound).
    func evaluate(
        _ v: Int, to target: Int, at position: Int, in solution: SearchSolution, bound: Int, pairMoves: inout [(key: Int, by: Int)]
    ) -> Int? {
        if !Self.canMove(v, in: solution) { return nil }
        let source = solution.slots[SearchSolution.slot(v, 0)]
        if source == target { return nil }
        let i = solution.position(of: v)
        let from = solution.instance.shifts[source].worker
        let to = solution.instance.shifts[target].worker
        if from != to && !solution.canChangeWorker(v, to: to) { return nil }
        if solution.routeLoad[target] + solution.instance.demand[v] > solution.instance.shifts[target].capacity { return nil }
        guard let out = solution.splice(source, after: i - 1, before: i + 1, inserting: -1),
            let into = solution.splice(target, after: position - 1, before: position, inserting: v),
            let paid = solution.paidChange(source, by: out.paid, target, by: into.paid)
        else { return nil }
        var delta = solution.instance.weights.travel * (out.cost + into.cost) + paid
        if from != to && solution.workerMattersBeyondTime {
            pairMoves.removeAll(keepingCapacity: true)
            delta += solution.collectWorkerChange(of: solution.routes[source], i..<(i + 1), from: from, to: to, into: &pairMoves)
            delta += solution.continuityChange(pairMoves)
        }
        if delta >= bound { return nil }
        let window = (solution.instance.earliestStart[v], solution.instance.latestStart[v])
        guard solution.breakRuleHolds(source, inserting: nil, at: 0, window: (0, 0), removingAt: i),
            solution.breakRuleHolds(target, inserting: v, at: position, window: window, removingAt: nil)
        else { return nil }
        return delta
    }

    /// Moves `v` into shift `target` at `position`; returns how to undo it.
    func apply(_ v: Int, to target: Int, at position: Int, in solution: SearchSolution) -> RouteChange {
        let source = solution.slots[SearchSolution.slot(v, 0)]
        var newSource = solution.routes[source]
        newSource.remove(at: solution.position(of: v))
        var newTarget = solution.routes[target]
        newTarget.insert(v, at: position)
        let old = solution.replaceRoutes(source, newSource, target, newTarget)
        return RouteChange(a: source, oldA: old.a, b: target, oldB: old.b)
    }

    /// True when `v` is assigned to one worker and its start is its own to choose.
    static func canMove(_ v: Int, in solution: SearchSolution) -> Bool {
        solution.isAssigned(v) && solution.instance.visits[v].workersNeeded == 1 && !solution.instance.fixedStart[v]
    }
}

/// One applied local-search move, as the two routes it changed and their lists before it.
struct RouteChange {
    let a: Int
    let oldA: [Int]
    let b: Int
    let oldB: [Int]
}
