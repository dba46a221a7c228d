import CareModel
import CareSample
import CareSolver
import Testing

/// Carers who walk, cycle or take the bus: the engine times each route by its carer's transport,
/// and the independent checker agrees.
@Suite("Travel by each carer's transport")
struct TransportTests {
    /// A client 3 km away: 10 minutes by car (3 × 1.35 km at 25 km/h), 51 on foot (at 4.8 km/h).
    /// The walker cannot reach a visit that starts 20 minutes into the shift; the driver can.
    @Test func aWalkerIsNeverGivenAVisitOnlyADriverReachesInTime() {
        var w = TinyWeek()
        w.carer("WALKER", shift: ("07:00", "12:00"))
        w.carer("DRIVER", shift: ("07:00", "12:00"))
        w.client("FAR", at: TinyWeek.north(3))
        w.client("NEAR")
        w.visit("V_FAR", client: "FAR", from: "07:20", to: "07:20")
        w.visit("V_NEAR", client: "NEAR", from: "07:00", to: "07:00")
        var problem = w.problem
        problem.carers[0].transport = .walk
        #expect(problem.travelMinutes(from: .carer("WALKER"), to: .client("FAR"), by: .walk) == 51)
        #expect(problem.travelMinutes(from: .carer("DRIVER"), to: .client("FAR"), by: .car) == 10)
        for seed in UInt64(1)...4 {
            let roster = solveRoster(problem, seed: seed)
            #expect(RosterChecker.check(roster, against: problem).violations == [])
            let far = roster.assignments.first { $0.visit == "V_FAR" }
            #expect(far?.carers == ["DRIVER"])
            #expect(roster.assignments.count == 2)
        }
        // The checker itself refuses the walker there.
        var forced = solveRoster(problem)
        for i in forced.assignments.indices where forced.assignments[i].visit == "V_FAR" { forced.assignments[i].carers = ["WALKER"] }
        for i in forced.assignments.indices where forced.assignments[i].visit == "V_NEAR" { forced.assignments[i].carers = ["DRIVER"] }
        #expect(RosterChecker.check(forced, against: problem).violations.contains("carer WALKER: no time to reach visit V_FAR"))
    }

    /// A double-up by a walker and a driver: each arrives by their own means and they start
    /// together, when the slower can be there.
    @Test func aDoubleUpOfAWalkerAndADriverStartsTogether() {
        var w = TinyWeek()
        w.carer("WALKER", shift: ("07:00", "12:00"))
        w.carer("DRIVER", shift: ("07:00", "12:00"))
        w.client("P1", at: TinyWeek.north(1))
        w.visit("V1", client: "P1", from: "07:00", to: "09:00", carers: 2)
        var problem = w.problem
        problem.carers[0].transport = .walk
        let walk = problem.travelMinutes(from: .carer("WALKER"), to: .client("P1"), by: .walk)
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
        let a = try? #require(roster.assignments.first)
        #expect(a?.carers.sorted() == ["DRIVER", "WALKER"])
        // Travel is each carer's own: the walker's 17 minutes and the driver's 4.
        #expect(walk == 17)
        #expect(roster.metrics.travelMinutes == walk + problem.travelMinutes(from: .carer("DRIVER"), to: .client("P1"), by: .car))
        #expect(a.flatMap { Instant(rfc3339: $0.start) }.map { TinyWeek.at("07:00").minutes(to: $0) >= walk } == true)
    }

    /// Each mode's overhead is added to every trip that moves, never to staying put; public
    /// transport adds the walk to and from the stops as well.
    @Test func overheadsAreAddedPerTrip() {
        var w = TinyWeek()
        w.carer("C1")
        w.client("P1", at: TinyWeek.north(2))
        w.client("SAME")
        var problem = w.problem
        // 2 km north, 2.7 km by road: 10.8 minutes at 15 km/h, 9.0 at 18 km/h (8.9996), 6.5 at 25 km/h.
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .cycle) == 11 + 2)
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .public) == 9 + 10 + 10)
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("SAME"), by: .public) == 0)
        problem.travelModes[.car] = TransportSetting(speedKmh: 25, overheadMinutes: 3)
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("P1"), by: .car) == 7 + 3)
        #expect(problem.travelMinutes(from: .carer("C1"), to: .client("SAME"), by: .car) == 0)
    }

    /// The engine's matrices equal `travelMinutes` for every pair and mode, under both models.
    @Test func compiledMatricesMatchTheProblemsMinutes() {
        var w = TinyWeek()
        for i in TransportMode.allCases.indices { w.carer("C\(i)", home: TinyWeek.north(Double(i) * 0.7)) }
        for i in 0..<4 { w.client("P\(i)", at: TinyWeek.north(Double(i) * 1.3 + 0.2)) }
        var problem = w.problem
        for (i, mode) in TransportMode.allCases.enumerated() { problem.carers[i].transport = mode }
        problem.travelModes[.walk] = TransportSetting(speedKmh: 4, overheadMinutes: 1)
        let places = problem.carers.map { PlaceRef.carer($0.id) } + problem.clients.map { PlaceRef.client($0.id) }
        func agree() {
            for mode in TransportMode.allCases {
                let m = TravelMatrix(problem: problem, mode: mode).minutes
                for (i, a) in places.enumerated() {
                    for (j, b) in places.enumerated() { #expect(m[i, j] == problem.travelMinutes(from: a, to: b, by: mode)) }
                }
            }
        }
        agree()
        let ids = places.map(\.id)
        let car = ids.indices.map { i in ids.indices.map { j in i == j ? 0 : 5 + i + 2 * j } }
        problem.travel = .matrix(
            TravelMatrixModel(
                places: ids, minutes: car,
                minutesByMode: [.walk: car.map { $0.map { $0 * 4 } }, .cycle: car.map { $0.map { $0 * 2 } }, .public: car.map { $0.map { $0 * 3 } }]
            ))
        agree()
        let roster = solveRoster(problem)
        #expect(RosterChecker.check(roster, against: problem).violations == [])
    }
}
