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
            try execute(SQLQuery(unsafeSQL: begin))
        } else {
            try execute(SQLQuery(unsafeSQL: "SAVEPOINT carehub_sp_\(depth)"))
        }
        transactionDepth += 1
        defer { transactionDepth = depth }
        let value: T
        do {
            value = try body(self)
        } catch {
            if depth == 0 {
                _ = try? execute("ROLLBACK")
            } else {
                _ = try? execute(SQLQuery(unsafeSQL: "ROLLBACK TO SAVEPOINT carehub_sp_\(depth)"))
            }
            throw error
        }
        if depth == 0 {
            let result = try query("COMMIT")
            if result.commandTag == "ROLLBACK" {
                throw StoreError(
                    code: .transactionRolledBack, context: "committing a transaction", serverMessage: "the transaction had failed and was rolled back"
                )
            }
        } else {
            try execute(SQLQuery(unsafeSQL: "RELEASE SAVEPOINT carehub_sp_\(depth)"))
        }
        return value
    }
}
