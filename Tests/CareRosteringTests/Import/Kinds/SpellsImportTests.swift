import Testing

@testable import CareRostering

@Suite("spells.csv")
struct SpellsImportTests {
    /// A leaving reason needs an end; a spell is keyed by carer and start date.
    @Test func checksLeavingAndRepeats() throws {
        let text =
            "carer,hub,contract_type,start_date,end_date,leave_reason\nC1,STAF,permanent,2024-01-01,2025-01-01,pay\n"
            + "C1,STAF,permanent,2025-02-01,,pay\nC1,STAF,bank,2024-01-01,,\n"
        #expect(
            try issues(SpellsImport.self, text) == [
                "3: leave_reason: given but end_date is empty",
                "4: duplicate spell of C1 starting 2024-01-01 (first on line 2)",
            ])
        #expect(try parse(SpellsImport.self, text).writes.map(\.line) == [2])
    }
}
