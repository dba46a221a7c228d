import CareModel
import CareReports
import CareRostering
import CareStore
import Testing

/// Carers' printed sheets carry the care-plan tasks and access notes of their visits; the plan
/// reads are audited; hand-outs made for other pages read no plan at all.
@Suite("Tasks on carers' sheets")
struct SheetTasksTests {
    @Test func aCarersSheetListsTheirVisitsTasks() throws {
        let c = try RebalanceTests.published()
        let stored = try #require(try RosterRepository(c.db).find(hub: "STAF", week: c.week, documents: .hub))
        let (_, roster) = try RosterWorkflow.documents(stored)
        let first = try #require(roster.assignments.first)
        let client: String = try c.db.query(
            "SELECT c.external_id FROM visits v JOIN clients c ON c.id = v.client_id WHERE v.id = \(Int(first.visit) ?? 0)"
        ).rows[0].decode("external_id")
        try CarePlanRepository(c.db).replace(
            CarePlan(clientID: client, items: [.init(kind: .access, description: "key safe <by> the door"), .init(kind: .meal, description: "soup")]))
        let plain = try RosterWorkflow.handout(c.db, stored)
        #expect(plain.visitTasks.isEmpty)
        let handout = try RosterWorkflow.handout(c.db, stored, withTasks: true)
        let sheet = PrintableSheets.carerSheet(handout, carer: first.carers[0])
        #expect(sheet.contains("<strong>Getting in:</strong> key safe &lt;by&gt; the door<br><strong>Meal:</strong> soup"))
        let reads = try AuditRepository(c.db).entries(clientExternalID: client).filter { $0.table == "care_plan_items" && $0.action == "read" }
        #expect(reads.count == 1)
        withExtendedLifetime(c) {}
    }
}
