import CareStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `carehub serve`: the web application over the same libraries and database roles as the CLI.
public enum WebServer {
    /// Where to listen and how many database connections to keep.
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        public var connections: Int

        public init(host: String = "127.0.0.1", port: Int = 8080, connections: Int = 4) {
            self.host = host
            self.port = port
            self.connections = connections
        }
    }

    /// The router: public pages, with security headers and the access log on every answer.
    public static func router(pool: DatabasePool, logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        PublicRoutes.add(to: router, pool: pool)
        return router
    }

    /// Serves until SIGINT or SIGTERM, then shuts down gracefully (open requests finish) and
    /// closes the pool.
    public static func run(settings: Settings, pool: DatabasePool, logger: Logger) async throws {
        try await application(settings: settings, pool: pool, logger: logger).runService()
    }

    /// The application (tests run it with HummingbirdTesting).
    public static func application(settings: Settings, pool: DatabasePool, logger: Logger) -> some ApplicationProtocol {
        var app = Application(
            router: router(pool: pool, logger: logger),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            logger: logger)
        app.addServices(PoolService(pool: pool))
        return app
    }
}

/// Starts the pool with the application and shuts it down after the server stops.
struct PoolService: Service {
    let pool: DatabasePool

    func run() async throws {
        pool.start()
        try? await gracefulShutdown()
        try await pool.shutdown()
    }
}
