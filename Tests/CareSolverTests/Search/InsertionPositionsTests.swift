import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// `SearchSolution.candidates`: the positions it offers are exactly the feasible ones, found
/// by an independent forward pass over each route with the visit put in. It skips the positions
/// before the first whose latest start leaves room by bisection; this shows none of them was a
/// feasible one.
@Suite("Insertion positions")
struct InsertionPositionsTests {
    /// Solomon's c101 (tight windows, capacities) and r201 (wide windows, long routes), half
    /// built at random: for every visit left out, the offered (shift, position) pairs equal the
    /// feasible ones.
    @Test(arguments: ["c101", "r201"])
    func offeredPositionsAreTheFeasibleOnes(_ name: String) throws {
        let text = try String(contentsOf: SolomonTests.directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let instance = try #require(SolomonInstance(text: text)).solverInstance()
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
