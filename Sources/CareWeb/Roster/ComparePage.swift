import CareModel
import CareReports
import CareStore
import Foundation

/// The draft priced against the published version, with the publish button at the bottom.
enum ComparePage {
    static func render(_ week: HubWeek, published: HubWeek.Shown, draft: HubWeek.Shown, comparison c: RosterComparison, session: WebSession) -> String
    {
        let clock = LocalClock(zone: draft.handout.problem.timeZone)
        func delta(_ a: Int, _ b: Int) -> String { b == a ? "no change" : (b > a ? "+\(b - a)" : "−\(a - b)") }
        let (b, a) = (c.before, c.after)
        let names = draft.handout.carerNames.merging(published.handout.carerNames) { x, _ in x }
        let shortList = c.shortNotice.prefix(100).map { ch in
            "<li>\(HTML.escape(names[ch.carer] ?? ch.carer)): visit \(HTML.escape(ch.visit)) \(ch.kind.rawValue) "
                + "(\(HTML.escape(when(ch.detail, clock))))</li>"
        }.joined()
        let tell = c.carersToTell.map { id in
            #"<li><a href="\#(week.path)/carers/\#(HTML.escape(id))">\#(HTML.escape(names[id] ?? id))</a></li>"#
        }.joined()
        let csrf = #"<input type="hidden" name="csrf" value="\#(HTML.escape(session.csrfToken))">"#
        let body = """
            <h1>\(HTML.escape(week.hub)) · week \(week.week): draft \(draft.summary.version) against published \(published.summary.version)</h1>
            <table class="compare"><caption>What publishing the draft would change</caption>
            <thead><tr><th scope="col">Measure</th><th scope="col">Published</th><th scope="col">Draft</th>\
            <th scope="col">Change</th></tr></thead><tbody>
            <tr><th scope="row">Visits assigned</th><td>\(b.assigned) of \(b.visits)</td><td>\(a.assigned) of \(a.visits)</td>\
            <td>\(delta(b.assigned, a.assigned))</td></tr>
            <tr><th scope="row">Paid travel</th><td>\(LocalClock.hours(b.travelMinutes))</td><td>\(LocalClock.hours(a.travelMinutes))</td>\
            <td>\(delta(b.travelMinutes, a.travelMinutes)) min</td></tr>
            <tr><th scope="row">Carers per client</th><td>\(String(format: "%.2f", b.meanCarersPerClient))</td>\
            <td>\(String(format: "%.2f", a.meanCarersPerClient))</td><td></td></tr>
            </tbody></table>
            <ul class="priced">
            <li id="visits-changed"><strong>\(c.visitsChanged)</strong> visits change (\(c.changes.count) carer changes)</li>
            <li id="carers-told"><strong>\(c.carersToTell.count)</strong> carers must be told</li>
            <li id="short-notice"><strong>\(c.shortNotice.count)</strong> changes at under 48 hours' notice</li>
            <li>Continuity: <strong>\(c.continuityGained)</strong> client–carer pairs gained, <strong>\(c.continuityLost)</strong> lost</li>
            </ul>
            \(c.shortNotice.isEmpty ? "" : "<h2>Short notice</h2><ul>\(shortList)</ul>")
            \(tell.isEmpty ? "" : "<details><summary>Carers to tell (\(c.carersToTell.count))</summary><ul class=\"columns\">\(tell)</ul></details>")
            <form method="post" action="\(week.path)/publish" class="noprint">\(csrf)\
            <input type="hidden" name="version" value="\(draft.summary.version)">\
            <button type="submit">Publish draft \(draft.summary.version)</button> <a href="\(week.path)">Back to the week</a></form>
            """
        return Layout.page(title: "Compare \(week.hub) \(week.week)", session: session, body: body)
    }

    /// A change's detail ("start" or "start → start") in local times.
    static func when(_ detail: String, _ clock: LocalClock) -> String {
        detail.components(separatedBy: " → ").map { Instant(rfc3339: $0).map(clock.stamp) ?? $0 }.joined(separator: " → ")
    }
}
