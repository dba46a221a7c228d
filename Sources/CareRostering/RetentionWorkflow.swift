import CareModel
import CareReports
import CareStore

extension RosterWorkflow {
    /// How long after the period a carer may leave and still count as a leaver: the weeks
    /// before someone goes are the ones that tell.
    public static let leaverHorizonDays = 91

    /// Roster-linked retention for published weeks whose Monday falls from `from` to `to`:
    /// per-carer measures from each hub's published roster, compared between carers who left
    /// from `from` to 91 days after `to` and carers who stayed.
    public static func retention(_ db: Connection, from: LocalDate, to: LocalDate, hub: String?) throws
        -> (weeks: Int, comparison: [RosterRetention.Comparison])
    {
        let repo = RosterRepository(db)
        var weeks: [(hub: String, problem: Problem, roster: Roster)] = []
        for (code, week) in try repo.publishedWeeks(from: from, to: to, hub: hub) {
            guard let stored = try repo.find(hub: code, week: week, version: try repo.published(hub: code, week: week), documents: .hub) else {
                continue
            }
            let (problem, roster) = try documents(stored)
            weeks.append((code, problem, roster))
        }
        let leavers = try WorkforceRepository(db).leavers(from: from, to: to.adding(days: leaverHorizonDays))
        return (weeks.count, RosterRetention.compare(RosterRetention.measures(weeks), leavers: leavers))
    }
}
