/// One recurring weekly call of a care package: "Tuesdays, start between 07:30 and 08:30, 45 minutes".
public struct VisitTemplate: Hashable, Sendable {
    public var weekday: Weekday
    /// Earliest local start.
    public var windowStart: LocalTime
    /// Latest local start (the window bounds the start, not the end).
    public var windowEnd: LocalTime
    public var durationMinutes: Int
    public var skills: [Skill]
    /// 1, 2 (a double-up, e.g. for a hoist) or 3.
    public var carersNeeded: Int
    public var priority: Priority

    /// A template; validity is checked by `validationIssues()` and by the database.
    public init(
        weekday: Weekday, windowStart: LocalTime, windowEnd: LocalTime, durationMinutes: Int,
        skills: [Skill] = [], carersNeeded: Int = 1, priority: Priority = .normal
    ) {
        self.weekday = weekday
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.durationMinutes = durationMinutes
        self.skills = skills
        self.carersNeeded = carersNeeded
        self.priority = priority
    }

    /// What is wrong with this template, field by field; empty when it is valid.
    public func validationIssues() -> [FieldIssue] {
        var issues: [FieldIssue] = []
        if windowEnd < windowStart { issues.append(FieldIssue("window_end", "before window_start")) }
        if durationMinutes <= 0 { issues.append(FieldIssue("duration_minutes", "must be positive")) }
        if durationMinutes > 24 * 60 { issues.append(FieldIssue("duration_minutes", "longer than a day")) }
        if !Problem.Visit.carerCounts.contains(carersNeeded) { issues.append(FieldIssue("carers", Problem.Visit.carerCountRule)) }
        return issues
    }
}
