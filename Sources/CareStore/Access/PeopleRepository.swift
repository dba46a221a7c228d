import Foundation

/// Reads and writes `people` and `person_hubs`: staff who sign in. Runs as the administration
/// connection or a person acting as admin; the policies and grants decide which.
public struct PeopleRepository {
    let db: Connection

    /// A repository over a connection (and whatever transaction it is in).
    public init(_ db: Connection) { self.db = db }

    /// Adds an active person with their hubs and returns their id. An e-mail already used
    /// (whatever its case) is a `PeopleError.emailTaken`; an unknown hub code `unknownHub`.
    @discardableResult
    public func add(name: String, email: String, role: PersonRole, hubCodes: [String], service: StaffService = .socialCare) throws -> Int {
        try db.transaction { db in
            if try db.query("SELECT 1 FROM people WHERE lower(email) = lower(\(email))").count > 0 {
                throw PeopleError.emailTaken(email)
            }
            let id: Int = try db.query(
                "INSERT INTO people (name, email, role, service) VALUES (\(name), \(email), \(role), \(service)) RETURNING id"
            ).rows[0].decode("id")
            for code in hubCodes {
                let added = try db.execute(
                    "INSERT INTO person_hubs (person_id, hub_id) SELECT \(id), id FROM hubs WHERE code = \(code) ON CONFLICT DO NOTHING")
                if added == 0, try db.query("SELECT 1 FROM hubs WHERE code = \(code)").count == 0 {
                    throw PeopleError.unknownHub(code)
                }
            }
            return id
        }
    }

    /// Everyone, by e-mail, with their hubs' codes; never their password hash.
    public func list() throws -> [PersonSummary] {
        try db.query(
            """
            SELECT p.id, p.name, p.email, p.role, p.active, p.service,
                   coalesce((SELECT string_agg(h.code, ';' ORDER BY h.code) FROM person_hubs ph JOIN hubs h ON h.id = ph.hub_id
                             WHERE ph.person_id = p.id), '') AS hubs
            FROM people p ORDER BY lower(p.email)
            """
        ).rows.map { row in
            let hubs: String = try row.decode("hubs")
            return PersonSummary(
                id: try row.decode("id"), name: try row.decode("name"), email: try row.decode("email"), role: try row.decode("role"),
                active: try row.decode("active"), hubCodes: hubs.split(separator: ";").map(String.init), service: try row.decode("service"))
        }
    }

    /// The active person with this e-mail (any case), for `--as`; nil when none or disabled.
    public func activePerson(email: String) throws -> ActingPerson? {
        try db.query("SELECT id, email, role FROM people WHERE lower(email) = lower(\(email)) AND active").rows.first.map { row in
            ActingPerson(id: try row.decode("id"), email: try row.decode("email"), role: try row.decode("role"))
        }
    }

    /// Disables a person: their next transaction acts for no one and fails. Returns false when
    /// they were already disabled; throws `unknownPerson` when there is no such e-mail.
    @discardableResult
    public func disable(email: String) throws -> Bool {
        let changed = try db.execute(
            "UPDATE people SET active = false, disabled_at = now() WHERE lower(email) = lower(\(email)) AND active")
        if changed == 0, try db.query("SELECT 1 FROM people WHERE lower(email) = lower(\(email))").count == 0 {
            throw PeopleError.unknownPerson(email)
        }
        return changed > 0
    }

    /// Stores an encoded password hash (made by `PasswordHasher`, never a password).
    public func setPasswordHash(email: String, hash: String) throws {
        if try db.execute("UPDATE people SET password_hash = \(hash) WHERE lower(email) = lower(\(email))") == 0 {
            throw PeopleError.unknownPerson(email)
        }
    }

    /// The stored hash, for signing in (the owner connection only: no group role may read it).
    public func passwordHash(email: String) throws -> String? {
        try db.query("SELECT password_hash FROM people WHERE lower(email) = lower(\(email)) AND active").rows.first?
            .decode("password_hash", as: String?.self)
    }

    /// The person's name, for the password policy's "not your own name" rule.
    public func name(email: String) throws -> String? {
        try db.query("SELECT name FROM people WHERE lower(email) = lower(\(email))").rows.first?.decode("name")
    }
}

/// One person as `people list` shows them.
public struct PersonSummary: Sendable, Hashable {
    public let id: Int
    public let name: String
    public let email: String
    public let role: PersonRole
    public let active: Bool
    public let hubCodes: [String]
    /// The service they work in (social care unless said).
    public let service: StaffService
}

/// A refused change to `people`, naming only what the user typed.
public enum PeopleError: Error, Sendable, Equatable, CustomStringConvertible {
    case emailTaken(String)
    case unknownHub(String)
    case unknownPerson(String)

    public var description: String {
        switch self {
        case .emailTaken(let email): "\(email) is already a carehub user"
        case .unknownHub(let code): "no hub \(code): import or seed it first"
        case .unknownPerson(let email): "no carehub user \(email): add them with `carehub people add`"
        }
    }
}
