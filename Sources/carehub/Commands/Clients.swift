import ArgumentParser
import CareModel
import CareStore

/// `carehub clients …`.
struct Clients: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Record client changes that affect planning.", subcommands: [Away.self])

    /// `carehub clients away`.
    struct Away: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a client is away (hospital, respite, holiday); re-run `visits plan` to cancel those days' visits.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "First day away, YYYY-MM-DD.") var from: String
        @Option(help: "Last day away, YYYY-MM-DD.") var to: String
        @Option(help: "hospital, respite, holiday or other.") var reason = "hospital"

        func run() throws {
            guard let first = LocalDate(iso: from) else { throw ValidationError("--from: not a date (YYYY-MM-DD)") }
            guard let last = LocalDate(iso: to) else { throw ValidationError("--to: not a date (YYYY-MM-DD)") }
            guard first <= last else { throw ValidationError("--to: before --from") }
            guard ["hospital", "respite", "holiday", "other"].contains(reason) else {
                throw ValidationError("--reason: hospital, respite, holiday or other")
            }
            try reportingFailures {
                try VisitPlanner(try database.connect()).recordAway(clientID: client, first: first, last: last, reason: reason)
                print("\(client) away \(first) to \(last) (\(reason)); run `carehub visits plan` for the weeks concerned")
            }
        }
    }
}
