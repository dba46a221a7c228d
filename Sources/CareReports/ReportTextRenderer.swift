import CareModel

/// A report as a terminal table: the title and definition, the table (numbers right-aligned,
/// at most 100 columns for every report carehub has), footnotes and national figures.
public enum ReportTextRenderer {
    public static func render(_ report: ReportTable) -> String {
        let numeric = Set(report.columns.indices.filter { report.columns[$0].kind.isNumeric })
        var table = TextTable(headers: report.columns.map(\.heading), rightAligned: numeric)
        for row in report.rows {
            table.add(zip(row, report.columns).map { ReportNumber.display($0, $1) })
        }
        var out = "\(report.title)\n\(report.definition)\n" + table.render()
        for note in report.footnotes { out += note + "\n" }
        for a in report.anchors {
            out += "National \(a.metric) (\(a.scope)): \(ReportNumber.anchor(a)) in \(a.period)\n    source: \(a.source)\n"
        }
        return out
    }
}
