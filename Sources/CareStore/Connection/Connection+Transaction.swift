/// Isolation levels for `Connection.transaction(isolation:_:)`.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// Nested calls become savepoints, so a helper can be transactional on its own and still
    /// take part in a caller's transaction. If COMMIT answers ROLLBACK (the transaction had
    /// failed and the failure was swallowed inside `body`), this throws.
    public func transaction<T>(isolation: IsolationLevel? = nil, _ body: (Connection) throws -> T) throws -> T {
        let depth = transactionDepth
        if depth == 0 {
            let begin = isolation.map { "BEGIN ISOLATION LEVEL \($0.rawValue)" } ?? "BEGIN"
            try run(SQLQuery(unsafeSQL: begin))
            if let person = actingPerson {
                do {
                    try act(as: person)
                } catch {
                    _ = try? run("ROLLBACK")
                    throw error
                }
            }
        } else {
            try run(SQLQuery(unsafeSQL: "SAVEPOINT carehub_sp_\(depth)"))
        }
        transactionDepth += 1
        defer { transactionDepth = depth }
        let value: T
        do {
            value = try body(self)
        } catch {
            if depth == 0 {
                _ = try? run("ROLLBACK")
            } else {
                _ = try? run(SQLQuery(unsafeSQL: "ROLLBACK TO SAVEPOINT carehub_sp_\(depth)"))
            }
            throw error
        }
        if depth == 0 {
            let result = try run("COMMIT")
            if result.commandTag == "ROLLBACK" {
                throw StoreError(
                    code: .transactionRolledBack, context: "committing a transaction", serverMessage: "the transaction had failed and was rolled back"
                )
            }
        } else {
            try run(SQLQuery(unsafeSQL: "RELEASE SAVEPOINT carehub_sp_\(depth)"))
        }
        return value
    }
}

extension Connection {
    /// Makes the open transaction act for `person`: the server checks they are active, records
    /// who acts for this backend and transaction (only the owner may), and names the group role,
    /// which is checked against the person's role before `SET LOCAL ROLE` (reverted at COMMIT).
    func act(as person: ActingPerson) throws {
        let role: String = try run("SELECT carehub_act_as(\(person.id)) AS role").rows[0].decode("role")
        guard role == person.role.groupRole.name else {
            throw StoreError(
                code: .insufficientPrivilege, context: "acting for a person",
                serverMessage: "the person's role changed since this command started; run it again")
        }
        try run(SQLQuery(unsafeSQL: "SET LOCAL ROLE \(person.role.groupRole.quoted)"))
    }
}
