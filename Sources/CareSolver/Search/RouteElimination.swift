import CareModel

/// SISR's fleet minimisation (Christiaens & Vanden Berghe 2020), run after a stall on a copy of
/// a solution that serves every visit: one route is emptied and its visits are pushed into the
/// other routes by string removals (cut around a visit left out, where room is needed) and
/// blinking greedy insertion of every visit left out, with no empty route offered
/// (`SearchSolution.closedEmptyRoutes`). A step is kept when fewer visits are left out, or as
/// many whose absences (how many steps each has been left out so far) sum lower: the visits
/// hardest to place count most, so the search keeps trying to get exactly those in. The count
/// never rises: as first written, a step with more visits left out was kept whenever their
/// absences summed lower, and on rc103 the count grew to fifty and most attempts failed.
///
/// Why here: on Solomon's distance objective a trajectory can settle on one route more than
/// the best solutions use (rc103: twelve routes at 1276.05, where eleven give 1261.67), and
/// neither ruins nor crossovers empty a route while recreate may always open one again. A
/// success hands the trajectory a solution with one route fewer, perhaps longer; annealing
/// goes on from there and keeps it only while it pays.
///
/// One attempt runs a step per trajectory iteration (`step`), so the trajectory's clock,
/// iteration limit and progress reports hold throughout.
struct RouteElimination {
    /// The copy being worked on, every visit's absences, and the steps left.
    let solution: SearchSolution
    private var absences: [Int]
    private(set) var stepsLeft: Int
    private let strings: StringRemoval
    private let recreate = Recreate()

    /// Starts an attempt on a copy of the solution recorded in `slots` and `start`: empties one
    /// of its routes (of two drawn at random, the one with fewer visits). Nil when the solution
    /// leaves a visit out, has one route or none, `steps` is not positive, or the drawn route
    /// keeps a visit that may not leave it (see below).
    init?(
        _ instance: SolverInstance, slots: [Int], start: [Int], steps: Int, strings: StringRemoval, rng: inout SplitMix64
    ) {
        let copy = SearchSolution(instance)
        copy.load(slots: slots, start: start)
        let used = copy.routes.indices.filter { !copy.routes[$0].isEmpty }
        guard used.count > 1, copy.unassigned.isEmpty, steps > 0 else { return nil }
        let a = used[rng.nextInt(used.count)]
        let b = used[rng.nextInt(used.count)]
        let emptied = copy.routes[b].count < copy.routes[a].count ? b : a
        // As in `RouteCrossover`: double-ups and linked visits first (removing one may be refused
        // by the break rule or, with a caller's travel matrix, by a later visit's lateness, in
        // this route or the partner's); without them the route empties whole, and an empty route
        // keeps every rule, so the rest come off directly (`ruin` one by one could refuse a visit
        // for the half-emptied route in between).
        var removed: [(Int, Insertion)] = []
        for v in copy.routes[emptied] where instance.fixedStart[v] { copy.ruin(v, into: &removed) }
        guard copy.routes[emptied].allSatisfy({ !instance.fixedStart[$0] }) else { return nil }
        for v in copy.routes[emptied] { _ = copy.remove(v) }
        copy.closedEmptyRoutes = true
        solution = copy
        absences = Array(repeating: 0, count: instance.visits.count)
        stepsLeft = steps
        self.strings = strings
    }

    /// True when every visit is served again.
    var succeeded: Bool { solution.unassigned.isEmpty }

    /// One ruin and recreate of the copy, kept or undone as the type describes.
    mutating func step(orders: [(order: Recreate.Order, weight: Int)], rng: inout SplitMix64, buffer: inout [Candidate]) {
        guard stepsLeft > 0, !succeeded else { return }
        stepsLeft -= 1
        for v in solution.unassigned { absences[v] += 1 }
        let leftOut = solution.unassigned.count
        let absenceSum = solution.unassigned.reduce(0) { $0 + absences[$1] }
        // The strings are cut around a visit left out, where room is needed.
        let removed = strings.ruin(solution, rng: &rng, around: solution.unassigned[rng.nextInt(leftOut)])
        // Everything left out is offered, not only what the ruin freed.
        let placed = recreate.recreate(
            solution.unassigned, in: solution, order: Recreate.draw(orders, rng: &rng), rng: &rng, buffer: &buffer)
        let newLeftOut = solution.unassigned.count
        if newLeftOut < leftOut
            || newLeftOut == leftOut && solution.unassigned.reduce(0, { $0 + absences[$1] }) < absenceSum
        {
            return
        }
        for v in placed.reversed() { solution.remove(v) }
        for (v, restore) in removed.reversed() { solution.apply(v, restore) }
    }

    /// The copy, now with new routes allowed again: call once `succeeded`.
    func finished() -> SearchSolution {
        solution.closedEmptyRoutes = false
        return solution
    }
}
