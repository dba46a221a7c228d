/// What a person who signs in may do; each is a PostgreSQL group role (`sql/0020_access.sql`)
/// whose privileges and row-level security policies the database enforces.
public enum PersonRole: String, Sendable, CaseIterable, SQLDecodable, SQLBindable {
    /// Everything about their own hubs' carers, clients, visits and rosters.
    case manager
    /// Workforce, recruitment and retention data of their hubs; no client data.
    case hr
    /// Aggregate commissioning figures only, with small groups suppressed.
    case commissioner
    /// What `carehub rebalance` needs (cron runs as it).
    case scheduler
    /// People, hubs and the audit log.
    case admin
    /// Health or social care staff of a hub (district nurse, therapist, discharge coordinator,
    /// social worker): the records of the people they have a relationship with (migration 0029).
    case practitioner

    /// The group role the application sets while this person acts.
    public var groupRole: SQLIdentifier {
        // Lower-case letters and underscores only, so the identifier check cannot fail.
        SQLIdentifier("carehub_\(rawValue)") ?? SQLIdentifier("carehub_none")!
    }

    /// The role as people say it, for messages.
    public var title: String {
        switch self {
        case .manager: "hub manager"
        case .hr: "HR"
        case .commissioner: "commissioner"
        case .scheduler: "scheduler"
        case .admin: "administrator"
        case .practitioner: "practitioner"
        }
    }

    public init?(sqlText: String) { self.init(rawValue: sqlText) }
    public var sqlText: String? { rawValue }
}
