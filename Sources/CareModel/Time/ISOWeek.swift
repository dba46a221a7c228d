/// An ISO 8601 week (`2026-W48`): weeks start on Monday, and week 1 holds the year's first Thursday.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (can differ from the calendar year near 1 January).
    public let year: Int
    /// The week number, 1…52 or 53.
    public let week: Int

    /// A week from its year and number; nil when that year has no such week.
    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeksInYear(year) else { return nil }
        self.year = year
        self.week = week
    }

    /// Parses `YYYY-Www` (`2026-W48`); nil otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
            parts[1].count == 3, parts[1].first == "W", parts[1].dropFirst().allSatisfy(\.isASCIIDigit),
            let y = Int(parts[0]), let w = Int(parts[1].dropFirst())
        else { return nil }
        self.init(year: y, week: w)
    }

    /// The week that contains `date`.
    public init(containing date: LocalDate) {
        // The Thursday of the same ISO week decides the year.
        let thursday = date.adding(days: 4 - date.weekday.rawValue)
        let year = thursday.civil.year
        let firstMonday = ISOWeek.mondayOfWeekOne(year)
        self.year = year
        self.week = firstMonday.days(to: thursday) / 7 + 1
    }

    /// The Monday that starts this week.
    public var monday: LocalDate {
        ISOWeek.mondayOfWeekOne(year).adding(days: (week - 1) * 7)
    }

    /// The seven dates of the week, Monday first.
    public var days: [LocalDate] { (0..<7).map { monday.adding(days: $0) } }

    /// The following week.
    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }

    /// `YYYY-Www`.
    public var description: String { "\(pad(year, 4))-W\(pad(week, 2))" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    /// 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53.
    public static func weeksInYear(_ year: Int) -> Int {
        guard let dec28 = LocalDate(year: year, month: 12, day: 28) else { return 52 }
        return mondayOfWeekOne(year).days(to: dec28) / 7 + 1
    }

    private static func mondayOfWeekOne(_ year: Int) -> LocalDate {
        // 4 January is always in week 1.
        let jan4 = LocalDate(year: year, month: 1, day: 4) ?? LocalDate(daysSinceEpoch: 0)
        return jan4.adding(days: 1 - jan4.weekday.rawValue)
    }
}
