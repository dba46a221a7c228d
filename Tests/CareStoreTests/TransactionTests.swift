import CareModel
import CareStore
import CareTestSupport
import Testing

@Suite("Transactions and advisory locks")
struct TransactionTests {
    struct Boom: Error {}

    private func hub(_ code: String) -> Hub {
        Hub(code: code, name: "Hub \(code)", location: GeoPoint(latitude: 52.8, longitude: -2.1)!)
    }

    /// A throw inside the closure rolls everything back; nothing is left behind.
    @Test func rollbackOnThrowLeavesNothing() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try HubRepository(db).insert(hub("A"))
                try HubRepository(db).insert(hub("B"))
                throw Boom()
            }
        }
        #expect(try HubRepository(db).count() == 0)
        #expect(!db.isInTransaction)
    }

    /// Returning commits, visible from another connection.
    @Test func returnCommits() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let id = try db.transaction { db in try HubRepository(db).insert(hub("A")) }
        #expect(id > 0)
        #expect(try HubRepository(try test.connect()).count() == 1)
    }

    /// A nested transaction is a savepoint: its failure undoes only its own work.
    @Test func nestedFailureRollsBackToSavepoint() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        try db.transaction { db in
            try HubRepository(db).insert(hub("A"))
            _ = try? db.transaction { db in
                try HubRepository(db).insert(hub("B"))
                throw Boom()
            }
        }
        #expect(try HubRepository(db).all().map(\.hub.code) == ["A"])
    }

    /// A failed statement swallowed inside the closure makes the commit throw, not silently roll back.
    @Test func swallowedFailureMakesCommitThrow() throws {
        let test = try TestDatabase()
        let db = try test.connect()
        let error = #expect(throws: StoreError.self) {
            try db.transaction { db in
                try HubRepository(db).insert(hub("A"))
                _ = try? HubRepository(db).insert(hub("A"))  // unique violation, ignored
            }
        }
        #expect(error?.code == .transactionRolledBack)
        #expect(try HubRepository(db).count() == 0)
    }

    /// A session lock held by one connection cannot be taken by another until released.
    @Test func sessionAdvisoryLockExcludesOthers() throws {
        let test = try TestDatabase(migrated: false)
        let first = try test.connect()
        let second = try test.connect()
        #expect(try first.tryAdvisoryLock(.hub(7)))
        #expect(try second.tryAdvisoryLock(.hub(7)) == false)
        #expect(try second.tryAdvisoryLock(.hub(8)))
        #expect(try first.advisoryUnlock(.hub(7)))
        #expect(try second.tryAdvisoryLock(.hub(7)))
    }

    /// A transaction lock is released by COMMIT.
    @Test func transactionAdvisoryLockEndsWithTransaction() throws {
        let test = try TestDatabase(migrated: false)
        let first = try test.connect()
        let second = try test.connect()
        try first.transaction { db in
            try db.advisoryTransactionLock(.hub(1))
            #expect(try second.tryAdvisoryTransactionLock(.hub(1)) == false)
        }
        #expect(try second.tryAdvisoryLock(.hub(1)))
    }
}
