import CareModel

/// The workforce reports that are a rate over time: each one is a SQL function in
/// `sql/0004_workforce.sql` returning numerator, denominator and rate per period end and hub
/// (plus an `ALL` row), with groups under 10 suppressed. Read by `PeriodReportRepository.rates`.
public enum RateReport: String, CaseIterable, Sendable {
    case turnover
    case turnoverCIPD = "turnover-cipd"
    case stability
    case starters
    case vacancies
    case zeroHours = "zero-hours"
    case firstYearTurnover = "first-year-turnover"
    case sickness
    case offerAcceptance = "offer-acceptance"
    case retention91 = "retention-91"
    case retention182 = "retention-182"
    case retention365 = "retention-365"
    case lostAfterAcceptance = "lost-after-acceptance"
    case costPerHire = "cost-per-hire"
    case turnoverByContract = "turnover-by-contract"
    case reablement91 = "reablement-91"
    case readmission30 = "readmission-30"
    case firstVisit24h = "first-visit-24h"
    case deliveredHours = "delivered-hours"
    case undeliveredHours = "undelivered-hours"

    /// The backing SQL function. A closed set of names fixed at compile time, so naming it in
    /// the statement text is safe; every value is still a parameter.
    public var function: String {
        switch self {
        case .turnover: return "report_turnover_sfc"
        case .turnoverCIPD: return "report_turnover_cipd"
        case .stability: return "report_stability"
        case .starters: return "report_starters"
        case .vacancies: return "report_vacancy_rate"
        case .zeroHours: return "report_zero_hours"
        case .firstYearTurnover: return "report_first_year_turnover"
        case .sickness: return "report_sickness"
        case .offerAcceptance: return "report_offer_acceptance"
        case .retention91: return "report_retention_91"
        case .retention182: return "report_retention_182"
        case .retention365: return "report_retention_365"
        case .lostAfterAcceptance: return "report_lost_after_acceptance"
        case .costPerHire: return "report_cost_per_hire"
        case .turnoverByContract: return "report_turnover_by_contract"
        case .reablement91: return "report_reablement_91"
        case .readmission30: return "report_readmission_30"
        case .firstVisit24h: return "report_first_visit_24h"
        case .deliveredHours: return "report_delivered_hours"
        case .undeliveredHours: return "report_undelivered_hours"
        }
    }

    /// One line for `report list`.
    public var definition: String {
        switch self {
        case .turnover: return "SfC turnover: leavers in 12 months (no internal moves) / in post at end"
        case .turnoverCIPD: return "CIPD turnover: leavers in 12 months / average of 13 month-end headcounts"
        case .stability: return "stability: still employed / directly employed 12 months before"
        case .starters: return "starters: directly employed starters in 12 months / in post at end"
        case .vacancies: return "vacancy rate: open vacancies / (directly employed in post + open vacancies)"
        case .zeroHours: return "zero-hours share: zero-hours contracts / all directly employed at end"
        case .firstYearTurnover: return "leavers with under a year's service / in post with under a year"
        case .sickness: return "days of sickness absence in 12 months per directly employed person"
        case .offerAcceptance: return "offers made in the period and accepted / offers resolved (not pending)"
        case .retention91: return "starters of a one-year cohort still employed 91 days after starting"
        case .retention182: return "starters of a one-year cohort still employed 182 days after starting"
        case .retention365: return "starters of a one-year cohort still employed a year after starting"
        case .lostAfterAcceptance: return "offers accepted in the period then withdrawn before starting / accepted"
        case .costPerHire: return "external + internal recruitment costs in the period / hires starting"
        case .turnoverByContract: return "SfC turnover split into zero-hours and contracted staff, per hub"
        case .reablement91: return "BCF: 65+ discharged into reablement and at home 91 days later"
        case .readmission30: return "BCF: discharges readmitted to hospital within 30 days (journeys)"
        case .firstVisit24h: return "Home First: reablement discharges first visited within 24 hours"
        case .deliveredHours: return "market: care hours delivered / hours commissioned for the period"
        case .undeliveredHours: return "market: hours missed or cancelled by the provider / hours scheduled"
        }
    }

    /// True when the rate is a percentage (else a figure per person, as sickness days).
    public var isPercentage: Bool { self != .sickness && self != .costPerHire }

    /// True when the numerator and denominator are hours, which are never suppressed.
    public var isHours: Bool { self == .deliveredHours || self == .undeliveredHours }

    /// The heading of the rate column.
    public var rateHeading: String {
        switch self {
        case .sickness: return "per person"
        case .costPerHire: return "£ per hire"
        default: return "rate %"
        }
    }

    /// Headings for the numerator and denominator.
    public var columns: (String, String) {
        switch self {
        case .turnover: return ("leavers", "in post")
        case .turnoverCIPD: return ("leavers", "avg headcount")
        case .stability: return ("stayed", "in post then")
        case .starters: return ("starters", "in post")
        case .vacancies: return ("vacancies", "posts")
        case .zeroHours: return ("zero-hours", "in post")
        case .firstYearTurnover: return ("leavers <1y", "in post <1y")
        case .sickness: return ("days lost", "in post")
        case .offerAcceptance: return ("accepted", "resolved")
        case .retention91: return ("stayed 91d", "starters")
        case .retention182: return ("stayed 182d", "starters")
        case .retention365: return ("stayed 365d", "starters")
        case .lostAfterAcceptance: return ("lost", "accepted")
        case .costPerHire: return ("costs £", "hires")
        case .turnoverByContract: return ("leavers", "in post")
        case .reablement91: return ("at home", "discharged")
        case .readmission30: return ("readmitted", "discharged")
        case .firstVisit24h: return ("seen in 24h", "discharged")
        case .deliveredHours: return ("delivered h", "commissioned h")
        case .undeliveredHours: return ("undelivered h", "scheduled h")
        }
    }

    /// The anchor metric shown beside the local figures, if there is one.
    public var anchorMetric: String? {
        switch self {
        case .turnover: return "turnover_sfc"
        case .starters: return "starters_rate"
        case .vacancies: return "vacancy_rate"
        case .zeroHours: return "zero_hours_share"
        case .turnoverByContract: return "turnover_by_contract"
        case .firstYearTurnover: return "first_year_turnover"
        case .sickness: return "sickness_days_mean"
        case .undeliveredHours: return "undelivered_share"
        case .turnoverCIPD, .stability, .offerAcceptance, .retention91, .retention182, .retention365, .lostAfterAcceptance, .costPerHire,
            .reablement91, .readmission30, .firstVisit24h, .deliveredHours:
            return nil
        }
    }

    /// The report as one value, titled with the days it covers.
    public func table(_ rows: [RateRow], anchors: [NationalAnchor], from: LocalDate, to: LocalDate) -> ReportTable {
        let figure: ReportColumnKind = isHours ? .hours : .int
        let numerator: ReportColumnKind = self == .sickness ? .days : self == .costPerHire ? .pounds : figure
        let rate =
            self == .costPerHire
            ? ReportColumn("rate", rateHeading, .pounds)
            : isPercentage ? ReportColumn("rate", rateHeading, .percent) : ReportColumn("rate", rateHeading, .decimal, decimals: 2)
        let columns = [
            ReportColumn("period_end", "period end", .date), ReportColumn("hub", self == .turnoverByContract ? "group" : "hub", .text),
            ReportColumn("numerator", self.columns.0, numerator), ReportColumn("denominator", self.columns.1, figure), rate,
        ]
        let suppresses = !isHours && (isPercentage || self == .sickness)
        var notes: [String] = []
        if isHours { notes.append("Hours are care hours: each carer's time on a double-up counts.") }
        if suppresses { notes.append("Groups under 10 are suppressed, as Skills for Care does.") }
        return ReportTable(
            name: rawValue, title: "\(rawValue): \(from) to \(to)", definition: definition, columns: columns,
            rows: rows.map { r in
                [
                    .text(r.periodEnd.description), .text(r.hub), .suppressible(r.numerator), .suppressible(r.denominator),
                    r.rate.map(ReportCell.number) ?? (r.denominator == 0 ? .missing : .suppressed),
                ]
            },
            anchors: anchors.filter { $0.metric == anchorMetric }, suppressesSmallGroups: suppresses, footnotes: notes,
            chart: .lines(x: 0, series: 1, value: 4, anchorMetric: anchorMetric), pivot: ReportPivot(down: 0, across: 1))
    }
}
