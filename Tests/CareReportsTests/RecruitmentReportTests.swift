import CareModel
import CareReports
import CareStore
import CareTestSupport
import Foundation
import Testing

/// Hub R, worked by hand:
/// - Ten vacancies opened 2026-02-01; vacancy k's one hire applied on 1 Feb + k, was offered two
///   days later and accepted the day after, i.e. accepted on 4 Feb + k.
///   Time to fill (accepted − opened) = 3 + k → 3 … 12: median 7.5, 90th percentile 11.1
///   (linear interpolation at position 0.9 × 9 = 8.1). Time to hire (accepted − applied) = 3 for all.
/// - Two more offers on vacancy 0 in February: one declined, one still pending.
///   Offer acceptance = 10 accepted / 11 resolved = 90.9% (the pending offer is left out).
/// - Twelve permanent starters on 2025-06-01: four left after 61 days, one after 106 days, seven
///   stay. At 2026-03-31 the cohort window is 2024-12-31 … 2025-12-30, so all twelve count:
///   91-day retention = 8 / 12 = 66.7%.
enum RecruitmentFixture {
    static func build(_ db: Connection) throws {
        let place = GeoPoint(latitude: 52.8, longitude: -2.1)!
        try HubRepository(db).insert(Hub(code: "R", name: "R", location: place))
        let feb1 = LocalDate(iso: "2026-02-01")!
        for k in 0..<10 {
            try RecruitmentRepository(db).upsert(Vacancy(externalID: "RV\(k)", hubCode: "R", opened: feb1, closed: feb1.adding(days: 3 + k)))
            var a = Application(externalID: "RA\(k)", vacancyID: "RV\(k)", source: "job_board", applied: feb1.adding(days: k))
            a.offered = feb1.adding(days: k + 2)
            a.accepted = feb1.adding(days: k + 3)
            // Checks take 20 days for everyone; the last hire withdraws instead of starting, the
            // others start 5 days after their checks (in March).
            a.checksCleared = feb1.adding(days: k + 23)
            if k == 9 { a.withdrawn = feb1.adding(days: k + 30) } else { a.started = feb1.adding(days: k + 28) }
            // £100 advertising when each post opened; £50 of staff time for each hire who started.
            try RecruitmentRepository(db).upsert(
                RecruitmentCost(hubCode: "R", vacancyID: "RV\(k)", incurred: feb1, external: true, pence: 10_000), id: "RC\(k)-ad")
            if let started = a.started {
                try RecruitmentRepository(db).upsert(
                    RecruitmentCost(hubCode: "R", vacancyID: "RV\(k)", incurred: started, external: false, pence: 5_000), id: "RC\(k)-staff")
            }
            try RecruitmentRepository(db).upsert(a)
        }
        var declined = Application(externalID: "RD", vacancyID: "RV0", source: "referral", applied: feb1)
        declined.offered = LocalDate(iso: "2026-02-10")!
        declined.declined = LocalDate(iso: "2026-02-12")!
        try RecruitmentRepository(db).upsert(declined)
        var pending = Application(externalID: "RP", vacancyID: "RV0", source: "referral", applied: feb1)
        pending.offered = LocalDate(iso: "2026-02-11")!
        try RecruitmentRepository(db).upsert(pending)
        let start = LocalDate(iso: "2025-06-01")!
        for k in 0..<12 {
            let id = "RC\(k)"
            try CarerRepository(db).upsertWithSkills(
                Carer(
                    externalID: id, hubCode: "R", givenName: "R", familyName: "\(k)", gender: .female, home: place, contract: .permanent,
                    zeroHours: false, contractedMinutesPerWeek: 0, maxMinutesPerWeek: 2400, hourlyRatePence: 1300, startDate: start))
            let end: LocalDate? = k < 4 ? start.adding(days: 61) : (k == 4 ? start.adding(days: 106) : nil)
            try WorkforceRepository(db).upsert(
                EmploymentSpell(
                    carerID: id, hubCode: "R", contract: .permanent, zeroHours: false, contractedMinutes: 0, start: start, end: end,
                    leaving: end.map { _ in LeavingEvent(reason: "personal", voluntary: true) }))
        }
    }
}

@Suite("Recruitment reports")
struct RecruitmentReportTests {
    static let from = LocalDate(iso: "2026-02-01")!, to = LocalDate(iso: "2026-03-31")!

    @Test func durations() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try RecruitmentFixture.build(db)
        let fill = try #require(try DurationReport.timeToFill.read(db, from: Self.from, to: Self.to, by: .month, hub: "R").first { $0.hub == "R" })
        #expect(fill.periodEnd.description == "2026-02-28" && fill.count == 10 && fill.median == 7.5 && fill.p90 == 11.1)
        let hire = try #require(try DurationReport.timeToHire.read(db, from: Self.from, to: Self.to, by: .month, hub: "R").first { $0.hub == "R" })
        #expect(hire.count == 10 && hire.median == 3 && hire.p90 == 3)
    }

    /// Check lag is 20 days for all ten; nine start, on 1 Mar + k (k = 0…8), 28 + k days after
    /// opening: median 32, but only 9 starts, so suppressed; 1 of 10 accepted offers is lost.
    @Test func checksStartsAndLosses() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try RecruitmentFixture.build(db)
        let lag = try DurationReport.checkLag.read(db, from: Self.from, to: Self.to, by: .quarter, hub: "R").first { $0.hub == "R" }
        #expect(lag?.count == 10 && lag?.median == 20 && lag?.p90 == 20)
        let start = try DurationReport.timeToStart.read(db, from: Self.from, to: Self.to, by: .quarter, hub: "R").first { $0.hub == "R" }
        #expect(start?.count == 9 && start?.median == nil)
        let lost = try RateReport.lostAfterAcceptance.read(db, from: Self.from, to: Self.to, by: .month, hub: "R")
            .first { $0.hub == "R" && $0.periodEnd.description == "2026-02-28" }
        #expect(lost?.numerator == 1 && lost?.denominator == 10 && lost?.rate == 10)
    }

    @Test func acceptanceAndRetention() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try RecruitmentFixture.build(db)
        let offers = try #require(
            try RateReport.offerAcceptance.read(db, from: Self.from, to: Self.to, by: .month, hub: "R")
                .first { $0.hub == "R" && $0.periodEnd.description == "2026-02-28" })
        #expect(offers.numerator == 10 && offers.denominator == 11 && offers.rate == 90.9)
        let kept = try #require(
            try RateReport.retention91.read(db, from: Self.from, to: Self.to, by: .month, hub: "R")
                .first { $0.hub == "R" && $0.periodEnd.description == "2026-03-31" })
        #expect(kept.numerator == 8 && kept.denominator == 12 && kept.rate == 66.7)
        // At 182 days (cohort window 2024-09-30 … 2025-09-30) the one who left after 106 days no
        // longer counts as staying: 7 / 12 = 58.3%. At 365 days the cohort (starts up to
        // 2025-03-31) does not include them yet: a cohort not yet matured has no row.
        let half = try #require(
            try RateReport.retention182.read(db, from: Self.from, to: Self.to, by: .month, hub: "R")
                .first { $0.hub == "R" && $0.periodEnd.description == "2026-03-31" })
        #expect(half.numerator == 7 && half.denominator == 12 && half.rate == 58.3)
        let year = try RateReport.retention365.read(db, from: Self.from, to: Self.to, by: .month, hub: "R")
        #expect(!year.contains { $0.hub == "R" })
    }

    /// The February cohort (12 applications: all offered, 10 accepted and cleared, 9 started, none
    /// with an interview date) appears once 90 days old; before that it does not.
    @Test func funnelByCohort() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try RecruitmentFixture.build(db)
        let rows = try FunnelReport.read(db, from: Self.from, to: LocalDate(iso: "2026-06-30")!, hub: "R")
        let feb = try #require(rows.first { $0.hub == "R" })
        #expect(feb.cohort.description == "2026-02-01")
        #expect(feb.counts == [12, 0, 12, 10, 10, 9])
        #expect(feb.overall == 75)
        #expect(try FunnelReport.read(db, from: Self.from, to: LocalDate(iso: "2026-04-30")!, hub: "R").isEmpty)
        let page = ReportHTMLRenderer.render(FunnelReport.table(rows, from: Self.from, to: LocalDate(iso: "2026-06-30")!))
        #expect(page.components(separatedBy: "class=\"bar\"").count - 1 == FunnelReport.stages.count)
    }

    /// Costs: £1,000 advertising in February (no hires start then: no figure), £450 of staff
    /// time in March for 9 hires (£50 each); over the quarter £1,450 / 9 = £161.11.
    @Test func costPerHire() throws {
        let test = try TestDatabase()
        defer { withExtendedLifetime(test) {} }
        let db = try test.connect()
        try RecruitmentFixture.build(db)
        let months = try RateReport.costPerHire.read(db, from: Self.from, to: Self.to, by: .month, hub: "R").filter { $0.hub == "R" }
        #expect(months.map(\.numerator) == [1000, 450] && months.map(\.denominator) == [0, 9])
        #expect(months[0].rate == nil && months[1].rate == 50)
        let quarter = try RateReport.costPerHire.read(db, from: Self.from, to: Self.to, by: .quarter, hub: "R").first { $0.hub == "R" }
        #expect(quarter?.numerator == 1450 && quarter?.denominator == 9 && quarter?.rate == 161.11)
    }
}
