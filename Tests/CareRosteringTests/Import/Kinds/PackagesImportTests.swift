import Testing

@testable import CareRostering

@Suite("packages.csv")
struct PackagesImportTests {
    static let header = "package,client,valid_from,weekday,window_start,window_end,duration_minutes,carers\n"

    /// Rows of one package are one write on its first line; a row that moves the package to
    /// another validity is named against that line.
    @Test func rowsOfAPackageAreOneWrite() throws {
        let text = Self.header + "K1,P1,2026-01-01,Mon,08:00,09:00,30,\nK2,P1,2026-01-01,2,08:00,09:00,30,2\nK1,P1,2026-01-01,Tue,08:00,09:00,30,\n"
        let parsed = try parse(PackagesImport.self, text)
        #expect(parsed.issues.isEmpty)
        #expect(parsed.writes.map(\.line) == [2, 3])
        let moved =
            Self.header + "K1,P1,2026-01-01,Mon,08:00,09:00,30,\nK1,P1,2026-02-01,Tue,08:00,09:00,30,4\nK1,P1,2026-02-01,Wed,08:00,09:00,30,\n"
        #expect(
            try issues(PackagesImport.self, moved) == [
                "3: carers: must be 1…3",
                "4: client: client or validity differs from line 2 of the same package",
            ])
    }
}
