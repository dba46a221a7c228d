import CareModel
import CareReports
import CareRostering
import CareSample
import CareStore
import CareTestSupport
import Foundation
import Testing

/// Writes CSV text to a temporary file named `name` and imports it.
func importText(_ db: Connection, _ kind: ImportKind, _ text: String, name: String? = nil, dryRun: Bool = false) throws -> ImportSummary {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carehub-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name ?? "\(kind.rawValue).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return try Importer.run(db, kind: kind, path: path, dryRun: dryRun)
}

/// The issues an import reports, as `LINE: column: problem`.
func importIssues(_ db: Connection, _ kind: ImportKind, _ text: String) -> [String] {
    do {
        _ = try importText(db, kind, text)
        return []
    } catch let error as ImportError {
        return error.issues.map(\.description)
    } catch {
        return ["unexpected: \(error)"]
    }
}

@Suite("CSV imports")
struct ImportTests {
    static let hubs = "code,name,lat,lon\r\nSTAF,Stafford,52.8064,-2.1171\r\n"
    static let carerHeader =
        "external_id,hub,given_name,family_name,gender,home_lat,home_lon,contract_type,zero_hours,contracted_hours,max_hours,hourly_rate,"
        + "start_date,end_date,lendable_to\n"

    private func setUp() throws -> (TestDatabase, Connection) {
        let test = try TestDatabase()
        let db = try test.connect()
        _ = try importText(db, .hubs, Self.hubs)
        _ = try importText(db, .carers, Self.carerHeader + "C1,STAF,Ann,Lee,female,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\n")
        return (test, db)
    }

    /// Every kind of bad row is reported with its line and column, all in one run.
    @Test func carerErrorsAreLocated() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        let text =
            Self.carerHeader
            + "C2,XXXX,Bob,Ray,male,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\n"
            + "C3,STAF,Cy,Ray,male,52.8,-2.1,permanent,no,40,30,12.71,2024-13-08,,\n"
            + "C4,STAF,Di,Ray,robot,95,-2.1,staff,no,20,30,12.71,2024-01-08,,NOPE\n"
            + "C5,STAF,Ed,Ray,male,52.8,-2.1,bank,yes,20,30,12.71,2024-01-08,2023-01-01,\n"
            + "C1,STAF,Ann,Lee,female,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\n"
            + "C1,STAF,Ann,Lee,female,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\n"
        #expect(
            importIssues(db, .carers, text) == [
                "2: hub: unknown hub XXXX",
                "3: start_date: bad date (expected YYYY-MM-DD)",
                "3: contracted_hours: more than max_hours",
                "4: gender: must be one of female, male, other, unknown",
                "4: home_lat: must be -90.0…90.0",
                "4: contract_type: must be one of permanent, temporary, bank, agency",
                "4: lendable_to: unknown hub NOPE",
                "5: contracted_hours: must be 0 on a zero-hours contract",
                "5: end_date: before start_date",
                "7: duplicate external_id C1 (first on line 6)",
            ])
        #expect(try db.query("SELECT count(*) AS n FROM carers").rows[0].decode("n", as: Int.self) == 1)
    }

    /// Errors in the other kinds name their line, column and problem.
    @Test(arguments: [
        (
            ImportKind.skills, "carer,skill,qualified_on,expires_on\nC9,hoist,2024-01-01,\nC1,Hoist!,2024-01-01,\nC1,peg,2024-01-01,2023-01-01\n",
            [
                "2: carer: unknown carer C9", "3: skill: unknown skill format Hoist! (lower-case letters, digits and _)",
                "4: expires_on: not after qualified_on",
            ]
        ),
        (
            ImportKind.shifts, "carer,date,start,end\nC1,2026-11-23,07:00,12:00\nC1,2026-11-23,11:00,15:00\nC1,2026-11-24,25:00,10:00\n",
            ["3: start: overlaps the shift starting 07:00", "4: start: bad time (expected HH:MM)"]
        ),
        (
            ImportKind.absences, "carer,kind,first_day,last_day\nC1,sickness,2026-11-25,2026-11-24\nC1,holiday,2026-11-25,2026-11-26\n",
            ["2: last_day: before first_day", "3: kind: must be one of sickness, leave, training, other"]
        ),
        (
            ImportKind.clients,
            "external_id,hub,given_name,family_name,postcode,lat,lon,funding,home_first,preferred_carers\nP1,STAF,Al,Bo,ST16 1AA,52.8,-2.1,"
                + "council,yes,C7\n",
            ["2: preferred_carers: unknown carer C7", "2: discharge_date: required for a Home First client"]
        ),
        (
            ImportKind.packages,
            "package,client,valid_from,weekday,window_start,window_end,duration_minutes\nK1,P9,2026-01-01,Funday,09:00,08:00,0\n",
            [
                "2: weekday: expected 1–7 or Mon…Sun", "2: duration_minutes: must be 1…1440", "2: client: unknown client P9",
                "2: window_end: before window_start",
            ]
        ),
    ])
    func otherErrorsAreLocated(_ kind: ImportKind, _ text: String, _ expected: [String]) throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        #expect(importIssues(db, kind, text) == expected)
    }

    /// A file with good rows and one bad row stores nothing, and says so.
    @Test func failedImportStoresNothing() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        let text =
            Self.carerHeader
            + "C2,STAF,Bob,Ray,male,52.8,-2.1,permanent,no,20,30,12.71,2024-01-08,,\nC3,STAF,Cy,,male,52.8,-2.1,permanent,no,20,30,abc,2024-01-08,,\n"
        #expect(throws: ImportError.self) { try importText(db, .carers, text) }
        #expect(try db.query("SELECT count(*) AS n FROM carers").rows[0].decode("n", as: Int.self) == 1)
    }

    /// A shift that the database refuses (it overlaps one already stored, across midnight)
    /// is reported at its line, and nothing is stored.
    @Test func databaseRefusalHasItsLine() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        _ = try importText(db, .shifts, "carer,date,start,end\nC1,2026-11-23,20:00,02:00\n")
        let issues = importIssues(db, .shifts, "carer,date,start,end\nC1,2026-11-25,07:00,12:00\nC1,2026-11-24,01:00,06:00\n")
        #expect(issues == ["3: overlaps another shift of the same carer"])
        #expect(try db.query("SELECT count(*) AS n FROM carer_shifts").rows[0].decode("n", as: Int.self) == 1)
    }

    /// The sample county written as CSV imports completely; importing again changes nothing;
    /// a dry run of a changed file reports the change and writes nothing.
    @Test func roundTripAndDryRun() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let week = ISOWeek(iso: "2026-W48")!
        let c = SampleCountyGenerator.generate(SampleCountySpec(hubs: 2, clientsPerHub: 10, seed: 6, firstWeek: week, weeks: 1))
        let texts = try ImportFiles.texts(
            hubs: c.hubs, carers: c.carers, clients: c.clients, packages: c.packages, shifts: c.shifts, absences: c.absences)
        for kind in ImportKind.county {
            let s = try importText(db, kind, texts[kind] ?? "")
            #expect(s.updated == 0 && s.unchanged == 0 && s.new > 0 || kind == .absences)
        }
        #expect(try db.query("SELECT count(*) AS n FROM carers").rows[0].decode("n", as: Int.self) == c.carers.count)
        #expect(
            try db.query("SELECT count(*) AS n FROM package_visits").rows[0].decode("n", as: Int.self)
                == c.packages.reduce(0) { $0 + $1.visits.count })
        for kind in ImportKind.county {
            let again = try importText(db, kind, texts[kind] ?? "")
            #expect(again.new == 0 && again.updated == 0)
        }
        let changed = (texts[.carers] ?? "").replacingOccurrences(of: ",permanent,", with: ",temporary,")
        let dry = try importText(db, .carers, changed, dryRun: true)
        #expect(dry.updated > 0 && dry.dryRun)
        #expect(
            try db.query("SELECT count(*) AS n FROM carers WHERE contract_type = 'temporary'").rows[0].decode("n", as: Int.self)
                == c.carers.filter { $0.contract == .temporary }.count)
    }
}

@Suite("CSV imports: workforce history")
struct HistoryImportTests {
    /// Spells (with leaving events), vacancies and applications written as CSV import completely
    /// and a second import changes nothing; the reports see them.
    @Test func historyRoundTrip() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        let week = ISOWeek(iso: "2026-W48")!
        let c = SampleCountyGenerator.generate(SampleCountySpec(hubs: 1, clientsPerHub: 20, seed: 8, firstWeek: week, weeks: 1))
        let h = HistoryFactory.history(hub: "STAF", carers: c.carers, until: week.monday.adding(days: -1), seed: 8)
        let county = try ImportFiles.texts(hubs: c.hubs, carers: c.carers + h.formerCarers, clients: [], packages: [], shifts: [], absences: [])
        for kind in [ImportKind.hubs, .carers] { _ = try importText(db, kind, county[kind] ?? "") }
        let history = try ImportFiles.historyTexts(spells: h.spells, vacancies: h.vacancies, applications: h.applications)
        for kind in [ImportKind.spells, .vacancies, .applications] {
            let s = try importText(db, kind, history[kind] ?? "")
            #expect(s.new > 0 && s.updated == 0, "\(kind)")
        }
        #expect(try db.query("SELECT count(*) AS n FROM employment_spells").rows[0].decode("n", as: Int.self) == h.spells.count)
        #expect(
            try db.query("SELECT count(*) AS n FROM leaving_events").rows[0].decode("n", as: Int.self) == h.spells.filter { $0.leaving != nil }.count)
        #expect(try db.query("SELECT count(*) AS n FROM applications").rows[0].decode("n", as: Int.self) == h.applications.count)
        for kind in [ImportKind.spells, .vacancies, .applications] {
            let again = try importText(db, kind, history[kind] ?? "")
            #expect(again.new == 0 && again.updated == 0, "\(kind)")
        }
    }

    /// Bad history rows are located like any other import error.
    @Test func historyErrorsAreLocated() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        _ = try importText(db, .vacancies, "external_id,hub,opened_on\nV1,STAF,2026-01-05\n")
        let issues = importIssues(
            db, .applications,
            """
            external_id,vacancy,applied_on,offered_on,accepted_on,declined_on,started_on
            A1,V9,2026-01-10,,,,
            A2,V1,2026-01-10,,2026-01-12,,
            A3,V1,2026-01-10,2026-01-09,,,
            A4,V1,2026-01-10,2026-01-11,2026-01-12,2026-01-13,
            """)
        #expect(
            issues == [
                "2: vacancy: unknown vacancy V9",
                "3: accepted_on: no offered_on",
                "4: offered_on: before applied_on",
                "5: declined_on: both accepted and declined",
            ])
        let spells = importIssues(db, .spells, "carer,hub,contract_type,start_date,end_date,leave_reason\nC9,STAF,permanent,2026-01-01,,pay\n")
        #expect(spells == ["2: carer: unknown carer C9", "2: leave_reason: given but end_date is empty"])
    }
}

@Suite("CSV imports: costs and discharges")
struct CostAndDischargeImportTests {
    /// Costs and discharges import, re-import unchanged, and bad rows are located.
    @Test func importAndReimport() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        let costs = "external_id,hub,incurred_on,cost_type,amount\nK1,STAF,2026-01-05,external,250.00\nK2,STAF,2026-02-05,internal,99.5\n"
        #expect(try importText(db, .costs, costs).new == 2)
        #expect(try importText(db, .costs, costs).unchanged == 2)
        #expect(try db.query("SELECT sum(amount_pence) AS p FROM recruitment_costs").rows[0].decode("p", as: Int.self) == 34_950)
        let discharges = """
            external_id,hub,age_at_discharge,discharge_date,discharge_ready_date,pathway,reablement_start,status_at_91
            D1,STAF,82,2026-01-10,2026-01-07,1,2026-01-11,home
            D2,STAF,77,2026-01-12,,0,,
            """
        #expect(try importText(db, .discharges, discharges).new == 2)
        #expect(try importText(db, .discharges, discharges).unchanged == 2)
        let bad = importIssues(
            db, .discharges,
            """
            external_id,hub,age_at_discharge,discharge_date,discharge_ready_date,pathway,status_at_91
            D3,STAF,82,2026-01-10,2026-01-12,4,alive
            """)
        #expect(
            bad == [
                "2: pathway: must be 0…3",
                "2: status_at_91: must be one of home, hospital, care_home, died, unknown",
                "2: discharge_ready_date: after discharge_date",
            ])
    }
}

@Suite("CSV imports: commissions and visit outcomes")
struct MarketImportTests {
    static let clients =
        "external_id,hub,given_name,family_name,postcode,lat,lon,funding\nP1,STAF,Ada,Moss,ST16 1AA,52.8,-2.1,council\nP2,STAF,Bo,Lane,"
        + "ST16 1AB,52.8,-2.1,icb\n"
    static let packages = "package,client,valid_from,weekday,window_start,window_end,duration_minutes\nK1,P1,2026-01-05,Mon,08:00,09:00,45\n"

    /// A commission updates a package from the packages file (keeping its start), a new id with
    /// no start is a person waiting; re-import is unchanged; bad rows are located.
    @Test func commissions() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        _ = try importText(db, .clients, Self.clients)
        _ = try importText(db, .packages, Self.packages)
        let text = """
            package,client,funder,commissioned_hours,hourly_rate,requested_on,started_on,ended_on,end_reason
            K1,P1,council,,24.50,2026-01-02,,,
            K2,P1,council,3.5,24.50,2026-03-01,,,
            """
        let first = try importText(db, .commissions, text)
        #expect(first.updated == 1 && first.new == 1)
        #expect(try importText(db, .commissions, text).unchanged == 2)
        let k1 = try db.query("SELECT valid_from::text AS f, hourly_rate::float8 AS r FROM care_packages WHERE external_id = 'K1'").rows[0]
        #expect(try k1.decode("f", as: String.self) == "2026-01-05" && k1.decode("r", as: Double.self) == 24.5)
        let waiting = try FigureReportProbe.waiting(db, on: "2026-03-31")
        #expect(waiting == 1)
        let bad = importIssues(
            db, .commissions,
            """
            package,client,funder,commissioned_hours,hourly_rate,requested_on,started_on,ended_on,end_reason
            K3,P9,lottery,-1,,2026-03-01,2026-02-01,,provider_handback
            """)
        #expect(
            bad == [
                "2: funder: must be one of icb, council, bcf_pooled, self_funded",
                "2: commissioned_hours: must be 0.01…504.0",
                "2: client: unknown client P9",
                "2: started_on: before requested_on",
                "2: ended_on: required with end_reason",
            ])
        // A package of another client is refused with its line, and nothing is written.
        let clash = importIssues(db, .commissions, "package,client,funder,requested_on\nK2,P1,icb,2026-03-01\nK1,P2,council,\n")
        #expect(clash == ["3: package K1 belongs to another client"])
        #expect(try db.query("SELECT funder FROM care_packages WHERE external_id = 'K2'").rows[0].decode("funder", as: String.self) == "council")
    }

    /// Outcomes change planned visits; an unknown visit and minutes on a missed visit are located.
    @Test func outcomes() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        _ = try importText(db, .hubs, ImportTests.hubs)
        _ = try importText(db, .clients, Self.clients)
        _ = try importText(db, .packages, Self.packages)
        _ = try VisitPlanner(db).plan(week: ISOWeek(iso: "2026-W10")!)
        let id: Int = try db.query("SELECT id FROM visits").rows[0].decode("id")
        let text = "visit,status,actual_start,actual_minutes\n\(id),delivered,2026-03-02T08:10:00Z,40\n"
        #expect(try importText(db, .outcomes, text).updated == 1)
        #expect(try importText(db, .outcomes, text).unchanged == 1)
        let row = try db.query("SELECT status, actual_minutes FROM visits WHERE id = \(id)").rows[0]
        #expect(try row.decode("status", as: String.self) == "delivered" && row.decode("actual_minutes", as: Int.self) == 40)
        let bad = importIssues(db, .outcomes, "visit,status,actual_start,actual_minutes\n\(id),missed,,30\n999999,cancelled_provider,,\n")
        #expect(bad == ["2: actual_minutes: only for a delivered visit"])
        let unknown = importIssues(db, .outcomes, "visit,status\n999999,cancelled_provider\n")
        #expect(unknown == ["2: outcome: unknown visit 999999"])
        #expect(try db.query("SELECT status FROM visits WHERE id = \(id)").rows[0].decode("status", as: String.self) == "delivered")
    }
}

/// Reads the waiting report's ALL figure at a day, through the report itself.
enum FigureReportProbe {
    static func waiting(_ db: Connection, on day: String) throws -> Double? {
        let d = LocalDate(iso: day)!
        let report = FigureReport.waiting
        let rows = try PeriodReportRepository(db).figures(report.function, columns: report.columns.map(\.name), .init(from: d, to: d))
        return rows.first { $0.hub == "ALL" }?.values[0]
    }
}
