/// A report as CSV (RFC 4180, through `CSVText.write`): the long form, one header row of
/// column keys, numbers in full, suppressed and unknown figures empty.
public enum ReportCSVRenderer {
    /// Numbers as numbers; text (hub names, periods, reasons) neutralised by `CSVText`.
    static func cell(_ cell: ReportCell) -> CSVText.Cell {
        switch cell {
        case .number: return .number(cell.text ?? "")
        case .text(let s): return .text(s)
        case .suppressed, .missing: return .text("")
        }
    }

    public static func render(_ report: ReportTable) throws -> String {
        try CSVText.write([report.columns.map { .text($0.key) }] + report.rows.map { $0.map(cell) })
    }
}
