import CareModel
import CareReports
import CareStore
import Foundation

/// The client page: who comes when this week and last, continuity, needs, and this week's
/// unassigned visits with their reasons. The client appears as a rota shows them (first name and
/// postcode district); carers by name, each a link to their page for the week.
enum ClientPage {
    static func render(_ view: ClientWeek, session: WebSession) -> String {
        let title = "\(view.clientID): \(view.label)"
        return Layout.page(
            title: "Client \(view.clientID)", session: session,
            body: """
                <p class="muted"><a href="/hubs/\(path(view.hub))/weeks/\(view.this.week)">\(HTML.escape(view.hub)) \(view.this.week)</a></p>
                <h1>\(HTML.escape(title))</h1>
                <p class="muted">Reading this page is recorded in the audit trail.</p>
                \(record(view))
                \(continuity(view))
                \(needs(view))
                \(unassigned(view))
                \(weekTable(view.this, view: view, heading: "This week"))
                \(view.last.map { weekTable($0, view: view, heading: "Last week") } ?? "<h2>Last week</h2><p>No roster for last week.</p>")
                """)
    }

    /// The shared record for a manager, with a link to the person's whole record (plan, journey,
    /// a form for notes); nothing for other roles.
    private static func record(_ view: ClientWeek) -> String {
        guard let stored = view.record else { return "" }
        let link = #"<p><a id="person-link" href="\#(PersonRecord.path(view.clientID))">The whole record: care plan, journey, notes</a></p>"#
        return RecordSections.record(stored, notes: view.notes, extra: link)
    }

    /// Distinct carers this week, and which of them came last week too.
    private static func continuity(_ view: ClientWeek) -> String {
        let familiar = Set(view.familiar)
        let items = view.carers.map { carer in
            let mark = familiar.contains(carer) ? #" <span class="familiar">familiar: came last week</span>"# : ""
            return "<li>\(carerLink(carer, view: view, week: view.this.week))\(mark)</li>"
        }.joined()
        let preferred = view.client.preferredCarers.map { carerLink($0, view: view, week: view.this.week) }.joined(separator: ", ")
        return """
            <section class="client-continuity" aria-labelledby="continuity">
            <h2 id="continuity">Continuity</h2>
            <p><strong id="distinct-carers">\(view.carers.count)</strong> different carers this week; \
            <strong id="familiar-carers">\(familiar.count)</strong> of them also came last week.</p>
            \(items.isEmpty ? "" : "<ul class=\"carers\">\(items)</ul>")
            \(preferred.isEmpty ? "" : "<p>Preferred carers: \(preferred)</p>")
            </section>
            """
    }

    /// Skills their visits need, double-ups, time windows and preferences.
    private static func needs(_ view: ClientWeek) -> String {
        let visits = view.this.visits.map(\.visit)
        let skills = Set(visits.flatMap(\.skills)).sorted()
        let doubles = visits.filter { $0.carers > 1 }
        var windows: [String: Int] = [:]
        for line in view.this.visits { windows["\(line.windowFrom)–\(line.windowTo)", default: 0] += 1 }
        let windowItems = windows.sorted { $0.key < $1.key }.map { "<li>\(HTML.escape($0.key)): \($0.value) visit\($0.value == 1 ? "" : "s")</li>" }
        let minutes = visits.reduce(0) { $0 + $1.durationMinutes }
        var facts = [
            "Skills needed: " + (skills.isEmpty ? "none beyond personal care" : skills.map(HTML.escape).joined(separator: ", ")),
            doubles.isEmpty ? "No double-up visits" : "Double-up visits (two or more carers at once): \(doubles.count)",
            "\(visits.count) visits, \(minutes / 60) h \(minutes % 60) min of care",
        ]
        if let gender = view.client.genderPreference { facts.append("Prefers \(HTML.escape(gender.rawValue)) carers") }
        return """
            <section class="client-needs" aria-labelledby="needs">
            <h2 id="needs">Needs</h2>
            <ul>\(facts.map { "<li>\($0)</li>" }.joined())</ul>
            <h3>Time windows (arrival between)</h3>
            <ul class="windows">\(windowItems.joined())</ul>
            </section>
            """
    }

    /// This week's visits the roster could not staff, with the engine's reasons.
    private static func unassigned(_ view: ClientWeek) -> String {
        let lines = view.this.visits.filter { $0.unassignedReason != nil }
        guard !lines.isEmpty else { return #"<h2 id="unassigned">Unassigned visits</h2><p>None: every visit this week has its carers.</p>"# }
        let rows = lines.map { line in
            "<tr><td>\(day(line))</td><td>\(line.windowFrom)–\(line.windowTo)</td><td>\(HTML.escape(line.visit.id))</td>"
                + "<td>\(HTML.escape(line.unassignedReason ?? ""))</td></tr>"
        }.joined()
        return """
            <section class="client-unassigned" aria-labelledby="unassigned">
            <h2 id="unassigned">Unassigned visits</h2>
            <table><thead><tr><th scope="col">Day</th><th scope="col">Window</th><th scope="col">Visit</th>\
            <th scope="col">Why no carer</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
    }

    /// Who comes when in one week.
    private static func weekTable(_ week: ClientWeek.RosterWeek, view: ClientWeek, heading: String) -> String {
        let label = week.status == .published ? "published roster, version \(week.version)" : "draft version \(week.version), not published"
        let rows = week.visits.map { line in
            let carers =
                line.unassignedReason != nil
                ? #"<span class="unassigned">not assigned</span>"#
                : line.carers.map { carerLink($0, view: view, week: week.week) }.joined(separator: " and ")
            let double = line.visit.carers > 1 ? #" <span class="double">double-up</span>"# : ""
            return "<tr><td>\(day(line))</td><td>\(line.windowFrom)–\(line.windowTo)</td><td>\(line.start ?? "–")</td>"
                + "<td>\(line.visit.durationMinutes) min</td><td>\(carers)\(double)</td></tr>"
        }.joined()
        let id = heading == "This week" ? "this-week" : "last-week"
        return """
            <section class="client-week" aria-labelledby="\(id)">
            <h2 id="\(id)">\(heading): \(week.week) <span class="status status-\(week.status.rawValue)">\(label)</span></h2>
            <table class="client-visits"><thead><tr><th scope="col">Day</th><th scope="col">Window</th><th scope="col">Arrives</th>\
            <th scope="col">Length</th><th scope="col">Carers</th></tr></thead><tbody>\(rows)</tbody></table>
            </section>
            """
    }

    private static func day(_ line: RosterReview.ClientVisit) -> String {
        "\(line.day.weekday.shortName) \(line.day)"
    }

    /// A carer's name linking to their page for `week`.
    private static func carerLink(_ carer: String, view: ClientWeek, week: ISOWeek) -> String {
        #"<a href="/hubs/\#(path(view.hub))/weeks/\#(week)/carers/\#(path(carer))">\#(HTML.escape(view.name(carer)))</a>"#
    }

    /// One URL path segment (identifiers are the import's own strings).
    static func path(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
