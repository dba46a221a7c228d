import CareModel
import CareStore
import CareTestSupport
import Testing

/// Each role's allowed and refused reads and writes, through the database's real privileges and
/// row-level security policies (no Swift checks are involved: the connection only acts).
@Suite("Who may see what (roles, RLS)")
struct AccessTests {
    /// A STAF manager sees STAF's clients and visits, none of LICH's, and cannot add a LICH client.
    @Test func managerSeesOwnHubOnly() throws {
        let c = try AccessCounty()
        let db = try c.connection(.manager)
        let staf = try c.hubID("STAF")
        let lich = try c.hubID("LICH")
        #expect(try AccessCounty.count(db, "SELECT 1 FROM clients WHERE hub_id = \(staf)") == 6)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM clients WHERE hub_id = \(lich)") == 0)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 6)
        let ownVisits = try AccessCounty.count(
            c.owner, "SELECT 1 FROM visits v JOIN clients cl ON cl.id = v.client_id WHERE cl.hub_id = \(staf)")
        #expect(ownVisits > 0)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM visits") == ownVisits)
        #expect(throws: AccessRefused.self) {
            try db.execute(
                """
                INSERT INTO clients (external_id, hub_id, given_name, family_name, postcode, latitude, longitude, funding_stream)
                VALUES ('X-LICH', \(lich), 'A', 'B', 'WS13 6AA', 52.68, -1.82, 'council')
                """)
        }
        // Moving one's own client to LICH is refused too (the new row must stay in their hubs).
        #expect(throws: AccessRefused.self) { try db.execute("UPDATE clients SET hub_id = \(lich) WHERE hub_id = \(staf)") }
        try db.execute(
            """
            INSERT INTO clients (external_id, hub_id, given_name, family_name, postcode, latitude, longitude, funding_stream)
            VALUES ('X-STAF', \(staf), 'A', 'B', 'ST16 2AA', 52.8, -2.1, 'council')
            """)
        #expect(try AccessCounty.count(c.owner, "SELECT 1 FROM clients WHERE external_id = 'X-STAF'") == 1)
        // Updating or deleting another hub's rows touches nothing.
        #expect(try db.execute("UPDATE carers SET given_name = 'Z' WHERE hub_id = \(lich)") == 0)
        #expect(try db.execute("DELETE FROM visit_pins") == 0)
    }

    /// A manager reads carers lent to their hub (read only) but no other carer of that hub.
    @Test func managerReadsLentCarers() throws {
        let c = try AccessCounty()
        let staf = try c.hubID("STAF")
        let lent: Int = try c.owner.query(
            "SELECT min(id) AS id FROM carers WHERE hub_id <> \(staf)"
        ).rows[0].decode("id")
        try c.owner.execute("INSERT INTO carer_lendable_hubs (carer_id, hub_id) VALUES (\(lent), \(staf)) ON CONFLICT DO NOTHING")
        let db = try c.connection(.manager)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM carers WHERE id = \(lent)") == 1)
        let others = try AccessCounty.count(
            c.owner, "SELECT 1 FROM carers WHERE hub_id <> \(staf) AND id NOT IN (SELECT carer_id FROM carer_lendable_hubs WHERE hub_id = \(staf))")
        #expect(others > 0)
        let lentToStaf = try AccessCounty.count(
            c.owner,
            """
            SELECT DISTINCT carer_id FROM carer_lendable_hubs l JOIN carers k ON k.id = l.carer_id
            WHERE l.hub_id = \(staf) AND k.hub_id <> \(staf)
            """)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM carers WHERE hub_id <> \(staf)") == lentToStaf)
        #expect(try db.execute("UPDATE carers SET given_name = 'Z' WHERE id = \(lent)") == 0)
    }

    /// HR has no privilege at all on client needs, addresses or care plans, and sees their
    /// hubs' workforce rows only.
    @Test func hrNeverSeesClients() throws {
        let c = try AccessCounty()
        let db = try c.connection(.hr)
        for table in ["clients", "care_packages", "package_visits", "visits", "client_carer_relations", "hospital_discharges", "rosters"] {
            let error = #expect(throws: AccessRefused.self) { try db.query("SELECT * FROM \(SQLIdentifier(table)!) LIMIT 1") }
            #expect(error?.role == .hr)
            #expect(error?.description.contains("permission denied for table \(table)") == true)
        }
        #expect(try AccessCounty.count(db, "SELECT 1 FROM employment_spells") == 1)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM vacancies") == 1)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM carers WHERE hub_id <> \(try c.hubID("STAF"))") == 0)
        try db.execute("UPDATE vacancies SET closed_on = '2026-02-01', close_reason = 'filled'")
        #expect(throws: AccessRefused.self) {
            try db.execute("INSERT INTO vacancies (external_id, hub_id, opened_on) VALUES ('V-X', \(try c.hubID("LICH")), '2026-01-05')")
        }
    }

    /// A commissioner reads no rows, only the summary function, which suppresses small groups.
    @Test func commissionerSeesSuppressedAggregatesOnly() throws {
        let c = try AccessCounty()
        let db = try c.connection(.commissioner)
        for table in ["clients", "visits", "carers", "employment_spells", "people", "audit_log"] {
            #expect(throws: AccessRefused.self) { try db.query("SELECT 1 FROM \(SQLIdentifier(table)!) LIMIT 1") }
        }
        let staf = try c.hubID("STAF")
        try c.owner.execute(
            """
            INSERT INTO hospital_discharges (external_id, hub_id, age_at_discharge, discharge_date, pathway)
            VALUES ('D-1', \(staf), 81, '2026-11-24', 1), ('D-2', \(staf), 77, '2026-11-25', 1)
            """)
        let rows = try db.query("SELECT * FROM carehub_commissioning_summary('2026-11-23', '2026-11-29')").rows
        #expect(rows.count == 3)
        for row in rows {
            // Six clients per hub: shown. Two discharges in STAF: suppressed; none elsewhere: 0.
            #expect(try row.decode("people_supported", as: Int?.self) == 6)
            let hub: String = try row.decode("hub")
            #expect(try row.decode("home_first_discharges", as: Int?.self) == (hub == "STAF" ? nil : 0))
        }
        // Four clients left in LICH: suppressed.
        let lichID = try c.hubID("LICH")
        try c.owner.execute(
            "UPDATE clients SET hub_id = \(staf) WHERE external_id IN (SELECT external_id FROM clients WHERE hub_id = \(lichID) LIMIT 2)")
        let lich = try db.query("SELECT people_supported FROM carehub_commissioning_summary('2026-11-23', '2026-11-29') WHERE hub = 'LICH'").rows[0]
        #expect(try lich.decode("people_supported", as: Int?.self) == nil)
    }

    /// A commissioner reads the market and BCF reports through their twins (0021): every hub's
    /// rows, with all figures of a row that stands for one to four people hidden; the workforce
    /// reports stay refused.
    @Test func commissionerReadsMarketReportsSuppressed() throws {
        let c = try AccessCounty()
        let staf = try c.hubID("STAF")
        let cann = try c.hubID("CANN")
        try c.owner.execute(
            """
            INSERT INTO hospital_discharges (external_id, hub_id, age_at_discharge, discharge_date, pathway)
            SELECT 'D-S' || i, \(staf)::bigint, 80, date '2026-11-24', i % 2 FROM generate_series(1, 2) i
            UNION ALL SELECT 'D-C' || i, \(cann)::bigint, 80, date '2026-11-24', i % 3 FROM generate_series(1, 6) i
            """)
        let scope = PeriodReportRepository.Scope(from: LocalDate(iso: "2026-11-01")!, to: LocalDate(iso: "2026-11-30")!)
        let columns = ["discharges", "pathway_0", "pathway_1", "pathway_2", "pathway_3"]
        let owner = try PeriodReportRepository(c.owner).figures("report_pathway_mix", columns: columns, scope)
        let commissioner = try PeriodReportRepository(try c.connection(.commissioner)).figures("report_pathway_mix", columns: columns, scope)
        #expect(commissioner.count == owner.count && !owner.isEmpty)
        for (mine, all) in zip(commissioner, owner) {
            #expect(mine.hub == all.hub && mine.periodEnd == all.periodEnd)
            let people = all.values[0] ?? 0
            if (1...4).contains(people) {
                #expect(mine.values.allSatisfy { $0 == nil }, "\(all.hub): \(people) discharges are hidden")
            } else {
                #expect(mine.values == all.values)
            }
        }
        #expect(owner.contains { $0.hub == "STAF" && $0.values[0] == 2 })
        #expect(owner.contains { $0.hub == "CANN" && $0.values[0] == 6 })
        // Hours are no count of people: passed through whole.
        let hours = try PeriodReportRepository(try c.connection(.commissioner)).rates("report_delivered_hours", scope)
        #expect(hours.map(\.denominator) == (try PeriodReportRepository(c.owner).rates("report_delivered_hours", scope)).map(\.denominator))
        // Workforce reports are HR's.
        #expect(throws: AccessRefused.self) {
            try PeriodReportRepository(try c.connection(.commissioner)).rates("report_turnover_sfc", scope)
        }
    }

    /// The scheduler reads what rebalance needs but nothing of people (no password hashes).
    @Test func schedulerCannotReadPeople() throws {
        let c = try AccessCounty()
        let db = try c.connection(.scheduler)
        #expect(throws: AccessRefused.self) { try db.query("SELECT password_hash FROM people") }
        #expect(throws: AccessRefused.self) { try db.query("SELECT email FROM people") }
        #expect(throws: AccessRefused.self) { try db.query("SELECT 1 FROM employment_spells") }
        #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 6)
        #expect(throws: AccessRefused.self) { try db.execute("UPDATE clients SET postcode = 'ST16 1AA'") }
    }

    /// An admin manages people (never reading password hashes) and reads no client data.
    @Test func adminManagesPeopleOnly() throws {
        let c = try AccessCounty()
        let db = try c.connection(.admin)
        #expect(try PeopleRepository(db).list().count == PersonRole.allCases.count)
        #expect(throws: AccessRefused.self) { try db.query("SELECT password_hash FROM people") }
        #expect(throws: AccessRefused.self) { try db.query("SELECT 1 FROM clients") }
        try PeopleRepository(db).add(name: "New Manager", email: "new@lich.example", role: .manager, hubCodes: ["LICH"])
        #expect(try PeopleRepository(c.owner).activePerson(email: "NEW@lich.example")?.role == .manager)
    }

    /// Nobody, the owner included, can change or remove audit rows; no role can insert them.
    @Test func auditLogIsAppendOnly() throws {
        let c = try AccessCounty()
        #expect(try AccessCounty.count(c.owner, "SELECT 1 FROM audit_log") > 0)
        for statement: SQLQuery in ["UPDATE audit_log SET action = 'read'", "DELETE FROM audit_log", "TRUNCATE audit_log"] {
            let error = #expect(throws: StoreError.self) { try c.owner.execute(statement) }
            #expect(error?.code == .insufficientPrivilege)
            for role in PersonRole.allCases {
                #expect(throws: AccessRefused.self) { try c.connection(role).execute(statement) }
            }
        }
        #expect(throws: AccessRefused.self) {
            try c.connection(.admin).execute("INSERT INTO audit_log (action, table_name) VALUES ('read', 'clients')")
        }
    }

    /// A forged set_config, a role set without carehub_act_as, or a person's own call to
    /// carehub_act_as changes nothing: who acts comes only from the owner's record.
    @Test func actingCannotBeForged() throws {
        let c = try AccessCounty()
        let db = try c.connection(.manager)
        let other = try #require(c.people[.admin])
        try db.transaction { db in
            try db.query("SELECT set_config('carehub.person_id', \(String(other.id)), true), set_config('carehub.as', 'admin', true)")
            let id: Int? = try db.query("SELECT carehub_person_id() AS id").rows[0].decode("id")
            #expect(id == c.people[.manager]?.id)
            #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 6)
        }
        #expect(throws: AccessRefused.self) { try db.query("SELECT carehub_act_as(\(other.id))") }
        #expect(throws: AccessRefused.self) {
            try db.execute("INSERT INTO carehub_acting (backend_pid, txid, person_id) VALUES (pg_backend_pid(), txid_current(), \(other.id))")
        }
        // The owner switching role by hand, with no one acting, sees nothing.
        let bare = try c.test.connect()
        try bare.transaction { db in
            try db.execute(SQLQuery(unsafeSQL: "SET LOCAL ROLE carehub_manager"))
            #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 0)
        }
        // Acting for a manager but with the admin's role gives neither's rights.
        try bare.transaction { db in
            try db.query("SELECT carehub_act_as(\(c.people[.manager]?.id ?? 0))")
            try db.execute(SQLQuery(unsafeSQL: "SET LOCAL ROLE carehub_admin"))
            #expect(try AccessCounty.count(db, "SELECT 1 FROM person_hubs") == 0)
        }
    }

    /// A person disabled mid-session loses access at their next transaction.
    @Test func disabledMidSessionLosesAccess() throws {
        let c = try AccessCounty()
        let db = try c.connection(.manager)
        #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 6)
        try PeopleRepository(c.owner).disable(email: "manager@staf.example")
        let error = #expect(throws: AccessRefused.self) { try AccessCounty.count(db, "SELECT 1 FROM clients") }
        #expect(error?.description.contains("not an active carehub user") == true)
        // Inside a transaction that started before the change, the next statement already sees it.
        try c.owner.execute("UPDATE people SET active = true, disabled_at = NULL WHERE email = 'manager@staf.example'")
        try db.transaction { db in
            #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 6)
            try PeopleRepository(c.owner).disable(email: "manager@staf.example")
            #expect(try AccessCounty.count(db, "SELECT 1 FROM clients") == 0)
        }
    }

    /// Writes are audited per statement with who acted; a client read is recorded.
    @Test func writesAndReadsAreAudited() throws {
        let c = try AccessCounty()
        let db = try c.connection(.manager)
        let manager = try #require(c.people[.manager])
        let staf = try c.hubID("STAF")
        try db.execute("UPDATE carers SET given_name = 'Renamed' WHERE hub_id = \(staf)")
        let client: String = try db.query("SELECT min(external_id) AS id FROM clients").rows[0].decode("id")
        #expect(try AuditRepository(db).recordClientRead(externalID: client))
        let lichClient: String = try c.owner.query("SELECT min(external_id) AS id FROM clients WHERE hub_id = \(try c.hubID("LICH"))").rows[0]
            .decode("id")
        #expect(try !AuditRepository(db).recordClientRead(externalID: lichClient))
        let entries = try AuditRepository(c.owner).entries(personEmail: manager.email)
        let updates = entries.filter { $0.action == "update" }
        #expect(updates.count == (try AccessCounty.count(c.owner, "SELECT 1 FROM carers WHERE hub_id = \(staf)")))
        #expect(updates.allSatisfy { $0.table == "carers" && $0.changedColumns == ["given_name"] })
        #expect(entries.filter { $0.action == "read" }.count == 1)
        // An admin answers "who looked at this record"; a manager may not read the trail.
        let reads = try AuditRepository(try c.connection(.admin)).entries(clientExternalID: client)
        #expect(reads.filter { $0.action == "read" }.map(\.personEmail) == [manager.email])
        #expect(reads.contains { $0.action == "insert" && $0.table == "clients" && $0.personEmail == nil })
        #expect(throws: AccessRefused.self) { try AuditRepository(db).entries(clientExternalID: client) }
    }
}
