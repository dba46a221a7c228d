import CareModel

/// A report as one self-contained HTML page (no scripts, no external files; prints on A4): the
/// title and definition, the chart, then a pivot table per figure (periods down, hubs across)
/// or, for reports without periods and hubs, the long table; then footnotes and national figures.
public enum ReportHTMLRenderer {
    public static func render(_ report: ReportTable) -> String {
        let esc = PrintableSheets.esc
        var body = "<h1>\(esc(report.title))</h1><p>\(esc(report.definition))</p>"
        if let chart = report.chart { body += ReportChartSVG.render(chart, report) }
        if let pivot = report.pivot {
            for i in pivotedColumns(report, pivot) {
                body += "<h2>\(esc(report.columns[i].heading))</h2>" + pivotTable(report, pivot, value: i)
            }
        } else {
            body += longTable(report)
        }
        for note in report.footnotes { body += "<p class=\"muted\">\(esc(note))</p>" }
        for a in report.anchors {
            body += "<p class=\"muted\">National \(esc(a.metric)) (\(esc(a.scope))): \(esc(ReportNumber.anchor(a))) in \(esc(a.period)); "
            body += "\(esc(a.source))</p>"
        }
        return PrintableSheets.page(report.title, body)
    }

    /// The numeric columns to pivot, the charted one first.
    public static func pivotedColumns(_ report: ReportTable, _ pivot: ReportPivot) -> [Int] {
        let numeric = report.columns.indices.filter { report.columns[$0].kind.isNumeric && $0 != pivot.down && $0 != pivot.across }
        guard case .lines(_, _, let charted, _) = report.chart else { return numeric }
        return numeric.filter { $0 == charted } + numeric.filter { $0 != charted }
    }

    /// Every row and column as given.
    static func longTable(_ report: ReportTable) -> String {
        let esc = PrintableSheets.esc
        var out = "<table><tr>" + report.columns.map { "<th>\(esc($0.heading))</th>" }.joined() + "</tr>"
        for row in report.rows {
            out += "<tr>" + zip(row, report.columns).map { "<td>\(esc(ReportNumber.display($0, $1)))</td>" }.joined() + "</tr>"
        }
        return out + "</table>"
    }

    /// One figure as a grid: a row per value of the `down` column, a column per value of the
    /// `across` column (hubs, `ALL` last), in the order they first appear.
    static func pivotTable(_ report: ReportTable, _ pivot: ReportPivot, value: Int) -> String {
        let esc = PrintableSheets.esc
        let downs = ordered(report.rows.map { $0[pivot.down].text ?? "" })
        let acrosses = seriesOrder(report.rows.map { $0[pivot.across].text ?? "" })
        var cells: [String: ReportCell] = [:]
        for row in report.rows { cells[(row[pivot.down].text ?? "") + "\u{0}" + (row[pivot.across].text ?? "")] = row[value] }
        var out = "<table class=\"pivot\"><tr><th>\(esc(report.columns[pivot.down].heading))</th>"
        out += acrosses.map { "<th>\(esc($0))</th>" }.joined() + "</tr>"
        for down in downs {
            out += "<tr><th>\(esc(down))</th>"
            for across in acrosses {
                let cell = cells[down + "\u{0}" + across] ?? .missing
                out += "<td>\(esc(ReportNumber.display(cell, report.columns[value])))</td>"
            }
            out += "</tr>"
        }
        return out + "</table>"
    }

    /// Distinct values in first-seen order.
    public static func ordered(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Distinct series names sorted, with `ALL` (every hub together) last.
    public static func seriesOrder(_ values: [String]) -> [String] {
        Set(values).sorted { ($0 == "ALL" ? 1 : 0, $0) < ($1 == "ALL" ? 1 : 0, $1) }
    }
}
