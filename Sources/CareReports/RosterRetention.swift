import CareModel

/// Roster-linked retention: what each carer's published weeks looked like (broken days, unpaid
/// gaps, travel, unsocial hours, hours against contract), compared between carers who then
/// left and carers who stayed. The measures are the ones carers give for leaving home care;
/// the comparison shows whether this hub's rosters push leavers harder. Identifiers only.
public enum RosterRetention {
    /// A gap between visits this long or longer breaks the day: payroll pays shorter gaps as
    /// waiting, so a longer one is unpaid time the carer cannot use.
    public static let splitGapMinutes = 60
    /// Visits starting at or after this local time count as evening work.
    public static let eveningStartMinutes = 18 * 60

    /// One carer's measures over their rostered weeks.
    public struct CarerMeasures: Sendable, Equatable {
        public let carer: String
        public let hub: String
        public let weeks: Int
        /// Separate blocks of work per worked day (1 = one continuous stretch).
        public let blocksPerDay: Double?
        /// Unpaid gap minutes (gaps of an hour or more between visits on a day) per week.
        public let unpaidGapMinutesPerWeek: Double
        /// Paid travel between visits ÷ (visit minutes + paid travel), percent.
        public let travelShare: Double?
        /// Visit minutes at weekends or starting from 18:00 ÷ all visit minutes, percent.
        public let unsocialShare: Double?
        /// Mean |rostered hours − contracted hours| per week; nil without a contract.
        public let hoursOffContract: Double?
        /// Rostered (visit + paid travel) hours per week.
        public let hoursPerWeek: Double
    }

    /// Measures every carer with a contract or a visit in the hubs' rosters (each roster limited
    /// to its hub's visits), carers keyed by id across weeks.
    public static func measures(_ weeks: [(hub: String, problem: Problem, roster: Roster)]) -> [CarerMeasures] {
        struct Tally {
            var hub = "", weeks = 0, days = 0, blocks = 0, unpaid = 0, travel = 0, care = 0, unsocial = 0
            var offContract: [Int] = [], contracted = 0
        }
        var tallies: [String: Tally] = [:]
        for week in weeks {
            let handout = Handout(
                hub: week.hub, week: "", version: 0, problem: week.problem, roster: week.roster,
                carerNames: [:], clientFirstNames: [:], clientAreas: [:])
            let working = Set(week.roster.assignments.flatMap(\.carers))
            for carer in week.problem.carers where carer.hub == week.hub || working.contains(carer.id) {
                let items = handout.items(for: carer.id)
                if items.isEmpty && carer.contractedMinutes == 0 { continue }
                var t = tallies[carer.id] ?? Tally()
                t.hub = carer.hub
                t.weeks += 1
                var paid = 0
                var previous: (day: LocalDate, end: Instant)?
                for item in items {
                    let local = handout.local(item.start)
                    let day = local.date
                    let clock = LocalTime(iso: local.time)?.minutesSinceMidnight ?? 0
                    let minutes = item.visit.durationMinutes
                    let travel = item.paidTravel ? item.travel : 0
                    t.care += minutes
                    t.travel += travel
                    paid += minutes + travel
                    if day.weekday.isWeekend || clock >= eveningStartMinutes { t.unsocial += minutes }
                    if let p = previous, p.day == day {
                        let idle = p.end.minutes(to: item.start) - travel
                        if idle >= splitGapMinutes {
                            t.blocks += 1
                            t.unpaid += idle
                        }
                    } else {
                        t.days += 1
                        t.blocks += 1
                    }
                    previous = (day, item.end)
                }
                if carer.contractedMinutes > 0 { t.offContract.append(abs(paid - carer.contractedMinutes)) }
                tallies[carer.id] = t
            }
        }
        return tallies.sorted { $0.key < $1.key }.map { id, t in
            let weeks = Double(t.weeks)
            return CarerMeasures(
                carer: id, hub: t.hub, weeks: t.weeks,
                blocksPerDay: t.days > 0 ? Double(t.blocks) / Double(t.days) : nil,
                unpaidGapMinutesPerWeek: Double(t.unpaid) / weeks,
                travelShare: t.care + t.travel > 0 ? 100 * Double(t.travel) / Double(t.care + t.travel) : nil,
                unsocialShare: t.care > 0 ? 100 * Double(t.unsocial) / Double(t.care) : nil,
                hoursOffContract: t.offContract.isEmpty ? nil : Double(t.offContract.reduce(0, +)) / Double(t.offContract.count) / 60,
                hoursPerWeek: Double(t.care + t.travel) / weeks / 60)
        }
    }

    /// The measures compared.
    public static let measureNames = [
        "blocks of work per day", "unpaid gap minutes a week", "travel % of working time", "weekend/evening % of care",
        "hours a week off contract", "rostered hours a week",
    ]

    /// Leavers against stayers: per measure, each group's mean (nil when the group has under
    /// `SmallGroups.minimum` carers, or no carer has the measure).
    public struct Comparison: Sendable, Equatable {
        public let hub: String
        public let leavers: Int
        public let stayers: Int
        /// Per measure, in `measureNames` order.
        public let leaverMeans: [Double?]
        public let stayerMeans: [Double?]

        /// Memberwise, for building values in tests and callers outside the store.
        public init(hub: String, leavers: Int, stayers: Int, leaverMeans: [Double?], stayerMeans: [Double?]) {
            (self.hub, self.leavers, self.stayers, self.leaverMeans, self.stayerMeans) = (hub, leavers, stayers, leaverMeans, stayerMeans)
        }
    }

    /// Compares carers in `leavers` with the rest, per hub and for all (`ALL`).
    public static func compare(_ measures: [CarerMeasures], leavers: Set<String>) -> [Comparison] {
        func means(_ group: [CarerMeasures]) -> [Double?] {
            let columns: [(CarerMeasures) -> Double?] = [
                { $0.blocksPerDay }, { $0.unpaidGapMinutesPerWeek }, { $0.travelShare }, { $0.unsocialShare }, { $0.hoursOffContract },
                { $0.hoursPerWeek },
            ]
            return columns.map { f in
                let values = group.compactMap(f)
                return group.count >= SmallGroups.minimum && !values.isEmpty ? values.reduce(0, +) / Double(values.count) : nil
            }
        }
        func row(_ hub: String, _ group: [CarerMeasures]) -> Comparison {
            let left = group.filter { leavers.contains($0.carer) }
            let stayed = group.filter { !leavers.contains($0.carer) }
            return Comparison(hub: hub, leavers: left.count, stayers: stayed.count, leaverMeans: means(left), stayerMeans: means(stayed))
        }
        let hubs = Set(measures.map(\.hub)).sorted()
        return hubs.map { hub in row(hub, measures.filter { $0.hub == hub }) } + [row("ALL", measures)]
    }

    public static let name = "roster-retention"
    public static let definition = "leavers vs stayers: broken days, unpaid gaps, travel, evenings, contract"

    /// The comparison as one value: a row per hub and measure, and paired bars (leavers,
    /// stayers) per measure for all hubs. `weeks` published hub-weeks were measured; leavers
    /// are carers whose employment ended from `from` to `leaversUntil`.
    public static func table(_ rows: [Comparison], weeks: Int, from: LocalDate, to: LocalDate, leaversUntil: LocalDate) -> ReportTable {
        var out: [[ReportCell]] = []
        for r in rows {
            for (i, name) in measureNames.enumerated() {
                let a = r.leaverMeans[i]
                let b = r.stayerMeans[i]
                let difference = a.flatMap { a in b.map { a - $0 } }
                out.append([
                    .text(r.hub), .text(name), .number(Double(r.leavers)), .number(Double(r.stayers)),
                    .suppressible(a), .suppressible(b), .value(difference),
                ])
            }
        }
        let chart = rows.last.map { all in
            ReportChart.bars(
                heading: "All hubs",
                groups: measureNames.enumerated().map { i, name in
                    .init(label: name, bars: [.init("leavers", all.leaverMeans[i]), .init("stayers", all.stayerMeans[i])])
                })
        }
        return ReportTable(
            name: Self.name, title: "roster-retention: \(from) to \(to), \(weeks) published hub-weeks",
            definition: "means per carer of rostered weeks; leavers: employment ends \(from) to \(leaversUntil)",
            columns: [
                ReportColumn("hub", "hub", .text), ReportColumn("measure", "measure", .text), ReportColumn("leaver_carers", "leavers n", .int),
                ReportColumn("stayer_carers", "stayers n", .int), ReportColumn("leavers", "leavers", .decimal),
                ReportColumn("stayers", "stayers", .decimal), ReportColumn("difference", "difference", .decimal),
            ],
            rows: out, suppressesSmallGroups: true,
            footnotes: ["Means per carer; groups under \(SmallGroups.minimum) carers are suppressed."], chart: chart)
    }
}

/// The smallest group whose figures carehub shows. The SQL reports suppress smaller groups
/// with `carehub_suppressed` (sql/0004); roster-retention measures the published roster files in
/// Swift, so its comparison applies the same threshold here, the one place outside SQL.
public enum SmallGroups {
    public static let minimum = 10
}
