import CareModel

/// A person's lead professional now (migration 0028), as `carehub lead list` shows them.
public struct CurrentLead: Sendable, Hashable {
    public let clientID: String
    /// Nil: the person has no lead.
    public let lead: Lead?

    /// The member of staff leading, as the acting manager may see them.
    public struct Lead: Sendable, Hashable {
        /// Nil when they no longer share a hub with the person reading (they left the hub).
        public let name: String?
        public let service: StaffService?
        /// False when disabled (or no longer visible): the person needs a new lead.
        public let active: Bool
        /// The day they took the person on, in the hub's zone.
        public let since: LocalDate
    }

    /// No lead, or a lead who has left or been disabled.
    public var needsLead: Bool { lead.map { !$0.active } ?? true }
}

/// One spell of a lead professional, for a person's history.
public struct LeadSpell: Sendable, Hashable {
    public let name: String?
    public let from: LocalDate
    /// Nil while they still lead.
    public let until: LocalDate?
}

/// Why an assignment was refused, naming only what was typed.
public enum LeadError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownClient(String)
    case notHubStaff(String)
    case noPeople(String)

    public var description: String {
        switch self {
        case .unknownClient(let id): "\(id): no such client, or not one you may see"
        case .noPeople(let hub): "\(hub): no people of this hub that you may see"
        case .notHubStaff(let email): "\(email) is not active staff of the person's hub (see `carehub people list`)"
        }
    }
}

/// Assigns and lists lead professionals (`client_leads`). Row-level security decides whose
/// people the acting manager reaches; staff come from `carehub_hub_staff()` (people sharing a hub
/// with them), and the database records who assigned whom and when.
public struct LeadRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Makes the active member of staff with this e-mail the client's lead from now, ending the
    /// current lead's spell; false when they already lead. Call inside a transaction.
    @discardableResult
    public func assign(clientExternalID: String, personEmail: String) throws -> Bool {
        // The client's row is locked, so two assignments for one person run one after the other
        // (the second sees the first's lead) instead of one failing on the one-current-lead index.
        guard let client = try db.query("SELECT id FROM clients WHERE external_id = \(clientExternalID) FOR NO KEY UPDATE").rows.first else {
            throw LeadError.unknownClient(clientExternalID)
        }
        let clientID: Int = try client.decode("id")
        // Acting, the staff the person may see (their hubs'); the administration login (an
        // import) reads people itself. The database checks the lead either way.
        let staffQuery: SQLQuery =
            db.actingPerson == nil
            ? """
            SELECT p.id FROM people p JOIN person_hubs ph ON ph.person_id = p.id JOIN clients c ON c.hub_id = ph.hub_id AND c.id = \(clientID)
            WHERE lower(p.email) = lower(\(personEmail)) AND p.active AND p.role IN ('manager', 'practitioner')
            """
            : """
            SELECT s.id FROM carehub_hub_staff() s JOIN clients c ON c.hub_id = s.hub_id AND c.id = \(clientID)
            WHERE lower(s.email) = lower(\(personEmail)) AND s.active AND s.role IN ('manager', 'practitioner')
            """
        guard let staff = try db.query(staffQuery).rows.first else { throw LeadError.notHubStaff(personEmail) }
        let personID: Int = try staff.decode("id")
        let current = try db.query("SELECT person_id FROM client_leads WHERE client_id = \(clientID) AND led_until IS NULL").rows.first
        if let current, try current.decode("person_id", as: Int.self) == personID { return false }
        try db.execute("UPDATE client_leads SET led_until = now() WHERE client_id = \(clientID) AND led_until IS NULL")
        try db.execute("INSERT INTO client_leads (client_id, person_id) VALUES (\(clientID), \(personID))")
        return true
    }

    /// Every client of the hub with their lead now, by external id; `noPeople` when the acting
    /// person sees none of the hub's people (another hub's, or an unknown code).
    public func current(hubCode: String) throws -> [CurrentLead] {
        let leads = try db.query(
            """
            SELECT c.external_id, s.name, s.service, coalesce(s.active, false) AS active,
                   (l.led_from AT TIME ZONE h.timezone)::date AS since, l.id IS NOT NULL AS has_lead
            FROM clients c JOIN hubs h ON h.id = c.hub_id
            LEFT JOIN client_leads l ON l.client_id = c.id AND l.led_until IS NULL
            LEFT JOIN carehub_hub_staff() s ON s.id = l.person_id AND s.hub_id = c.hub_id
            WHERE h.code = \(hubCode)
            ORDER BY c.external_id
            """
        ).rows.map { row in
            let lead: CurrentLead.Lead? =
                try row.decode("has_lead", as: Bool.self)
                ? CurrentLead.Lead(
                    name: try row.decode("name", as: String?.self), service: try row.decode("service", as: StaffService?.self),
                    active: try row.decode("active"), since: try row.decode("since"))
                : nil
            return CurrentLead(clientID: try row.decode("external_id"), lead: lead)
        }
        if leads.isEmpty { throw LeadError.noPeople(hubCode) }
        return leads
    }

    /// True when `personID` leads the client now.
    public func leads(clientExternalID: String, personID: Int) throws -> Bool {
        try db.query(
            """
            SELECT 1 FROM client_leads l JOIN clients c ON c.id = l.client_id
            WHERE c.external_id = \(clientExternalID) AND l.person_id = \(personID) AND l.led_until IS NULL
            """
        ).count > 0
    }

    /// The active managers and practitioners of the client's hub whom the acting person may see
    /// (they share the hub): who a handover may go to, by e-mail, with name and service.
    public func receivers(clientExternalID: String) throws -> [(email: String, name: String, service: StaffService?)] {
        try db.query(
            """
            SELECT DISTINCT s.email, s.name, s.service FROM carehub_hub_staff() s JOIN clients c ON c.hub_id = s.hub_id
            WHERE c.external_id = \(clientExternalID) AND s.active AND s.role IN ('manager', 'practitioner')
            ORDER BY s.name, s.email
            """
        ).rows.map { (try $0.decode("email"), try $0.decode("name"), try $0.decode("service", as: StaffService?.self)) }
    }

    /// One person a member of staff leads now, for their caseload.
    public struct CaseloadEntry: Sendable, Hashable {
        public let clientID: String
        public let name: String
        public let hubCode: String
        /// The day they took the person on, in the hub's zone.
        public let since: LocalDate
    }

    /// The people `personID` leads now, as the acting person sees them (a practitioner sees all of
    /// their own caseload, wherever the people are), by name.
    public func caseload(personID: Int) throws -> [CaseloadEntry] {
        try db.query(
            """
            SELECT c.external_id, c.given_name || ' ' || c.family_name AS name, h.code, (l.led_from AT TIME ZONE h.timezone)::date AS since
            FROM client_leads l JOIN clients c ON c.id = l.client_id JOIN hubs h ON h.id = c.hub_id
            WHERE l.person_id = \(personID) AND l.led_until IS NULL
            ORDER BY c.family_name, c.given_name, c.external_id
            """
        ).rows.map { row in
            CaseloadEntry(
                clientID: try row.decode("external_id"), name: try row.decode("name"), hubCode: try row.decode("code"),
                since: try row.decode("since"))
        }
    }

    /// Who led the client when, oldest first; `unknownClient` when the acting person may not see them.
    public func history(clientExternalID: String) throws -> [LeadSpell] {
        if try db.query("SELECT 1 FROM clients WHERE external_id = \(clientExternalID)").count == 0 {
            throw LeadError.unknownClient(clientExternalID)
        }
        return try db.query(
            """
            SELECT s.name, (l.led_from AT TIME ZONE h.timezone)::date AS led_from, (l.led_until AT TIME ZONE h.timezone)::date AS led_until
            FROM client_leads l JOIN clients c ON c.id = l.client_id JOIN hubs h ON h.id = c.hub_id
            LEFT JOIN carehub_hub_staff() s ON s.id = l.person_id AND s.hub_id = c.hub_id
            WHERE c.external_id = \(clientExternalID) ORDER BY l.led_from, l.id
            """
        ).rows.map { row in
            LeadSpell(
                name: try row.decode("name", as: String?.self), from: try row.decode("led_from"),
                until: try row.decode("led_until", as: LocalDate?.self))
        }
    }
}
