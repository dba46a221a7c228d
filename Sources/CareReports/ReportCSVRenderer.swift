/// A report as CSV (RFC 4180, through `CSVText.write`): the long form, one header row of
/// column keys, numbers in full, suppressed and unknown figures empty.
public enum ReportCSVRenderer {
    public static func render(_ report: ReportTable) throws -> String {
        try CSVText.write([report.columns.map(\.key)] + report.rows.map { $0.map { $0.text ?? "" } })
    }
}
