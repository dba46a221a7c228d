import CareModel
import CareReports
import CareRostering
import CareStore

extension ReportOptions {
    /// Reads `report`'s figures through the store (`ReportLoader`, shared with the web pages).
    func load(_ report: ReportName) throws -> ReportTable {
        let db = try database.connect()
        try checkHub(db, required: report.isWeekly)
        let week = self.week ?? .next()
        // `validate(for:)` has checked that a period report has both days; a weekly one uses none.
        let (from, to) = (LocalDate(iso: self.from ?? "") ?? week.monday, LocalDate(iso: self.to ?? "") ?? week.monday)
        let scope = PeriodReportRepository.Scope(from: from, to: to, grain: by ?? .month, hub: hub)
        do {
            return try ReportLoader.load(report, db, .init(week: week, scope: scope))
        } catch let none as ReportLoader.NoPublishedRoster {
            throw CommandFailure(none.description)
        }
    }

    /// Fails when --hub names no hub, or (for weekly reports) when there are no hubs at all.
    private func checkHub(_ db: Connection, required: Bool) throws {
        let hubs = try HubRepository(db).all().map(\.hub.code)
        if let hub, !hubs.contains(hub) { throw CommandFailure("no hub with code \(hub); hubs are \(hubs.joined(separator: ", "))") }
        if required && hubs.isEmpty { throw CommandFailure(noHubsMessage(nil)) }
    }
}
