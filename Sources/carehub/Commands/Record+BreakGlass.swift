import ArgumentParser
import CareStore
import Foundation

extension Record {
    /// `carehub record break-glass`.
    struct BreakGlass: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "break-glass",
            abstract: "Open the record of a person you have no relationship with, for a reason, for a while (practitioners).",
            discussion: """
                For an emergency outside your caseload and hub: the database opens that one person's record, plan and notes \
                to you for --minutes (at most 720, 12 hours), records the grant in the audit trail, and puts it on the \
                administrators' review list (`carehub record grants --waiting`). The reason is read from standard input, \
                never an argument (arguments show in `ps` and shell history): at least 10 characters, at most 1,000.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "How long the record stays open, in minutes (1 to 720).") var minutes: Int = 60

        func run() throws {
            let reason = readStandardInputText()
            try reportingFailures {
                let db = try database.connect()
                let until = try db.transaction { db in
                    try RecordAccessRepository(db).breakGlass(clientExternalID: client, reason: reason, minutes: minutes)
                }
                guard let until else { throw CommandFailure("\(client): no such client") }
                print("\(client): record open to you until \(until); this access waits for an administrator's review")
            }
        }
    }

    /// `carehub record grants`.
    struct Grants: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List break-glass grants for review (administrators): who opened whose record, why and until when.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Only the grants no administrator has reviewed yet.") var waiting = false

        func run() throws {
            try reportingFailures {
                let grants = try RecordAccessRepository(try database.connect()).grants(waitingOnly: waiting)
                for g in grants {
                    let review = g.reviewedAt.map { "reviewed \($0) by \(g.reviewedBy ?? "?"): \(g.reviewNote ?? "")" } ?? "WAITING FOR REVIEW"
                    print(
                        ClientRecordText.printable(
                            "[\(g.id)] \(g.grantedAt) to \(g.expiresAt)\t\(g.clientID) (\(g.hub))\t\(g.personEmail)\t\(review)"))
                    print(ClientRecordText.printable("      reason: \(g.reason)"))
                }
                if grants.isEmpty { print(waiting ? "no grants waiting for review" : "no break-glass grants") }
            }
        }
    }

    /// `carehub record review`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record your review of a break-glass grant (administrators); the review note is read from standard input.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The grant's id, as `carehub record grants` shows it.") var grant: Int

        func run() throws {
            let note = readStandardInputText()
            guard !note.isEmpty else { throw ValidationError("the review note comes on standard input, and it is empty") }
            try reportingFailures {
                let db = try database.connect()
                let done = try db.transaction { db in try RecordAccessRepository(db).review(grantID: grant, note: note) }
                guard done else { throw CommandFailure("grant \(grant): no such grant waiting for review") }
                print("grant \(grant): reviewed")
            }
        }
    }
}

/// Standard input as one text, trimmed: notes, reasons and reviews come this way because
/// arguments show in `ps` and shell history.
func readStandardInputText() -> String {
    var lines: [String] = []
    while let line = readLine(strippingNewline: true) { lines.append(line) }
    return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
}
