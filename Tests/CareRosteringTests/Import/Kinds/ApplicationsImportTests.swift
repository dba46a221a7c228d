import Testing

@testable import CareRostering

@Suite("applications.csv")
struct ApplicationsImportTests {
    static let header = "external_id,vacancy,applied_on,offered_on,accepted_on,declined_on,started_on\n"

    /// Stages must follow each other: no acceptance without an offer, no start before acceptance.
    @Test func checksStageOrder() throws {
        let text =
            Self.header + "A1,V1,2026-01-01,,2026-01-05,,\nA2,V1,2026-01-01,2026-01-03,2026-01-05,,2026-01-04\n"
            + "A3,V9,2026-01-01,2026-01-03,2026-01-05,,2026-01-20\n"
        #expect(
            try issues(ApplicationsImport.self, text) == [
                "2: accepted_on: no offered_on",
                "3: started_on: before accepted_on",
                "4: vacancy: unknown vacancy V9",
            ])
        #expect(try parse(ApplicationsImport.self, Self.header + "A1,V1,2026-01-01,2026-01-03,2026-01-05,,2026-01-20\n").writes.count == 1)
    }
}
