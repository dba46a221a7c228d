import CareModel

/// `capacity`: staff, shift time and commissioned care per hub for one ISO week. The first
/// thing a hub manager checks before generating a roster: is there enough staff time at all?
public enum CapacityReport {
    public static let name = "capacity"
    public static let definition = "per hub and week: staff, contracted and available hours vs care hours"
    static let notes = [
        "Available = shift hours in the week less absences. Ratio = available / care hours;",
        "below about 1.25 the travel between calls will not fit.",
    ]

    /// The report as one value, with bars of available against care hours per hub.
    public static func table(_ lines: [HubCapacityLine], week: ISOWeek) -> ReportTable {
        func h(_ minutes: Int) -> ReportCell { .number(Double(minutes) / 60) }
        func n(_ count: Int) -> ReportCell { .number(Double(count)) }
        return ReportTable(
            name: name, title: "Capacity vs demand, week \(week) (\(week.monday) to \(week.monday.adding(days: 6)))", definition: definition,
            columns: [
                ReportColumn("hub", "hub", .text), ReportColumn("carers", "carers", .int),
                ReportColumn("zero_hours_percent", "0-hrs %", .percent, decimals: 0), ReportColumn("absent", "absent", .int),
                ReportColumn("contracted_hours", "contract h", .hours), ReportColumn("available_hours", "avail h", .hours),
                ReportColumn("clients", "clients", .int), ReportColumn("home_first", "HomeFirst", .int), ReportColumn("calls", "calls", .int),
                ReportColumn("double_ups", "2-up", .int), ReportColumn("care_hours", "care h", .hours),
                ReportColumn("ratio", "ratio", .decimal, decimals: 2),
            ],
            rows: lines.map { l in
                [
                    .text(l.hubCode), n(l.carers), .number(100 * l.zeroHoursShare), n(l.absentCarers), h(l.contractedMinutes),
                    h(l.availableMinutes), n(l.clients), n(l.homeFirstClients), n(l.calls), n(l.doubleUpCalls), h(l.demandMinutes),
                    .value(l.capacityRatio),
                ]
            },
            suppressesSmallGroups: false, footnotes: notes,
            chart: .bars(
                heading: "Available against care hours",
                groups: lines.map { l in
                    .init(
                        label: l.hubCode,
                        bars: [
                            .init("available h", Double(l.availableMinutes) / 60),
                            .init("care h", Double(l.demandMinutes) / 60),
                        ])
                }))
    }
}
