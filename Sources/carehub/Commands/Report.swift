import ArgumentParser
import CareModel
import CareReports
import CareStore

/// `carehub report …`: figures for hub managers, HR and commissioners.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports for hub managers, HR and commissioners.",
        subcommands: [List.self, Capacity.self, Skills.self, TurnoverReport.self, TurnoverCIPDReport.self, StabilityReport.self, StartersReport.self, TurnoverByContractReport.self, VacanciesReport.self, ZeroHoursReport.self, FirstYearTurnoverReport.self, SicknessReport.self, LeaversByReasonReport.self, LeaversByDestinationReport.self, OfferAcceptanceReport.self, Retention91Report.self, Retention182Report.self, Retention365Report.self, TimeToFillReport.self, TimeToHireReport.self, TimeToStartReport.self, CheckLagReport.self, LostAfterAcceptanceReport.self, CostPerHireReport.self, LengthOfServiceReport.self, FunnelReportCommand.self, Reablement91Report.self, DischargeDelayReport.self,
                      SicknessSpreadReport.self, DeliveredHoursReport.self, UndeliveredHoursReport.self, WaitingReport.self, HandbacksReport.self,
                      RateVsMinPriceReport.self, CapacityVsDemandReport.self, PackageSizeReport.self, SpendByFunderReport.self, PathwayMixReport.self,
                      RosterRetentionReport.self]
    )

    /// `carehub report list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Name every report with its definition.")

        static let reports: [(String, String)] = [
            ("capacity", "per hub and week: staff, contracted and available hours vs care hours"),
            ("skills", "per hub and week: calls needing each skill vs carers holding it"),
        ]

        func run() {
            let all = List.reports + RateReport.allCases.map { ($0.rawValue, $0.definition) } + LeaversReport.allCases.map { ($0.rawValue, $0.definition) }
                + DurationReport.allCases.map { ($0.rawValue, $0.definition) }
                + [("funnel", FunnelReportCommand.configuration.abstract)]
                + FigureReport.allCases.map { ($0.rawValue, $0.definition) }
                + [("roster-retention", RosterRetentionReport.configuration.abstract)]
            let width = (all.map(\.0.count).max() ?? 0) + 2
            for (name, definition) in all { print("\(name.padding(width))\(definition)") }
        }
    }

    /// `carehub report capacity`.
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Capacity against demand per hub for a week.",
            discussion: "Available = shift hours in the week less absences. Ratio = available / commissioned; below about 1.25 the travel between calls will not fit.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (week, hub) = (scope.week, scope.hub)
            try reportingFailures {
                let db = try database.connect()
                let overview = try HubOverview.load(db, week: week, hubCode: hub)
                if overview.lines.isEmpty { throw CommandFailure(noHubsMessage(hub)) }
                var table = TextTable(
                    headers: ["hub", "carers", "0-hrs", "absent", "contract h", "avail h", "clients", "HomeFirst", "calls", "2-up", "care h", "ratio"],
                    rightAligned: Set(1...11))
                for l in overview.lines {
                    table.add([
                        l.hubCode, "\(l.carers)", percent(l.zeroHoursShare), "\(l.absentCarers)", hours(l.contractedMinutes),
                        hours(l.availableMinutes), "\(l.clients)", "\(l.homeFirstClients)", "\(l.calls)", "\(l.doubleUpCalls)",
                        hours(l.demandMinutes), l.capacityRatio.map { String(format2($0)) } ?? "-",
                    ])
                }
                print("Capacity vs demand, week \(week) (\(week.monday) to \(week.monday.adding(days: 6)))")
                print(table.render(), terminator: "")
            }
        }
    }

    /// `carehub report skills`.
    struct Skills: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Skills the week's calls need against carers who hold them.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var scope: ReportScope

        func run() throws {
            let (week, hub) = (scope.week, scope.hub)
            try reportingFailures {
                let db = try database.connect()
                let coverage = try SkillCoverage.load(db, week: week, hubCode: hub)
                if coverage.lines.isEmpty, try HubRepository(db).all().filter({ hub == nil || $0.hub.code == hub }).isEmpty {
                    throw CommandFailure(noHubsMessage(hub))
                }
                var table = TextTable(headers: ["hub", "skill", "calls", "carers", "lapsed"], rightAligned: [2, 3, 4])
                for l in coverage.lines {
                    table.add([l.hubCode, l.skill, "\(l.calls)", "\(l.carers)", "\(l.expiredHolders)"])
                }
                print("Skills needed vs held, week \(week)")
                print(table.render(), terminator: "")
            }
        }
    }
}

/// The week and hubs a weekly report covers.
struct ReportScope: ParsableArguments {
    @Option(help: "ISO week, e.g. 2026-W48.") var week: ISOWeek = .next()
    @Option(help: "One hub's code (default: all hubs).") var hub: String?
}

/// The message for a report with no hubs to show.
func noHubsMessage(_ hub: String?) -> String {
    if let hub { return "no hub with code \(hub); `carehub report capacity` lists all hubs" }
    return "the database has no hubs yet; import some or run `carehub demo seed`"
}

/// Two decimals without Foundation's String(format:).
func format2(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let frac = abs(hundredths % 100)
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}

extension String {
    /// Pads on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
