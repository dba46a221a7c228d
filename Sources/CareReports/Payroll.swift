import CareModel

/// Payroll figures per carer per day, with the National Living Wage check.
///
/// Paid time is visit time plus travel between visits (the engine's definition). For the
/// minimum-wage check, working time also counts waiting between visits within a shift
/// (gaps under an hour, which a carer cannot use freely); longer gaps are treated as free
/// time, and travel from home as commuting (HMRC's rules, see docs/formats.md).
public enum Payroll {
    /// One carer-day.
    public struct Line: Sendable, Equatable {
        public let carer: String
        public let name: String
        public let date: LocalDate
        public let visits: Int
        public let visitMinutes: Int
        public let paidTravelMinutes: Int
        public let waitingMinutes: Int
        public let hourlyRatePence: Int
        public let livingWagePence: Int?

        public init(
            carer: String, name: String, date: LocalDate, visits: Int, visitMinutes: Int, paidTravelMinutes: Int,
            waitingMinutes: Int, hourlyRatePence: Int, livingWagePence: Int?
        ) {
            self.carer = carer
            self.name = name
            self.date = date
            self.visits = visits
            self.visitMinutes = visitMinutes
            self.paidTravelMinutes = paidTravelMinutes
            self.waitingMinutes = waitingMinutes
            self.hourlyRatePence = hourlyRatePence
            self.livingWagePence = livingWagePence
        }

        /// Visits plus paid travel.
        public var paidMinutes: Int { visitMinutes + paidTravelMinutes }
        /// Paid minutes plus waiting: working time for the minimum wage.
        public var workingMinutes: Int { paidMinutes + waitingMinutes }
        /// Pay in pence, rounded to the penny.
        public var payPence: Int { (paidMinutes * hourlyRatePence + 30) / 60 }
        /// Pay per hour of working time, in pence.
        public var effectiveRatePence: Int { workingMinutes == 0 ? 0 : payPence * 60 / workingMinutes }
        /// True when working time is paid below the living wage.
        public var belowLivingWage: Bool { livingWagePence.map { payPence * 60 < $0 * workingMinutes } ?? false }
    }

    /// Lines for every carer and day of the handout, carers by id then days in order.
    public static func lines(_ handout: Handout, rates: [String: Int], livingWage: (LocalDate) -> Int?) -> [Line] {
        var out: [Line] = []
        for carer in handout.carers {
            var byDay: [LocalDate: [Handout.Item]] = [:]
            for item in handout.items(for: carer) { byDay[handout.local(item.start).date, default: []].append(item) }
            for day in byDay.keys.sorted() {
                let items = byDay[day] ?? []
                out.append(
                    Line(
                        carer: carer, name: handout.carerNames[carer] ?? carer, date: day, visits: items.count,
                        visitMinutes: items.reduce(0) { $0 + $1.visit.durationMinutes },
                        paidTravelMinutes: items.filter(\.paidTravel).reduce(0) { $0 + $1.travel },
                        waitingMinutes: items.filter { $0.waiting < 60 }.reduce(0) { $0 + $1.waiting },
                        hourlyRatePence: rates[carer] ?? 0, livingWagePence: livingWage(day)))
            }
        }
        return out
    }

    /// The columns of `rows` that hold numbers (visits … national_living_wage), for `CSVText`.
    public static let numericColumns = Set(3...12)

    /// The payroll CSV rows (header first).
    public static func rows(_ lines: [Line]) -> [[String]] {
        func money(_ p: Int) -> String { "\(p / 100).\(p % 100 < 10 ? "0" : "")\(p % 100)" }
        return [
            [
                "carer", "name", "date", "visits", "visit_minutes", "paid_travel_minutes", "paid_minutes", "waiting_minutes",
                "working_minutes", "hourly_rate", "pay", "effective_hourly_rate", "national_living_wage", "below_living_wage",
            ]
        ]
            + lines.map { l in
                [
                    l.carer, l.name, l.date.description, "\(l.visits)", "\(l.visitMinutes)", "\(l.paidTravelMinutes)", "\(l.paidMinutes)",
                    "\(l.waitingMinutes)", "\(l.workingMinutes)", money(l.hourlyRatePence), money(l.payPence), money(l.effectiveRatePence),
                    l.livingWagePence.map(money) ?? "", l.belowLivingWage ? "yes" : "no",
                ]
            }
    }
}
