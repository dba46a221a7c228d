import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation
import Testing

@Suite("Hand-outs")
struct ExportTests {
    /// A published STAF roster and its hand-out.
    static func published() throws -> (SeededCounty, Handout, StoredRoster) {
        let c = try SeededCounty()
        _ = try VisitPlanner(c.db).plan(week: c.week)
        _ = try RosterWorkflow.generate(c.db, hubs: ["STAF"], week: c.week, search: .init(seed: 1, iterations: 100), actor: "test")
        try RosterWorkflow.publish(c.db, hub: "STAF", week: c.week, version: 1, force: false, actor: "test")
        let stored = try #require(try RosterRepository(c.db).find(hub: "STAF", week: c.week))
        return (c, try RosterWorkflow.handout(c.db, stored), stored)
    }

    /// Each carer's calendar parses as RFC 5545: CRLF lines of at most 75 octets, balanced
    /// blocks, one event per visit they are on, UIDs unique and the same on re-export.
    @Test func calendarsParse() throws {
        let (c, handout, stored) = try Self.published()
        defer { withExtendedLifetime(c) {} }
        var events = 0
        var uids = Set<String>()
        for carer in handout.carers {
            let text = ICalendar.calendar(handout, carer: carer, stamp: stored.createdAt)
            #expect(text.hasSuffix("\r\n"))
            let lines = text.components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
            #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
            let begins = lines.filter { $0 == "BEGIN:VEVENT" }.count
            #expect(begins == lines.filter { $0 == "END:VEVENT" }.count)
            #expect(begins == handout.roster.assignments.filter { $0.carers.contains(carer) }.count)
            for uid in lines.filter({ $0.hasPrefix("UID:") }) { #expect(uids.insert(uid).inserted) }
            #expect(lines.contains { $0.hasPrefix("DTSTART:") && $0.hasSuffix("Z") })
            #expect(text == ICalendar.calendar(handout, carer: carer, stamp: stored.createdAt))
            events += begins
        }
        #expect(events == handout.roster.assignments.reduce(0) { $0 + $1.carers.count })
        #expect(events > 0)
    }

    /// Payroll visit minutes add up to the roster's (each carer of a double-up paid in full),
    /// and its paid travel equals the engine's travel between visits.
    @Test func payrollMatchesRoster() throws {
        let (c, handout, _) = try Self.published()
        defer { withExtendedLifetime(c) {} }
        let lines = Payroll.lines(handout, rates: [:]) { _ in 1271 }
        let durations = Dictionary(uniqueKeysWithValues: handout.problem.visits.map { ($0.id, $0.durationMinutes) })
        let rostered = handout.roster.assignments.reduce(0) { $0 + (durations[$1.visit] ?? 0) * $1.carers.count }
        #expect(lines.reduce(0) { $0 + $1.visitMinutes } == rostered)
        #expect(Set(lines.map(\.carer)) == Set(handout.carers))
        // A line paid 10 pounds an hour for 60 minutes' work is below a 12.71 wage.
        let poor = Payroll.Line(
            carer: "C", name: "C", date: handout.problem.weekStart, visits: 1, visitMinutes: 60, paidTravelMinutes: 0,
            waitingMinutes: 0, hourlyRatePence: 1000, livingWagePence: 1271)
        #expect(poor.belowLivingWage && poor.payPence == 1000)
        let rows = Payroll.rows(lines)
        #expect(rows.count == lines.count + 1 && rows.allSatisfy { $0.count == rows[0].count })
    }

    /// Sheets are complete HTML documents that show clients by first name only.
    @Test func sheetsAreHTML() throws {
        let (c, handout, _) = try Self.published()
        defer { withExtendedLifetime(c) {} }
        let carer = try #require(handout.carers.first)
        let sheet = PrintableSheets.carerSheet(handout, carer: carer)
        #expect(sheet.hasPrefix("<!DOCTYPE html>") && sheet.hasSuffix("</html>\n"))
        #expect(sheet.components(separatedBy: "<table").count == sheet.components(separatedBy: "</table>").count)
        let families: [String] = try c.db.query("SELECT family_name FROM clients WHERE length(family_name) > 3").rows.map {
            try $0.decode("family_name")
        }
        #expect(!families.contains { sheet.contains(">\($0)<") })
        let grid = PrintableSheets.hubOverview(handout)
        #expect(handout.carers.allSatisfy { grid.contains(PrintableSheets.esc(handout.carerNames[$0] ?? $0)) })
    }
}
