import CareModel
import CareStore

/// `clients.csv`: one person receiving care per row, by external id, with funding and carer preferences.
enum ClientsImport: RecordImport {
    static let name = "clients"
    static let requiredColumns = ["external_id", "hub", "given_name", "family_name", "postcode", "lat", "lon", "funding"]

    static func value(_ r: inout RowReader, _ known: References) -> Client? {
        let id = r.id("external_id")
        let hub = r.id("hub")
        let given = r.text("given_name")
        let family = r.record["family_name"]
        let postcode = r.text("postcode")
        let place = r.point("lat", "lon")
        var preference: Gender?
        if !r.record["gender_preference"].isEmpty {
            preference = r.choice("gender_preference", Gender.self)
            if let p = preference, p != .female && p != .male {
                r.fail("gender_preference", "must be female or male")
                preference = nil
            }
        }
        let funding = r.choice("funding", FundingStream.self)
        let homeFirst = r.bool("home_first")
        let discharge = r.date("discharge_date", required: false)
        let birth = r.date("date_of_birth", required: false)
        let preferred = r.ids("preferred_carers")
        let excluded = r.ids("excluded_carers")
        if let hub, !known.hubs.contains(hub) { r.fail("hub", "unknown hub \(hub)") }
        for c in preferred where !known.carers.contains(c) { r.fail("preferred_carers", "unknown carer \(c)") }
        for c in excluded where !known.carers.contains(c) { r.fail("excluded_carers", "unknown carer \(c)") }
        for c in preferred where excluded.contains(c) { r.fail("preferred_carers", "carer \(c) is also excluded") }
        if homeFirst && discharge == nil { r.fail("discharge_date", "required for a Home First client") }
        guard let id, let hub, let given, let postcode, let place, let funding else { return nil }
        return Client(
            externalID: id, hubCode: hub, givenName: given, familyName: family, postcode: postcode, location: place,
            genderPreference: preference, leadProfessional: r.optionalText("lead_professional"), funding: funding, homeFirst: homeFirst,
            dischargeDate: discharge, dateOfBirth: birth, excludedCarers: excluded, preferredCarers: preferred)
    }

    static func identity(of client: Client) -> (key: String, name: String)? { (client.externalID, "external_id \(client.externalID)") }

    static func write(_ client: Client, to db: Connection) throws -> UpsertOutcome { try ClientRepository(db).upsert(client) }
}

extension ImportKind {
    /// Clients: the people cared for, their hub, funding and carer preferences.
    public static let clients = ImportKind(ClientsImport.self)
}
