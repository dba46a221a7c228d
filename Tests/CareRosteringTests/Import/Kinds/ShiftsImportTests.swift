import Testing

@testable import CareRostering

@Suite("shifts.csv")
struct ShiftsImportTests {
    /// A carer's shifts on one day are one write, reported on the day's first line; an overnight
    /// shift does not overlap a later one that day.
    @Test func groupsByCarerAndDay() throws {
        let text = "carer,date,start,end\nC1,2026-11-23,07:00,11:00\nC1,2026-11-24,07:00,11:00\nC1,2026-11-23,16:00,02:00\n"
        let parsed = try parse(ShiftsImport.self, text)
        #expect(parsed.issues.isEmpty)
        #expect(parsed.writes.map(\.line) == [2, 3])
    }

    /// Overlap counts the minutes past midnight.
    @Test func overlapIsByElapsedMinutes() throws {
        #expect(
            try issues(ShiftsImport.self, "carer,date,start,end\nC1,2026-11-23,22:00,06:00\nC1,2026-11-23,23:30,23:45\n")
                == ["3: start: overlaps the shift starting 22:00"])
    }
}
