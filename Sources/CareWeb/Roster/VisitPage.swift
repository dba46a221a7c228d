import CareModel
import CareReports
import CareStore

/// One visit from the board: when and for whom, who has it and why, and for every carer who
/// might take it the rule that stops them; pin and unpin (respected by the next generate).
enum VisitPage {
    static func render(_ week: HubWeek, shown: HubWeek.Shown, candidates: VisitCandidates, session: WebSession, message: String? = nil) -> String {
        let h = shown.handout
        let v = candidates.visit
        let clock = LocalClock(zone: h.problem.timeZone)
        let version = shown.summary.version
        let assignment = h.roster.assignments.first { $0.visit == v.id }
        let reason = h.roster.unassigned.first { $0.visit == v.id }?.reason
        let csrf = #"<input type="hidden" name="csrf" value="\#(HTML.escape(session.csrfToken))">"#
        func pinForm(_ carer: String, unpin: Bool) -> String {
            """
            <form method="post" action="\(week.path)/\(unpin ? "unpin" : "pin")" class="inline noprint">\(csrf)\
            <input type="hidden" name="visit" value="\(HTML.escape(v.id))"><input type="hidden" name="carer" value="\(HTML.escape(carer))">\
            <input type="hidden" name="v" value="\(version)"><button type="submit">\(unpin ? "Unpin" : "Pin") \(HTML.escape(carer))</button></form>
            """
        }
        let rows = candidates.candidates.map { c -> String in
            let name = h.carerNames[c.carer] ?? h.problem.carers.first { $0.id == c.carer }?.name ?? c.carer
            let cls: String
            switch c.verdict {
            case .assigned: cls = "assigned"
            case .free: cls = "free"
            default: cls = "blocked"
            }
            let pinned = v.pinned.contains(c.carer)
            let action = pinned ? pinForm(c.carer, unpin: true) : (cls == "blocked" ? "" : pinForm(c.carer, unpin: false))
            return """
                <tr><th scope="row"><a href="\(week.path)/carers/\(HTML.escape(c.carer))">\(HTML.escape(name))</a> \
                <span class="muted">\(HTML.escape(c.carer))</span>\(pinned ? " (pinned)" : "")</th>\
                <td class="\(cls)">\(HTML.escape(c.verdict.text))</td><td>\(action)</td></tr>
                """
        }.joined()
        let start = assignment.flatMap { Instant(rfc3339: $0.start) }
        let status =
            assignment.map { a in
                let names = a.carers.map { HTML.escape(h.carerNames[$0] ?? $0) }.joined(separator: " and ")
                return "Assigned to \(names), starting \(start.map(clock.time) ?? "?")."
            } ?? "Unassigned: \(HTML.escape(reason ?? "no reason recorded"))."
        let body = """
            <h1>Visit \(HTML.escape(v.id))</h1>
            \(message.map { #"<p class="notice" role="status">\#(HTML.escape($0))</p>"# } ?? "")
            <p><a href="\(week.path)/board?v=\(version)">Back to the board</a> \
            (version \(version) \(HubWeekPage.statusBadge(shown.summary.status)))</p>
            <dl class="facts">
            <dt>Client</dt><dd><a href="\(week.path)/clients/\(HTML.escape(v.client))">\(HTML.escape(h.clientLabel(v.client)))</a></dd>
            <dt>Window</dt><dd>\(clock.stamp(v.windowStart))–\(clock.time(v.windowEnd))</dd>
            <dt>Length</dt><dd>\(v.durationMinutes) min</dd>
            <dt>Carers needed</dt><dd>\(v.carers)\(v.carers > 1 ? " (double-up)" : "")</dd>
            <dt>Skills</dt><dd>\(v.skills.isEmpty ? "none" : v.skills.map(HTML.escape).joined(separator: ", "))</dd>
            <dt>Priority</dt><dd>\(v.priority.rawValue)</dd>
            <dt>Now</dt><dd id="visit-status">\(status)</dd>
            </dl>
            <table class="candidates"><caption>Who could take it: every carer of the hub or lent to it, and the first rule \
            that stops each</caption><thead><tr><th scope="col">Carer</th><th scope="col">Answer</th><th scope="col">Pin</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            <p class="muted">A pin holds for the next generated draft; this version does not change.</p>
            """
        return Layout.page(title: "Visit \(v.id)", session: session, body: body)
    }
}
