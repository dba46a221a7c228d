import CareModel
import CareReports
import CareRostering
import CareStore

/// What the client page shows: one client's visits in a hub's week and the week before, from
/// the published roster of each week, else its newest draft.
struct ClientWeek: Sendable {
    /// One week's roster as the page uses it.
    struct RosterWeek: Sendable {
        let week: ISOWeek
        let version: Int
        let status: RosterStatus
        /// The client's visits by window start (`RosterReview.clientVisits`).
        let visits: [RosterReview.ClientVisit]
        /// Carers' names by id, for the carers of these visits.
        let carerNames: [String: String]
    }

    let hub: String
    let clientID: String
    /// First name and postcode district, as a rota shows the client (nil when not readable).
    let label: String
    /// The client as this week's problem has them (preferences).
    let client: Problem.Client
    let this: RosterWeek
    /// Nil when the week before has no roster, or the client was not in it.
    let last: RosterWeek?
    /// Names of the client's preferred carers (who may have no visit to them this week).
    let preferredNames: [String: String]
    /// The shared record (migration 0026) when the role may read it; `nil` inside when none is written yet.
    let record: ClientRecord??
    /// The record's notes, oldest first (empty unless the record was read).
    let notes: [ClientNote]

    /// Carers of this week's visits, by name.
    var carers: [String] { Set(this.visits.flatMap(\.carers)).sorted { name($0) < name($1) } }
    /// Carers this week who also came the week before.
    var familiar: [String] { carers.filter { Set(last?.visits.flatMap(\.carers) ?? []).contains($0) } }

    /// A carer's name from either week, else their id.
    func name(_ carer: String) -> String { this.carerNames[carer] ?? last?.carerNames[carer] ?? preferredNames[carer] ?? carer }
}

extension ClientWeek {
    /// Reads the client's two weeks in the acting transaction and records the read in the audit
    /// trail (`carehub_record_client_read`, in the same transaction: a page that fails records
    /// nothing). A week without a roster, and a client who is not this hub's or not visible to the
    /// person acting (another hub's rows are absent), are both 404s.
    /// `withRecord`: also read the shared record (managers only: no other role has the privilege),
    /// which records its own read.
    static func load(_ db: Connection, hub: String, week: ISOWeek, clientID: String, withRecord: Bool) throws -> ClientWeek {
        guard let stored = try version(db, hub: hub, week: week) else { throw notFound("roster for this week") }
        guard let this = try rosterWeek(db, stored, week: week, clientID: clientID),
            let client = this.problem.clients.first(where: { $0.id == clientID && $0.hub == hub }),
            try AuditRepository(db).recordClientRead(externalID: clientID)
        else { throw notFound("client") }
        let previous = ISOWeek(containing: week.monday.adding(days: -7))
        let last = try version(db, hub: hub, week: previous).flatMap { try rosterWeek(db, $0, week: previous, clientID: clientID) }
        let handouts = HandoutRepository(db)
        let details = try handouts.clients([clientID])[clientID]
        let label = details.map { "\($0.firstName) (\($0.addressArea))" } ?? clientID
        let preferred = try handouts.carers(client.preferredCarers).mapValues(\.name)
        let record: ClientRecord?? = withRecord ? .some(try ClientRecordRepository(db).record(clientExternalID: clientID)) : .none
        let notes = withRecord ? try ClientNoteRepository(db).notes(clientExternalID: clientID) : []
        return ClientWeek(
            hub: hub, clientID: clientID, label: label, client: client, this: this.week, last: last?.week, preferredNames: preferred,
            record: record, notes: notes)
    }

    /// The published version of a hub's week, else its newest draft; nil when it has none.
    private static func version(_ db: Connection, hub: String, week: ISOWeek) throws -> StoredRoster? {
        let rosters = RosterRepository(db)
        return try rosters.find(hub: hub, week: week, version: try rosters.published(hub: hub, week: week), documents: .hub)
    }

    /// The client's visits in a stored version, with its carers' names; nil when the client is not in it.
    private static func rosterWeek(_ db: Connection, _ stored: StoredRoster, week: ISOWeek, clientID: String) throws -> (
        week: RosterWeek, problem: Problem
    )? {
        let handout = try RosterWorkflow.handout(db, stored)
        guard let visits = RosterReview(problem: handout.problem, roster: handout.roster, hub: stored.hubCode).clientVisits(clientID) else {
            return nil
        }
        let week = RosterWeek(week: week, version: stored.version, status: stored.status, visits: visits, carerNames: handout.carerNames)
        return (week, handout.problem)
    }
}
