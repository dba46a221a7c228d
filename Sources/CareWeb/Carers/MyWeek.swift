import CareModel
import CareReports
import CareStore
import Foundation

/// What a carer's own link opens, ready to show: the hand-outs of their slice of each published
/// roster (PostgreSQL cut it to them; see `CarerLinkReader`) and their latest changes.
struct MyWeek: Sendable {
    let carer: String
    let givenName: String
    let handouts: [Handout]
    let changes: [CarerChange]
    /// Access notes and tasks of their visits in the next 24 hours (the page only).
    let visitTasks: [CarerLinkWeek.VisitTasks]
    /// The newest publication, as the calendar's DTSTAMP.
    let stamp: Instant?

    /// Reads the link (nil: unknown or revoked) and decodes its documents, on the pool's thread.
    /// `tasks`: the page's care-plan tasks (never the calendar's, which phones sync elsewhere).
    static func load(_ db: Connection, token: String, changes: Int, tasks: Bool = false) throws -> MyWeek? {
        guard let link = try CarerLinkReader(db).read(token: token, changes: changes, tasks: tasks) else { return nil }
        let handouts = try link.rosters.map { published in
            Handout(
                hub: published.hub, week: published.week, version: published.version,
                problem: try ProblemDecoder.decode(Data(published.problemText.utf8), file: "carer link", strictIDs: false),
                roster: try Roster.decode(Data(published.rosterText.utf8)), carerNames: published.carerNames,
                clientFirstNames: published.clientFirstNames, clientAreas: published.clientAreas)
        }
        return MyWeek(
            carer: link.carer, givenName: link.givenName, handouts: handouts, changes: link.changes, visitTasks: link.visitTasks,
            stamp: link.rosters.map(\.publishedAt).max())
    }

    /// The calendar a subscription serves: every visit of theirs in these rosters, fetched again
    /// hourly so that a rebalance reaches the phone the same day.
    func calendar() -> String {
        ICalendar.calendar(
            handouts, carer: carer, name: "\(givenName)'s visits (carehub)",
            stamp: stamp ?? Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)), refreshMinutes: 60)
    }
}
