import CareModel
import Testing

@Suite("Calendar values")
struct CalendarTests {
    /// Civil fields survive a round trip through the day count for every day of 1899…2101.
    @Test func civilRoundTrip() {
        var day = LocalDate(year: 1899, month: 1, day: 1)!
        let end = LocalDate(year: 2101, month: 12, day: 31)!
        while day <= end {
            let (y, m, d) = day.civil
            #expect(LocalDate(year: y, month: m, day: d) == day)
            day = day.adding(days: 1)
        }
    }

    /// Known dates have known weekdays and ISO text.
    @Test func knownDates() {
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(LocalDate(daysSinceEpoch: 0).weekday == .thursday)
        #expect(LocalDate(iso: "2026-11-23")?.weekday == .monday)
        #expect(LocalDate(iso: "2000-02-29") != nil)
        #expect(LocalDate(iso: "1900-02-29") == nil)
        #expect(LocalDate(iso: "2026-2-3") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
    }

    /// ISO weeks: year boundaries, 53-week years and parsing.
    @Test func isoWeeks() {
        #expect(ISOWeek(containing: LocalDate(iso: "2026-11-23")!).description == "2026-W48")
        #expect(ISOWeek(containing: LocalDate(iso: "2027-01-01")!).description == "2026-W53")
        #expect(ISOWeek(containing: LocalDate(iso: "2024-12-30")!).description == "2025-W01")
        #expect(ISOWeek.weeksInYear(2026) == 53)
        #expect(ISOWeek.weeksInYear(2025) == 52)
        #expect(ISOWeek(iso: "2026-W48")?.monday.description == "2026-11-23")
        #expect(ISOWeek(iso: "2025-W53") == nil)
        #expect(ISOWeek(iso: "2026-48") == nil)
        #expect(ISOWeek(iso: "2026-W53")?.next.description == "2027-W01")
    }

    /// Local times parse strictly.
    @Test func localTimes() {
        #expect(LocalTime(iso: "07:30")?.minutesSinceMidnight == 450)
        #expect(LocalTime(iso: "23:59:00")?.description == "23:59")
        #expect(LocalTime(iso: "24:00") == nil)
        #expect(LocalTime(iso: "7:30") == nil)
        #expect(LocalTime(iso: "07:30:15") == nil)
    }

    /// Instants format as RFC 3339 at any offset, before and after the epoch.
    @Test func instantsFormat() {
        let t = Instant(utcDate: LocalDate(iso: "2026-11-23")!, minutes: 7 * 60 + 30)
        #expect(t.description == "2026-11-23T07:30:00Z")
        #expect(t.rfc3339(offsetMinutes: 60) == "2026-11-23T08:30:00+01:00")
        #expect(t.rfc3339(offsetMinutes: 0, zulu: false) == "2026-11-23T07:30:00+00:00")
        #expect(t.rfc3339(offsetMinutes: -210) == "2026-11-23T04:00:00-03:30")
        #expect(Instant(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        #expect(t.minutes(to: t.adding(minutes: 95)) == 95)
    }

    /// Weekdays parse from numbers and names.
    @Test func weekdays() {
        #expect(Weekday(text: "1") == .monday)
        #expect(Weekday(text: "Sun") == .sunday)
        #expect(Weekday(text: "wednesday") == .wednesday)
        #expect(Weekday(text: "8") == nil)
    }
}
