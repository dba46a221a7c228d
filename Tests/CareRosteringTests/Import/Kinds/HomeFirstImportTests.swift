import CareModel
import Testing

@testable import CareRostering

@Suite("home-first.csv and leads.csv")
struct HomeFirstImportTests {
    static let header = "discharge,client,given_name,family_name,postcode,lat,lon,date_of_birth,funding,calls,carers,days\n"

    /// An existing client links with the details left blank; a new one brings them; calls default to all four.
    @Test func linksOrCreates() throws {
        let text = Self.header + "D-1,P1,,,,,,,,am;bed,2,\n" + "D-2,P-NEW,Edith,Shaw,ST16 2AB,52.8,-2.1,1941-03-02,,,,28\n"
        let parsed = try parse(HomeFirstImport.self, text)
        #expect(parsed.issues.isEmpty && parsed.writes.map(\.line) == [2, 3])
        var reader = RowReader(try CSVFile(text: text, name: "home-first.csv").records[1])
        let row = try #require(HomeFirstImport.value(&reader, knownIDs))
        #expect(row.admission.newClient?.givenName == "Edith" && row.admission.newClient?.funding == .bcfPooled)
        #expect(row.admission.calls == HomeFirst.Call.allCases && row.admission.days == 28 && row.admission.packageID == "HF-D-2")
    }

    /// Each bad field named by line and column, never by value.
    @Test func namesEachBadField() throws {
        let text =
            Self.header + "D-1,P1,Edith,,,,,,,,,\n"  // details for an existing client
            + "D-2,P-NEW,,,,,,,,,,\n"  // a new client without details
            + "D-3,P-NEW,Edith,Shaw,,52.8,,,,brunch,3,\n"  // no postcode or longitude; a call that is not one; three carers
            + "D-4,P1,,,,,,,,,,\n" + "D-4,P1,,,,,,,,,,\n"  // the same discharge twice
        #expect(
            try issues(HomeFirstImport.self, text) == [
                "2: given_name: leave blank: client P1 exists",
                "3: client: unknown client P-NEW; give given_name, family_name, postcode, lat and lon to create them",
                "4: calls: each of am, lunch, tea, bed (separated by ;)",
                "4: carers: must be 1…2",
                "4: postcode: required",
                "4: lon: required",
                "6: duplicate discharge D-4 (first on line 5)",
            ])
        #expect(!(try issues(HomeFirstImport.self, text)).joined().contains("Edith"))
    }

    @Test func leadsNameAClientAndAnEmail() throws {
        let text = "client,lead\nP1,nurse@staf.example\nP9,nurse@staf.example\nP1,nurse\n"
        #expect(
            try issues(LeadsImport.self, text) == [
                "3: client: unknown client P9",
                "4: lead: expected the lead's e-mail",
            ])
    }
}
