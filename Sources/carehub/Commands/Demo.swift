import ArgumentParser
import CareModel
import CareRostering
import CareSample
import CareStore
import Foundation
import Logging

/// `carehub demo …`: sample data for trying carehub out.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sample data for trying carehub out.",
        subcommands: [Seed.self, CSVFiles.self, History.self]
    )

    /// `carehub demo seed`.
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic sample county into an empty database.",
            discussion: """
                Hubs named after Staffordshire towns; carers with skills, contracts (about a fifth on zero \
                hours) and early/late/split shifts; clients with care packages in four call slots, \
                double-ups for hoisted clients, Home First discharges, preferences and exclusions. \
                Deterministic: the same --seed and --week give the same county. One transaction.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Number of hubs (1–15).")
        var hubs = 3

        @Option(name: .customLong("clients-per-hub"), help: "Clients per hub; carers are sized to their packages.")
        var clientsPerHub = 80

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Option(help: "First ISO week given shifts and absences, e.g. 2026-W48.")
        var week: ISOWeek = .next()

        @Option(help: "How many weeks of shifts to write.")
        var weeks = 2

        func validate() throws {
            if let issue = spec.validationIssues().first { throw ValidationError("--\(issue)") }
        }

        var spec: SampleCountySpec {
            SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: week, weeks: weeks)
        }

        func run() throws {
            let log = Logger(label: "carehub.demo")
            try reportingFailures {
                let db = try database.connect()
                if try HubRepository(db).count() > 0 {
                    throw CommandFailure("the database already has hubs; seed an empty database (scripts/demo makes a fresh one)")
                }
                let county = SampleCountyGenerator.generate(spec)
                log.info("writing sample county", metadata: ["hubs": "\(county.hubs.count)", "seed": "\(seed)"])
                // County and history in one transaction: all or nothing.
                let (counts, history) = try db.transaction { db in
                    (
                        try CountyWriter(db).write(
                            hubs: county.hubs, carers: county.carers, clients: county.clients, packages: county.packages,
                            shifts: county.shifts, absences: county.absences),
                        try addHistory(db, until: week.monday.adding(days: -1), seed: seed)
                    )
                }
                print(
                    """
                    seeded \(counts.hubs) hubs, \(counts.carers) carers, \(counts.clients) clients, \
                    \(counts.packages) packages (\(counts.visitTemplates) weekly calls), \(counts.shifts) shifts \
                    from \(week) for \(weeks) week(s), \(counts.absences) absences (seed \(seed)); \(history)
                    """)
            }
        }
    }

    /// `carehub demo csv`.
    struct CSVFiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csv",
            abstract: "Write the sample county as the CSV files `carehub import` reads (no database needed).")

        @Option(help: "Number of hubs (1–15).") var hubs = 3
        @Option(name: .customLong("clients-per-hub"), help: "Clients per hub.") var clientsPerHub = 40
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "ISO week the shifts and absences are for.") var week: ISOWeek = .next()
        @Option(help: "Directory to write hubs.csv … packages.csv into.") var out: String

        func run() throws {
            try reportingFailures {
                let spec = SampleCountySpec(hubs: hubs, clientsPerHub: clientsPerHub, seed: seed, firstWeek: week, weeks: 1)
                if let issue = spec.validationIssues().first { throw CommandFailure("--\(issue)") }
                let c = SampleCountyGenerator.generate(spec)
                let texts = try ImportFiles.texts(
                    hubs: c.hubs, carers: c.carers, clients: c.clients, packages: c.packages,
                    shifts: c.shifts, absences: c.absences)
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for kind in ImportKind.county {
                    let path = (out as NSString).appendingPathComponent("\(kind.rawValue).csv")
                    try writeAtomically(Data((texts[kind] ?? "").utf8), to: path)
                    print(path)
                }
            }
        }
    }

    /// `carehub demo history`.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add two years of sample workforce history (spells, leavers, vacancies) for the carers in the database.",
            discussion: "For HR reports on a database filled by `carehub import`. Added once; refused if spells exist.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "History runs up to this day, YYYY-MM-DD (default: yesterday).") var until: String?
        @Option(help: "Random seed.") var seed: UInt64 = 1

        func run() throws {
            try reportingFailures {
                let end: LocalDate
                if let until {
                    guard let d = LocalDate(iso: until) else { throw CommandFailure("--until: not a date (YYYY-MM-DD)") }
                    end = d
                } else {
                    end = ISOWeek.next().monday.adding(days: -8)
                }
                print(try addHistory(try database.connect(), until: end, seed: seed))
            }
        }
    }
}

/// Generates and writes the history for every hub's carers; returns a one-line summary.
func addHistory(_ db: Connection, until: LocalDate, seed: UInt64) throws -> String {
    let repo = WorkforceRepository(db)
    if try repo.spellCount() > 0 { throw CommandFailure("employment history already exists; it is added once") }
    var former = 0
    var spells = 0
    var vacancies = 0
    var sick = 0
    var applications = 0
    var dischargeCount = 0
    for (hub, carers) in try repo.carersByHub().sorted(by: { $0.key < $1.key }) {
        let h = HistoryFactory.history(hub: hub, carers: carers, until: until, seed: seed)
        try repo.writeHistory(
            formerCarers: h.formerCarers, spells: h.spells, vacancies: h.vacancies, sickness: h.sickness,
            applications: h.applications, costs: h.costs)
        former += h.formerCarers.count
        spells += h.spells.count
        vacancies += h.vacancies.count
        sick += h.sickness.count
        let discharges = DischargeFactory.discharges(hub: hub, until: until, seed: seed)
        try db.transaction { db in for d in discharges { try DischargeRepository(db).upsert(d) } }
        dischargeCount += discharges.count
        applications += h.applications.count
    }
    let market = try addMarket(db, until: until, seed: seed)
    return
        "workforce history to \(until): \(spells) employment spells, \(former) former carers, \(vacancies) vacancies, \(applications) "
        + "applications, \(sick) sickness absences; \(dischargeCount) hospital discharges; \(market)"
}

/// The market side: every package's commission (funder, rate, request date), earlier packages
/// that ended and people waiting, then the 13 weeks up to `until` planned and their visits'
/// outcomes recorded, all in one transaction. Returns a one-line summary.
func addMarket(_ db: Connection, until: LocalDate, seed: UInt64) throws -> String {
    let market = MarketRepository(db)
    let byHub = Dictionary(grouping: try market.packages(), by: \.hub)
    // The last Sunday on or before `until`, and the 13 weeks ending then.
    let lastSunday = until.adding(days: -(until.weekday.rawValue % 7))
    let weeks = (0..<13).map { ISOWeek(containing: lastSunday.adding(days: -7 * $0)) }.reversed()
    return try db.transaction { db in
        var commissions = 0
        var waiting = 0
        var ended = 0
        let packages = PackageRepository(db)
        for (hub, rows) in byHub.sorted(by: { $0.key < $1.key }) {
            let infos = rows.map {
                MarketFactory.PackageInfo(
                    packageID: $0.packageID, clientID: $0.clientID, validFrom: $0.validFrom, funding: $0.funding,
                    homeFirst: $0.homeFirst, weeklyHours: $0.weeklyHours)
            }
            for c in MarketFactory.commissions(hub: hub, packages: infos, until: until, seed: seed) {
                try packages.upsert(c)
                commissions += 1
                if c.startedOn == nil && c.endedOn == nil && c.commissionedHours != nil { waiting += 1 }
                if c.endReason != nil { ended += 1 }
            }
        }
        let planner = VisitPlanner(db)
        for week in weeks { _ = try planner.plan(week: week) }
        guard let first = weeks.first else { return "" }
        let visits = try MarketRepository(db).plannedVisits(from: first.monday, to: lastSunday)
        try MarketRepository(db).record(MarketFactory.outcomes(visits: visits, seed: seed))
        return
            "\(commissions) package commissions (\(ended) ended, \(waiting) waiting), outcomes of \(visits.count) visits in \(first) to "
            + "\(weeks.last ?? first)"
    }
}
