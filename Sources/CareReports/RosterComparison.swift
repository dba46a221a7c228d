import CareModel

/// A draft priced against the published version before publishing: what moves, who must be
/// told, what changes at short notice, continuity lost or gained, travel and coverage.
public struct RosterComparison: Sendable {
    public let changes: [RosterDiff.Change]
    /// Visits with any change (a double-up's change counts once).
    public let visitsChanged: Int
    /// Carers whose week changes, who must be told.
    public let carersToTell: [String]
    /// Changes to visits starting within `shortNoticeMinutes` of `now` (by the old or new time).
    public let shortNotice: [RosterDiff.Change]
    /// (client, carer) pairs the draft adds and those it ends.
    public let continuityGained: Int
    public let continuityLost: Int
    public let before: HubWeekFigures
    public let after: HubWeekFigures

    /// `old` is the published hand-out, `new` the draft's; `now` is when the change would be told.
    public init(old: Handout, new: Handout, now: Instant, shortNoticeMinutes: Int = 48 * 60) {
        let diff = RosterDiff(old: old.roster, new: new.roster)
        changes = diff.changes()
        visitsChanged = Set(changes.map(\.visit)).count
        carersToTell = Array(Set(changes.map(\.carer))).sorted()
        let oldStart = Dictionary(old.roster.assignments.map { ($0.visit, $0.start) }, uniquingKeysWith: { a, _ in a })
        let newStart = Dictionary(new.roster.assignments.map { ($0.visit, $0.start) }, uniquingKeysWith: { a, _ in a })
        let horizon = now.adding(minutes: shortNoticeMinutes)
        shortNotice = changes.filter { c in
            [oldStart[c.visit], newStart[c.visit]].compactMap { $0.flatMap(Instant.init(rfc3339:)) }.contains { now <= $0 && $0 < horizon }
        }
        func pairs(_ h: Handout) -> Set<String> {
            let client = Dictionary(h.problem.visits.map { ($0.id, $0.client) }, uniquingKeysWith: { a, _ in a })
            return Set(h.roster.assignments.flatMap { a in a.carers.map { "\(client[a.visit] ?? "")\u{1F}\($0)" } })
        }
        let (p0, p1) = (pairs(old), pairs(new))
        continuityGained = p1.subtracting(p0).count
        continuityLost = p0.subtracting(p1).count
        before = HubWeekFigures(old)
        after = HubWeekFigures(new)
    }
}
