import CareModel
import CareReports
import CareRostering
import CareStore

extension ReportOptions {
    /// Reads `report`'s figures through the store and builds its one value.
    func load(_ report: ReportName) throws -> ReportTable {
        let db = try database.connect()
        try checkHub(db, required: report.isWeekly)
        let week = self.week ?? .next()
        // `validate(for:)` has checked that a period report has both days; a weekly one uses none.
        let (from, to) = (LocalDate(iso: self.from ?? "") ?? week.monday, LocalDate(iso: self.to ?? "") ?? week.monday)
        let scope = PeriodReportRepository.Scope(from: from, to: to, grain: by ?? .month, hub: hub)
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
            if weeks == 0 {
                throw CommandFailure("no published roster for a week starting \(from) to \(to); publish one with `carehub roster publish`")
            }
            let until = to.adding(days: RosterWorkflow.leaverHorizonDays)
            return RosterRetention.table(rows, weeks: weeks, from: from, to: to, leaversUntil: until)
        }
    }

    /// Fails when --hub names no hub, or (for weekly reports) when there are no hubs at all.
    private func checkHub(_ db: Connection, required: Bool) throws {
        let hubs = try HubRepository(db).all().map(\.hub.code)
        if let hub, !hubs.contains(hub) { throw CommandFailure("no hub with code \(hub); hubs are \(hubs.joined(separator: ", "))") }
        if required && hubs.isEmpty { throw CommandFailure(noHubsMessage(nil)) }
    }
}
