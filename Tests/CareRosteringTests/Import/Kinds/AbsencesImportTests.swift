import Testing

@testable import CareRostering

@Suite("absences.csv")
struct AbsencesImportTests {
    /// Working days lost must be 0…366; absences may repeat (each row is its own write).
    @Test func checksWorkingDaysLost() throws {
        let text =
            "carer,kind,first_day,last_day,working_days_lost\nC1,sickness,2026-11-23,2026-11-24,2\nC1,sickness,2026-11-23,2026-11-24,\nC1,"
            + "sickness,2026-11-23,2026-11-24,400\n"
        #expect(try issues(AbsencesImport.self, text) == ["4: working_days_lost: must be 0…366"])
        #expect(try parse(AbsencesImport.self, text).writes.map(\.line) == [2, 3])
    }
}
