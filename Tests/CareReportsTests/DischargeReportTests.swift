import CareModel
import CareReports
import CareStore
import CareTestSupport
import Testing

/// Hub B, worked by hand. Ten people aged 70 discharged on 2025-10-10 into council-funded
/// reablement: 7 at home at 91 days, one died within the 91 days, one in a care home, one
/// unknown → 7 / 10 = 70.0% (the death stays in the denominator). Left out: one aged 60, one
/// with no reablement, one self-funded. Their discharge-ready dates were 0 … 9 days before:
/// delay median 4.5, 90th percentile 8.1 (position 8.1 of 0…9); the three others had no delay
/// recorded. Before 2026-01-09 the cohort has not had 91 days, so it has no row.
enum DischargeFixture {
    static func build(_ db: Connection) throws {
        try HubRepository(db).insert(Hub(code: "B", name: "B", location: GeoPoint(latitude: 52.8, longitude: -2.1)!))
        let day = LocalDate(iso: "2025-10-10")!
        let outcomes: [HospitalDischarge.Status] = [.home, .home, .home, .home, .home, .home, .home, .died, .careHome, .unknown]
        for (k, status) in outcomes.enumerated() {
            try DischargeRepository(db).upsert(
                HospitalDischarge(
                    externalID: "D\(k)", hubCode: "B", ageAtDischarge: 70, dischargeReady: day.adding(days: -k), discharged: day, pathway: 1,
                    reablementStart: day.adding(days: 1), statusAt91: status))
        }
        for (id, age, reablement, council) in [("Y", 60, true, true), ("N", 80, false, true), ("S", 80, true, false)] {
            try DischargeRepository(db).upsert(
                HospitalDischarge(
                    externalID: id, hubCode: "B", ageAtDischarge: age, dischargeReady: nil, discharged: day, pathway: reablement ? 1 : 0,
                    reablementStart: reablement ? day : nil, councilFunded: council, statusAt91: .home))
        }
    }
}

@Suite("Better Care Fund reports")
struct DischargeReportTests {
    @Test func reablementAndDelay() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try DischargeFixture.build(db)
        let from = LocalDate(iso: "2025-10-01")!
        let q = try #require(
            try RateReport.reablement91.read(db, from: from, to: LocalDate(iso: "2026-06-30")!, by: .quarter, hub: "B")
                .first { $0.hub == "B" && $0.periodEnd.description == "2025-12-31" })
        #expect(q.numerator == 7 && q.denominator == 10 && q.rate == 70)
        let early = try RateReport.reablement91.read(db, from: from, to: LocalDate(iso: "2026-01-05")!, by: .quarter, hub: "B")
        #expect(!early.contains { $0.hub == "B" })
        let delay = try #require(
            try DurationReport.dischargeDelay.read(db, from: from, to: LocalDate(iso: "2025-12-31")!, by: .quarter, hub: "B")
                .first { $0.hub == "B" })
        #expect(delay.count == 10 && delay.median == 4.5 && delay.p90 == 8.1)
    }
}
