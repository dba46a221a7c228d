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
        /// Mark the session cookie `Secure`: on when a reverse proxy serves carehub over HTTPS.
        public var secureCookies: Bool
        public var sessionLimits: WebSessionRepository.Limits

        public init(
            host: String = "127.0.0.1", port: Int = 8080, connections: Int = 4, secureCookies: Bool = false,
            sessionLimits: WebSessionRepository.Limits = .init()
        ) {
            self.host = host
            self.port = port
            self.connections = connections
            self.secureCookies = secureCookies
            self.sessionLimits = sessionLimits
        }
    }

    /// The router: security headers and the access log on every answer, the session (and the
    /// same-origin rule for forms) before any page.
    public static func router(settings: Settings, pool: DatabasePool, logger: Logger) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(pool: pool, limits: settings.sessionLimits))
        // Inside the session, so an error page still shows who is signed in.
        router.add(middleware: ErrorPagesMiddleware(logger: logger))
        PublicRoutes.add(to: router, pool: pool)
        SignInRoutes.add(to: router, pool: pool, settings: settings)
        SecondFactorRoutes.add(to: router, pool: pool, settings: settings)
        ClientRoutes.add(to: router, pool: pool)
        HubRoutes.add(to: router, pool: pool)
        // Generate runs hold a connection each: never more than half the pool, and never the last one.
        ActionRoutes.add(to: router, pool: pool, jobs: GenerateJobs(limit: max(0, (settings.connections - 1) / 2)), logger: logger)
        RebalanceLogRoutes.add(to: router, pool: pool)
        ReportRoutes.add(to: router, pool: pool)
        CarerRoutes.add(to: router, pool: pool)
        PeopleRoutes.add(to: router, pool: pool)
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
            router: router(settings: settings, pool: pool, logger: logger),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            logger: logger)
        // The threads start before the server (and before a test's first request): started by a
        // service instead, a request could reach the pool first, and NIO hands work for a pool that
        // has not started a cancellation.
        app.beforeServerStarts { pool.start() }
        app.addServices(PoolService(pool: pool))
        return app
    }
}

/// Shuts the pool down after the server stops (its threads started before the server did).
struct PoolService: Service {
    let pool: DatabasePool

    func run() async throws {
        try? await gracefulShutdown()
        try await pool.shutdown()
    }
}
