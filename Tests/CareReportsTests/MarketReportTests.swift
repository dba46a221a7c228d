import CareModel
import CareReports
import CareStore
import CareTestSupport
import Foundation
import Testing

/// Hub M in March 2026 (window 2026-03-01 … 2026-03-31, 31 days), every figure worked by hand.
///
/// Packages (hours a week, funder, £/h), all from 2026-01-01 unless said:
/// P1 M1 14 h icb £30 · P2 M2 7 h self-funded £35 · P3 M3 7 h council £20 (under the £22.71
/// cost floor) · P4 M4 no commissioned hours: calls Mon 30 min × 2 carers + Wed 60 min = 2 h,
/// funder from the client (council) £25 · P5 M5 7 h council £25, handed back, last day 03-15
/// · P5B M5 7 h £25 asked for 03-16, starts 04-01 (re-placed 17 days after the handback) · P6
/// M6 7 h £25 asked for 02-01, from 03-11 · P7 … P12 M7 … M12 7 h council £25 · W1 M7 (Home
/// First) 10 h asked for 03-21, no start · W2 M8 4 h asked for 02-28, starts 04-10.
///
/// - Commissioned in March: P1 14×31/7 = 62, P2 31, P3 31, P4 2×31/7 = 8.857, P5 7×15/7 = 15,
///   P6 7×21/7 = 21, P7–P12 6×31 = 186 → 354.857 → 354.9 h.
/// - Visits: v1 M1 Mon 03-02 60 min delivered in 50 → 0.833 h; v2 M1 Tue 03-03 30 min × 2
///   delivered as planned → 1 h; v3 03-04 60 min missed; v4 03-05 45 min × 2 cancelled by the
///   provider (1.5 h); v5 03-06 cancelled by the person; v6 03-07 cancelled by planning; v7
///   03-08 90 min still planned; v8 (02-28) and v9 (04-01) fall outside.
///   Delivered 1.833 → 1.8 h, 1.833 / 354.857 = 0.5%. Undelivered v3 + v4 = 2.5 h of
///   scheduled v1 1 + v2 1 + v3 1 + v4 1.5 + v7 1.5 = 6 h → 41.7%.
/// - Waiting at 03-31: W1 (10 days), W2 (31 days), P5B (15 days) → 3 people, 21 h, median
///   suppressed (under 10), 1 Home First.
/// - Handbacks in March: P5 → 1 package, 1 person, 7 h; re-placed 1/1, suppressed.
/// - Rate at 03-31 (public funders, active): P1 14 h £30, P3 7 h £20, P4 2 h £25, P6 7 h £25,
///   P7–P12 42 h £25 → 72 h; (420 + 140 + 50 + 175 + 1050) / 72 = £25.49; gap to £32.14 =
///   £6.65; 100% of hours under the minimum price, 7 / 72 = 9.7% under the cost floor.
/// - Package size at 03-31: 11 people with 14, 7, 7, 2, 7 and 6 × 7 hours: mean 79 / 11 = 7.2,
///   median 7.0.
/// - Spend in March: only P1's calls were delivered (icb): 1.833 h × £30 = £55.00, 100%.
/// - Capacity at 03-31: K1 20 h + K2 10 h contracted; the published roster of 2026-W14
///   (Monday 03-30, inside the 28 days) has K1 at 09:00 (60 min), 10:30 (30 min) and 14:00
///   (60 min) on 04-01: gaps of 30 min (counted) and 180 min (not) → 150 / 180 = 0.833,
///   supply 30 × 0.833 = 25.0 h. Demand = active 79 h + waiting 21 h = 100 → ratio 0.25, gap −75.
/// - Pathways: ten discharges in March on 0, 0, 0, 1, 1, 1, 1, 2, 2, 3 → 30 / 40 / 20 / 10%.
enum MarketFixture {
    static func build(_ db: Connection) throws {
        let place = GeoPoint(latitude: 52.8, longitude: -2.1)!
        try HubRepository(db).insert(Hub(code: "M", name: "M", location: place))
        for n in 1...12 {
            _ = try ClientRepository(db).upsert(
                Client(
                    externalID: "M\(n)", hubCode: "M", givenName: "M", familyName: "\(n)", postcode: "ST1 1AA", location: place,
                    funding: n == 2 ? .selfFunded : .council, homeFirst: n == 7, dischargeDate: n == 7 ? LocalDate(iso: "2026-03-20")! : nil))
        }
        func package(
            _ id: String, _ client: Int, _ from: String?, _ to: String? = nil, hours: Double?, funder: String?, rate: Double?,
            requested: String? = nil, reason: String? = nil
        ) throws {
            try db.execute(
                """
                INSERT INTO care_packages (external_id, client_id, valid_from, valid_to, commissioned_hours, funder, hourly_rate,
                    requested_on, end_reason)
                SELECT \(id), id, \(from)::date, \(to)::date, \(hours)::numeric, \(funder), \(rate)::numeric, \(requested)::date, \(reason)
                FROM clients WHERE external_id = \("M\(client)")
                """)
        }
        try package("P1", 1, "2026-01-01", hours: 14, funder: "icb", rate: 30)
        try package("P2", 2, "2026-01-01", hours: 7, funder: "self_funded", rate: 35)
        try package("P3", 3, "2026-01-01", hours: 7, funder: "council", rate: 20)
        try package("P4", 4, "2026-01-01", hours: nil, funder: nil, rate: 25)
        try package("P5", 5, "2026-01-01", "2026-03-15", hours: 7, funder: "council", rate: 25, reason: "provider_handback")
        try package("P5B", 5, "2026-04-01", hours: 7, funder: "council", rate: 25, requested: "2026-03-16")
        try package("P6", 6, "2026-03-11", hours: 7, funder: "council", rate: 25, requested: "2026-02-01")
        for n in 7...12 { try package("P\(n)", n, "2026-01-01", hours: 7, funder: "council", rate: 25) }
        try package("W1", 7, nil, hours: 10, funder: "council", rate: 25, requested: "2026-03-21")
        try package("W2", 8, "2026-04-10", hours: 4, funder: "council", rate: 25, requested: "2026-02-28")
        for (package, day, minutes, carers) in [("P4", 1, 30, 2), ("P4", 3, 60, 1), ("P1", 1, 60, 1), ("P1", 2, 30, 2)] {
            try db.execute(
                """
                INSERT INTO package_visits (package_id, weekday, window_start, window_end, duration_minutes, carers_needed)
                SELECT id, \(day), '09:00', '10:00', \(minutes), \(carers) FROM care_packages WHERE external_id = \(package)
                """)
        }
        // (client, day, minutes, carers, status, cancelled_by, actual minutes, call of P1 by weekday)
        let visits: [(Int, String, Int, Int, String, String?, Int?, Int?)] = [
            (1, "2026-03-02", 60, 1, "delivered", nil, 50, 1), (1, "2026-03-03", 30, 2, "delivered", nil, nil, 2),
            (2, "2026-03-04", 60, 1, "missed", nil, nil, nil), (3, "2026-03-05", 45, 2, "cancelled", "provider", nil, nil),
            (3, "2026-03-06", 60, 1, "cancelled", "person", nil, nil), (4, "2026-03-07", 60, 1, "cancelled", nil, nil, nil),
            (4, "2026-03-08", 90, 1, "planned", nil, nil, nil), (1, "2026-02-28", 60, 1, "delivered", nil, nil, nil),
            (1, "2026-04-01", 60, 1, "delivered", nil, nil, nil),
        ]
        for (client, day, minutes, carers, status, by, actual, call) in visits {
            try db.execute(
                """
                INSERT INTO visits (client_id, package_visit_id, local_date, window_start, window_end, duration_minutes, carers_needed, status,
                                    cancelled_by, actual_minutes)
                SELECT c.id, (SELECT pv.id FROM package_visits pv JOIN care_packages p ON p.id = pv.package_id
                              WHERE p.external_id = 'P1' AND pv.weekday = \(call)),
                       \(day)::date, (\(day)::date + time '09:00') AT TIME ZONE 'Europe/London',
                       (\(day)::date + time '10:00') AT TIME ZONE 'Europe/London', \(minutes), \(carers), \(status), \(by), \(actual)
                FROM clients c WHERE c.external_id = \("M\(client)")
                """)
        }
        // Carers K1 (20 h) and K2 (10 h), directly employed, and K1's published W14 roster.
        for (id, minutes) in [("K1", 1200), ("K2", 600)] {
            try CarerRepository(db).upsertWithSkills(
                Carer(
                    externalID: id, hubCode: "M", givenName: "K", familyName: id, gender: .female, home: place, contract: .permanent,
                    zeroHours: false, contractedMinutesPerWeek: minutes, maxMinutesPerWeek: 2400, hourlyRatePence: 1300,
                    startDate: LocalDate(iso: "2025-01-01")!))
            try db.execute(
                """
                INSERT INTO employment_spells (carer_id, hub_id, contract_type, contracted_minutes, start_date)
                SELECT c.id, c.hub_id, 'permanent', \(minutes), '2025-01-01' FROM carers c WHERE c.external_id = \(id)
                """)
        }
        let roster: Int = try db.query(
            """
            INSERT INTO rosters (hub_id, iso_week, version, seed) SELECT id, '2026-W14', 1, 1 FROM hubs WHERE code = 'M' RETURNING id
            """
        ).rows[0].decode("id")
        for (start, minutes) in [("09:00", 60), ("10:30", 30), ("14:00", 60)] {
            try db.execute(
                """
                WITH v AS (
                    INSERT INTO visits (client_id, local_date, window_start, window_end, duration_minutes)
                    SELECT id, '2026-04-01', ('2026-04-01'::date + \(start)::time) AT TIME ZONE 'Europe/London',
                           ('2026-04-01'::date + \(start)::time) AT TIME ZONE 'Europe/London', \(minutes)
                    FROM clients WHERE external_id = 'M9' RETURNING id, window_start)
                INSERT INTO roster_assignments (roster_id, visit_id, carer_id, starts_at)
                SELECT \(roster), v.id, c.id, v.window_start FROM v, carers c WHERE c.external_id = 'K1'
                """)
        }
        try db.execute("UPDATE rosters SET status = 'published', published_at = now() WHERE id = \(roster)")
        for (k, pathway) in [0, 0, 0, 1, 1, 1, 1, 2, 2, 3].enumerated() {
            try DischargeRepository(db).upsert(
                HospitalDischarge(
                    externalID: "HD\(k)", hubCode: "M", ageAtDischarge: 80, dischargeReady: nil, discharged: LocalDate(iso: "2026-03-1\(k)")!,
                    pathway: pathway, reablementStart: nil, statusAt91: nil))
        }
    }
}

@Suite("Market and Home First reports")
struct MarketReportTests {
    let march = (from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!)

    private func figures(_ report: FigureReport, group: String = "M") throws -> [Double?] {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try MarketFixture.build(db)
        let rows = try report.read(db, from: march.from, to: march.to, by: .month, hub: nil)
        return try #require(rows.first { $0.hub == group && $0.periodEnd == march.to }).values
    }

    @Test func deliveredAndUndeliveredHours() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try MarketFixture.build(db)
        let delivered = try #require(
            try RateReport.deliveredHours.read(db, from: march.from, to: march.to, by: .month, hub: "M").first { $0.hub == "M" })
        #expect(delivered.numerator == 1.8 && delivered.denominator == 354.9 && delivered.rate == 0.5)
        let undelivered = try #require(
            try RateReport.undeliveredHours.read(db, from: march.from, to: march.to, by: .month, hub: "M").first { $0.hub == "M" })
        #expect(undelivered.numerator == 2.5 && undelivered.denominator == 6 && undelivered.rate == 41.7)
    }

    @Test func waiting() throws {
        #expect(try figures(.waiting) == [3, 21, nil, 1])
    }

    @Test func handbacks() throws {
        #expect(try figures(.handbacks) == [1, 1, 7, nil])
    }

    @Test func rateAgainstMinimumPrice() throws {
        #expect(try figures(.rateVsMinPrice) == [72, 25.49, 32.14, 6.65, 100, 9.7])
    }

    @Test func packageSize() throws {
        #expect(try figures(.packageSize) == [11, 7.2, 7])
    }

    @Test func spendByFunder() throws {
        #expect(try figures(.spendByFunder, group: "M icb") == [1.8, 1.8, 55, 100])
    }

    @Test func capacityAgainstDemand() throws {
        #expect(try figures(.capacityVsDemand) == [30, 0.833, 25, 100, 0.25, -75])
    }

    @Test func pathwayMix() throws {
        #expect(try figures(.pathwayMix) == [10, 30, 40, 20, 10])
    }

    /// The page has one chart series per hub and parses as XML-ish balanced SVG.
    @Test func htmlHasASeriesPerHub() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try MarketFixture.build(db)
        let report = FigureReport.rateVsMinPrice
        let rows = try report.read(db, from: march.from, to: march.to, by: .month, hub: nil)
        let page = ReportHTMLRenderer.render(report.table(rows, anchors: try report.anchors(db), from: march.from, to: march.to))
        #expect(page.components(separatedBy: "class=\"series\"").count - 1 == 2)  // M and ALL
        #expect(page.contains("England 32.1"))
    }
}
