import CareModel
import CareStore
import CareTestSupport
import Testing

/// `client_leads` (migration 0028) through the real policies: one lead at a time, a history of
/// who led when, leads from the person's hub only, and the people who need a lead flagged.
@Suite("Lead professionals")
struct LeadTests {
    static func client(_ c: AccessCounty, hub: String) throws -> String {
        try #require(try c.clients(hub: hub).first)
    }

    @Test func oneLeadAtATimeWithHistory() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let people = PeopleRepository(c.owner)
        try people.add(name: "Nia Nurse", email: "nia@staf.example", role: .manager, hubCodes: ["STAF"], service: .communityNursing)
        let manager = try c.connection(.manager)
        let leads = LeadRepository(manager)
        #expect(try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "NIA@staf.example") })
        #expect(try !manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "nia@staf.example") })
        let now = try #require(try leads.current(hubCode: "STAF").first { $0.clientID == staf }?.lead)
        #expect(now.name == "Nia Nurse" && now.service == .communityNursing && now.active)
        #expect(try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "manager@staf.example") })
        let history = try leads.history(clientExternalID: staf)
        #expect(history.map(\.name) == ["Nia Nurse", "Test manager"])
        #expect(history[0].until != nil && history[1].until == nil)
        // Everyone else in STAF has no lead and is flagged; the database recorded who assigned them.
        let current = try leads.current(hubCode: "STAF")
        #expect(current.count == 6 && current.filter(\.needsLead).count == 5)
        let assignedBy: [Int?] = try c.owner.query("SELECT assigned_by FROM client_leads ORDER BY id").rows.map { try $0.decode("assigned_by") }
        #expect(assignedBy == [c.people[.manager]?.id, c.people[.manager]?.id])
        // History stays as it was: an ended spell cannot be reopened or moved, the owner's
        // statements included; ending the current one ends it now, whatever date is given.
        for statement: SQLQuery in ["UPDATE client_leads SET led_until = NULL", "UPDATE client_leads SET led_until = '2099-01-01'"] {
            #expect(throws: AccessRefused.self, "\(statement)") { try manager.execute("\(statement) WHERE led_until IS NOT NULL") }
            let owner = #expect(throws: StoreError.self, "\(statement)") { try c.owner.execute("\(statement) WHERE led_until IS NOT NULL") }
            #expect(owner?.code == .insufficientPrivilege, "\(statement)")
        }
        try manager.execute("UPDATE client_leads SET led_until = '2099-01-01' WHERE led_until IS NULL")
        let ended: Bool = try c.owner.query("SELECT bool_and(led_until <= now()) AS ok FROM client_leads").rows[0].decode("ok")
        #expect(ended)
        // Two current leads for one person are impossible.
        let stafID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(staf)").rows[0].decode("id")
        let nia: Int = try c.owner.query("SELECT id FROM people WHERE email = 'nia@staf.example'").rows[0].decode("id")
        try c.owner.execute("INSERT INTO client_leads (client_id, person_id) VALUES (\(stafID), \(nia))")
        let twice = #expect(throws: StoreError.self) {
            try c.owner.execute("INSERT INTO client_leads (client_id, person_id) VALUES (\(stafID), \(nia))")
        }
        #expect(twice?.code == .uniqueViolation)
        // The admin's "who changed this record" lists the spells.
        let trail = try AuditRepository(c.owner).entries(clientExternalID: staf).filter { $0.table == "client_leads" }
        #expect(trail.map(\.action) == ["insert", "update", "insert", "update", "insert"])
    }

    @Test func aLeadWhoLeavesOrIsDisabledIsFlagged() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let people = PeopleRepository(c.owner)
        try people.add(name: "Tom Therapist", email: "tom@staf.example", role: .manager, hubCodes: ["STAF"], service: .therapy)
        try people.add(name: "Ola OT", email: "ola@staf.example", role: .manager, hubCodes: ["STAF"], service: .therapy)
        let manager = try c.connection(.manager)
        let leads = LeadRepository(manager)
        try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "tom@staf.example") }
        #expect(try leads.current(hubCode: "STAF").first { $0.clientID == staf }?.needsLead == false)
        try people.disable(email: "tom@staf.example")
        let disabled = try #require(try leads.current(hubCode: "STAF").first { $0.clientID == staf })
        #expect(disabled.needsLead && disabled.lead?.name == "Tom Therapist" && disabled.lead?.active == false)
        // A disabled person cannot be made lead; one who left the hub shows without a name.
        #expect(throws: LeadError.notHubStaff("tom@staf.example")) {
            try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "tom@staf.example") }
        }
        try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "ola@staf.example") }
        try c.owner.execute("DELETE FROM person_hubs WHERE person_id = (SELECT id FROM people WHERE email = 'ola@staf.example')")
        let left = try #require(try leads.current(hubCode: "STAF").first { $0.clientID == staf })
        #expect(left.needsLead && left.lead?.name == nil)
    }

    @Test func onlyHubStaffAndOnlyTheHubsManagers() throws {
        let c = try AccessCounty()
        let staf = try Self.client(c, hub: "STAF")
        let lich = try Self.client(c, hub: "LICH")
        try PeopleRepository(c.owner).add(name: "Lee Lich", email: "lee@lich.example", role: .manager, hubCodes: ["LICH"])
        let manager = try c.connection(.manager)
        let leads = LeadRepository(manager)
        #expect(throws: LeadError.notHubStaff("lee@lich.example")) {
            try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "lee@lich.example") }
        }
        #expect(throws: LeadError.unknownClient(lich)) {
            try manager.transaction { _ in try leads.assign(clientExternalID: lich, personEmail: "manager@staf.example") }
        }
        // The scheduler (every hub's cron job) and HR are not leads.
        #expect(throws: LeadError.notHubStaff("scheduler@staf.example")) {
            try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "scheduler@staf.example") }
        }
        // Another hub's people: refused outright, not answered empty.
        #expect(throws: LeadError.unknownClient(lich)) { try leads.history(clientExternalID: lich) }
        #expect(throws: LeadError.noPeople("LICH")) { try leads.current(hubCode: "LICH") }
        let lichID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(lich)").rows[0].decode("id")
        #expect(throws: AccessRefused.self) {
            try manager.execute("INSERT INTO client_leads (client_id, person_id) VALUES (\(lichID), \(c.people[.manager]?.id ?? 0))")
        }
        // Straight SQL: a lead from another hub is refused by the database, and a lead's client,
        // person and start cannot be changed (only ending a spell is allowed).
        let lee: Int = try c.owner.query("SELECT id FROM people WHERE email = 'lee@lich.example'").rows[0].decode("id")
        let stafID: Int = try c.owner.query("SELECT id FROM clients WHERE external_id = \(staf)").rows[0].decode("id")
        let foreign = #expect(throws: StoreError.self) {
            try manager.execute("INSERT INTO client_leads (client_id, person_id) VALUES (\(stafID), \(lee))")
        }
        #expect(foreign?.code == .checkViolation)
        try manager.transaction { _ in try leads.assign(clientExternalID: staf, personEmail: "manager@staf.example") }
        #expect(throws: AccessRefused.self) { try manager.execute("UPDATE client_leads SET person_id = \(lee)") }
        for role in [PersonRole.hr, .commissioner, .scheduler, .admin] {
            let db = try c.connection(role)
            #expect(throws: AccessRefused.self, "\(role)") { try db.query("SELECT 1 FROM client_leads LIMIT 0") }
        }
    }
}
