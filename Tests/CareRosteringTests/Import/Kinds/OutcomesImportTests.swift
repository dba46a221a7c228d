import Testing

@testable import CareRostering

@Suite("outcomes.csv")
struct OutcomesImportTests {
    /// Actual times belong to delivered visits only, must be RFC 3339, and a visit appears once.
    @Test func checksActualsAndRepeats() throws {
        let text = "visit,status,actual_start,actual_minutes\n1,delivered,2026-11-23T08:05:00Z,30\n2,missed,,15\n3,delivered,08:05,\n1,missed,,\n"
        #expect(
            try issues(OutcomesImport.self, text) == [
                "3: actual_minutes: only for a delivered visit",
                "4: actual_start: bad time (expected RFC 3339, e.g. 2026-11-23T08:05:00Z)",
                "5: duplicate visit 1 (first on line 2)",
            ])
        #expect(try parse(OutcomesImport.self, text).writes.map(\.line) == [2])
    }
}
