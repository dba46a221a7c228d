import CareReports

/// A report's figures as accessible HTML tables: each with a `<caption>`, column headings
/// `scope="col"` and, in pivots, each period's heading `scope="row"`, so a screen reader names
/// the period and hub of every cell. Cells show what the text report shows (`suppressed`, `-`),
/// never a colour alone.
enum ReportTablesHTML {
    /// One pivot per figure (periods down, hubs across; the charted figure first), or the long
    /// table for reports without periods and hubs, or whose rows are empty.
    static func render(_ report: ReportTable) -> String {
        guard let pivot = report.pivot, !report.rows.isEmpty else { return longTable(report) }
        return ReportHTMLRenderer.pivotedColumns(report, pivot).map { pivotTable(report, pivot, value: $0) }.joined(separator: "\n")
    }

    /// Every row and column as the CSV has them.
    static func longTable(_ report: ReportTable) -> String {
        let head = report.columns.map { #"<th scope="col"\#(numeric($0))>\#(HTML.escape(heading($0)))</th>"# }.joined()
        var body = report.rows.map { row in
            "<tr>" + zip(row, report.columns).map { #"<td\#(numeric($1))>\#(HTML.escape(ReportNumber.display($0, $1)))</td>"# }.joined()
                + "</tr>"
        }.joined(separator: "\n")
        if report.rows.isEmpty {
            body = #"<tr><td colspan="\#(report.columns.count)">No figures for these days.</td></tr>"#
        }
        return """
            <table class="report" id="figures"><caption>\(HTML.escape(report.title))</caption>
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(body)
            </tbody></table>
            """
    }

    /// One figure as a grid: a row per value of the `down` column, a column per value of the
    /// `across` column (hubs, `ALL` last), in the order the report's own HTML uses.
    static func pivotTable(_ report: ReportTable, _ pivot: ReportPivot, value: Int) -> String {
        let column = report.columns[value]
        let downs = ReportHTMLRenderer.ordered(report.rows.map { $0[pivot.down].text ?? "" })
        let acrosses = ReportHTMLRenderer.seriesOrder(report.rows.map { $0[pivot.across].text ?? "" })
        var cells: [String: ReportCell] = [:]
        for row in report.rows { cells[(row[pivot.down].text ?? "") + "\u{0}" + (row[pivot.across].text ?? "")] = row[value] }
        let downHeading = report.columns[pivot.down].heading
        let acrossHeading = report.columns[pivot.across].heading
        let head = ([downHeading] + acrosses).map { #"<th scope="col">\#(HTML.escape($0))</th>"# }.joined()
        let body = downs.map { down in
            #"<tr><th scope="row">\#(HTML.escape(down))</th>"#
                + acrosses.map { across in
                    let cell = cells[down + "\u{0}" + across] ?? .missing
                    return #"<td class="num">\#(HTML.escape(ReportNumber.display(cell, column)))</td>"#
                }.joined() + "</tr>"
        }.joined(separator: "\n")
        let caption = "\(heading(column)) by \(downHeading) and \(acrossHeading)"
        return """
            <table class="report pivot" id="figure-\(HTML.escape(column.key))"><caption>\(HTML.escape(caption))</caption>
            <thead><tr>\(head)</tr></thead>
            <tbody>
            \(body)
            </tbody></table>
            """
    }

    /// The heading with its unit when the heading does not already say it.
    static func heading(_ column: ReportColumn) -> String {
        guard let unit = column.unit, !column.heading.contains(unit), !(unit == "hours" && column.heading.hasSuffix(" h")) else {
            return column.heading
        }
        return "\(column.heading) (\(unit))"
    }

    private static func numeric(_ column: ReportColumn) -> String { column.kind.isNumeric ? #" class="num""# : "" }
}
