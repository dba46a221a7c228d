import CareModel
import CareReports
import CareStore
import CareTestSupport
import Testing

/// The outcome reports read `visit_outcome_days` (migration 0017), which triggers keep current:
/// these tests make each kind of write that moves a summed figure and compare the summary with
/// the one worked out from the visits (`carehub_outcome_days_fresh()`), on `MarketFixture`.
@Suite("Outcome summary kept current by writes")
struct OutcomeDaysTests {
    let march = (from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!)

    /// Rows in the summary and not in a fresh one, plus the other way round: 0 when current.
    private func drift(_ db: Connection) throws -> Int {
        try db.query(
            """
            SELECT (SELECT count(*) FROM (SELECT * FROM visit_outcome_days EXCEPT SELECT * FROM carehub_outcome_days_fresh()) a)
                 + (SELECT count(*) FROM (SELECT * FROM carehub_outcome_days_fresh() EXCEPT SELECT * FROM visit_outcome_days) b) AS n
            """
        ).rows[0].decode("n")
    }

    /// After every write below the summary equals a fresh one, and it is not empty.
    @Test func summaryFollowsEveryWrite() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try MarketFixture.build(db)
        let rows: Int = try db.query("SELECT count(*) AS n FROM visit_outcome_days").rows[0].decode("n")
        #expect(rows > 0)
        #expect(try drift(db) == 0)
        let writes: [(String, SQLQuery)] = [
            ("outcome recorded", "UPDATE visits SET status = 'delivered', actual_minutes = 80 WHERE status = 'planned'"),
            ("outcome corrected", "UPDATE visits SET status = 'missed', actual_minutes = NULL WHERE actual_minutes = 50"),
            (
                "visit added",
                "INSERT INTO visits (client_id, local_date, window_start, window_end, duration_minutes, status)"
                    + " SELECT client_id, local_date + 1, window_start, window_end, 20, 'delivered' FROM visits WHERE status = 'missed'"
            ),
            ("visit deleted", "DELETE FROM visits WHERE duration_minutes = 20"),
            ("package rate", "UPDATE care_packages SET hourly_rate = 40 WHERE external_id = 'P1'"),
            ("package funder", "UPDATE care_packages SET funder = NULL WHERE external_id = 'P1'"),
            ("client funding", "UPDATE clients SET funding_stream = 'bcf_pooled' WHERE external_id = 'M1'"),
            ("hub added", "INSERT INTO hubs (code, name, latitude, longitude) VALUES ('N', 'N', 52.8, -2.1)"),
            ("client moved", "UPDATE clients SET hub_id = (SELECT id FROM hubs WHERE code = 'N') WHERE external_id = 'M1'"),
            (
                "call moved",
                "UPDATE package_visits SET package_id = (SELECT id FROM care_packages WHERE external_id = 'P4')"
                    + " WHERE duration_minutes = 30 AND carers_needed = 2 AND package_id = (SELECT id FROM care_packages WHERE external_id = 'P1')"
            ),
            ("call deleted", "DELETE FROM package_visits WHERE package_id = (SELECT id FROM care_packages WHERE external_id = 'P4')"),
            ("package deleted", "DELETE FROM care_packages WHERE external_id = 'P1'"),
        ]
        for (what, write) in writes {
            let changed = try db.execute(write)
            #expect(changed > 0, "\(what) changed nothing")
            #expect(try drift(db) == 0, "\(what)")
        }
    }

    /// A package's new rate reaches the spend report: P1's 1.833 h delivered in March at £40
    /// instead of £30 cost £73.33.
    @Test func rateChangeReachesSpend() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try MarketFixture.build(db)
        try db.execute("UPDATE care_packages SET hourly_rate = 40 WHERE external_id = 'P1'")
        let rows = try FigureReport.spendByFunder.read(db, from: march.from, to: march.to, by: .month, hub: nil)
        let icb = try #require(rows.first { $0.hub == "M icb" && $0.periodEnd == march.to })
        #expect(icb.values == [1.8, 1.8, 73.33, 100])
    }
}
