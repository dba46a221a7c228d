import CareModel
import CareStore
import CareTestSupport
import Testing

/// A hand-built hub for week 2026-W48 (Mon 23 – Sun 29 November 2026, GMT all week).
/// Expected figures are worked out by hand beside each row, not by the report's SQL.
enum OverviewFixture {
    static let week = ISOWeek(iso: "2026-W48")!
    static let place = GeoPoint(latitude: 52.8, longitude: -2.1)!

    static func day(_ d: Int) -> LocalDate { LocalDate(year: 2026, month: 11, day: d)! }
    static func at(_ h: Int, _ m: Int = 0) -> LocalTime { LocalTime(hour: h, minute: m)! }

    static func build(_ db: Connection) throws {
        try HubRepository(db).insert(Hub(code: "H", name: "Hub", location: place))
        let start = LocalDate(year: 2020, month: 1, day: 6)!
        func carer(_ id: String, zero: Bool, end: LocalDate? = nil, skills: [CarerSkill]) -> Carer {
            Carer(
                externalID: id, hubCode: "H", givenName: "T", familyName: "C", gender: .female, home: place,
                contract: zero ? .bank : .permanent, zeroHours: zero, contractedMinutesPerWeek: zero ? 0 : 1800,
                maxMinutesPerWeek: 2400, hourlyRatePence: 1300, startDate: start, endDate: end, skills: skills)
        }
        // C1: 30 h contract; hoist valid; medication lapsed on 1 November.
        try CarerRepository(db).upsertWithSkills(
            carer(
                "C1", zero: false,
                skills: [
                    CarerSkill(skill: .hoist, qualifiedOn: start),
                    CarerSkill(skill: .medication, qualifiedOn: start, expiresOn: day(1)),
                ]))
        // C2: zero hours; reablement.
        try CarerRepository(db).upsertWithSkills(carer("C2", zero: true, skills: [CarerSkill(skill: .reablement, qualifiedOn: start)]))
        // C3 left on 1 November: counts nowhere.
        try CarerRepository(db).upsertWithSkills(carer("C3", zero: false, end: day(1), skills: [CarerSkill(skill: .hoist, qualifiedOn: start)]))
        let shifts = ShiftRepository(db)
        try shifts.insert(LocalShift(carerID: "C1", date: day(22), start: at(7), minutes: 420))  // week before: 0
        try shifts.insert(LocalShift(carerID: "C1", date: day(23), start: at(7), minutes: 420))  // 420
        try shifts.insert(LocalShift(carerID: "C1", date: day(24), start: at(7), minutes: 420))  // absent: 0
        try shifts.insert(LocalShift(carerID: "C2", date: day(25), start: at(15, 30), minutes: 420))  // 420
        try shifts.insert(LocalShift(carerID: "C2", date: day(29), start: at(20), minutes: 300))  // to midnight: 240
        try shifts.insert(LocalAbsence(carerID: "C1", kind: .sickness, firstDay: day(24), lastDay: day(24)))

        func client(_ id: String, homeFirst: Bool = false) -> Client {
            Client(
                externalID: id, hubCode: "H", givenName: "A", familyName: "B", postcode: "ST16 1AA", location: place,
                funding: homeFirst ? .bcfPooled : .council, homeFirst: homeFirst, dischargeDate: homeFirst ? day(25) : nil)
        }
        let clients = ClientRepository(db)
        try clients.upsert(client("P1"))
        try clients.upsert(client("P2", homeFirst: true))
        try clients.upsert(client("P3"))
        let packages = PackageRepository(db)
        func call(_ day: Weekday, _ minutes: Int, _ skills: [Skill] = [], carers: Int = 1) -> VisitTemplate {
            VisitTemplate(weekday: day, windowStart: at(8), windowEnd: at(9), durationMinutes: minutes, skills: skills, carersNeeded: carers)
        }
        // P1 all week: Mon double-up 45 (90 carer-minutes), Tue 30, Sat 60 → 3 calls, 180.
        try packages.upsert(
            CarePackage(
                externalID: "K1", clientID: "P1", validFrom: day(1),
                visits: [
                    call(.monday, 45, [.hoist], carers: 2), call(.tuesday, 30, [.medication]), call(.saturday, 60),
                ]))
        // P2 from Thursday: a daily 30 → Thu–Sun, 4 calls, 120.
        try packages.upsert(
            CarePackage(
                externalID: "K2", clientID: "P2", validFrom: day(26),
                visits: Weekday.allCases.map { call($0, 30, [.reablement]) }))
        // P3 ended the Sunday before: nothing.
        try packages.upsert(CarePackage(externalID: "K3", clientID: "P3", validFrom: day(1), validTo: day(22), visits: [call(.monday, 30)]))
    }
}

@Suite("Weekly report repository: capacity and skill coverage")
struct WeeklyReportRepositoryTests {
    /// Capacity and demand match the hand-worked figures, including an absence, a shift that
    /// runs past the week's end, a leaver and packages that start or end mid-week.
    @Test func capacityMatchesHandWorkedFigures() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try OverviewFixture.build(db)
        let lines = try WeeklyReportRepository(db).capacity(week: OverviewFixture.week)
        let line = try #require(lines.first)
        #expect(lines.count == 1)
        #expect(line.carers == 2)
        #expect(line.zeroHoursCarers == 1)
        #expect(line.contractedMinutes == 1800)
        #expect(line.availableMinutes == 420 + 420 + 240)
        #expect(line.absentCarers == 1)
        #expect(line.clients == 2)
        #expect(line.homeFirstClients == 1)
        #expect(line.calls == 7)
        #expect(line.doubleUpCalls == 1)
        #expect(line.demandMinutes == 180 + 120)
        #expect(line.capacityRatio == 1080.0 / 300.0)
    }

    /// Skill coverage counts valid holders only and reports lapsed ones apart.
    @Test func skillCoverageMatchesHandWorkedFigures() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try OverviewFixture.build(db)
        let lines = try WeeklyReportRepository(db).skills(week: OverviewFixture.week)
        let got = lines.map { "\($0.skill) \($0.calls) \($0.carers) \($0.expiredHolders)" }
        #expect(got == ["hoist 1 1 0", "medication 1 0 1", "reablement 4 1 0"])
    }

    /// A hub filter that matches nothing returns no lines.
    @Test func unknownHubGivesNoLines() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try OverviewFixture.build(db)
        #expect(try WeeklyReportRepository(db).capacity(week: OverviewFixture.week, hubCode: "NOPE").isEmpty)
    }
}
