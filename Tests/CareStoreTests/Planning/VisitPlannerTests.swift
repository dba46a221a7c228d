import CareModel
import CareStore
import CareTestSupport
import Foundation
import Testing

@Suite("VisitPlanner: lateness and linked calls")
struct VisitPlannerTests {
    /// A hub in `zone` with one client.
    private func setUp(zone: String = "Europe/London") throws -> (TestDatabase, Connection) {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place, timeZone: zone))
        try ClientRepository(db).upsert(
            Client(
                externalID: "P1", hubCode: "A", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA", location: Fixtures.place,
                funding: .council))
        return (test, db)
    }

    private func call(_ day: Weekday, _ hour: Int, _ minute: Int = 0) -> VisitTemplate {
        VisitTemplate(
            weekday: day, windowStart: LocalTime(hour: hour, minute: minute)!, windowEnd: LocalTime(hour: hour, minute: minute + 15)!,
            durationMinutes: 20)
    }

    private let week = ISOWeek(iso: "2026-W48")!
    private let morningToLunch = PackageLink(firstCall: "am", secondCall: "lunch", minGapMinutes: 240, maxGapMinutes: 360, differentCarers: true)

    /// A package whose morning call is time-critical and whose lunch call may be 30 minutes late
    /// and follows the morning one; Wednesday has only a lunch call.
    private func writePackage(_ db: Connection, links: [PackageLink]) throws {
        let critical = PackageCallTerms(label: "am", timeCritical: true)
        let late = PackageCallTerms(label: "lunch", lateAllowedMinutes: 30)
        try PackageRepository(db).upsert(
            CarePackage(
                externalID: "K1", clientID: "P1", validFrom: LocalDate(iso: "2026-01-05")!,
                visits: [call(.monday, 8), call(.monday, 12), call(.tuesday, 8), call(.tuesday, 12), call(.wednesday, 12)]),
            terms: [critical, late, critical, late, late], links: links)
    }

    private func links(_ db: Connection) throws -> [String] {
        try db.query(
            """
            SELECT v1.local_date::text || ' ' || to_char(v1.window_start AT TIME ZONE h.timezone, 'HH24:MI') || '->'
                   || v2.local_date::text || ' ' || to_char(v2.window_start AT TIME ZONE h.timezone, 'HH24:MI')
                   || ' ' || l.min_gap_minutes || '..' || l.max_gap_minutes || (CASE WHEN l.different_carers THEN ' apart' ELSE '' END) AS k
            FROM visit_links l JOIN visits v1 ON v1.id = l.first_visit_id JOIN visits v2 ON v2.id = l.second_visit_id
            JOIN clients cl ON cl.id = v1.client_id JOIN hubs h ON h.id = cl.hub_id
            ORDER BY 1
            """
        ).rows.map { try $0.decode("k") }
    }

    /// Each visit carries its call's lateness; linked calls are linked on each day both are
    /// planned (not Wednesday); planning again changes nothing; a changed or removed package link
    /// changes or removes the visits' links.
    @Test func materialisesLatenessAndLinks() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        try writePackage(db, links: [morningToLunch])
        let first = try VisitPlanner(db).plan(week: week)
        #expect(first.added == 5 && first.links == 2)
        let terms: [String] = try db.query(
            """
            SELECT local_date::text || ' ' || late_allowed_minutes || ' ' || time_critical::text AS k FROM visits ORDER BY window_start
            """
        ).rows.map { try $0.decode("k") }
        #expect(
            terms == [
                "2026-11-23 0 true", "2026-11-23 30 false", "2026-11-24 0 true", "2026-11-24 30 false", "2026-11-25 30 false",
            ])
        #expect(try links(db) == ["2026-11-23 08:00->2026-11-23 12:00 240..360 apart", "2026-11-24 08:00->2026-11-24 12:00 240..360 apart"])
        let again = try VisitPlanner(db).plan(week: week)
        #expect(again.added == 0 && again.updated == 0 && again.cancelled == 0 && again.links == 2)
        var wider = morningToLunch
        wider.maxGapMinutes = 400
        wider.differentCarers = false
        try writePackage(db, links: [wider])
        _ = try VisitPlanner(db).plan(week: week)
        #expect(try links(db) == ["2026-11-23 08:00->2026-11-23 12:00 240..400", "2026-11-24 08:00->2026-11-24 12:00 240..400"])
        try writePackage(db, links: [])
        #expect(try VisitPlanner(db).plan(week: week).links == 0)
        #expect(try links(db).isEmpty)
    }

    /// "The same day" is the local date in the hub's zone: in New York, 18:00 and 23:00 on a
    /// Monday are the next UTC day apart but one local date, and are linked; Monday's 23:00 is
    /// never linked to Tuesday's 18:00.
    @Test func sameDayIsTheHubsLocalDate() throws {
        let (test, db) = try setUp(zone: "America/New_York")
        defer { withExtendedLifetime(test) {} }
        let early = PackageCallTerms(label: "am")
        let late = PackageCallTerms(label: "lunch", lateAllowedMinutes: 10)
        try PackageRepository(db).upsert(
            CarePackage(
                externalID: "K1", clientID: "P1", validFrom: LocalDate(iso: "2026-01-05")!,
                visits: [call(.monday, 18), call(.monday, 23), call(.tuesday, 18), call(.tuesday, 23)]),
            terms: [early, late, early, late], links: [morningToLunch])
        #expect(try VisitPlanner(db).plan(week: week).links == 2)
        #expect(try links(db) == ["2026-11-23 18:00->2026-11-23 23:00 240..360 apart", "2026-11-24 18:00->2026-11-24 23:00 240..360 apart"])
    }

    /// The week's problem carries each visit's lateness and the links between its visits, and
    /// the problem file says the same after encoding and decoding.
    @Test func theWeeksProblemCarriesThem() throws {
        let (test, db) = try setUp()
        defer { withExtendedLifetime(test) {} }
        try writePackage(db, links: [morningToLunch])
        _ = try VisitPlanner(db).plan(week: week)
        let problem = try WeekProblemLoader(db).load(hubCodes: ["A"], week: week)
        #expect(problem.visits.map(\.lateAllowedMinutes) == [0, 30, 0, 30, 30])
        #expect(problem.visits.map(\.timeCritical) == [true, false, true, false, false])
        let ids = problem.visits.map(\.id)
        #expect(
            problem.links == [
                Problem.Link(first: ids[0], second: ids[1], minGapMinutes: 240, maxGapMinutes: 360, differentCarers: true),
                Problem.Link(first: ids[2], second: ids[3], minGapMinutes: 240, maxGapMinutes: 360, differentCarers: true),
            ])
        let decoded = try ProblemDecoder.decode(try ProblemEncoder.encode(problem), file: "week")
        #expect(decoded.links == problem.links && decoded.visits == problem.visits)
    }
}
