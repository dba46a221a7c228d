import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("ClientRepository")
struct ClientRepositoryTests {
    /// A change of preferred carer alone makes the client updated; the same client again is unchanged.
    @Test func relationsCountAsChanges() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place))
        try CarerRepository(db).upsert(Fixtures.carer("C1", hub: "A"))
        try CarerRepository(db).upsert(Fixtures.carer("C2", hub: "A"))
        var client = Client(
            externalID: "P1", hubCode: "A", givenName: "Ann", familyName: "Smith", postcode: "ST16 1AA",
            location: Fixtures.place, funding: .council, preferredCarers: ["C1"])
        let clients = ClientRepository(db)
        #expect(try clients.upsert(client) == .new)
        #expect(try clients.upsert(client) == .unchanged)
        client.preferredCarers = []
        client.excludedCarers = ["C1"]
        #expect(try clients.upsert(client) == .updated)
        let relation: String = try db.query("SELECT relation FROM client_carer_relations").rows[0].decode("relation")
        #expect(relation == "excluded")
    }
}
