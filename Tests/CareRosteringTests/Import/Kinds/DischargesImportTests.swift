import Testing

@testable import CareRostering

@Suite("discharges.csv")
struct DischargesImportTests {
    static let header = "external_id,hub,age_at_discharge,discharge_date,pathway,discharge_ready_date,reablement_start,client\n"

    /// Ready after discharge, reablement before it, a pathway out of 0…3 and an unknown client are named.
    @Test func checksDatesAndPathway() throws {
        let text =
            Self.header
            + "D1,STAF,80,2026-01-10,1,2026-01-12,2026-01-09,P9\nD2,STAF,80,2026-01-10,4,,,\nD3,STAF,70,2026-01-10,1,2026-01-08,2026-01-10,P1\n"
        #expect(
            try issues(DischargesImport.self, text) == [
                "2: client: unknown client P9",
                "2: discharge_ready_date: after discharge_date",
                "2: reablement_start: before discharge_date",
                "3: pathway: must be 0…3",
            ])
        #expect(try parse(DischargesImport.self, text).writes.map(\.line) == [4])
    }
}
