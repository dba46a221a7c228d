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

    /// Reads everything in the acting transaction; each part's read is audited by its
    /// repository. A person the reader does not reach is a 404.
    static func load(_ db: Connection, clientID: String) throws -> PersonRecord {
        guard let reach = try RecordAccessRepository(db).reach(clientExternalID: clientID),
            let person = try ClientRecordRepository(db).person(clientExternalID: clientID),
            // Who the person is, their leads and handovers: the page's read of them, recorded.
            try AuditRepository(db).recordClientRead(externalID: clientID)
        else { throw notFound("person") }
        let journeys = JourneyRepository(db)
        return PersonRecord(
            clientID: clientID, person: person, reach: reach,
            record: reach.record ? .some(try ClientRecordRepository(db).record(clientExternalID: clientID)) : .none,
            plan: reach.carePlan ? try CarePlanRepository(db).plan(clientExternalID: clientID) : nil,
            notes: reach.notes ? try ClientNoteRepository(db).notes(clientExternalID: clientID) : nil,
            journey: reach.record ? try journeys.episodes(clientExternalID: clientID) : nil,
            handovers: try journeys.handovers(clientExternalID: clientID),
            leads: try LeadRepository(db).history(clientExternalID: clientID))
    }

    /// `/people/{client}`, percent-encoded.
    static func path(_ clientID: String) -> String {
        "/people/" + ClientPage.path(clientID)
    }
}
