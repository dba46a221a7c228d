import CareModel

/// Writes and reads `care_plan_items` (migration 0030). Row-level security decides whose plans
/// the acting person reaches; `plan` records its own read in the audit trail.
public struct CarePlanRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Makes the client's plan exactly `plan.items`, in order. Items that are already so are
    /// left alone (and leave no audit entry); `.new` when the client had no plan.
    @discardableResult
    public func replace(_ plan: CarePlan) throws -> UpsertOutcome {
        guard let client = try db.query("SELECT id FROM clients WHERE external_id = \(plan.clientID)").rows.first else {
            throw ReferenceError(writing: "care plan", missingKind: "client", missingID: plan.clientID)
        }
        let clientID: Int = try client.decode("id")
        let before: Int = try db.query("SELECT count(*) AS n FROM care_plan_items WHERE client_id = \(clientID)").rows[0].decode("n")
        let items = plan.items
        let changed = try db.query(
            """
            INSERT INTO care_plan_items (client_id, position, kind, call_label, description, review_on)
            SELECT \(clientID), t.position, t.kind, t.call_label, t.description, t.review_on
            FROM unnest(\(Array(items.indices.map { $0 + 1 }))::int[], \(items.map(\.kind.rawValue))::text[],
                        \(items.map(\.call))::text[], \(items.map(\.description))::text[], \(items.map(\.reviewOn))::date[])
                 AS t (position, kind, call_label, description, review_on)
            ON CONFLICT (client_id, position) DO UPDATE SET kind = EXCLUDED.kind, call_label = EXCLUDED.call_label,
                description = EXCLUDED.description, review_on = EXCLUDED.review_on
            WHERE (care_plan_items.kind, care_plan_items.call_label, care_plan_items.description, care_plan_items.review_on)
                  IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.call_label, EXCLUDED.description, EXCLUDED.review_on)
            RETURNING id
            """
        ).count
        let removed = try db.query(
            "DELETE FROM care_plan_items WHERE client_id = \(clientID) AND position > \(items.count) RETURNING id"
        ).count
        if before == 0 { return items.isEmpty ? .unchanged : .new }
        return changed + removed > 0 ? .updated : .unchanged
    }

    /// The client's plan as the acting person reaches it, with its read recorded in the audit
    /// trail in the same transaction; nil when they do not reach it.
    public func plan(clientExternalID: String) throws -> CarePlan? {
        let recorded = try db.query(
            """
            SELECT carehub_record_care_plan_read(c.id) FROM clients c
            WHERE c.external_id = \(clientExternalID) AND (\(db.actingPerson == nil) OR c.id = ANY (carehub_record_clients('care_plan')))
            """
        ).count
        guard recorded > 0 else { return nil }
        let items = try db.query(
            """
            SELECT i.kind, i.call_label, i.description, i.review_on FROM care_plan_items i JOIN clients c ON c.id = i.client_id
            WHERE c.external_id = \(clientExternalID) ORDER BY i.position
            """
        ).rows.map { row in
            CarePlan.Item(
                kind: CarePlan.Kind(rawValue: try row.decode("kind")) ?? .other, call: try row.decode("call_label", as: String?.self),
                description: try row.decode("description"), reviewOn: try row.decode("review_on", as: LocalDate?.self))
        }
        return CarePlan(clientID: clientExternalID, items: items)
    }
}
