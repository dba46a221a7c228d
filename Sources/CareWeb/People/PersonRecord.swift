import CareModel
import CareStore

/// What the person page shows, as the database lets the acting person see it: who the person
/// is, and each part of their record they reach (nil: not shared with them).
struct PersonRecord: Sendable {
    let clientID: String
    let person: ClientRecordRepository.Person
    let reach: RecordReach
    /// The shared record: nil when not reached; `.some(nil)` when reached but none is written.
    let record: ClientRecord??
    let plan: CarePlan?
    let notes: [ClientNote]?
    let journey: [JourneyEpisode]?
    let handovers: [Handover]
    let leads: [LeadSpell]
    /// The reader may hand the person over: their lead, or a manager of their hub (the database
    /// checks again when they do).
    let mayHandOver: Bool
    /// The reader may add to the journey and the notes (not through read-only break-glass).
    let writes: (record: Bool, notes: Bool)
    /// Staff of the person's hub the reader sees, for the handover form's choices.
    let receivers: [(email: String, name: String, service: StaffService?)]

    /// Reads everything in the acting transaction; each part's read is audited by its
    /// repository. A person the reader does not reach is a 404.
    static func load(_ db: Connection, clientID: String, session: WebSession) throws -> PersonRecord {
        guard let reach = try RecordAccessRepository(db).reach(clientExternalID: clientID),
            let person = try ClientRecordRepository(db).person(clientExternalID: clientID),
            // Who the person is, their leads and handovers: the page's read of them, recorded.
            try AuditRepository(db).recordClientRead(externalID: clientID)
        else { throw notFound("person") }
        let journeys = JourneyRepository(db)
        let leads = LeadRepository(db)
        let mayHandOver = try session.person.role == .manager || leads.leads(clientExternalID: clientID, personID: session.person.id)
        return PersonRecord(
            clientID: clientID, person: person, reach: reach,
            record: reach.record ? .some(try ClientRecordRepository(db).record(clientExternalID: clientID)) : .none,
            plan: reach.carePlan ? try CarePlanRepository(db).plan(clientExternalID: clientID) : nil,
            notes: reach.notes ? try ClientNoteRepository(db).notes(clientExternalID: clientID) : nil,
            journey: reach.record ? try journeys.episodes(clientExternalID: clientID) : nil,
            // The journey's read covers the handovers when it was read; else a receiver's is recorded.
            handovers: try journeys.handovers(clientExternalID: clientID, recordRead: !reach.record),
            leads: try leads.history(clientExternalID: clientID), mayHandOver: mayHandOver,
            writes: try RecordAccessRepository(db).writes(clientExternalID: clientID),
            receivers: mayHandOver ? try leads.receivers(clientExternalID: clientID).filter { $0.email != session.person.email } : [])
    }

    /// `/people/{client}`, percent-encoded.
    static func path(_ clientID: String) -> String {
        "/people/" + ClientPage.path(clientID)
    }
}
