import CareStore
import CareTestSupport
import Testing

/// Guards for future migrations: a new hub-scoped table must get row-level security and the
/// audit triggers, or be named here as deliberately left out.
@Suite("Access schema")
struct AccessSchemaTests {
    /// Tables without RLS, each for a reason written in sql/0020_access.sql (and 0022 for the web sessions).
    static let notHubScoped: Set<String> = [
        "hubs", "anchors", "pay_floors", "carehub_acting", "schema_migrations", "web_sessions", "web_sign_in_failures",
    ]
    /// RLS tables that are not audited: written only by triggers on audited tables, or (road
    /// minutes, migration 0033) derived from audited rows by a run that is itself audited.
    static let notAudited: Set<String> = ["visit_outcome_days", "rebalance_events", "audit_log", "travel_vertex_minutes"]

    /// Every other table has ENABLE and FORCE ROW LEVEL SECURITY.
    @Test func everyTableHasForcedRowLevelSecurity() throws {
        let test = try TestDatabase()
        let rows = try test.connect().query(
            """
            SELECT relname, relrowsecurity AND relforcerowsecurity AS forced FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
            """
        ).rows
        #expect(!rows.isEmpty)
        for row in rows {
            let name: String = try row.decode("relname")
            let forced: Bool = try row.decode("forced")
            #expect(forced != Self.notHubScoped.contains(name), "\(name)")
        }
    }

    /// Every RLS table but the trigger-written ones records inserts, updates and deletes.
    @Test func everyScopedTableIsAudited() throws {
        let test = try TestDatabase()
        let rows = try test.connect().query(
            """
            SELECT c.relname, count(t.tgname) AS triggers FROM pg_class c
            LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname IN ('audit_insert', 'audit_update', 'audit_delete')
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity GROUP BY c.relname
            """
        ).rows
        for row in rows {
            let name: String = try row.decode("relname")
            let triggers: Int = try row.decode("triggers")
            #expect(triggers == (Self.notAudited.contains(name) ? 0 : 3), "\(name)")
        }
    }
}
