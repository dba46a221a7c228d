import CareReports
import CareStore

/// Which reports the web pages offer, to whom, under which heading. The database still decides
/// what each person sees (a report run for a role without the privileges it reads through is
/// refused); this list only keeps people from links that would fail and groups the index.
enum ReportCatalogue {
    /// A group of reports on the index page, in reading order.
    enum Section: String, CaseIterable {
        case workforce = "Workforce"
        case recruitment = "Recruitment"
        case retention = "Retention"
        case market = "Home-care market"
        case betterCareFund = "Better Care Fund and Home First"
        case rosters = "Rosters"

        /// The roles that may open this section's reports: HR and managers read their hubs'
        /// workforce records; commissioners and managers the market and BCF figures (commissioners
        /// through the suppressing twins); only managers read published rosters.
        var roles: Set<PersonRole> {
            switch self {
            case .workforce, .recruitment, .retention: [.hr, .manager]
            case .market, .betterCareFund: [.commissioner, .manager]
            case .rosters: [.manager]
            }
        }
    }

    /// The section of a report on the web, or nil for `capacity` and `skills`: they cover one
    /// week of one hub's visits and belong with the hub week, not with period reports.
    static func section(of report: ReportName) -> Section? {
        switch report {
        case .capacity, .skills: return nil
        case .rate(let r):
            switch r {
            case .turnover, .turnoverCIPD, .turnoverByContract, .stability, .starters, .vacancies, .zeroHours, .firstYearTurnover, .sickness:
                return .workforce
            case .offerAcceptance, .lostAfterAcceptance, .costPerHire: return .recruitment
            case .retention91, .retention182, .retention365: return .retention
            case .deliveredHours, .undeliveredHours: return .market
            case .reablement91, .readmission30, .firstVisit24h: return .betterCareFund
            }
        case .leavers: return .workforce
        case .duration(let r):
            switch r {
            case .lengthOfService: return .workforce
            case .timeToFill, .timeToHire, .timeToStart, .checkLag: return .recruitment
            case .dischargeDelay, .dischargeToVisit: return .betterCareFund
            }
        case .funnel: return .recruitment
        case .figure(let r):
            switch r {
            case .sicknessSpread: return .workforce
            case .pathwayMix: return .betterCareFund
            case .waiting, .handbacks, .rateVsMinPrice, .capacityVsDemand, .packageSize, .spendByFunder: return .market
            }
        case .rosterRetention: return .rosters
        }
    }

    /// The SQL function a period report calls through `PeriodReportRepository`, if it has one
    /// (to check the commissioner's sections against the twins the database provides).
    static func function(of report: ReportName) -> String? {
        switch report {
        case .rate(let r): r.function
        case .duration(let r): r.function
        case .figure(let r): r.function
        case .capacity, .skills, .leavers, .funnel, .rosterRetention: nil
        }
    }

    /// The reports `role` may open on the web, by section, in `carehub report list` order.
    static func reports(for role: PersonRole) -> [(section: Section, reports: [ReportName])] {
        Section.allCases.filter { $0.roles.contains(role) }.compactMap { section in
            let reports = ReportName.allCases.filter { self.section(of: $0) == section }
            return reports.isEmpty ? nil : (section, reports)
        }
    }

    /// True when `role` may open `report` on the web.
    static func allows(_ role: PersonRole, _ report: ReportName) -> Bool {
        section(of: report)?.roles.contains(role) ?? false
    }
}
