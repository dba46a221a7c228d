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
                <h2 id="next-24-hours">Next 24 hours: what to do</h2>
                \(tasks(week))
                <h2>Your visits</h2>
                \(CarerVisitList.render(week.handouts, carer: week.carer))
                <p class="muted">This page is yours alone: do not share its address. Ask your manager for a new one if you lose your \
                phone.</p>
                </div>
                """)
    }

    /// Each visit in the next 24 hours with how to get in and the tasks of that call, from the
    /// person's care plan; the rest of the plan and record are not the carer's to read.
    private static func tasks(_ week: MyWeek) -> String {
        guard !week.visitTasks.isEmpty else { return #"<p id="no-tasks">No care-plan tasks for your visits in the next 24 hours.</p>"# }
        let zoneOf = week.handouts.first
        let visits = week.visitTasks.map { visit in
            let name = week.handouts.lazy.compactMap { $0.clientFirstNames[visit.client] }.first ?? "your client"
            let area = week.handouts.lazy.compactMap { $0.clientAreas[visit.client] }.first.map { " (\($0))" } ?? ""
            let items = visit.items.map { item in
                let label = item.kind == .access ? "Getting in" : item.kind.label.prefix(1).uppercased() + item.kind.label.dropFirst()
                return "<li><strong>\(HTML.escape(label)):</strong> \(HTML.escape(item.description))</li>"
            }.joined()
            return """
                <li class="visit-tasks" data-visit="\(HTML.escape(visit.visit))"><h3>\(HTML.escape(CarerChangeText.local(visit.startsAt, zoneOf))) \
                \(HTML.escape(name))\(HTML.escape(area))</h3><ul>\(items)</ul></li>
                """
        }.joined()
        return #"<ol class="my-tasks">\#(visits)</ol>"#
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
