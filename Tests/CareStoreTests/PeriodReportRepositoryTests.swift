import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("Period report repository")
struct PeriodReportRepositoryTests {
    static let scope = PeriodReportRepository.Scope(from: LocalDate(iso: "2026-01-01")!, to: LocalDate(iso: "2026-01-31")!)

    /// A function or column name that is not a plain identifier is refused before any SQL is
    /// sent, naming what was wrong.
    @Test func refusesNamesThatAreNotIdentifiers() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        #expect(throws: ReportNameError.self) { try PeriodReportRepository(db).rates("report_turnover_sfc(); DROP TABLE hubs; --", Self.scope) }
        let error = #expect(throws: ReportNameError.self) {
            try PeriodReportRepository(db).figures("report_waiting", columns: ["people\" FROM hubs --"], Self.scope)
        }
        #expect(error?.description.contains("not a plain identifier") == true)
        #expect(try db.query("SELECT count(*) AS n FROM hubs").rows[0].decode("n", as: Int.self) == 0)
    }

    /// Anchors come back for the metrics asked for only, by metric and scope, newest period first.
    @Test func anchorsForTheMetricsAskedFor() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let repo = PeriodReportRepository(db)
        #expect(try repo.anchors([]).isEmpty)
        let anchors = try repo.anchors(["vacancy_rate", "turnover_sfc"])
        #expect(Set(anchors.map(\.metric)) == ["vacancy_rate", "turnover_sfc"])
        #expect(anchors.map(\.metric) == anchors.map(\.metric).sorted())
        #expect(anchors.contains { $0.metric == "turnover_sfc" && $0.scope == "england_all" && $0.value == 23.1 && $0.unit == "percent" })
    }
}
