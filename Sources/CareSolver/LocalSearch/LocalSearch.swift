/// Granular local search (Toth and Vigo's granular neighbourhoods, as in PyVRP and HGS): each
/// given visit `v` is tried against the visits on its neighbour list `u` only, with relocate
/// (`v` just before or after `u`), swap (`v` and `u`), and 2-opt* (the routes' tails exchanged so
/// that `u` comes just before `v`, or `v` just before `u`). The first move that lowers the
/// objective is applied; passes repeat until none does or `maxPasses` is reached. Moves stay
/// within feasible space and are evaluated before they are applied, in O(1) for relocate and
/// swap and O(1) plus the moved tails' continuity for 2-opt*.
struct LocalSearch {
    /// Neighbours of each visit tried (the instance keeps more; the nearest few hold most of
    /// the improving moves).
    var neighbourLimit = 20
    /// Passes over the given visits at most.
    var maxPasses = 4

    private var relocate = Relocate()
    private var swap = SwapVisits()
    private var twoOptStar = TwoOptStar()
    private var pairMoves: [(key: Int, by: Int)] = []

    /// Improves the routes around `visits`; appends each applied move to `journal`, whose
    /// entries undo them when replayed in reverse (`SearchSolution.undo`).
    mutating func improve(_ visits: [Int], in solution: SearchSolution, journal: inout [RouteChange]) {
        for _ in 0..<maxPasses {
            var improved = false
            for v in visits where solution.isAssigned(v) && solution.instance.visits[v].workersNeeded == 1 {
                if let change = firstImprovement(for: v, in: solution) {
                    journal.append(change)
                    improved = true
                }
            }
            if !improved { return }
        }
    }

    /// Applies the first improving move of `v` with one of its neighbours, if any.
    private mutating func firstImprovement(for v: Int, in solution: SearchSolution) -> RouteChange? {
        let a = solution.slots[SearchSolution.slot(v, 0)]
        let i = solution.position(of: v)
        let movable = Relocate.canMove(v, in: solution)
        for u in solution.instance.neighbours[v].prefix(neighbourLimit) where solution.isAssigned(u) {
            for k in 0..<SolverVisit.maxWorkers {
                let b = solution.slots[SearchSolution.slot(u, k)]
                if b < 0 { break }
                if b == a { continue }
                let j = solution.position(of: u, k)
                // Written out rather than looped over small arrays: this loop must not allocate.
                if movable {
                    if relocate.evaluate(v, to: b, at: j + 1, in: solution, bound: 0, pairMoves: &pairMoves) != nil {
                        return relocate.apply(v, to: b, at: j + 1, in: solution)
                    }
                    if relocate.evaluate(v, to: b, at: j, in: solution, bound: 0, pairMoves: &pairMoves) != nil {
                        return relocate.apply(v, to: b, at: j, in: solution)
                    }
                    if k == 0 && swap.evaluate(v, u, in: solution, bound: 0, pairMoves: &pairMoves) != nil {
                        return swap.apply(v, u, in: solution)
                    }
                }
                if twoOptStar.evaluate(a, cutA: i, b, cutB: j + 1, in: solution, bound: 0, pairMoves: &pairMoves) != nil {
                    return twoOptStar.apply(a, cutA: i, b, cutB: j + 1, in: solution)
                }
                if twoOptStar.evaluate(a, cutA: i + 1, b, cutB: j, in: solution, bound: 0, pairMoves: &pairMoves) != nil {
                    return twoOptStar.apply(a, cutA: i + 1, b, cutB: j, in: solution)
                }
            }
        }
        return nil
    }
}

extension SearchSolution {
    /// Undoes local-search moves, newest first.
    func undo<Journal: BidirectionalCollection<RouteChange>>(_ journal: Journal) {
        for change in journal.reversed() {
            replaceRoutes(change.a, change.oldA, change.b, change.oldB)
        }
    }
}
