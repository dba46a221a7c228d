import Testing

@testable import CareRostering

@Suite("vacancies.csv")
struct VacanciesImportTests {
    /// A vacancy cannot close before it opens, and its id appears once.
    @Test func checksDatesAndRepeats() throws {
        let text = "external_id,hub,opened_on,closed_on\nV2,STAF,2026-01-10,2026-01-09\nV3,STAF,2026-01-10,\nV3,STAF,2026-01-11,\n"
        #expect(
            try issues(VacanciesImport.self, text) == [
                "2: closed_on: before opened_on",
                "4: duplicate external_id V3 (first on line 3)",
            ])
        #expect(try parse(VacanciesImport.self, text).writes.map(\.line) == [3])
    }
}
