import ArgumentParser
import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation

extension RosterCommand {
    /// `carehub roster export`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand out a roster: a calendar (.ics) and a printable sheet per carer, a hub overview, a payroll CSV.",
            discussion: """
                Exports the published version unless --version is given. Files go under --out: ics/<carer>.ics \
                (event UIDs are stable, so importing a newer version updates events), html/<carer>.html and \
                html/index.html (the hub grid), payroll-<hub>-<week>.csv (per carer per day: visit, paid travel and \
                waiting minutes, pay, and the National Living Wage check). Clients appear by first name and \
                postcode district only.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case ics, html, csv }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: HubWeek
        @Option(help: "Version (default: the published one).") var version: Int?
        @Option(help: "ics, html or csv (repeat for several; default all).") var format: [Format] = []
        @Option(help: "Output directory.") var out: String

        func run() throws {
            try reportingFailures {
                let db = try database.connect()
                let repo = RosterRepository(db)
                guard let chosen = try version ?? repo.published(hub: scope.hub, week: scope.week) else {
                    throw CommandFailure("\(scope.hub) \(scope.week) has no published roster; publish one or pass --version")
                }
                guard let stored = try repo.find(hub: scope.hub, week: scope.week, version: chosen, documents: .hub) else {
                    throw CommandFailure("no version \(chosen) of \(scope.hub) \(scope.week)")
                }
                let formats = format.isEmpty ? Format.allCases : format
                // Care-plan tasks only when the carers' sheets are written: each plan read is audited.
                let handout = try RosterWorkflow.handout(db, stored, withTasks: formats.contains(.html))
                // File names from ids go through ExternalID.fileName, and OutputFolder keeps every file under --out.
                var folder = try OutputFolder(out)
                func write(_ text: String, _ components: String...) throws { try folder.write(text, components) }
                func name(_ id: String, _ suffix: String) -> String { ExternalID.fileName(id) + suffix }
                if formats.contains(.ics) {
                    for carer in handout.carers {
                        try write(ICalendar.calendar(handout, carer: carer, stamp: stored.createdAt), "ics", name(carer, ".ics"))
                    }
                }
                if formats.contains(.html) {
                    for carer in handout.carers {
                        // A carer whose id is `index` must not be overwritten by the hub grid: `%` marks the name as encoded.
                        let sheet = ExternalID.fileName(carer) == "index" ? "%index.html" : name(carer, ".html")
                        try write(PrintableSheets.carerSheet(handout, carer: carer), "html", sheet)
                    }
                    try write(PrintableSheets.hubOverview(handout), "html", "index.html")
                }
                if formats.contains(.csv) {
                    let lines = try RosterWorkflow.payroll(db, handout)
                    try write(try RosterWorkflow.payrollCSV(lines), name("payroll-\(scope.hub)-\(scope.week)", ".csv"))
                    // Changes made at under 48 hours' notice (rebalance), per carer, for payroll's short-notice payments.
                    let notice = try RebalanceRepository(db).shortNoticeChanges(hub: scope.hub, week: scope.week)
                    try write(
                        try CSVText.write(
                            [["carer", "short_notice_changes"]] + notice.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] },
                            numericColumns: [1]),
                        name("short-notice-\(scope.hub)-\(scope.week)", ".csv"))
                    let below = lines.filter(\.belowLivingWage).count
                    if below > 0 { print("warning: \(below) carer-days are paid below the National Living Wage (see below_living_wage)") }
                }
                print("\(scope.hub) \(scope.week) version \(chosen): \(folder.written) files in \(folder.root.path)")
            }
        }
    }
}
