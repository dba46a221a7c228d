import CareModel
import CareReports
import CareStore

/// Builds any report's one value from the store: the one place that knows which repository call
/// and which `CareReports` table each `ReportName` needs, shared by `carehub report` and the web
/// pages so both show the same figures. Runs as whoever the connection acts for: a commissioner
/// reads the market and Better Care Fund reports through their suppressing twins.
public enum ReportLoader {
    /// What a report covers: the ISO week of `capacity` and `skills`; the days, grain and hub of
    /// the others (the week's Monday stands in for days a weekly report does not use).
    public struct Request: Sendable, Equatable {
        public let week: ISOWeek
        public let scope: PeriodReportRepository.Scope

        public init(week: ISOWeek, scope: PeriodReportRepository.Scope) { (self.week, self.scope) = (week, scope) }
    }

    /// `roster-retention` over days with no published roster: there is nothing to measure.
    public struct NoPublishedRoster: Error, Sendable, CustomStringConvertible {
        public let from: LocalDate
        public let to: LocalDate
        public var description: String {
            "no published roster for a week starting \(from) to \(to); publish one with `carehub roster publish`"
        }
    }

    /// Reads `report`'s figures through the store and builds its table.
    public static func load(_ report: ReportName, _ db: Connection, _ request: Request) throws -> ReportTable {
        let (week, scope) = (request.week, request.scope)
        let (from, to, hub) = (scope.from, scope.to, scope.hub)
        let periods = PeriodReportRepository(db)
        let weekly = WeeklyReportRepository(db)
        switch report {
        case .capacity:
            return CapacityReport.table(try weekly.capacity(week: week, hubCode: hub), week: week)
        case .skills:
            return SkillsReport.table(try weekly.skills(week: week, hubCode: hub), week: week)
        case .rate(let r):
            let anchors = try periods.anchors(r.anchorMetric.map { [$0] } ?? [])
            return r.table(try periods.rates(r.function, scope), anchors: anchors, from: from, to: to)
        case .duration(let r):
            return r.table(try periods.durations(r.function, scope), from: from, to: to)
        case .leavers(let r):
            return r.table(try periods.leavers(by: r.field, scope), from: from, to: to)
        case .funnel:
            return FunnelReport.table(try periods.funnel(scope), from: from, to: to)
        case .figure(let r):
            let rows = try periods.figures(r.function, columns: r.columns.map(\.name), scope)
            return r.table(rows, anchors: try periods.anchors(r.notedAnchors), from: from, to: to)
        case .rosterRetention:
            let (weeks, rows) = try RosterWorkflow.retention(db, from: from, to: to, hub: hub)
            if weeks == 0 { throw NoPublishedRoster(from: from, to: to) }
            let until = to.adding(days: RosterWorkflow.leaverHorizonDays)
            return RosterRetention.table(rows, weeks: weeks, from: from, to: to, leaversUntil: until)
        }
    }
}
