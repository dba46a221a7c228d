import CareModel
import Foundation
import SolomonBenchmark
import Testing

@testable import CareSolver

/// `SearchSolution.candidates(oneEmptyTwin:)` offers, of empty twin shifts, only the first:
/// what it leaves out is the same insertion on another vehicle, and the best insertion is the
/// one every position would have given.
@Suite("Empty twin candidates")
struct EmptyTwinCandidatesTests {
    /// r201 half built at random (most of its 25 vehicles are then empty): for every visit left
    /// out, the collapsed offer is the full one less the empty twins after the first, each of
    /// which has an identical offer on the first; `bestInsertion` picks the full offer's best.
    @Test func leftOutOffersAreCopiesOfTheFirstEmptyTwin() throws {
        let instance = try SolomonTests.fixture("r201").solverInstance()
        let solution = SearchSolution(instance)
        var rng = SplitMix64(seed: 3)
        var buffer: [Candidate] = []
        let half = instance.visits.indices.filter { _ in rng.nextUnit() < 0.5 }
        _ = Recreate().recreate(half, in: solution, order: .random, rng: &rng, buffer: &buffer)
        let firstEmpty = try #require(instance.shifts.indices.first { solution.routes[$0].isEmpty })
        var leftOut = 0
        for v in instance.visits.indices where !solution.isAssigned(v) {
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer)
            let full = buffer
            solution.candidates(for: v, blink: 0, rng: &rng, into: &buffer, oneEmptyTwin: true)
            let collapsed = buffer
            let dropped = full.filter { solution.routes[$0.shift].isEmpty && $0.shift != firstEmpty }
            #expect(collapsed.map(\.shift) == full.filter { !dropped.map(\.shift).contains($0.shift) }.map(\.shift), "visit \(v)")
            for c in dropped {
                let kept = collapsed.first { $0.shift == firstEmpty }
                #expect(kept.map { [$0.position, $0.lo, $0.hi, $0.delta, $0.paid] } == [c.position, c.lo, c.hi, c.delta, c.paid])
            }
            leftOut += dropped.count
            let best = try #require(full.min { ($0.delta, $0.shift, $0.position) < ($1.delta, $1.shift, $1.position) })
            let chosen = try #require(solution.bestInsertion(for: v, blink: 0, rng: &rng, buffer: &buffer))
            #expect(chosen.places.map { [$0.0, $0.1] } == [[best.shift, best.position]], "visit \(v)")
            #expect(chosen.delta == best.delta && chosen.start == best.lo)
        }
        #expect(leftOut > 100)
    }
}
