import CareModel
import CareStore

/// `records.csv`: the shared part of a person's record, one row per client (issue 15). Names,
/// postcode and date of birth stay in `clients.csv`; this file adds what health and social care
/// both need. Errors name the column, never the value (it is personal data).
enum RecordsImport: RecordImport {
    static let name = "records"
    static let unit = "records"
    /// Every column: the file is the whole record, so a column left out (or misspelt) would blank
    /// what is stored, DNACPR and allergies included. Blank cells are allowed.
    static let requiredColumns = [
        "client", "nhs_number", "address", "next_of_kin", "gp_practice", "communication_needs", "what_matters", "falls_risk", "hoist",
        "allergies", "dnacpr", "dnacpr_location", "consent", "consent_covers", "consent_recorded_by", "consent_recorded_on",
    ]

    static func value(_ r: inout RowReader, _ known: References) -> ClientRecord? {
        let client = r.id("client")
        if let client, !known.clients.contains(client) { r.fail("client", "unknown client \(client)") }
        var nhs: NHSNumber?
        if let text = r.optionalText("nhs_number") {
            if let problem = NHSNumber.problem(text) { r.fail("nhs_number", problem) } else { nhs = NHSNumber(text) }
        }
        let dnacpr = r.bool("dnacpr")
        let dnacprLocation = r.optionalText("dnacpr_location")
        if dnacpr && dnacprLocation == nil { r.fail("dnacpr_location", "required when dnacpr is yes (where the form is kept)") }
        if !dnacpr && dnacprLocation != nil { r.fail("dnacpr_location", "only with dnacpr yes") }
        let risks = ClientRecord.Risks(
            falls: r.bool("falls_risk"), hoist: r.bool("hoist"), allergies: r.optionalText("allergies") ?? "",
            dnacprLocation: dnacpr ? dnacprLocation : nil)
        let consent = Self.consent(&r)
        guard let client else { return nil }
        return ClientRecord(
            clientID: client, nhsNumber: nhs, address: r.optionalText("address") ?? "", nextOfKin: r.optionalText("next_of_kin") ?? "",
            gpPractice: r.optionalText("gp_practice") ?? "", communicationNeeds: r.optionalText("communication_needs") ?? "",
            whatMatters: r.optionalText("what_matters") ?? "", risks: risks, consent: consent)
    }

    /// `consent` yes needs what it covers, who recorded it and when; no (the default) allows none of them.
    private static func consent(_ r: inout RowReader) -> ClientRecord.Consent? {
        let given = r.bool("consent")
        let columns = ["consent_covers", "consent_recorded_by", "consent_recorded_on"]
        guard given else {
            for column in columns where !r.record[column].isEmpty { r.fail(column, "only with consent yes") }
            return nil
        }
        var covers: Set<ClientRecord.ConsentScope> = []
        for code in r.list("consent_covers") {
            if let scope = ClientRecord.ConsentScope(rawValue: code) {
                covers.insert(scope)
            } else {
                r.fail("consent_covers", "must be one or more of \(ClientRecord.ConsentScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if r.list("consent_covers").isEmpty { r.fail("consent_covers", "required when consent is yes") }
        let by = r.text("consent_recorded_by")
        let on = r.date("consent_recorded_on")
        guard !covers.isEmpty, let by, let on else { return nil }
        return ClientRecord.Consent(covers: covers, recordedBy: by, recordedOn: on)
    }

    static func identity(of record: ClientRecord) -> (key: String, name: String)? { (record.clientID, "client \(record.clientID)") }

    static func write(_ record: ClientRecord, to db: Connection) throws -> UpsertOutcome { try ClientRecordRepository(db).upsert(record) }
}

extension ImportKind {
    /// The shared part of people's records: NHS number, next of kin, GP, risks, consent to share.
    public static let records = ImportKind(RecordsImport.self)
}
