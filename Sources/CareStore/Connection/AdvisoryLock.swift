/// A PostgreSQL advisory-lock key: a namespace and an id, as the two-`int4` lock functions take.
///
/// Namespaces keep carehub's locks apart from each other and from other applications.
public struct AdvisoryLockKey: Hashable, Sendable {
    /// The lock family.
    public let namespace: Int32
    /// The object within the family (a hub id, say).
    public let id: Int32

    /// A key from its parts.
    public init(namespace: Int32, id: Int32) {
        self.namespace = namespace
        self.id = id
    }

    /// Held while migrations run, so two `db migrate` at once apply each file once.
    public static let migrations = AdvisoryLockKey(namespace: 0x4341_5245, id: 1)  // "CARE"

    /// Held while a hub's roster is published or rebalanced.
    public static func hub(_ hubID: Int) -> AdvisoryLockKey {
        AdvisoryLockKey(namespace: 0x4855_4221, id: Int32(truncatingIfNeeded: hubID))  // "HUB!"
    }
}

extension Connection {
    /// Takes a session-level lock if it is free; true when taken. Release with `advisoryUnlock`.
    public func tryAdvisoryLock(_ key: AdvisoryLockKey) throws -> Bool {
        try query("SELECT pg_try_advisory_lock(\(key.namespace), \(key.id)) AS taken").rows[0].decode("taken")
    }

    /// Waits for a session-level lock.
    public func advisoryLock(_ key: AdvisoryLockKey) throws {
        try execute("SELECT pg_advisory_lock(\(key.namespace), \(key.id))")
    }

    /// Releases a session-level lock; false when this session did not hold it.
    @discardableResult
    public func advisoryUnlock(_ key: AdvisoryLockKey) throws -> Bool {
        try query("SELECT pg_advisory_unlock(\(key.namespace), \(key.id)) AS released").rows[0].decode("released")
    }

    /// Waits for a lock that the current transaction holds until it ends.
    public func advisoryTransactionLock(_ key: AdvisoryLockKey) throws {
        try execute("SELECT pg_advisory_xact_lock(\(key.namespace), \(key.id))")
    }

    /// Takes a transaction-level lock if it is free; true when taken.
    public func tryAdvisoryTransactionLock(_ key: AdvisoryLockKey) throws -> Bool {
        try query("SELECT pg_try_advisory_xact_lock(\(key.namespace), \(key.id)) AS taken").rows[0].decode("taken")
    }

    /// Runs `body` holding a session-level lock (waiting for it), and releases it after.
    public func withAdvisoryLock<T>(_ key: AdvisoryLockKey, _ body: () throws -> T) throws -> T {
        try advisoryLock(key)
        defer { _ = try? advisoryUnlock(key) }
        return try body()
    }
}
