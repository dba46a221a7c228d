import ArgumentParser
import Foundation
import Logging

/// The `carehub` command: rostering and home-care market tools for care hubs.
@main
struct CareHub: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carehub",
        abstract: "Rostering and home-care market tools for local health and social care hubs.",
        discussion: """
            Connects to PostgreSQL through libpq: DATABASE_URL, or the standard PGHOST, PGPORT, \
            PGDATABASE, PGUSER, PGPASSWORD and PGSERVICE variables. `scripts/pg env` prints them \
            for the private cluster under .carehub/. CAREHUB_LOG_LEVEL (trace…critical, default \
            notice) sets how much progress is logged to stderr; CAREHUB_DEBUG=1 adds the server's \
            full error text, which can contain personal data.

            Exit codes: 0 success; 1 a failure (database unreachable, bad data, refused change); \
            64 a usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Import.self, Clients.self, Visits.self, RosterCommand.self, RebalanceCommand.self, Solve.self, ProblemCommand.self, DB.self, Demo.self,
            Report.self, People.self, Audit.self, Commissioning.self, Serve.self, Record.self, Lead.self, Journey.self, Travel.self,
        ]
    )

    /// Sets up logging (stderr; level from CAREHUB_LOG_LEVEL, default `notice`), then parses
    /// and runs the command.
    static func main() async {
        let level = ProcessInfo.processInfo.environment["CAREHUB_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        // What AsyncParsableCommand.main() does, after the logging set-up above.
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
