import Testing

@testable import CareRostering

@Suite("costs.csv")
struct CostsImportTests {
    /// The cost type is external or internal (any case); an amount must be positive; ids appear once.
    @Test func checksTypeAmountAndRepeats() throws {
        let text =
            "external_id,hub,incurred_on,cost_type,amount,vacancy\nR1,STAF,2026-01-01,External,100,V1\nR2,STAF,2026-01-01,agency,0,\n"
            + "R1,STAF,2026-01-02,internal,50,\n"
        #expect(
            try issues(CostsImport.self, text) == [
                "3: amount: must be 0.01…1000000.0",
                "3: cost_type: must be external or internal",
                "4: duplicate external_id R1 (first on line 2)",
            ])
        #expect(try parse(CostsImport.self, text).writes.map(\.line) == [2])
    }
}
