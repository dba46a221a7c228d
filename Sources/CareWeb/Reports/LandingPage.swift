import CareModel
import CareReports
import CareStore

/// `/hr` and `/commissioning`: a role's few headline figures in one table (a row per figure,
/// a column per hub, all hubs together, then England), each figure linking to its full report
/// for the same days.
enum LandingPage {
    /// HR: the workforce figures Skills for Care publishes nationally, 12-month rolling rates at
    /// today, so monthly periods end on today.
    static let hr: [HeadlineFigure] = [
        HeadlineFigure(report: .rate(.turnover), column: "rate", label: "Turnover (leavers in 12 months, %)", national: "turnover_sfc"),
        HeadlineFigure(report: .rate(.vacancies), column: "rate", label: "Vacancy rate (%)", national: "vacancy_rate"),
        HeadlineFigure(report: .rate(.retention91), column: "rate", label: "New starters still employed after 91 days (%)"),
        HeadlineFigure(report: .rate(.retention365), column: "rate", label: "New starters still employed after a year (%)"),
    ]

    /// Commissioners: hours delivered against commissioned, waiting and Home First reablement,
    /// by quarter (a month-to-date figure would be too young to read).
    static let commissioning: [HeadlineFigure] = [
        HeadlineFigure(report: .rate(.deliveredHours), column: "rate", label: "Care hours delivered / commissioned (%)"),
        HeadlineFigure(report: .rate(.undeliveredHours), column: "rate", label: "Scheduled hours not delivered (%)", national: "undelivered_share"),
        HeadlineFigure(report: .figure(.waiting), column: "people", label: "People waiting for a package to start", national: "people_waiting"),
        HeadlineFigure(report: .figure(.waiting), column: "hours", label: "Hours a week waiting to start"),
        HeadlineFigure(report: .rate(.reablement91), column: "rate", label: "Home First: 65+ at home 91 days after reablement (%)"),
    ]

    static func render(title: String, intro: String, session: WebSession, query: ReportQuery, shown: [HeadlineFigure.Shown]) -> String {
        let hubs = ReportHTMLRenderer.seriesOrder(shown.flatMap { $0.values.keys })
        let head =
            (["Figure", "Period ending"] + hubs.map { $0 == "ALL" ? (session.hubCodes.isEmpty ? "All hubs" : "All my hubs") : $0 } + ["England"])
            .map { #"<th scope="col">\#(HTML.escape($0))</th>"# }.joined()
        let rows = shown.map { s in
            let link = "/reports/\(s.figure.report.rawValue)?\(query.queryString(takesGrain: s.figure.report.takesGrain))"
            let cells = hubs.map { #"<td class="num">\#(HTML.escape(s.values[$0] ?? "-"))</td>"# }.joined()
            let national = nationalCell(s.national)
            return #"<tr><th scope="row"><a href="\#(HTML.escape(link))">\#(HTML.escape(s.figure.label))</a></th>"#
                + "<td>\(HTML.escape(s.periodEnd ?? "no figures"))</td>\(cells)\(national)</tr>"
        }.joined(separator: "\n")
        return Layout.page(
            title: title, session: session,
            body: """
                <h1>\(HTML.escape(title))</h1>
                <p>\(HTML.escape(intro))</p>
                <table class="report headline"><caption>\(HTML.escape(title)), \(query.from) to \(query.to), beside England</caption>
                <thead><tr>\(head)</tr></thead>
                <tbody>
                \(rows)
                </tbody></table>
                <p class="muted">"suppressed" means a group under 10 (for commissioners, any figure of one to four people is \
                hidden); "-" means no figure. Each figure links to its full report, with a chart and every period.</p>
                <p><a href="/reports">All reports</a></p>
                """)
    }

    /// England's figure with its scope and period, or a plain "no national figure".
    private static func nationalCell(_ anchor: NationalAnchor?) -> String {
        guard let a = anchor else { return #"<td class="muted">no national figure</td>"# }
        let source = "(\(HTML.escape(a.scope)), \(HTML.escape(a.period)))"
        return #"<td class="num">\#(HTML.escape(ReportNumber.anchor(a))) <span class="muted">\#(source)</span></td>"#
    }
}
