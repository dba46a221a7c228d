import CareModel
import CareReports
import CareStore

/// The manager's page of one carer's week: which version, the visits per day, hours against
/// contract, working-time warnings, the pay check, short-notice changes and the carer's own link.
enum CarerPage {
    /// `issued`: a link just issued, shown this once (its token is stored nowhere readable).
    static func render(_ week: CarerWeek, session: WebSession, issued: IssuedLink? = nil) -> String {
        let weekText = week.week.description
        let title = "\(week.name), \(week.hub) \(weekText)"
        var body = """
            <p class="muted"><a href="\(HTML.escape(CarerPaths.hubWeek(hub: week.hub, week: weekText)))">\(HTML.escape(week.hub)) \
            \(weekText)</a></p>
            <h1>\(HTML.escape(week.name)) <span class="muted">(\(HTML.escape(week.carer)))</span></h1>
            """
        if week.isLent {
            body += #"<p class="notice">Lent to \#(HTML.escape(week.hub)) by \#(HTML.escape(week.carerHub)): read only here.</p>"#
        }
        body += versionBlock(week)
        body += CarerPageSections.summary(week)
        body += "<h2>Visits</h2>\n"
        body += CarerVisitList.render(week.handout.map { [$0] } ?? [], carer: week.carer) { handout, client in
            CarerPaths.client(hub: handout.hub, week: handout.week, client: client)
        }
        body += CarerPageSections.warnings(week)
        body += CarerPageSections.pay(week)
        body += CarerPageSections.changes(week)
        if !week.isLent { body += CarerLinkSection.render(week, session: session, issued: issued) }
        return Layout.page(title: title, session: session, body: "<div class=\"carer-page\">\n\(body)\n</div>")
    }

    /// Draft or published, clearly, and a picker over the week's versions (a GET form: no script).
    private static func versionBlock(_ week: CarerWeek) -> String {
        guard let shown = week.shown else {
            return #"<p class="status status-none" id="roster-status">No roster for this week yet.</p>"#
        }
        let label: String
        switch shown.status {
        case .published: label = "Published roster, version \(shown.version)"
        case .draft: label = "Draft, version \(shown.version): not published, carers have not seen it"
        case .superseded: label = "Superseded version \(shown.version): no longer what carers follow"
        }
        var out = #"<p class="status status-\#(shown.status.rawValue)" id="roster-status"><strong>\#(label)</strong></p>"#
        if week.versions.count > 1 {
            let options = week.versions.map { v in
                let selected = v.version == shown.version ? " selected" : ""
                return #"<option value="\#(v.version)"\#(selected)>Version \#(v.version) (\#(v.status.rawValue))</option>"#
            }.joined()
            out += """
                <form method="get" class="version-picker noprint"><label for="version">Version</label> \
                <select id="version" name="version">\(options)</select> <button type="submit">Show</button></form>
                """
        }
        return out + "\n"
    }
}

/// A link issued a moment ago: its address, for this answer only.
struct IssuedLink: Sendable {
    let token: String
    /// `http://host` as the manager's browser addressed the server.
    let origin: String
}
