import CareModel
import CareSample
import CareSolver
import Testing

/// Travel from a caller's matrix, the trip home, and random weeks carrying every new part of
/// the format, all re-checked by the independent checker.
@Suite("Matrix travel, trips home and rich random weeks")
struct TravelSourceTests {
    /// An asymmetric matrix: the roster's travel is the matrix's legs, and the checker agrees.
    @Test func matrixTravel() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "12:00"))
        w.client("P1")
        w.client("P2")
        w.visit("V1", client: "P1", from: "08:00", to: "08:30")
        w.visit("V2", client: "P2", from: "08:00", to: "10:00")
        var problem = w.problem
        // C1 → P1 7, P1 → P2 11, P2 → P1 40 (one way streets), P2 → C1 3.
        problem.travel = .matrix(TravelMatrixModel(places: ["C1", "P1", "P2"], minutes: [[0, 7, 9], [8, 0, 11], [3, 40, 0]]))
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.map(\.visit) == ["V1", "V2"])
        #expect(roster.metrics.travelMinutes == 7 + 11)
        problem.carers[0].returnsHome = true
        let home = solveRoster(problem)
        #expect(RosterChecker.check(home, against: problem).violations == [])
        #expect(home.metrics.travelMinutes == 7 + 11 + 3)
        // The unpaid trip out and home: paid minutes are the two visits and the leg between.
        #expect(home.metrics.paidMinutes == 30 + 11 + 30)
    }

    /// A matrix that breaks the triangle inequality: P1 to P3 takes 90 minutes, by P2 ten. The
    /// search may not remove V2 from between them, which would make V3 unreachable in time.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func nonMetricMatrixKeepsRoutesOnTime(_ seed: UInt64) {
        var w = TinyWeek()
        w.carer("C1", shift: ("09:00", "12:00"))
        for id in ["P1", "P2", "P3"] { w.client(id) }
        w.visit("V1", client: "P1", from: "09:00", to: "09:00")
        w.visit("V2", client: "P2", from: "09:35", to: "09:40", minutes: 15)
        w.visit("V3", client: "P3", from: "09:50", to: "10:00")
        var problem = w.problem
        problem.travel = .matrix(
            TravelMatrixModel(
                places: ["C1", "P1", "P2", "P3"], minutes: [[0, 0, 0, 90], [0, 0, 5, 90], [0, 5, 0, 5], [90, 90, 5, 0]]))
        let roster = solveRoster(problem, seed: seed, iterations: 300)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.count == 3)
    }

    /// A carer who must be home by the shift's end cannot take a visit that ends too late to.
    @Test func homeByTheShiftsEnd() {
        var w = TinyWeek()
        w.carer("C1", shift: ("07:00", "09:00"), home: TinyWeek.north(5))
        w.client("P1")
        w.visit("V1", client: "P1", from: "08:00", to: "08:15", minutes: 45)
        var problem = w.problem
        #expect(solveRoster(problem).assignments.count == 1)
        problem.carers[0].returnsHome = true
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.assignments.isEmpty)
    }

    /// Generated weeks with links, lateness, time-critical visits, histories and a matrix of
    /// the haversine minutes with one leg in seven 45 minutes longer (asymmetric, and breaking
    /// the triangle inequality, so removing a visit can make a route late): every roster passes
    /// the checker, which recomputes every objective part.
    @Test(arguments: [UInt64(1), 2, 3])
    func richRandomWeeksAreValid(_ seed: UInt64) {
        var problem = SolveTests.sampleWeek("2026-W48", clients: 20, seed: seed)
        var rng = SplitMix64(seed: seed)
        for i in problem.visits.indices {
            switch rng.next() % 6 {
            case 0: problem.visits[i].lateAllowedMinutes = Int(rng.next() % 60) + 1
            case 1: problem.visits[i].timeCritical = true
            default: break
            }
        }
        var byClient: [String: [Problem.Visit]] = [:]
        for v in problem.visits { byClient[v.client, default: []].append(v) }
        problem.links = byClient.keys.sorted().compactMap { client in
            let visits = byClient[client]!.sorted { $0.windowStart < $1.windowStart }
            guard visits.count >= 2 else { return nil }
            return Problem.Link(
                first: visits[0].id, second: visits[1].id, minGapMinutes: 60, maxGapMinutes: 600, differentCarers: rng.next() % 2 == 0)
        }
        for k in problem.clients.indices where k % 2 == 0 {
            problem.clients[k].history = problem.carers.prefix(3).map { Problem.HistoryEntry(carer: $0.id, visits: 2) }
        }
        problem.weights.maxLateness = 2
        let places = problem.carers.map(\.id) + problem.clients.map(\.id)
        let refs = problem.carers.map { PlaceRef.carer($0.id) } + problem.clients.map { PlaceRef.client($0.id) }
        let minutes = refs.enumerated().map { i, a in
            refs.enumerated().map { j, b in i == j ? 0 : problem.travelMinutes(from: a, to: b, by: .car) + ((i * 31 + j * 17) % 7 == 0 ? 45 : 0) }
        }
        problem.travel = .matrix(TravelMatrixModel(places: places, minutes: minutes))
        let roster = solveRoster(problem, seed: seed, iterations: 200)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        #expect(roster.metrics.assigned > problem.visits.count / 2)
    }
}
