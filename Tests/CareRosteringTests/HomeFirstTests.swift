import CareModel
import CareRostering
import CareStore
import Testing

/// Home First from the record: a pathway-1 discharge becomes a client's reablement package with
/// visits in the next 24 hours at Home First priority, which the next rebalance run staffs; its
/// journey and the Better Care Fund measures follow from it.
@Suite("Home First from a discharge")
struct HomeFirstTests {
    static let now = RebalanceTests.monday6

    static func discharge(_ db: Connection, _ id: String, pathway: Int = 1, on day: String = "2026-11-23") throws {
        try DischargeRepository(db).upsert(
            HospitalDischarge(
                externalID: id, hubCode: "STAF", ageAtDischarge: 84, dischargeReady: nil, discharged: LocalDate(iso: day)!, pathway: pathway,
                reablementStart: nil, statusAt91: nil))
    }

    static let newClient = Client(
        externalID: "P-HF-0001", hubCode: "", givenName: "Edith", familyName: "Shaw", postcode: "ST16 2AB",
        location: GeoPoint(latitude: 52.8064, longitude: -2.1171)!, funding: .bcfPooled)

    @Test func aDischargeBecomesVisitsThatRebalancePlaces() throws {
        let c = try RebalanceTests.published()
        try Self.discharge(c.db, "D-0001")
        let admission = HomeFirst.Admission(dischargeID: "D-0001", clientID: "P-HF-0001", newClient: Self.newClient)
        #expect(try c.db.transaction { db in try HomeFirst.admit(db, admission, now: Self.now) } == .new)
        // Visits from now on only, at Home First priority; the first within 24 hours.
        let visits = try c.db.query(
            """
            SELECT v.id, v.window_start, v.window_end, v.priority FROM visits v JOIN clients c ON c.id = v.client_id
            WHERE c.external_id = 'P-HF-0001' ORDER BY v.window_start
            """
        ).rows
        #expect(visits.count == 4 * 7)  // Monday to Sunday of W48, four calls a day (Monday's am window ends 09:30 UK time, after 06:00)
        let starts: [Instant] = try visits.map { try $0.decode("window_start") }
        #expect(try visits.allSatisfy { try $0.decode("priority", as: String.self) == "home_first" })
        #expect(try visits.allSatisfy { try $0.decode("window_end", as: Instant.self) > Self.now })
        #expect(starts[0] < Self.now.adding(minutes: 24 * 60))
        // The discharge is linked, reablement started, the journey begun.
        let linked: Bool = try c.db.query(
            """
            SELECT client_id = (SELECT id FROM clients WHERE external_id = 'P-HF-0001') AND reablement_start = discharge_date AS ok
            FROM hospital_discharges WHERE external_id = 'D-0001'
            """
        ).rows[0].decode("ok")
        #expect(linked)
        let journey = try JourneyRepository(c.db).episodes(clientExternalID: "P-HF-0001")
        #expect(journey.map(\.kind) == [.hospitalDischarge, .reablement] && journey.allSatisfy { $0.dischargeID == "D-0001" })
        // Again: nothing changes; nor does importing the discharges file again, which has no client.
        #expect(try c.db.transaction { db in try HomeFirst.admit(db, admission, now: Self.now) } == .unchanged)
        try Self.discharge(c.db, "D-0001")
        #expect(try c.db.transaction { db in try HomeFirst.admit(db, admission, now: Self.now) } == .unchanged)
        // The next rebalance run staffs the new visits, Home First first.
        let result = try Rebalance.run(c.db, hub: "STAF", options: RebalanceTests.options(c.week))
        let ids = Set(try visits.map { try $0.decode("id", as: Int.self) })
        let added = result.weeks.flatMap(\.changes).filter { ids.contains($0.visit) && $0.action == .added }
        #expect(!added.isEmpty && added.allSatisfy { $0.reason == "new Home First visit" })
        let firstID: Int = try visits[0].decode("id")
        #expect(try RebalanceTests.assignments(c.db)[firstID]?.count == 1)
        // Home First's first 24 hours: this discharge was seen in time (1 of 1; figures are shown from 10 up).
        let seen = try c.db.query(
            "SELECT numerator, denominator FROM report_first_visit_24h('2026-11-01', '2026-11-30', 'month', 'STAF') WHERE hub = 'STAF'"
        ).rows
        #expect(try seen.map { [try $0.decode("numerator", as: Double.self), try $0.decode("denominator", as: Double.self)] } == [[1, 1]])
        // And how long it took: one discharge (its median is suppressed under 10).
        let took = try c.db.query(
            "SELECT count, median FROM report_discharge_to_visit('2026-11-01', '2026-11-30', 'month', 'STAF') WHERE hub = 'STAF'"
        ).rows
        #expect(try took.map { try $0.decode("count", as: Int.self) } == [1])
        withExtendedLifetime(c) {}
    }

    /// Refused: another pathway, an unknown client without details, another hub's client, a
    /// discharge linked to someone else.
    @Test func refusals() throws {
        let c = try SeededCounty()
        try Self.discharge(c.db, "D-0002", pathway: 3)
        try Self.discharge(c.db, "D-0003")
        let other: String = try c.db.query(
            "SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code <> 'STAF' ORDER BY 1 LIMIT 1"
        ).rows[0].decode("external_id")
        let cases: [(HomeFirst.Admission, HomeFirst.Refusal)] = [
            (.init(dischargeID: "D-0009", clientID: "P-X"), .unknownDischarge("D-0009")),
            (.init(dischargeID: "D-0002", clientID: "P-X"), .notReablement("D-0002", pathway: 3)),
            (.init(dischargeID: "D-0003", clientID: "P-X"), .unknownClient("P-X")),
            (
                .init(dischargeID: "D-0003", clientID: other),
                .otherHub(client: other, hub: String(other.split(separator: "-")[1]), dischargeHub: "STAF")
            ),
        ]
        for (admission, refusal) in cases {
            #expect(throws: refusal) { try c.db.transaction { db in try HomeFirst.admit(db, admission, now: Self.now) } }
        }
        try c.db.transaction { db in
            _ = try HomeFirst.admit(db, .init(dischargeID: "D-0003", clientID: "P-HF-0001", newClient: Self.newClient), now: Self.now)
        }
        #expect(throws: HomeFirst.Refusal.otherClient(discharge: "D-0003", client: "P-HF-0001")) {
            try c.db.transaction { db in try HomeFirst.admit(db, .init(dischargeID: "D-0003", clientID: other), now: Self.now) }
        }
    }

    /// The Better Care Fund measures from the journey: where a person was 91 days after discharge,
    /// and readmission within 30 days.
    @Test func measuresFromTheJourney() throws {
        let c = try SeededCounty()
        try Self.discharge(c.db, "D-0004", on: "2026-06-01")
        try c.db.transaction { db in
            _ = try HomeFirst.admit(db, .init(dischargeID: "D-0004", clientID: "P-HF-0001", newClient: Self.newClient), now: Self.now)
        }
        let journeys = JourneyRepository(c.db)
        func status() throws -> String? {
            try c.db.query("SELECT carehub_status_at_91(id) AS s FROM hospital_discharges WHERE external_id = 'D-0004'").rows[0].decode("s")
        }
        #expect(try status() == "home")
        // A stay before the discharge, never ended on the record, does not count.
        try journeys.add(
            JourneyEpisode(kind: .hospitalAdmission, startedAt: Instant(rfc3339: "2026-05-20T10:00:00Z")!), clientExternalID: "P-HF-0001")
        #expect(try status() == "home")
        // Back in hospital 20 days after discharge and still there at day 91.
        let admitted = Instant(rfc3339: "2026-06-21T10:00:00Z")!
        let stay = try journeys.add(JourneyEpisode(kind: .readmission, startedAt: admitted), clientExternalID: "P-HF-0001")
        #expect(try status() == "hospital")
        let back = try c.db.query(
            """
            SELECT numerator, denominator FROM report_readmission_30('2026-06-01', '2026-07-31', 'month', 'STAF')
            WHERE hub = 'STAF' AND period_end = '2026-06-30'
            """
        ).rows
        #expect(try back.map { [try $0.decode("numerator", as: Double.self), try $0.decode("denominator", as: Double.self)] } == [[1, 1]])
        // Home after 30 days; then died on day 80.
        _ = try journeys.end(episodeID: stay, clientExternalID: "P-HF-0001", at: admitted.adding(minutes: 30 * 24 * 60), outcome: nil)
        #expect(try status() == "home")
        try journeys.add(JourneyEpisode(kind: .death, startedAt: Instant(rfc3339: "2026-08-20T10:00:00Z")!), clientExternalID: "P-HF-0001")
        #expect(try status() == "died")
    }
}
