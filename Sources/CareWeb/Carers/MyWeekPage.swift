import CareModel
import CareReports
import CareStore

/// The carer's phone page: one column, large tap targets, no sign-in header. Their published
/// visits per day, the latest changes, and the calendar subscription address.
enum MyWeekPage {
    /// `authority`: `host[:port]` as the phone addressed the server, for the `webcal://` link;
    /// `secure`: it came over HTTPS (through a proxy), for the download link.
    static func render(_ week: MyWeek, token: String, authority: String, secure: Bool) -> String {
        let path = CarerPaths.myWeek(token: token) + "/calendar.ics"
        let webcal = "webcal://\(authority)\(path)"
        let download = "\(secure ? "https" : "http")://\(authority)\(path)"
        let published = week.handouts.map { "\(HTML.escape($0.hub)) \($0.week), version \($0.version)" }.joined(separator: "; ")
        let count = week.handouts.reduce(0) { $0 + $1.items(for: week.carer).count }
        return HTML.page(
            title: "Your visits",
            body: """
                <div class="my-week">
                <h1>\(HTML.escape(week.givenName))'s visits</h1>
                <p class="muted">\(week.handouts.isEmpty ? "Nothing published for you yet." : "Published rosters: \(published).") \
                <span id="my-visit-count">\(count)</span> visits.</p>
                <p class="subscribe"><a class="button" href="\(HTML.escape(webcal))">Add to my calendar</a> \
                <a class="button secondary" href="\(HTML.escape(download))">Download the calendar file</a></p>
                <h2>Latest changes</h2>
                \(changes(week))
                <h2>Your visits</h2>
                \(CarerVisitList.render(week.handouts, carer: week.carer))
                <p class="muted">This page is yours alone: do not share its address. Ask your manager for a new one if you lose your \
                phone.</p>
                </div>
                """)
    }

    private static func changes(_ week: MyWeek) -> String {
        guard !week.changes.isEmpty else { return "<p>No changes to your visits.</p>" }
        let zoneOf = week.handouts.first
        let items = week.changes.map { change in
            let start = change.visitStart.map { CarerChangeText.local($0, zoneOf) } ?? ""
            let short = change.isShortNotice ? " <strong>(short notice)</strong>" : ""
            return """
                <li>\(HTML.escape(CarerChangeText.action(change.action))) \(start)\(short)\
                \(change.reason.map { ": " + HTML.escape($0) } ?? "")</li>
                """
        }.joined()
        return "<ul class=\"my-changes\">\(items)</ul>"
    }
}
