/// A person the application acts for: every transaction a `Connection` opens while one is set
/// calls `carehub_act_as` and `SET LOCAL ROLE` first, so the database's privileges and
/// row-level security policies decide what the transaction may see and change.
public struct ActingPerson: Sendable, Hashable {
    /// `people.id`.
    public let id: Int
    /// The e-mail they sign in with.
    public let email: String
    /// Their role, whose group role the transaction runs as.
    public let role: PersonRole

    public init(id: Int, email: String, role: PersonRole) {
        self.id = id
        self.email = email
        self.role = role
    }
}

/// PostgreSQL refused a statement run for a person (a missing privilege or a row-level
/// security policy). The description names the role and what was refused, never row values:
/// the server's messages in SQLSTATE class 42 name tables, columns and functions only.
public struct AccessRefused: Error, Sendable, CustomStringConvertible {
    /// The role of the person acting.
    public let role: PersonRole
    /// What was refused, in the server's words ("permission denied for table clients").
    public let refusal: String
    /// The error as the connection built it.
    public let underlying: StoreError

    public var description: String {
        "refused for role \(role.rawValue) (\(role.title)): \(refusal)"
    }
}
