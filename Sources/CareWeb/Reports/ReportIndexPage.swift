import CareReports
import CareStore

/// `/reports`: every report the person's role may open, grouped by section, each with its
/// one-line definition.
enum ReportIndexPage {
    static func render(_ session: WebSession) -> String {
        let sections = ReportCatalogue.reports(for: session.person.role).map { section, reports in
            let items = reports.map { r in
                #"<li><a href="/reports/\#(HTML.escape(r.rawValue))">\#(HTML.escape(r.rawValue))</a>: "#
                    + "\(HTML.escape(r.definition))</li>"
            }.joined(separator: "\n")
            return "<h2>\(HTML.escape(section.rawValue))</h2>\n<ul class=\"reports\">\n\(items)\n</ul>"
        }.joined(separator: "\n")
        let scope =
            session.person.role == .commissioner
            ? "Every hub, with any figure standing for one to four people hidden."
            : "Your hubs: \(session.hubCodes.map(HTML.escape).joined(separator: ", ")). Groups under 10 are suppressed."
        return Layout.page(
            title: "Reports", session: session,
            body: """
                <h1>Reports</h1>
                <p>\(scope) Each report shows the 12 months to today until you choose other days; every page has CSV and \
                JSON downloads.</p>
                \(sections)
                """)
    }
}
