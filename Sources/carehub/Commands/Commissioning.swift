import ArgumentParser
import CareModel
import CareStore
import Foundation

/// `carehub commissioning`: the totals a commissioner may see, small groups suppressed.
struct Commissioning: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Commissioning totals per hub: people supported, visits and hours delivered, hours commissioned, waiting, discharges.",
        discussion: """
            The only data a commissioner (--as) can read: the database computes it with the owner's rights and shows \
            any count of people under five as "suppressed", so no one can be singled out. Visits and discharges dated \
            --from to --to; packages active in that span.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "First day, YYYY-MM-DD.") var from: String
    @Option(help: "Last day, YYYY-MM-DD.") var to: String

    func run() throws {
        guard let first = LocalDate(iso: from) else { throw ValidationError("--from: not a date (YYYY-MM-DD)") }
        guard let last = LocalDate(iso: to), first <= last else { throw ValidationError("--to: not a date on or after --from") }
        try reportingFailures {
            let rows = try CommissioningRepository(try database.connect()).summary(from: first, to: last)
            print("hub\tpeople\tvisits delivered\thours delivered\thours/week commissioned\twaiting\tdischarges")
            func cell(_ value: Int?) -> String { value.map(String.init) ?? "suppressed" }
            func cell(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "suppressed" }
            for r in rows {
                print(
                    [
                        r.hub, cell(r.peopleSupported), cell(r.visitsDelivered), cell(r.hoursDelivered), cell(r.hoursCommissionedWeekly),
                        cell(r.peopleWaiting), cell(r.homeFirstDischarges),
                    ].joined(separator: "\t"))
            }
        }
    }
}
