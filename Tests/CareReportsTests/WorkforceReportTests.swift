import CareModel
import CareReports
import CareStore
import CareTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hub H at period end 2026-03-31 (window 2025-04-01 … 2026-03-31). Every expected figure is
/// worked out by hand below, not by the reports' SQL.
///
/// - 12 permanent carers in post throughout (3 of them zero-hours).
/// - A leaves on 2026-03-31, the last day of the window: a leaver, not in post at the end.
/// - B left on 2025-03-31, the day before the window: neither.
/// - C left on 2025-04-01, the window's first day: a leaver.
/// - D moves internally: spell ends 2025-10-31 (internal move), new spell from 2025-11-01:
///   not a leaver, not a starter, in post at the end.
/// - E is re-hired: left 2025-06-30 (a leaver), back on 2025-09-01 (a starter, in post).
/// - F is bank staff (not directly employed): ignored.
/// - Hub G has 9 carers in post: every rate suppressed.
///
/// In post at the end: 12 + D + E = 14. Leavers: A, C, E = 3 → turnover 21.4%.
/// Starters: E = 1 → 7.1%. Zero-hours: 3 / 14 = 21.4%.
/// In post on 2025-03-31: 12 + A + C + D + E = 16; still employed at the end: 12 + D + E = 14 → stability 87.5%.
/// Vacancies open at the end: V1 (opened 2026-01-10), V3 (opened 2026-03-31); V2 closed on
/// 2026-03-31 is not open → 2 / (14 + 2) = 12.5%.
/// First-year turnover: E (2024-09-01 to 2025-06-30, 302 days) is the only leaver under a year;
/// in post under a year: D's and E's new spells = 2 → 1 / 2, suppressed.
/// Sickness: 3 + 2 (payroll's working days) + 1 (clipped) = 6 days over 14 in post → 0.43 per person.
/// Leavers by reason: pay 1 (voluntary), personal 1 (C; B is before the window), dismissed 1 (not voluntary).
/// CIPD: month-end headcounts 2025-03-31 … 2026-03-31 sum to 12×13 + A 12 + C 1 + D 7 + 5 + E 3 + 7 = 191,
/// average 191/13 = 14.69 → 3 / 14.69 = 20.4%.
enum WorkforceFixture {
    static func build(_ db: Connection) throws {
        let place = GeoPoint(latitude: 52.8, longitude: -2.1)!
        try HubRepository(db).insert(Hub(code: "H", name: "H", location: place))
        try HubRepository(db).insert(Hub(code: "G", name: "G", location: place))
        var n = 0
        func spell(
            _ hub: String, _ start: String, _ end: String? = nil, contract: String = "permanent", zero: Bool = false,
            carer: String? = nil, internalStart: Bool = false
        ) throws -> Int {
            let id: String
            if let carer {
                id = carer
            } else {
                n += 1
                id = "W\(n)"
                try CarerRepository(db).upsertWithSkills(
                    Carer(
                        externalID: id, hubCode: hub, givenName: "W", familyName: "\(n)", gender: .female, home: place,
                        contract: .permanent, zeroHours: false, contractedMinutesPerWeek: 0, maxMinutesPerWeek: 2400,
                        hourlyRatePence: 1300, startDate: LocalDate(iso: start)!))
            }
            return try db.query(
                """
                INSERT INTO employment_spells (carer_id, hub_id, contract_type, zero_hours, start_date, end_date, started_by_internal_move)
                SELECT c.id, h.id, \(contract), \(zero), \(start)::date, \(end)::date, \(internalStart)
                FROM carers c, hubs h WHERE c.external_id = \(id) AND h.code = \(hub) RETURNING id
                """
            ).rows[0].decode("id")
        }
        func leave(_ spell: Int, internal moved: Bool = false, reason: String = "internal_move", destination: String? = nil, voluntary: Bool = true)
            throws
        {
            try db.execute(
                """
                INSERT INTO leaving_events (spell_id, reason_code, destination_code, voluntary, internal_move)
                VALUES (\(spell), \(reason), \(destination), \(voluntary), \(moved))
                """)
        }
        for i in 0..<12 { _ = try spell("H", "2024-01-01", zero: i < 3) }
        try leave(try spell("H", "2024-01-01", "2026-03-31"), reason: "pay", destination: "nhs")  // A
        try leave(try spell("H", "2024-01-01", "2025-03-31"), reason: "personal")  // B
        try leave(try spell("H", "2024-01-01", "2025-04-01"), reason: "personal", destination: "retail")  // C
        let d1 = try spell("H", "2024-01-01", "2025-10-31")  // D
        try leave(d1, internal: true)
        _ = try spell("H", "2025-11-01", carer: "W16", internalStart: true)
        try leave(try spell("H", "2024-09-01", "2025-06-30"), reason: "dismissed", destination: "not_working", voluntary: false)  // E
        _ = try spell("H", "2025-09-01", carer: "W17")
        try leave(try spell("H", "2024-01-01", "2025-12-01", contract: "bank"), reason: "pay")  // F
        // Sickness: W1 three days; W2 four calendar days that payroll counts as 2 working days;
        // W3 five days of which one (2025-04-01) falls in the window; A and bank F not in post at the end.
        for (carer, first, last) in [
            ("W1", "2026-03-02", "2026-03-04"), ("W2", "2026-03-27", "2026-03-30"), ("W3", "2025-03-28", "2025-04-01"),
            ("W13", "2025-12-01", "2025-12-05"), ("W18", "2025-10-01", "2025-10-02"),
        ] {
            try ShiftRepository(db).insert(
                LocalAbsence(carerID: carer, kind: .sickness, firstDay: LocalDate(iso: first)!, lastDay: LocalDate(iso: last)!))
        }
        try db.execute("UPDATE absences SET working_days_lost = 2 WHERE carer_id = (SELECT id FROM carers WHERE external_id = 'W2')")
        for _ in 0..<9 { _ = try spell("G", "2024-06-01") }
        let vacancies: [(String, String, String?)] = [("V1", "2026-01-10", nil), ("V2", "2025-06-01", "2026-03-31"), ("V3", "2026-03-31", nil)]
        for (id, opened, closed) in vacancies {
            try db.execute(
                "INSERT INTO vacancies (external_id, hub_id, opened_on, closed_on) SELECT \(id), id, \(opened)::date, \(closed)::date FROM "
                    + "hubs WHERE code = 'H'"
            )
        }
    }
}

@Suite("Workforce reports")
struct WorkforceReportTests {
    private func row(_ report: RateReport, hub: String) throws -> RateRow {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let rows = try report.read(db, from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: nil)
        return try #require(rows.first { $0.hub == hub && $0.periodEnd == LocalDate(iso: "2026-03-31")! })
    }

    @Test(arguments: [
        (RateReport.turnover, 3.0, 14.0, 21.4),
        (RateReport.starters, 1.0, 14.0, 7.1),
        (RateReport.zeroHours, 3.0, 14.0, 21.4),
        (RateReport.stability, 14.0, 16.0, 87.5),
        (RateReport.vacancies, 2.0, 16.0, 12.5),
        (RateReport.turnoverCIPD, 3.0, 14.69, 20.4),
        (RateReport.sickness, 6.0, 14.0, 0.43),
    ])
    func handWorkedFigures(_ report: RateReport, _ numerator: Double, _ denominator: Double, _ rate: Double) throws {
        let r = try row(report, hub: "H")
        #expect(r.numerator == numerator)
        #expect(r.denominator == denominator)
        #expect(r.rate == rate)
    }

    /// First-year turnover counts only under-a-year leavers and joiners; 2 is too few to show.
    @Test func firstYearTurnover() throws {
        let r = try row(.firstYearTurnover, hub: "H")
        #expect(r.numerator == 1 && r.denominator == 2 && r.rate == nil)
    }

    /// Leavers by reason: one each of pay, personal and dismissed; shares suppressed (3 leavers).
    @Test func leaversByReason() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let rows = try LeaversReport.byReason.read(db, from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: "H")
            .filter { $0.hub == "H" }
        #expect(rows.map { "\($0.code) \($0.leavers) \($0.voluntary)" }.sorted() == ["dismissed 1 0", "pay 1 1", "personal 1 1"])
        #expect(rows.allSatisfy { $0.allLeavers == 3 && $0.share == nil })
        let destinations = try LeaversReport.byDestination.read(
            db, from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: "H")
        #expect(Set(destinations.filter { $0.hub == "H" }.map(\.code)) == ["nhs", "retail", "not_working"])
    }

    /// Length of service at 2026-03-31 for the 14 in post in hub H: twelve started 2024-01-01
    /// (820 days), D's new spell 2025-11-01 (150), E's 2025-09-01 (211). Median of fourteen is
    /// 820; the 90th percentile (position 11.7 of 0…13) is also 820.
    @Test func lengthOfService() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let r = try DurationReport.lengthOfService.read(
            db, from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: "H"
        )
        .first { $0.hub == "H" }
        #expect(r?.count == 14 && r?.median == 820 && r?.p90 == 820)
    }

    /// By contract in hub H: the 3 zero-hours carers stayed (0 / 3, suppressed); the 11 others in
    /// post had the 3 leavers (A, C, E) → 3 / 11 = 27.3%.
    @Test func turnoverByContract() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let rows = try RateReport.turnoverByContract.read(
            db, from: LocalDate(iso: "2026-03-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: "H")
        let zero = try #require(rows.first { $0.hub == "H zero-hours" })
        let other = try #require(rows.first { $0.hub == "H contracted" })
        #expect(zero.numerator == 0 && zero.denominator == 3 && zero.rate == nil)
        #expect(other.numerator == 3 && other.denominator == 11 && other.rate == 27.3)
    }

    /// A group of 9 is suppressed; the ALL row adds the hubs up.
    @Test func smallGroupsAreSuppressed() throws {
        let g = try row(.turnover, hub: "G")
        #expect(g.denominator == 9 && g.rate == nil)
        let all = try row(.turnover, hub: "ALL")
        #expect(all.numerator == 3 && all.denominator == 23)
    }

    /// Quarterly periods end on quarter ends, the last clipped to --to; anchors come from the table.
    @Test func quartersAndAnchors() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let rows = try RateReport.turnover.read(db, from: LocalDate(iso: "2025-04-01")!, to: LocalDate(iso: "2026-02-15")!, by: .quarter, hub: "H")
        #expect(rows.filter { $0.hub == "H" }.map(\.periodEnd.description) == ["2025-06-30", "2025-09-30", "2025-12-31", "2026-02-15"])
        let anchors = try RateReport.turnover.anchors(db)
        #expect(anchors.contains { $0.scope == "england_all" && $0.value == 23.1 && $0.period == "2024/25" })
    }
}

@Suite("Rate report HTML")
struct RateReportHTMLTests {
    /// The page is one document whose SVG is well-formed XML with one series per hub (and ALL)
    /// and the national anchor as a reference line.
    @Test func oneSeriesPerHub() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let rows = try RateReport.turnover.read(db, from: LocalDate(iso: "2025-10-01")!, to: LocalDate(iso: "2026-03-31")!, by: .month, hub: nil)
        let table = RateReport.turnover.table(
            rows, anchors: try RateReport.turnover.anchors(db), from: LocalDate(iso: "2025-10-01")!,
            to: LocalDate(iso: "2026-03-31")!)
        let page = ReportHTMLRenderer.render(table)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        let start = try #require(page.range(of: "<svg"))
        let end = try #require(page.range(of: "</svg>"))
        let svg = String(page[start.lowerBound..<end.upperBound])
        let collector = SeriesCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        #expect(parser.parse())
        // Hub G is suppressed everywhere (9 carers), so it has no points and no line.
        #expect(collector.series == ["H", "ALL"])
        #expect(collector.anchorLines == 1)
    }
}

/// Collects the hub of each series and counts anchor lines in an SVG.
final class SeriesCollector: NSObject, XMLParserDelegate {
    var series: [String] = []
    var anchorLines = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        if name == "polyline", attributes["class"] == "series", let hub = attributes["data-hub"] { series.append(hub) }
        if name == "line", attributes["class"] == "anchor" { anchorLines += 1 }
    }
}

@Suite("Sickness spread")
struct SicknessSpreadTests {
    /// Hub H at 2026-03-31: 14 in post; W1 3 days, W2 2, W3 1, the other 11 none → mean
    /// 6 / 14 = 0.4, median 0, 11 / 14 = 78.6% with none.
    @Test func meanMedianAndNone() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try WorkforceFixture.build(db)
        let day = LocalDate(iso: "2026-03-31")!
        let row = try #require(try FigureReport.sicknessSpread.read(db, from: day, to: day, by: .month, hub: "H").first { $0.hub == "H" })
        #expect(row.values == [14, 0.4, 0, 78.6])
    }
}
