import ArgumentParser
import CareStore
import CareWeb
import Foundation
import Logging

/// `carehub serve`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve carehub's web pages.",
        discussion: """
            Listens on --listen (default 127.0.0.1:8080) until SIGINT or SIGTERM, then finishes open \
            requests and stops. Database calls run on a pool of --connections threads, never on the \
            event loop. GET /healthz answers 200 while the database answers at this carehub's schema. \
            One access-log line per request on stderr (method, route pattern, status, milliseconds), \
            never a concrete path or personal data.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port")) var listen = "127.0.0.1:8080"
    @Option(help: "Database connections (and threads) at most.") var connections = 4
    @Flag(help: "Mark the session cookie Secure (when a reverse proxy serves carehub over HTTPS).") var secureCookies = false

    func validate() throws {
        guard ListenAddress(listen) != nil else { throw ValidationError("--listen: expected host:port, e.g. 127.0.0.1:8080") }
        guard (1...64).contains(connections) else { throw ValidationError("--connections: 1 to 64") }
    }

    func run() async throws {
        guard let address = ListenAddress(listen) else { return }
        // Fail at once, with the CLI's usual message, when the database is unreachable or unmigrated.
        try reportingFailures { _ = try database.connect() }
        var configuration = database.configuration()
        configuration.overrides.append((keyword: "application_name", value: "carehub serve"))
        let pool = DatabasePool(configuration: configuration, size: connections)
        var logger = Logger(label: "carehub.web")
        // The access log is at info: on unless CAREHUB_LOG_LEVEL asks for less (or more).
        if ProcessInfo.processInfo.environment["CAREHUB_LOG_LEVEL"] == nil { logger.logLevel = .info }
        FileHandle.standardError.write(Data("carehub serve: listening on http://\(address.host):\(address.port)\n".utf8))
        let settings = WebServer.Settings(host: address.host, port: address.port, connections: connections, secureCookies: secureCookies)
        try await WebServer.run(settings: settings, pool: pool, logger: logger)
    }
}

/// `host:port`.
struct ListenAddress: Equatable {
    let host: String
    let port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
