import Testing

@testable import CareRostering

@Suite("hubs.csv")
struct HubsImportTests {
    /// A bad code, an unknown zone and a repeated code are each named; good rows become writes.
    @Test func checksCodeZoneAndRepeats() throws {
        let text =
            "code,name,lat,lon,timezone\nSTAF,Stafford,52.8,-2.1,\nstaf x,Bad,52.8,-2.1,\nLEEK,Leek,53.1,-2.0,Mars/Base\nSTAF,Again,52.8,-2.1,\n"
        #expect(
            try issues(HubsImport.self, text) == [
                "3: code: use 1–32 upper-case letters, digits, - or _",
                "4: timezone: unknown time zone Mars/Base",
                "5: duplicate code STAF (first on line 2)",
            ])
        #expect(try parse(HubsImport.self, "code,name,lat,lon\nSTAF,Stafford,52.8,-2.1\nLEEK,Leek,53.1,-2.0\n").writes.map(\.line) == [2, 3])
    }
}
