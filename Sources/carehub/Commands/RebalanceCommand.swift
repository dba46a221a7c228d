import ArgumentParser
import CareModel
import CareRostering
import CareStore
import Foundation

/// `carehub rebalance`: the cron job that repairs published rosters.
struct RebalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebalance",
        abstract: "Repair published rosters after sickness, leavers, cancellations and new visits, moving as little as possible.",
        discussion: """
            For cron or a systemd timer (examples in examples/cron/). Per hub: skipped with a "busy" line if another \
            rebalance or a publish holds the hub; "nothing to do" if nothing changed since the last successful run. \
            Otherwise each published week is repaired and written as a new published version, with a roster_changes \
            row per change and an outbox row per affected carer, in one transaction. Exit 0 when every hub was \
            handled (including busy and nothing to do); 1 on a real failure (database unreachable, bad data).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "One hub's code (default: every hub).") var hub: String?
    @Flag(help: "Every hub (the default).") var all = false
    @Option(help: "ISO week to repair; repeat for several (default: this week and next).") var week: [ISOWeek] = []
    @Flag(help: "Say what would change; write nothing.") var dryRun = false
    @Option(help: "Most visits that were not broken which a run may move.") var maxMoves = 20
    @Option(help: "Visits starting within this many minutes stay as they are unless broken.") var freezeMinutes = 120
    @Option(help: "Time limit per hub and week for making room.") var seconds: Double = 10
    @Option(help: "Iteration limit per hub and week for making room (with --seed, runs repeat exactly).") var iterations: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Print a machine-readable summary.") var json = false
    @Option(help: ArgumentHelp("The time to repair from (RFC 3339; default now): for replays and tests.", visibility: .hidden)) var now: String?

    func validate() throws {
        if hub != nil && all { throw ValidationError("give --hub or --all, not both") }
        if maxMoves < 0 { throw ValidationError("--max-moves must be 0 or more") }
        if freezeMinutes < 0 { throw ValidationError("--freeze-minutes must be 0 or more") }
        if let now, Instant(rfc3339: now) == nil { throw ValidationError("--now: not an RFC 3339 time") }
    }

    func run() throws {
        try reportingFailures {
            let db = try database.connect()
            let instant = now.flatMap(Instant.init(rfc3339:)) ?? Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
            let hubs = try HubRepository(db).codesInScope()
            if let hub, !hubs.contains(hub) { throw CommandFailure("no hub \(hub) among \(hubs.joined(separator: ", "))") }
            let today = ISOWeek(containing: LocalDate(daysSinceEpoch: Int(instant.secondsSinceEpoch / 86_400)))
            var options = Rebalance.Options(weeks: week.isEmpty ? [today, today.next] : week, now: instant, actor: currentActor)
            options.dryRun = dryRun
            options.maxMoves = maxMoves
            options.freezeMinutes = freezeMinutes
            options.seconds = seconds
            options.iterations = iterations
            options.seed = seed
            var results: [Rebalance.HubResult] = []
            for code in hub.map({ [$0] }) ?? hubs {
                let result = try Rebalance.run(db, hub: code, options: options)
                for notice in Set(result.weeks.flatMap(\.notices)).sorted() { writeError("\(code): \(notice)") }
                if json { results.append(result) } else { print(Self.line(result, dryRun: dryRun)) }
            }
            if json { print(try RebalanceSummary(dryRun: dryRun, hubs: results).json()) }
        }
    }

    static func line(_ r: Rebalance.HubResult, dryRun: Bool) -> String {
        guard r.status == .repaired || r.status == .unchanged else { return "\(r.hub): \(r.status.rawValue)" }
        let weeks = r.weeks.map { w -> String in
            let left = w.unassigned.values.reduce(0, +)
            let reasons = w.unassigned.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map { "\($0.value) \($0.key)" }
            var s = "\(w.week) "
            s += w.version.map { "v\($0) published" } ?? (w.changes.isEmpty ? "unchanged" : dryRun ? "would change" : "unchanged")
            s += ": \(w.repaired) repaired, \(w.moved) moved, \(w.added) added, \(w.dropped) dropped, \(left) unassigned"
            if !reasons.isEmpty { s += " (\(reasons.joined(separator: "; ")))" }
            return s
        }
        return "\(r.hub): " + weeks.joined(separator: "; ")
    }
}
