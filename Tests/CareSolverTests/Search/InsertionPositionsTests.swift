import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// `SearchSolution.candidates`: the positions it offers are exactly the feasible ones, found
/// by an independent forward pass over each route with the visit put in. It skips the positions
/// before the first whose latest start leaves room by bisection; this shows none of them was a
/// feasible one. On a care week, it also shows links, pinned carers, fixed shared starts, the
/// paid cap and each worker's travel mode are respected, and nothing else is refused.
@Suite("Insertion positions")
struct InsertionPositionsTests {
    /// Solomon's c101 (tight windows, capacities) and r201 (wide windows, long routes), half
    /// built at random: for every visit left out, the offered (shift, position) pairs equal the
    /// feasible ones.
    @Test(arguments: ["c101", "r201"])
    func offeredPositionsAreTheFeasibleOnes(_ name: String) throws {
        let instance = try SolomonTests.fixture(name).solverInstance()
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 5)
        var buffer: [Candidate] = []
        let half = instance.visits.indices.filter { _ in rng.nextUnit() < 0.5 }
        _ = Recreate().recreate(half, in: solution, order: .random, rng: &rng, buffer: &buffer)
        var checked = 0
        for v in instance.visits.indices where !solution.isAssigned(v) {
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
            let offered = Set(buffer.map { [$0.shift, $0.position] })
            var feasible: Set<[Int]> = []
            for s in instance.shifts.indices where instance.candidateShifts[v].contains(s) {
                for p in 0...solution.routes[s].count where Self.fits(v, in: s, at: p, solution) { feasible.insert([s, p]) }
            }
            #expect(offered == feasible, "visit \(v)")
            checked += feasible.count
        }
        #expect(checked > 100)
    }

    /// A care week with everything `candidates` must respect beyond Solomon's rules: links (a
    /// partner's start bounds the visit's, and a different-carers link bars the partner's carer),
    /// pinned carers, double-ups' fixed shared starts, lateness, the weekly paid cap and a walker
    /// among drivers (each route timed by its own worker's travel). Half built at random; for
    /// every visit left out, the offered (shift, position) pairs equal the ones `careFits` finds.
    @Test(arguments: [UInt64(5), 6])
    func careWeekOffersTheFeasiblePositions(_ seed: UInt64) {
        let instance = ContinuityMovesTests.richInstance(seed: seed, mixedModes: true, pinned: true)
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: seed)
        var buffer: [Candidate] = []
        let half = instance.visits.indices.filter { _ in rng.nextUnit() < 0.5 }
        _ = Recreate().recreate(half, in: solution, order: .random, rng: &rng, buffer: &buffer)
        #expect(instance.links.contains { solution.isAssigned($0.first) != solution.isAssigned($0.second) })
        #expect(instance.shifts.contains { $0.mode != 0 } && instance.paidTravel)
        var checked = 0
        // Cases where a rule, not time, decided: a pin left other carers' shifts out, or an
        // assigned partner bounded the start.
        var (pinRuledOut, linkBounded) = (0, 0)
        for v in instance.visits.indices where !solution.isAssigned(v) {
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
            let offered = Set(buffer.map { [$0.shift, $0.position] })
            var feasible: Set<[Int]> = []
            for s in instance.candidateShifts[v] {
                for p in 0...solution.routes[s].count where Self.careFits(v, in: s, at: p, solution) { feasible.insert([s, p]) }
            }
            #expect(offered == feasible, "visit \(v)")
            checked += feasible.count
            if let pin = instance.visits[v].pinnedWorkers.first, instance.candidateShifts[v].contains(where: { instance.shifts[$0].worker != pin }) {
                pinRuledOut += 1
            }
            if instance.linksOf[v].contains(where: { solution.isAssigned(instance.links[$0].partner(of: v)) }) { linkBounded += 1 }
        }
        #expect(checked > 100 && pinRuledOut > 0 && linkBounded > 0)
    }

    /// Route `s` with `v` put in at `p`, in a care week: `careFits` recomputes from the routes and
    /// starts alone (not from the solution's caches) the pinned carer, the links, the load, the
    /// worker's paid minutes over all their shifts, and a forward pass in the shift's own travel
    /// mode where a visit with a fixed shared start keeps it.
    static func careFits(_ v: Int, in s: Int, at p: Int, _ solution: SearchSolution) -> Bool {
        let instance = solution.instance
        let shift = instance.shifts[s]
        let visit = instance.visits[v]
        if visit.workersNeeded == 1, let pinned = visit.pinnedWorkers.first, pinned != shift.worker { return false }
        var lo = instance.earliestStart[v]
        var hi = instance.latestStart[v]
        for link in instance.links where link.first == v || link.second == v {
            let partner = link.first == v ? link.second : link.first
            guard solution.isAssigned(partner) else { continue }
            let other = solution.start[partner]
            if link.second == v {
                (lo, hi) = (max(lo, other + link.minGap), min(hi, other + link.maxGap))
            } else {
                (lo, hi) = (max(lo, other - link.maxGap), min(hi, other - link.minGap))
            }
            if link.differentWorkers && solution.shifts(of: partner).contains(where: { instance.shifts[$0].worker == shift.worker }) {
                return false
            }
        }
        var route = solution.routes[s]
        route.insert(v, at: p)
        if route.reduce(0, { $0 + instance.demand[$1] }) > shift.capacity { return false }
        let tt = instance.travelTime(mode: shift.mode)
        var paid = 0
        for t in instance.shifts.indices where instance.shifts[t].worker == shift.worker {
            let visits = t == s ? route : solution.routes[t]
            let legs = zip(visits, visits.dropFirst()).map {
                instance.travelTime(mode: instance.shifts[t].mode)[instance.location[$0], instance.location[$1]]
            }
            paid += visits.reduce(0) { $0 + instance.duration[$1] } + (instance.paidTravel ? legs.reduce(0, +) : 0)
        }
        if paid > instance.workers[shift.worker].maxPaid { return false }
        var time = shift.start
        var here = shift.home
        for u in route {
            var (first, last) = u == v ? (lo, hi) : (instance.earliestStart[u], instance.latestStart[u])
            if u != v && instance.fixedStart[u] { (first, last) = (solution.start[u], solution.start[u]) }
            let begin = max(time + tt[here, instance.location[u]], first)
            if begin > last { return false }
            time = begin + instance.duration[u]
            here = instance.location[u]
        }
        return time + (shift.returnsHome ? tt[here, shift.home] : 0) <= shift.end
    }

    /// Route `s` with `v` put in at `p`: every visit starts by its latest start, the worker is
    /// home by the shift's end, and the load fits.
    static func fits(_ v: Int, in s: Int, at p: Int, _ solution: SearchSolution) -> Bool {
        let instance = solution.instance
        let shift = instance.shifts[s]
        var route = solution.routes[s]
        route.insert(v, at: p)
        if route.reduce(0, { $0 + instance.demand[$1] }) > shift.capacity { return false }
        var time = shift.start
        var here = shift.home
        for u in route {
            let begin = max(time + instance.travelTime[here, instance.location[u]], instance.earliestStart[u])
            if begin > instance.latestStart[u] { return false }
            time = begin + instance.duration[u]
            here = instance.location[u]
        }
        return time + (shift.returnsHome ? instance.travelTime[here, shift.home] : 0) <= shift.end
    }
}
