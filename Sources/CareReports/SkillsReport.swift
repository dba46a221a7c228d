import CareModel

/// `skills`: for each skill the week's calls need, how many calls need it and how many carers
/// hold it (valid on the week's Monday; lapsed qualifications counted apart). Shows skill gaps
/// before the solver reports them as unassigned visits.
public enum SkillsReport {
    public static let name = "skills"
    public static let definition = "per hub and week: calls needing each skill vs carers holding it"

    /// The report as one value, with bars of calls against holders per hub and skill.
    public static func table(_ lines: [SkillCoverageLine], week: ISOWeek) -> ReportTable {
        ReportTable(
            name: name, title: "Skills needed vs held, week \(week)", definition: definition,
            columns: [
                ReportColumn("hub", "hub", .text), ReportColumn("skill", "skill", .text), ReportColumn("calls", "calls", .int),
                ReportColumn("carers", "carers", .int), ReportColumn("lapsed", "lapsed", .int),
            ],
            rows: lines.map { l in
                [.text(l.hubCode), .text(l.skill), .number(Double(l.calls)), .number(Double(l.carers)), .number(Double(l.expiredHolders))]
            },
            suppressesSmallGroups: false,
            chart: .bars(
                heading: "Calls needing each skill against carers holding it",
                groups: lines.map { l in
                    .init(label: "\(l.hubCode) \(l.skill)", bars: [.init("calls", Double(l.calls)), .init("carers", Double(l.carers))])
                }))
    }
}
