import CareModel

/// Every report as one value: what it is, its typed columns and rows (the long form: one row per
/// period and hub), the national figures drawn beside it, and the notes shown under it. The
/// renderers (`ReportTextRenderer`, `ReportCSVRenderer`, `ReportJSONRenderer`,
/// `ReportHTMLRenderer`) read only this, so a report is written once and every format follows.
public struct ReportTable: Sendable, Equatable {
    /// The report's name as typed on the command line, e.g. `turnover`.
    public var name: String
    /// The heading: name and what the figures cover, e.g. `turnover: 2025-12-01 to 2026-11-22`.
    public var title: String
    /// One line saying what the figures mean.
    public var definition: String
    public var columns: [ReportColumn]
    /// Cells in `columns` order.
    public var rows: [[ReportCell]]
    /// National figures to print under the table; the chart draws the first whose metric it names.
    public var anchors: [NationalAnchor]
    /// True when groups under 10 are left out of the figures (suppressed in SQL, or for
    /// roster-retention in `SmallGroups`).
    public var suppressesSmallGroups: Bool
    /// Notes printed under the table, in order.
    public var footnotes: [String]
    /// The picture the HTML page draws above its tables, if any.
    public var chart: ReportChart?
    /// When set, HTML shows each numeric column as a pivot: this column's values down, the
    /// `across` column's values across. CSV and JSON keep the long form.
    public var pivot: ReportPivot?

    public init(
        name: String, title: String, definition: String, columns: [ReportColumn], rows: [[ReportCell]] = [],
        anchors: [NationalAnchor] = [], suppressesSmallGroups: Bool, footnotes: [String] = [],
        chart: ReportChart? = nil, pivot: ReportPivot? = nil
    ) {
        (self.name, self.title, self.definition, self.columns, self.rows) = (name, title, definition, columns, rows)
        (self.anchors, self.suppressesSmallGroups, self.footnotes, self.chart, self.pivot) =
            (anchors, suppressesSmallGroups, footnotes, chart, pivot)
    }
}

/// One column of a report.
public struct ReportColumn: Sendable, Equatable {
    /// The name in CSV headers and JSON keys (snake_case), e.g. `period_end`.
    public var key: String
    /// The heading in text and HTML tables, e.g. `period end`.
    public var heading: String
    public var kind: ReportColumnKind
    /// Decimals shown in text and HTML (CSV and JSON carry the full value).
    public var decimals: Int
    /// The unit, e.g. `%`, `days`, `£`, `hours`; nil for counts and text.
    public var unit: String? { kind.unit }

    public init(_ key: String, _ heading: String, _ kind: ReportColumnKind, decimals: Int? = nil) {
        (self.key, self.heading, self.kind) = (key, heading, kind)
        self.decimals = decimals ?? kind.defaultDecimals
    }
}

/// What a column holds, which decides its alignment, unit and JSON type.
public enum ReportColumnKind: String, Sendable, Equatable {
    case text, date, int, decimal, percent, days, pounds, hours

    /// True for columns of numbers (right-aligned, numbers in JSON).
    public var isNumeric: Bool { self != .text && self != .date }

    var unit: String? {
        switch self {
        case .percent: return "%"
        case .days: return "days"
        case .pounds: return "£"
        case .hours: return "hours"
        case .text, .date, .int, .decimal: return nil
        }
    }

    var defaultDecimals: Int {
        switch self {
        case .text, .date, .int: return 0
        case .pounds: return 2
        case .decimal, .percent, .days, .hours: return 1
        }
    }
}

/// One cell: text, a number, or a figure left out.
public enum ReportCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    /// Left out because the group is under 10 (`suppressed` in tables, null in JSON).
    case suppressed
    /// Not known or not applicable (`-` in tables, null in JSON).
    case missing

    /// A number, or `missing` when nil.
    public static func value(_ x: Double?) -> ReportCell { x.map(ReportCell.number) ?? .missing }
    /// A number, or `suppressed` when nil.
    public static func suppressible(_ x: Double?) -> ReportCell { x.map(ReportCell.number) ?? .suppressed }

    /// The number, if the cell holds one.
    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// The text of a text cell, or the number's plain form.
    public var text: String? {
        switch self {
        case .text(let s): return s
        case .number(let x): return ReportNumber.plain(x)
        case .suppressed, .missing: return nil
        }
    }
}

/// Which columns an HTML pivot takes its rows and columns from (indexes into `columns`).
public struct ReportPivot: Sendable, Equatable {
    public var down: Int
    public var across: Int

    public init(down: Int, across: Int) { (self.down, self.across) = (down, across) }
}
