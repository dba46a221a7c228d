import ArgumentParser
import CareModel
import CareStore
import Foundation

/// `carehub journey …`: each person's journey between services, and handovers (issue 15).
struct Journey: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A person's journey (hospital, Home First reablement, long-term care…) and handovers between lead professionals.",
        discussion: """
            Import Home First discharges with `carehub import home-first FILE.csv`: each creates or links the client, their \
            reablement package and its visits from now to the end of the week (and of the next week when the next 24 hours \
            reach it), and the discharge and reablement episodes.
            """,
        subcommands: [Add.self, End.self, Show.self, Handover.self, Accept.self, Waiting.self])

    /// A local moment as typed: `2026-12-01` (midnight) or `2026-12-01T14:30`, in the hub's zone.
    static func moment(_ text: String, option: String) throws -> (LocalDate, LocalTime?) {
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        guard let date = LocalDate(iso: parts[0]) else { throw ValidationError("\(option) \(text): expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") }
        guard parts.count == 2 else { return (date, nil) }
        guard let time = LocalTime(iso: parts[1]) else { throw ValidationError("\(option) \(text): expected YYYY-MM-DDTHH:MM") }
        return (date, time)
    }

    /// `carehub journey add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an episode of a person's journey; who recorded it and when is set by the database.",
            discussion: """
                Kinds: \(JourneyEpisode.Kind.allCases.map(\.rawValue).joined(separator: ", ")). A discharge (and the reablement \
                after it) may name its hospital discharge record with --discharge. Reablement goals are read from standard \
                input with --goals-from-stdin (they are about the person, so never an argument).
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "What happened.") var kind: String
        @Option(help: "When it started, in the hub's time: YYYY-MM-DD or YYYY-MM-DDTHH:MM.") var at: String
        @Option(help: "The hospital discharge's external id (discharge and reablement only).") var discharge: String?
        @Flag(help: "Read reablement goals from standard input.") var goalsFromStdin = false

        func run() throws {
            guard let kind = JourneyEpisode.Kind(rawValue: kind) else {
                throw ValidationError("--kind \(kind): one of \(JourneyEpisode.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let (date, time) = try Journey.moment(at, option: "--at")
            let goals = goalsFromStdin ? readStandardInputText() : nil
            if goalsFromStdin && kind != .reablement { throw ValidationError("goals are for reablement only") }
            try reportingFailures {
                let db = try database.connect()
                let id = try db.transaction { db -> Int in
                    let journeys = JourneyRepository(db)
                    guard let start = try journeys.instant(clientExternalID: client, date: date, time: time) else {
                        throw JourneyError.unknownClient(client)
                    }
                    return try journeys.add(
                        JourneyEpisode(kind: kind, startedAt: start, dischargeID: discharge, goals: goals?.isEmpty == true ? nil : goals),
                        clientExternalID: client)
                }
                print("\(client): episode \(id) (\(kind.label)) recorded")
            }
        }
    }

    /// `carehub journey end`.
    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "End a hospital stay, reablement or long-term care; reablement ends with its outcome.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "The episode's id, as `journey show` prints it.") var episode: Int
        @Option(help: "When it ended, in the hub's time: YYYY-MM-DD or YYYY-MM-DDTHH:MM.") var at: String
        @Option(help: "Reablement's outcome: independent, long_term_care, hospital, care_home or died.") var outcome: String?

        func run() throws {
            let result = try outcome.map { text -> JourneyEpisode.Outcome in
                guard let value = JourneyEpisode.Outcome(rawValue: text) else {
                    throw ValidationError("--outcome \(text): one of \(JourneyEpisode.Outcome.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return value
            }
            let (date, time) = try Journey.moment(at, option: "--at")
            try reportingFailures {
                let db = try database.connect()
                let ended = try db.transaction { db -> Bool in
                    let journeys = JourneyRepository(db)
                    guard let end = try journeys.instant(clientExternalID: client, date: date, time: time) else {
                        throw JourneyError.unknownClient(client)
                    }
                    return try journeys.end(episodeID: episode, clientExternalID: client, at: end, outcome: result)
                }
                guard ended else { throw CommandFailure("episode \(episode): no such open episode of \(client) that you may reach") }
                print("\(client): episode \(episode) ended")
            }
        }
    }

    /// `carehub journey show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A person's journey and handovers, oldest first.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let (episodes, handovers) = try db.transaction { db in
                    guard try RecordAccessRepository(db).reach(clientExternalID: client)?.record == true else {
                        throw JourneyError.unknownClient(client)
                    }
                    let journeys = JourneyRepository(db)
                    return (
                        try journeys.episodes(clientExternalID: client), try journeys.handovers(clientExternalID: client, recordRead: false)
                    )
                }
                print(ClientRecordText.printable(JourneyText.render(client: client, episodes, handovers)), terminator: "")
            }
        }
    }

    /// `carehub journey handover`.
    struct Handover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand a person over to another member of their hub's staff, who becomes their lead when they accept.",
            discussion: """
                For the person's lead professional or a manager of their hub. A note for the receiver may come on standard \
                input with --note-from-stdin. A handover not accepted within 24 hours is flagged by `journey waiting`.
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "The receiver's e-mail.") var to: String
        @Flag(help: "Read a note for the receiver from standard input.") var noteFromStdin = false

        func run() throws {
            let note = noteFromStdin ? readStandardInputText() : nil
            try reportingFailures {
                let db = try database.connect()
                let id = try db.transaction { db in
                    try JourneyRepository(db).handOver(clientExternalID: client, toEmail: to, note: note?.isEmpty == true ? nil : note)
                }
                print("\(client): handover \(id) to \(to) waits for them to accept (`carehub journey accept \(id)`)")
            }
        }
    }

    /// `carehub journey accept`.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept a handover made to you: you become the person's lead.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The handover's id.") var handover: Int

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                try db.transaction { db in try JourneyRepository(db).accept(handoverID: handover) }
                print("handover \(handover) accepted: you are now the lead")
            }
        }
    }

    /// `carehub journey waiting`.
    struct Waiting: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Handovers waiting to be accepted, oldest first; those waiting over 24 hours are flagged.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this hub's people.") var hub: String?

        func run() throws {
            try reportingFailures {
                let waiting = try JourneyRepository(try database.connect()).handovers(waitingOnly: true, hubCode: hub)
                let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
                for h in waiting {
                    let flag = h.isOverdue(at: now) ? "OVER 24 HOURS: " : ""
                    print(ClientRecordText.printable("[\(h.id)] \(h.clientID)\t\(flag)from \(h.fromName) to \(h.toName) since \(h.handedAt)"))
                }
                let overdue = waiting.filter { $0.isOverdue(at: now) }.count
                print("\(waiting.count) waiting, \(overdue) over 24 hours")
            }
        }
    }
}

/// The plain-text journey of `journey show` (and `record show`).
enum JourneyText {
    static func render(client: String, _ episodes: [JourneyEpisode], _ handovers: [CareModel.Handover]) -> String {
        var lines = ["  journey:"]
        if episodes.isEmpty { lines.append("    no episodes recorded (`carehub journey add`)") }
        for e in episodes {
            var line = "    [\(e.id ?? 0)] \(e.startedAt) \(e.kind.label)"
            if let d = e.dischargeID { line += " (discharge \(d))" }
            if let end = e.endedAt { line += ", ended \(end)" } else if e.kind.lasts { line += ", ongoing" }
            if let outcome = e.outcome { line += ", outcome \(outcome.rawValue)" }
            line += "; recorded by \(e.recordedBy ?? "?")"
            lines.append(line)
            if let goals = e.goals { lines.append("        goals: \(goals)") }
        }
        lines.append("  handovers:")
        if handovers.isEmpty { lines.append("    none") }
        for h in handovers {
            let state = h.acceptedAt.map { "accepted \($0)" } ?? h.withdrawnAt.map { "withdrawn \($0)" } ?? "WAITING"
            lines.append("    [\(h.id)] \(h.handedAt) \(h.fromName) (\(h.fromService ?? "-")) to \(h.toName) (\(h.toService)): \(state)")
            if let note = h.note { lines.append("        note: \(note)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
