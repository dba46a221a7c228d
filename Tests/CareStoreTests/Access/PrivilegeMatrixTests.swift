import CareStore
import CareTestSupport
import Testing

/// Every role against every table, through real statements acting for a real person: a read
/// (`SELECT … LIMIT 0`) and a write (`INSERT … SELECT … WHERE false`, which inserts nothing but
/// needs the privilege). The expected matrix is docs/access.md's.
@Suite("Privilege matrix (every role × every table)")
struct PrivilegeMatrixTests {
    enum Access: Character {
        case none = "-"
        case read = "r"
        case write = "w"
    }

    /// Per table, the access of manager, hr, commissioner, scheduler, admin, practitioner (in that order).
    static let matrix: [String: String] = [
        "absences": "wr-r--", "anchors": "rrrrr-", "applications": "ww----", "audit_log": "----r-", "care_packages": "w--r--",
        "carer_lendable_hubs": "wr-r--", "carer_shifts": "wr-r--", "carer_skills": "wr-r--", "carers": "wr-r--",
        "client_absences": "w--r--", "client_carer_relations": "w--r--", "clients": "w--r-r", "employment_spells": "ww----",
        "hospital_discharges": "w-----", "hubs": "rrrrwr", "leaving_events": "ww----", "package_visits": "w--r--", "pay_floors": "rrrrr-",
        "people": "----w-", "person_hubs": "----w-", "rebalance_cursors": "w--w--", "rebalance_events": "w--r--",
        "recruitment_costs": "ww----", "roster_assignments": "w--w--", "roster_changes": "w--w--", "roster_documents": "r--r--",
        "roster_files": "w--w--", "roster_outbox": "w--w--", "roster_unassigned": "w--w--", "rosters": "w--w--", "vacancies": "ww----",
        "visit_outcome_days": "w-----", "visit_pins": "w--r--", "visits": "w--r--", "carehub_acting": "------",
        "schema_migrations": "----r-", "web_sessions": "------", "web_sign_in_failures": "------", "carer_links": "w-----",
        "package_links": "w--r--", "visit_links": "w--r--", "client_records": "w----r", "client_notes": "w----w", "client_leads": "w----r",
        "record_access_grants": "------", "care_plan_items": "w----w", "journey_episodes": "w----w", "handovers": "r----r",
        "hub_transport_modes": "w--r--", "travel_matrix_runs": "w--r--", "travel_vertex_minutes": "w--r--",
    ]
    static let roles: [PersonRole] = [.manager, .hr, .commissioner, .scheduler, .admin, .practitioner]

    @Test(arguments: [PersonRole.manager, .hr, .commissioner, .scheduler, .admin, .practitioner])
    func matrixHolds(role: PersonRole) throws {
        let c = try AccessCounty()
        // The matrix names every table the migrations create.
        let tables: [String] = try c.owner.query(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1"
        ).rows.map { try $0.decode("relname") }
        #expect(Set(tables) == Set(Self.matrix.keys))
        let db = try c.connection(role)
        let position = try #require(Self.roles.firstIndex(of: role))
        for table in tables {
            let expected = Access(rawValue: Array(Self.matrix[table] ?? "------")[position]) ?? .none
            let name = try #require(SQLIdentifier(table))
            // A column anyone with the table's write privilege may insert: the first not generated.
            let column: String = try c.owner.query(
                """
                SELECT attname FROM pg_attribute WHERE attrelid = \(table)::regclass AND attnum > 0 AND NOT attisdropped
                AND attidentity = '' AND attgenerated = '' AND attname <> 'password_hash' ORDER BY attnum LIMIT 1
                """
            ).rows[0].decode("attname")
            let col = try #require(SQLIdentifier(column))
            let canRead = (try? db.query("SELECT 1 FROM \(name) LIMIT 0")) != nil
            let canWrite = (try? db.query("INSERT INTO \(name) (\(col)) SELECT \(col) FROM \(name) WHERE false")) != nil
            #expect(canRead == (expected != .none), "\(role.rawValue) reading \(table)")
            #expect(canWrite == (expected == .write), "\(role.rawValue) writing \(table)")
        }
    }
}
