import ArgumentParser
import CareModel
import CareStore

/// `carehub visits …`: the week's visits.
struct Visits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan the week's visits from care packages, or add one-off visits.",
        subcommands: [Plan.self, Add.self]
    )

    /// `carehub visits plan`.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Materialise a week's visits from care packages (idempotent).",
            discussion: """
                Windows are read in each hub's time zone (clock-change weeks included). Packages not valid \
                on a day and clients away (client_absences) get no visit. Running it again adds only what \
                is missing, updates changed calls and cancels unwanted ones, but never changes or drops a \
                visit that a roster assigns: those are counted as kept. Each visit takes its call's \
                late_allowed_minutes and time_critical; each pair of a package's linked calls planned on the \
                same date in the hub's time zone is linked (counted as linked pairs).
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "ISO week, e.g. 2026-W48.") var week: ISOWeek
        @Option(help: "One hub's code (default: all hubs).") var hub: String?

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                if let hub, try HubRepository(db).find(code: hub) == nil { throw CommandFailure(noHubsMessage(hub)) }
                let o = try VisitPlanner(db).plan(week: week, hubCode: hub)
                print(
                    "\(week)\(hub.map { " \($0)" } ?? ""): \(o.added) added, \(o.updated) updated, \(o.cancelled) cancelled, \(o.kept) "
                        + "kept (assigned in a roster), \(o.planned) planned" + (o.links > 0 ? ", \(o.links) linked pairs" : "")
                )
            }
        }
    }

    /// `carehub visits add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a one-off visit (not from a package).")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Client external id.") var client: String
        @Option(help: "Local date, YYYY-MM-DD.") var date: String
        @Option(help: "Start window in local time, HH:MM-HH:MM.") var window: String
        @Option(help: "Duration in minutes.") var minutes: Int
        @Option(help: "Comma-separated skills.") var skills: String = ""
        @Option(help: "Carers needed (1–\(Problem.Visit.maxCarers)).") var carers = 1
        @Option(help: "home_first, high or normal.") var priority = "normal"

        func run() throws {
            let parts = window.split(separator: "-").map(String.init)
            guard let day = LocalDate(iso: date) else { throw ValidationError("--date: not a date (YYYY-MM-DD)") }
            guard parts.count == 2, let from = LocalTime(iso: parts[0]), let to = LocalTime(iso: parts[1]) else {
                throw ValidationError("--window: expected HH:MM-HH:MM")
            }
            guard from <= to else { throw ValidationError("--window: ends before it starts") }
            guard minutes > 0 && minutes <= 1440 else { throw ValidationError("--minutes: must be 1…1440") }
            guard Problem.Visit.carerCounts.contains(carers) else { throw ValidationError("--carers: " + Problem.Visit.carerCountRule) }
            guard let level = Priority(rawValue: priority) else { throw ValidationError("--priority: home_first, high or normal") }
            let skillList = try skills.split(separator: ",").map { text -> Skill in
                guard let s = Skill(String(text)) else { throw ValidationError("--skills: \(text) is not a skill code") }
                return s
            }
            try reportingFailures {
                let db = try database.connect()
                let id = try VisitPlanner(db).addVisit(
                    clientID: client, date: day, windowStart: from, windowEnd: to, minutes: minutes, skills: skillList,
                    carers: carers, priority: level)
                print("added visit \(id)")
            }
        }
    }
}
