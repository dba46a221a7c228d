import Testing

@testable import CareRostering

@Suite("commissions.csv")
struct CommissionsImportTests {
    static let header = "package,client,funder,commissioned_hours,requested_on,started_on,ended_on,end_reason\n"

    /// An end reason needs an end date, a start cannot precede the request, and a package appears once.
    @Test func checksDatesAndRepeats() throws {
        let text =
            Self.header + "K1,P1,council,10,2026-01-05,2026-01-01,,\nK2,P1,council,10,,,,provider_handback\nK3,P1,council,,,,,\nK3,P1,council,,,,,\n"
        #expect(
            try issues(CommissionsImport.self, text) == [
                "2: started_on: before requested_on",
                "3: ended_on: required with end_reason",
                "5: duplicate package K3 (first on line 4)",
            ])
        #expect(try parse(CommissionsImport.self, text).writes.map(\.line) == [4])
    }
}
