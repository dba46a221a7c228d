import CareStore
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// A bounded pool of libpq connections, used only from its own threads.
///
/// libpq blocks, so no request touches a connection on an event loop: `withConnection` runs its
/// body on one of the pool's threads, and there are as many connections as threads at most, so
/// a burst of requests queues for a thread rather than opening a connection each. Hand-written
/// because the kept PostgreSQL pools (postgres-nio's) speak the wire protocol themselves, and
/// carehub's one rule is that CareStore and libpq are the only way to the database.
public final class DatabasePool: @unchecked Sendable {
    /// How each connection is opened.
    public let configuration: ConnectionConfiguration
    /// Most connections (and threads) at once.
    public let size: Int
    /// Roster documents decoded for this pool's database (the roster pages' cache).
    let decoded = DecodedDocuments(capacity: 16)
    private let threads: NIOThreadPool
    // Guards `idle` and `closed`; touched for a moment by each checkout and check-in.
    private let lock = NIOLock()
    private var idle: [Connection] = []
    // Set by `shutdown`: a pool shut down stays down. The server starts the pool before it
    // serves and a service shuts it down; if the service group were cancelled before the start
    // ran, starting afterwards would leave threads running that nothing will stop (and starting
    // a pool still shutting down is a fatal error in NIO).
    private var closed = false

    /// A pool of up to `size` connections; `start()` it before use.
    public init(configuration: ConnectionConfiguration, size: Int) {
        precondition(size > 0)
        self.configuration = configuration
        self.size = size
        threads = NIOThreadPool(numberOfThreads: size)
    }

    /// Starts the pool's threads, unless the pool has been shut down (then its bodies are
    /// refused with `CancellationError`, as before it started).
    public func start() {
        // Under the lock, so a shutdown cannot come between the check and the start.
        lock.withLock { if !closed { threads.start() } }
    }

    /// Closes the idle connections and stops the threads (waiting for running bodies). The
    /// pool cannot be started again.
    public func shutdown() async throws {
        lock.withLock { closed = true }
        try await threads.shutdownGracefully()
        lock.withLock { idle.removeAll() }
    }

    /// Runs `body` with a connection on one of the pool's threads. A connection that broke (or
    /// was left inside a transaction) is dropped, not reused: the next body gets a fresh one.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await threads.runIfActive { [self] in
            let connection = try checkout()
            do {
                let value = try body(connection)
                checkin(connection)
                return value
            } catch {
                checkin(connection)
                throw error
            }
        }
    }

    private func checkout() throws -> Connection {
        if let reused = lock.withLock({ idle.popLast() }) { return reused }
        let connection = try Connection(configuration)
        try connection.requireSchema()
        return connection
    }

    private func checkin(_ connection: Connection) {
        guard connection.isUsable else { return }
        lock.withLock { idle.append(connection) }
    }
}
