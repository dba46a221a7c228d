import CareModel
import CareReports
import CareStore

/// One report's page: the period and hub picker (a GET form, so the address can be bookmarked
/// and shared), download links, the chart, one table per figure, notes and national figures.
/// With a bad period the same form comes back with each message beside its field and no figures.
enum ReportPage {
    /// What the picker shows and which hubs it offers.
    struct Picker {
        let report: ReportName
        let typed: ReportQuery.Typed
        let problems: ReportQuery.Problems
        /// Hub codes the person may choose; empty choice means all of them.
        let hubs: [String]
    }

    static func render(session: WebSession, picker: Picker, query: ReportQuery?, table: ReportTable?, notice: String? = nil) -> String {
        let name = picker.report.rawValue
        var body = "<h1>\(HTML.escape(table?.title ?? name))</h1>\n<p>\(HTML.escape(picker.report.definition))</p>\n"
        body += form(picker, shown: query)
        if let notice { body += #"<p class="notice" role="status">\#(HTML.escape(notice))</p>"# + "\n" }
        if let query, let table {
            body += downloads(name, query.queryString(takesGrain: picker.report.takesGrain))
            body += chart(table)
            body += ReportTablesHTML.render(table) + "\n"
            body += notes(table)
        }
        return Layout.page(title: table?.title ?? name, session: session, body: body)
    }

    /// The GET form: labelled date inputs, the period length (for reports that take one) and
    /// the hub; a wrong field carries `aria-describedby` naming its message. It shows the days
    /// `shown` covers, or, when they were wrong, what was typed, so it can be corrected.
    static func form(_ picker: Picker, shown: ReportQuery?) -> String {
        var fields = [
            dateField("from", "First day", shown?.from.description ?? picker.typed.from, picker.problems["from"]),
            dateField("to", "Last day", shown?.to.description ?? picker.typed.to, picker.problems["to"]),
        ]
        if picker.report.takesGrain {
            let grains: [(String, String)] = [("week", "Weeks"), ("month", "Months"), ("quarter", "Quarters")]
            let chosen = picker.typed.by.isEmpty ? "month" : picker.typed.by
            fields.append(select("by", "Periods", grains, chosen, picker.problems["by"]))
        }
        let hubs = [("", picker.hubs.count == 1 ? "My hub" : "All my hubs")] + picker.hubs.map { ($0, $0) }
        fields.append(select("hub", "Hub", hubs, picker.typed.hub, nil))
        return """
            <form method="get" action="/reports/\(HTML.escape(picker.report.rawValue))" class="picker noprint">
            <fieldset><legend>Period and hub</legend>
            \(fields.joined(separator: "\n"))
            <p><button type="submit">Show</button></p>
            </fieldset></form>

            """
    }

    private static func dateField(_ name: String, _ label: String, _ value: String, _ problem: String?) -> String {
        let error = problem.map { #" <span class="error" id="\#(name)-error">\#(HTML.escape($0))</span>"# } ?? ""
        let described = problem == nil ? "" : #" aria-describedby="\#(name)-error" aria-invalid="true""#
        return #"<p class="field"><label for="\#(name)">\#(label)</label> "#
            + #"<input type="date" id="\#(name)" name="\#(name)" value="\#(HTML.escape(value))"\#(described)>\#(error)</p>"#
    }

    private static func select(_ name: String, _ label: String, _ options: [(String, String)], _ chosen: String, _ problem: String?) -> String {
        let error = problem.map { #" <span class="error" id="\#(name)-error">\#(HTML.escape($0))</span>"# } ?? ""
        let described = problem == nil ? "" : #" aria-describedby="\#(name)-error" aria-invalid="true""#
        let choices = options.map { value, text in
            #"<option value="\#(HTML.escape(value))"\#(value == chosen ? " selected" : "")>\#(HTML.escape(text))</option>"#
        }.joined()
        return #"<p class="field"><label for="\#(name)">\#(label)</label> "#
            + #"<select id="\#(name)" name="\#(name)"\#(described)>\#(choices)</select>\#(error)</p>"#
    }

    private static func downloads(_ name: String, _ query: String) -> String {
        let csv = HTML.escape("/reports/\(name).csv?\(query)")
        let json = HTML.escape("/reports/\(name).json?\(query)")
        return #"<p class="downloads noprint">Download these figures: <a href="\#(csv)" download>CSV</a> · "#
            + #"<a href="\#(json)" download>JSON</a></p>"# + "\n"
    }

    /// The report's own SVG chart (presentation attributes only, no `style` attributes, so the
    /// Content-Security-Policy allows it), named for screen readers, which read the tables.
    private static func chart(_ table: ReportTable) -> String {
        guard let chart = table.chart, !table.rows.isEmpty else { return "" }
        let svg = ReportChartSVG.render(chart, table).replacing(
            #"role="img">"#, with: #"role="img" aria-labelledby="chart-caption">"#)
        var telling = "each bar is labelled with its figure."
        if case .lines(_, _, _, let metric) = chart {
            // Colour is never the only signal: lines differ in dash pattern too.
            telling = "each hub's line has its own colour and dash pattern."
            if metric.map({ m in table.anchors.contains { $0.metric == m } }) == true { telling += " The dashed black line is England's figure." }
        }
        return """
            <figure class="chart">\(svg)
            <figcaption id="chart-caption">Chart of \(HTML.escape(table.title)): \(telling) The tables below give every figure.</figcaption></figure>

            """
    }

    /// Footnotes and the national figures beside which to read the hubs'.
    private static func notes(_ table: ReportTable) -> String {
        var out = table.footnotes.map { #"<p class="muted">\#(HTML.escape($0))</p>"# }.joined(separator: "\n")
        if !table.anchors.isEmpty {
            let items = table.anchors.map { a in
                "<li>\(HTML.escape(a.metric)) (\(HTML.escape(a.scope))): <strong>\(HTML.escape(ReportNumber.anchor(a)))</strong> "
                    + "in \(HTML.escape(a.period)); \(HTML.escape(a.source))</li>"
            }.joined()
            out += #"<h2 id="national">National figures</h2><ul class="anchors">\#(items)</ul>"#
        }
        return out + "\n"
    }
}
