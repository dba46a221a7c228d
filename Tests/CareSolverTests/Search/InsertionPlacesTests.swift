import Testing

@testable import CareSolver

/// `InsertionPlaces`, the inline (shift, position) pairs of an insertion.
@Suite("Insertion places")
struct InsertionPlacesTests {
    /// It holds as many places as a visit may have workers, in the order they were appended.
    @Test func holdsEveryWorkerOfAVisitInOrder() {
        #expect(InsertionPlaces.capacity >= SolverVisit.maxWorkers)
        var places = InsertionPlaces()
        #expect(places.isEmpty)
        for k in 0..<SolverVisit.maxWorkers { places.append((shift: 10 + k, position: k)) }
        #expect(places.count == SolverVisit.maxWorkers)
        #expect(places.map(\.shift) == (0..<SolverVisit.maxWorkers).map { 10 + $0 })
        #expect(places.map(\.position) == Array(0..<SolverVisit.maxWorkers))
        let one = InsertionPlaces(4, 7)
        #expect(one.count == 1 && one[0].shift == 4 && one[0].position == 7)
    }
}
