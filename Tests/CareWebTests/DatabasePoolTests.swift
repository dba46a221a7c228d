import CareStore
import CareTestSupport
import CareWeb
import Hummingbird
import Logging
import Testing

/// The web server's connection pool against the real PostgreSQL `scripts/test` starts.
@Suite("Database pool")
struct DatabasePoolTests {
    /// The application starts the pool's threads before the server, not in a service that runs
    /// beside the first requests: once the before-start steps have run, the pool answers with no
    /// service running. (Started by a service, a test's first request could find the threads not
    /// yet started, and NIO answers work for a stopped pool with a cancellation: a 500 on sign-in.)
    @Test func applicationStartsThePoolBeforeTheServer() async throws {
        let database = try TestDatabase()
        let pool = DatabasePool(configuration: database.configuration, size: 1)
        let app = WebServer.application(
            settings: .init(host: "127.0.0.1", port: 0, connections: 1), pool: pool, logger: Logger(label: "test"))
        do {
            for process in app.processesRunBeforeServerStart { try await process() }
            let version = try await pool.withConnection { db in try db.appliedSchemaVersion() }
            #expect(version == SchemaVersion.required)
        } catch {
            // The pool's threads must not outlive a failed test in the shared test process.
            try? await pool.shutdown()
            throw error
        }
        try await pool.shutdown()
    }

    /// A pool shut down stays down: a start that comes after the shutdown (a service group
    /// cancelled before the server's before-start steps ran) starts no threads, and bodies are
    /// refused rather than run on threads nothing would stop.
    @Test func aPoolShutDownCannotBeStarted() async throws {
        let database = try TestDatabase()
        let pool = DatabasePool(configuration: database.configuration, size: 1)
        try await pool.shutdown()
        pool.start()
        await #expect(throws: CancellationError.self) { try await pool.withConnection { db in try db.appliedSchemaVersion() } }
        try await pool.shutdown()
    }
}
