import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("RecruitmentRepository")
struct RecruitmentRepositoryTests {
    /// Vacancies, applications and costs are keyed by external id: new, then unchanged, then updated.
    @Test func upsertsByExternalID() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place))
        let recruitment = RecruitmentRepository(db)
        let opened = LocalDate(iso: "2026-01-05")!
        var vacancy = Vacancy(externalID: "V1", hubCode: "A", opened: opened, closed: nil, closeReason: nil)
        #expect(try recruitment.upsert(vacancy) == .new)
        #expect(try recruitment.upsert(vacancy) == .unchanged)
        vacancy.closed = opened.adding(days: 20)
        #expect(try recruitment.upsert(vacancy) == .updated)
        var application = Application(externalID: "A1", vacancyID: "V1", source: "referral", applied: opened.adding(days: 1))
        #expect(try recruitment.upsert(application) == .new)
        application.offered = opened.adding(days: 5)
        #expect(try recruitment.upsert(application) == .updated)
        var cost = RecruitmentCost(hubCode: "A", vacancyID: "V1", incurred: opened, external: true, pence: 10_000)
        #expect(try recruitment.upsert(cost, id: "R1") == .new)
        cost.pence = 12_000
        #expect(try recruitment.upsert(cost, id: "R1") == .updated)
        #expect(try recruitment.upsert(cost, id: "R1") == .unchanged)
    }
}
