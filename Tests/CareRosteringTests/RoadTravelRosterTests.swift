import CareModel
import CareRostering
import CareStore
import CareTestSupport
import Foundation
import Testing

/// A week in the hand-written town of `river-town.osm`: a walker and a driver, a client across
/// the river (three minutes over the footbridge on foot, six round by the road bridge) and one
/// out along the motorway (five minutes by car, an hour on foot). Generate uses the road
/// minutes once `travel matrix` has cached them, and each visit goes to the one carer who can
/// be there in time.
@Suite("Rostering on a road network")
struct RoadTravelRosterTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CareStoreTests/Travel/river-town.osm").path
    static let week = ISOWeek(iso: "2026-W48")!
    static let home = GeoPoint(latitude: 53.10105, longitude: -2.03005)!
    static let acrossTheRiver = GeoPoint(latitude: 53.09895, longitude: -2.03000)!
    static let motorwayEnd = GeoPoint(latitude: 53.10100, longitude: -1.97000)!

    /// Hub LEEK with carers W (walks) and D (drives), both home at North Street, on 07:00–12:00
    /// on Monday; client ACROSS with a call at 07:05, client FAR with one at 07:08.
    static func town() throws -> (TestDatabase, Connection) {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "LEEK", name: "Leek", location: home))
        let monday = week.monday
        for (id, transport) in [("W", TransportMode.walk), ("D", .car)] {
            var carer = Carer(
                externalID: id, hubCode: "LEEK", givenName: id, familyName: "Carer", gender: .female, home: home, contract: .permanent,
                zeroHours: false, contractedMinutesPerWeek: 0, maxMinutesPerWeek: 2400, hourlyRatePence: 1300,
                startDate: LocalDate(iso: "2020-01-06")!)
            carer.transport = transport
            try CarerRepository(db).upsert(carer)
            try ShiftRepository(db).insert(LocalShift(carerID: id, date: monday, start: LocalTime(hour: 7, minute: 0)!, minutes: 300))
        }
        for (id, place, minute) in [("ACROSS", acrossTheRiver, 5), ("FAR", motorwayEnd, 8)] {
            try ClientRepository(db).upsert(
                Client(
                    externalID: id, hubCode: "LEEK", givenName: id, familyName: "Client", postcode: "ST13 5AA", location: place,
                    funding: .council))
            let call = VisitTemplate(
                weekday: .monday, windowStart: LocalTime(hour: 7, minute: minute)!, windowEnd: LocalTime(hour: 7, minute: minute + 1)!,
                durationMinutes: 30)
            try PackageRepository(db).upsert(
                CarePackage(externalID: "K-\(id)", clientID: id, validFrom: LocalDate(iso: "2026-01-05")!, visits: [call]))
        }
        _ = try VisitPlanner(db).plan(week: week)
        return (test, db)
    }

    /// Who does each client's visit, by client id.
    static func carers(_ group: RosterWorkflow.Generated.Group) -> [String: [String]] {
        let client = Dictionary(uniqueKeysWithValues: group.problem.visits.map { ($0.id, $0.client) })
        return Dictionary(uniqueKeysWithValues: group.roster.assignments.map { (client[$0.visit]!, $0.carers) })
    }

    @Test func roadMinutesDecideWhoGoesWhere() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        let search = RosterWorkflow.SearchSettings(seed: 1, iterations: 200)
        // No network: straight-line travel, and nothing to say about it.
        let straight = try RosterWorkflow.generate(db, hubs: ["LEEK"], week: Self.week, search: search, actor: "test")
        #expect(straight.notices.isEmpty)
        #expect(straight.groups[0].problem.travel == .standard)
        // A network but no cached minutes: straight line, and a notice saying what to run.
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        let uncached = try RosterWorkflow.generate(db, hubs: ["LEEK"], week: Self.week, search: search, actor: "test")
        #expect(uncached.notices.count == 1 && uncached.notices[0].contains("carehub travel matrix --hub LEEK"))
        #expect(uncached.groups[0].problem.travel == .standard)

        let runs = try RoadTravelWorkflow.computeMatrix(db, hubs: ["LEEK"])
        #expect(runs.map(\.mode) == [.car, .walk])
        // By car every home; on foot the walker's and the clients'.
        #expect(runs.map(\.places) == [4, 3])
        let road = try RosterWorkflow.generate(db, hubs: ["LEEK"], week: Self.week, search: search, actor: "test")
        #expect(road.notices.isEmpty)
        let group = try #require(road.groups.first)
        guard case .matrix(let matrix) = group.problem.travel else {
            Issue.record("generate did not use the road minutes")
            return
        }
        #expect(Set(matrix.minutesByMode.keys) == [.walk])
        let minutes = { (mode: TransportMode, from: PlaceRef, to: PlaceRef) in group.problem.travelMinutes(from: from, to: to, by: mode) }
        #expect(minutes(.walk, .carer("W"), .client("ACROSS")) == 3 && minutes(.car, .carer("D"), .client("ACROSS")) == 6)
        #expect(minutes(.car, .carer("D"), .client("FAR")) <= 8 && minutes(.walk, .carer("W"), .client("FAR")) > 60)
        // The checker (which generate runs) accepts it, and each visit has the only carer who can be there.
        #expect(RosterChecker.check(group.roster, against: group.problem).violations == [])
        #expect(Self.carers(group) == ["ACROSS": ["W"], "FAR": ["D"]])
        // The stored problem carries the road minutes, so publishing finds it up to date.
        try RosterWorkflow.publish(db, hub: "LEEK", week: Self.week, version: 3, force: false, actor: "test")
        // The walker's own link: their slice of the problem names only them and their client,
        // with the minutes between those two homes, and still reads as a problem.
        let token = try #require(try CarerLinkRepository(db).issue(carer: "W"))
        let week = try #require(try CarerLinkReader(try test.connect()).read(token: token))
        let text = try #require(week.rosters.first?.problemText)
        let mine = try ProblemDecoder.decode(Data(text.utf8), file: "carer link", strictIDs: false)
        guard case .matrix(let slice) = mine.travel else {
            Issue.record("the carer's slice lost its travel")
            return
        }
        #expect(slice.places.sorted() == ["ACROSS", "W"])
        #expect(mine.travelMinutes(from: .carer("W"), to: .client("ACROSS"), by: .walk) == 3)
        #expect(!text.contains("\"FAR\"") && !text.contains("\"D\""))
    }

    /// A hub's own walking speed and overheads reach the problem, and scale the road minutes.
    @Test func hubSettingsReachTheProblem() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        _ = try RoadTravelWorkflow.computeMatrix(db, hubs: ["LEEK"])
        let hubs = HubTransportRepository(db)
        #expect(try hubs.set(hubCode: "LEEK", mode: .walk, TransportSetting(speedKmh: 4.0, overheadMinutes: 1)))
        #expect(try hubs.set(hubCode: "LEEK", mode: .car, TransportSetting(speedKmh: 25, overheadMinutes: 2)))
        let problem = try WeekProblemLoader(db).load(hubCodes: ["LEEK"], week: Self.week)
        #expect(problem.travelModes[.walk] == TransportSetting(speedKmh: 4.0, overheadMinutes: 1))
        // 166.9 s over the footbridge at 4.8 km/h is 200.3 s at 4.0: 4 minutes, and 1 to set off.
        #expect(problem.travelMinutes(from: .carer("W"), to: .client("ACROSS"), by: .walk) == 4 + 1)
        #expect(problem.travelMinutes(from: .carer("D"), to: .client("ACROSS"), by: .car) == 6 + 2)
        try hubs.reset(hubCode: "LEEK", mode: .walk)
        #expect(try hubs.settings(hubCode: "LEEK")[.walk] == TransportSettings.defaults[.walk])
        #expect(try !hubs.set(hubCode: "NOWHERE", mode: .walk, TransportSetting(speedKmh: 4.0)))
    }

    /// Hubs computed together are routed once, and each gets the pairs under its own row-level
    /// security and its own audited run.
    @Test func hubsComputedTogetherEachGetThePairs() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        try HubRepository(db).upsert(Hub(code: "CHEA", name: "Cheadle", location: Self.home))
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        let runs = try RoadTravelWorkflow.computeMatrix(db, hubs: ["LEEK", "CHEA"])
        #expect(runs.map(\.mode) == [.car, .walk])
        let rows = try db.query(
            """
            SELECT h.code, count(m.*)::int AS pairs, (SELECT count(*)::int FROM travel_matrix_runs r WHERE r.hub_id = h.id) AS runs
            FROM hubs h LEFT JOIN travel_vertex_minutes m ON m.hub_id = h.id GROUP BY h.id, h.code ORDER BY h.code
            """
        ).rows
        let counts = try rows.map { "\(try $0.decode("code") as String) \(try $0.decode("pairs") as Int) \(try $0.decode("runs") as Int)" }
        // Car: 3 vertices (the carers share one), 6 pairs; walk: the walker's and 2 clients', 6 pairs.
        #expect(counts == ["CHEA 12 2", "LEEK 12 2"])
    }

    /// A client whose id is also a carer's: a matrix names places by id alone, so the week keeps
    /// the straight line and says why.
    @Test func sharedIDsKeepTheStraightLine() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        try ClientRepository(db).upsert(
            Client(
                externalID: "W", hubCode: "LEEK", givenName: "Wyn", familyName: "Client", postcode: "ST13 5AA", location: Self.home, funding: .council
            ))
        let call = VisitTemplate(
            weekday: .monday, windowStart: LocalTime(hour: 9, minute: 0)!, windowEnd: LocalTime(hour: 10, minute: 0)!, durationMinutes: 30)
        try PackageRepository(db).upsert(CarePackage(externalID: "K-W", clientID: "W", validFrom: LocalDate(iso: "2026-01-05")!, visits: [call]))
        _ = try VisitPlanner(db).plan(week: Self.week)
        _ = try RoadTravelWorkflow.computeMatrix(db, hubs: ["LEEK"])
        var notices: [String] = []
        let problem = try WeekProblemLoader(db).load(hubCodes: ["LEEK"], week: Self.week, notices: &notices)
        #expect(problem.travel == .standard)
        #expect(notices.count == 1 && notices[0].contains("a carer and a client share an id"))
    }

    /// A client outside the extract: the matrix names them and stores nothing; generate keeps
    /// the straight line and says why.
    @Test func aPlaceOutsideTheExtractStoresNothing() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        try ClientRepository(db).upsert(
            Client(
                externalID: "OUT", hubCode: "LEEK", givenName: "Out", familyName: "Client", postcode: "ST10 1AA",
                location: GeoPoint(latitude: 52.98, longitude: -1.99)!, funding: .council))
        let call = VisitTemplate(
            weekday: .tuesday, windowStart: LocalTime(hour: 9, minute: 0)!, windowEnd: LocalTime(hour: 10, minute: 0)!, durationMinutes: 30)
        try PackageRepository(db).upsert(CarePackage(externalID: "K-OUT", clientID: "OUT", validFrom: LocalDate(iso: "2026-01-05")!, visits: [call]))
        #expect(throws: TravelError.farPlaces(mode: .car, places: ["client OUT"], limitMetres: 1000)) {
            try RoadTravelWorkflow.computeMatrix(db, hubs: ["LEEK"])
        }
        let stored: Int = try db.query(
            "SELECT (SELECT count(*) FROM travel_vertex_minutes) + (SELECT count(*) FROM travel_matrix_runs) AS n"
        ).rows[0].decode("n")
        #expect(stored == 0)
    }

    /// A manager computes their own hub's minutes through the database's policies; each run is
    /// in the audit trail. A manager of another hub cannot.
    @Test func managersComputeTheirOwnHubAndRunsAreAudited() throws {
        let (test, db) = try Self.town()
        defer { withExtendedLifetime(test) {} }
        try HubRepository(db).upsert(Hub(code: "CHEA", name: "Cheadle", location: Self.home))
        _ = try RoadNetworkLoader(db).load(file: Self.fixture)
        let people = PeopleRepository(db)
        try people.add(name: "Lee Manager", email: "lee@leek.example", role: .manager, hubCodes: ["LEEK"])
        try people.add(name: "Che Manager", email: "che@chea.example", role: .manager, hubCodes: ["CHEA"])
        let lee = try test.connect()
        lee.actingPerson = try people.activePerson(email: "lee@leek.example")
        let runs = try RoadTravelWorkflow.computeMatrix(lee, hubs: ["LEEK"])
        #expect(runs.map(\.places) == [4, 3] && runs.allSatisfy { $0.pairs > 0 })
        let audited: Int = try db.query(
            "SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'travel_matrix_runs' AND action = 'insert' AND person_id IS NOT NULL"
        ).rows[0].decode("n")
        #expect(audited == 2)
        let che = try test.connect()
        che.actingPerson = try people.activePerson(email: "che@chea.example")
        #expect(throws: (any Error).self) { try RoadTravelWorkflow.computeMatrix(che, hubs: ["LEEK"]) }
        // Which vertices Leek has minutes for tells where its people live: Cheadle's manager sees none of them.
        let seen: Int = try che.transaction { db in try db.query("SELECT count(*)::int AS n FROM travel_vertex_minutes").rows[0].decode("n") }
        let leeks: Int = try lee.transaction { db in try db.query("SELECT count(*)::int AS n FROM travel_vertex_minutes").rows[0].decode("n") }
        #expect(seen == 0 && leeks > 0)
    }
}
