import Testing

@testable import CareRostering

@Suite("clients.csv")
struct ClientsImportTests {
    static let header = "external_id,hub,given_name,family_name,postcode,lat,lon,funding,gender_preference,preferred_carers,excluded_carers\n"

    /// A carer both preferred and excluded, and a preference other than female or male, are named.
    @Test func checksPreferences() throws {
        let text = Self.header + "P2,STAF,Al,Bo,ST16 1AA,52.8,-2.1,council,other,C1,C1\nP3,STAF,Cy,Do,ST16 1AA,52.8,-2.1,council,female,C1,\n"
        #expect(
            try issues(ClientsImport.self, text) == [
                "2: gender_preference: must be female or male",
                "2: preferred_carers: carer C1 is also excluded",
            ])
        #expect(try parse(ClientsImport.self, text).writes.map(\.line) == [3])
    }
}
