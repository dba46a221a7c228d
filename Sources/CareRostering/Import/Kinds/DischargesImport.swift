import CareModel
import CareStore

/// `discharges.csv`: one hospital discharge per row, by external id, with its 91-day status.
enum DischargesImport: RecordImport {
    static let name = "discharges"
    static let unit = "hospital discharges"
    static let requiredColumns = ["external_id", "hub", "age_at_discharge", "discharge_date", "pathway"]

    static func value(_ r: inout RowReader, _ known: References) -> HospitalDischarge? {
        let id = r.id("external_id")
        let hub = r.id("hub")
        let age = r.int("age_at_discharge", in: 0...120)
        let discharged = r.date("discharge_date")
        let ready = r.date("discharge_ready_date", required: false)
        let pathway = r.int("pathway", in: 0...3)
        let reablement = r.date("reablement_start", required: false)
        let council = r.bool("council_funded", default: true)
        var status: HospitalDischarge.Status?
        if !r.record["status_at_91"].isEmpty { status = r.choice("status_at_91", HospitalDischarge.Status.self) }
        let client = r.optionalID("client")
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        if let client, !known.clients.contains(client) { r.fail("client", "unknown client \(client)") }
        if let ready, let discharged, ready > discharged { r.fail("discharge_ready_date", "after discharge_date") }
        if let reablement, let discharged, reablement < discharged { r.fail("reablement_start", "before discharge_date") }
        guard let id, let hub, let age, let discharged, let pathway else { return nil }
        return HospitalDischarge(
            externalID: id, hubCode: hub, clientID: client, ageAtDischarge: age, dischargeReady: ready,
            discharged: discharged, pathway: pathway, reablementStart: reablement, councilFunded: council,
            statusAt91: status)
    }

    static func identity(of d: HospitalDischarge) -> (key: String, name: String)? { (d.externalID, "external_id \(d.externalID)") }

    static func write(_ d: HospitalDischarge, to db: Connection) throws -> UpsertOutcome { try DischargeRepository(db).upsert(d) }
}

extension ImportKind {
    /// Hospital discharges: age, pathway, reablement and where the person was 91 days later.
    public static let discharges = ImportKind(DischargesImport.self)
}
