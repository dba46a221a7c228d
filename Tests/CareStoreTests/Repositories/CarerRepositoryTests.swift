import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("CarerRepository")
struct CarerRepositoryTests {
    /// The same carer twice is unchanged; a new lending hub alone makes it updated; skills are
    /// written only by `upsertSkill`.
    @Test func upsertReportsWhatChanged() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place))
        try HubRepository(db).upsert(Hub(code: "B", name: "B", location: Fixtures.place))
        var carer = Fixtures.carer("C1", hub: "A")
        let carers = CarerRepository(db)
        #expect(try carers.upsert(carer) == .new)
        #expect(try carers.upsert(carer) == .unchanged)
        carer.lendableTo = ["B"]
        #expect(try carers.upsert(carer) == .updated)
        #expect(try db.query("SELECT count(*) AS n FROM carer_skills").rows[0].decode("n", as: Int.self) == 0)
        #expect(try carers.upsertSkill(carer: "C1", carer.skills[0]) == .new)
        #expect(try carers.upsertSkill(carer: "C1", carer.skills[0]) == .unchanged)
    }

    /// A missing hub, lending hub or carer is named, never reported as unchanged.
    @Test func missingReferencesAreNamed() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try HubRepository(db).upsert(Hub(code: "A", name: "A", location: Fixtures.place))
        var carer = Fixtures.carer("C1", hub: "A")
        carer.lendableTo = ["ZZ"]
        let error = #expect(throws: ReferenceError.self) { try CarerRepository(db).upsert(carer) }
        #expect(error?.description == "carer C1: unknown hub ZZ")
        let skill = #expect(throws: ReferenceError.self) { try CarerRepository(db).upsertSkill(carer: "C9", carer.skills[0]) }
        #expect(skill?.description == "skill medication: unknown carer C9")
    }
}
