import CareModel
import CareReports
import CareStore
import Foundation

/// The hub week page: what a manager checks before publishing, and the week's actions.
enum HubWeekPage {
    static func render(
        _ week: HubWeek, payroll: [Payroll.Line], session: WebSession, message: String? = nil, leads: [CurrentLead] = [],
        handovers: [Handover] = []
    ) -> String {
        var body = """
            <h1>\(HTML.escape(week.hub)) · week \(week.week)</h1>
            \(WeekPicker.render(hub: week.hub, week: week.week))
            """
        if let message { body += #"<p class="notice" role="status">\#(HTML.escape(message))</p>"# }
        body += versionsTable(week)
        body += actions(week, session: session)
        if let shown = week.shown {
            let h = shown.handout
            let label = shown.summary.status == .draft ? "draft" : shown.summary.status.rawValue
            body += """
                <h2 id="figures">Version \(shown.summary.version) (\(label))</h2>
                <p><a href="\(week.path)/board?v=\(shown.summary.version)">Open the roster board</a> · \
                <a href="\(week.path)/sheets.html?v=\(shown.summary.version)">printable overview</a></p>
                """
            body += figures(HubWeekFigures(h), week: week)
            body += warnings(h, payroll: payroll, week: week)
            body += downloads(week, version: shown.summary.version, handout: h)
        } else {
            body += "<p>No roster for this week yet: \(week.plannedVisits) visits are planned. Generate a draft above.</p>"
        }
        body += leadSection(leads, week: week)
        body += handoverSection(handovers)
        return Layout.page(title: "\(week.hub) \(week.week)", session: session, body: body)
    }

    /// The hub's people who need a lead professional (none, or one who left or was disabled),
    /// each linking to their client page for the week; the first 30, then how many more.
    static func leadSection(_ leads: [CurrentLead], week: HubWeek) -> String {
        guard !leads.isEmpty else { return "" }
        let needing = leads.filter(\.needsLead)
        guard !needing.isEmpty else {
            return #"<h2 id="leads">Lead professionals</h2><p id="leads-needed">Every one of the \#(leads.count) people has a lead.</p>"#
        }
        let items = needing.prefix(30).map { line in
            let why = line.lead == nil ? "no lead" : "lead left or disabled"
            return #"<li><a href="\#(week.path)/clients/\#(ClientPage.path(line.clientID))">\#(HTML.escape(line.clientID))</a> (\#(why))</li>"#
        }.joined()
        let more =
            needing.count > 30 ? "<p>and \(needing.count - 30) more: <code>carehub lead list --hub \(HTML.escape(week.hub)) --flagged</code></p>" : ""
        return """
            <h2 id="leads">Lead professionals</h2>
            <p id="leads-needed"><strong>\(needing.count)</strong> of \(leads.count) people need a lead professional.</p>
            <ul class="needs-lead">\(items)</ul>\(more)
            """
    }

    /// Handovers of the hub's people waiting to be accepted, oldest first; over 24 hours flagged.
    static func handoverSection(_ waiting: [Handover]) -> String {
        guard !waiting.isEmpty else { return "" }
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let overdue = waiting.filter { $0.isOverdue(at: now) }.count
        let items = waiting.map { h in
            let flag = h.isOverdue(at: now) ? #" <strong class="overdue">over 24 hours</strong>"# : ""
            return #"<li><a href="\#(PersonRecord.path(h.clientID))">\#(HTML.escape(h.clientID))</a>: \#(HTML.escape(h.fromName)) to "#
                + #"\#(HTML.escape(h.toName)), since \#(HTML.escape(h.handedAt.description))\#(flag)</li>"#
        }.joined()
        return """
            <h2 id="handovers">Handovers waiting</h2>
            <p id="handovers-waiting"><strong>\(waiting.count)</strong> waiting to be accepted, \(overdue) over 24 hours.</p>
            <ul class="handovers">\(items)</ul>
            """
    }

    static func versionsTable(_ week: HubWeek) -> String {
        guard !week.versions.isEmpty else { return "" }
        let zone = week.shown?.handout.problem.timeZone ?? "Europe/London"
        let clock = LocalClock(zone: zone)
        let rows = week.versions.map { v in
            let current = v.version == week.shown?.summary.version ? #" aria-current="true""# : ""
            return """
                <tr\(current)><td><a href="\(week.path)?v=\(v.version)">\(v.version)</a></td><td>\(statusBadge(v.status))</td>\
                <td>\(clock.stamp(v.createdAt))</td><td>\(HTML.escape(v.createdBy))</td>\
                <td>\(v.publishedAt.map(clock.stamp) ?? "")</td></tr>
                """
        }.joined()
        return """
            <table class="versions"><caption>Versions of this week (\(week.plannedVisits) visits planned)</caption>
            <thead><tr><th scope="col">Version</th><th scope="col">Status</th><th scope="col">Made</th><th scope="col">By</th>\
            <th scope="col">Published</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// Draft, published or superseded as words in a badge: colour is never the only signal.
    static func statusBadge(_ status: RosterStatus) -> String {
        #"<span class="badge \#(status.rawValue)">\#(status.rawValue)</span>"#
    }

    static func actions(_ week: HubWeek, session: WebSession) -> String {
        let csrf = #"<input type="hidden" name="csrf" value="\#(HTML.escape(session.csrfToken))">"#
        var out = """
            <section class="actions noprint" aria-labelledby="actions-h"><h2 id="actions-h">Actions</h2>
            <form method="post" action="\(week.path)/plan" class="inline">\(csrf)<button type="submit">Plan the week's visits</button></form>
            <form method="post" action="\(week.path)/generate" class="inline">\(csrf)
            <label for="seconds">Search for</label> <input id="seconds" name="seconds" type="number" min="1" max="600" value="10" \
            inputmode="numeric"> <span>seconds</span> <button type="submit">Generate a draft</button></form>
            """
        if let draft = week.pendingDraft {
            if week.published != nil {
                out += #"<p><a href="\#(week.path)/compare">Compare draft \#(draft.version) with the published version</a> before publishing.</p>"#
            }
            out += """
                <form method="post" action="\(week.path)/publish" class="inline">\(csrf)<input type="hidden" name="version" value="\(draft.version)">\
                <button type="submit">Publish draft \(draft.version)</button></form>
                """
        }
        return out + "</section>"
    }

    static func figures(_ f: HubWeekFigures, week: HubWeek) -> String {
        let coverage = f.coverage.map { c in
            "<tr><th scope=\"row\">\(c.priority.rawValue)</th><td>\(c.assigned)</td><td>\(c.visits)</td>"
                + "<td>\(percent(c.assigned, c.visits))</td></tr>"
        }.joined()
        let reasons = f.unassignedByReason.map { r in "<tr><td>\(HTML.escape(r.reason))</td><td>\(r.visits)</td></tr>" }.joined()
        let clients = f.carersPerClient.prefix(5).map { c in
            #"<li><a href="\#(week.path)/clients/\#(HTML.escape(c.client))">\#(HTML.escape(c.client))</a>: \#(c.carers) carers</li>"#
        }.joined()
        return """
            <div class="figures">
            <p class="figure"><span class="value" id="assigned">\(f.assigned) of \(f.visits)</span> visits assigned \
            (\(percent(f.assigned, f.visits)))</p>
            <p class="figure"><span class="value">\(Int((f.travelShare * 100).rounded())) %</span> of working time is travel \
            (\(LocalClock.hours(f.travelMinutes)) travel, \(LocalClock.hours(f.careMinutes)) care)</p>
            <p class="figure"><span class="value">\(String(format: "%.1f", f.meanCarersPerClient))</span> different carers per client</p>
            <p class="figure"><span class="value">\(Int((f.continuity.topThreeShare * 100).rounded())) %</span> of each client's visits \
            by their three most frequent carers</p>
            <p class="figure"><span class="value">\(f.continuity.newCarerPairs.map(String.init) ?? "–")</span> carers new to their client \
            \(f.continuity.newCarerPairs == nil ? "(no published weeks before)" : "this week")</p>
            <p class="figure"><span class="value">\(f.continuity.lateVisits)</span> visits start late \
            (\(f.continuity.lateMinutes) minutes in all)</p>
            </div>
            <table><caption>Coverage by priority</caption><thead><tr><th scope="col">Priority</th><th scope="col">Assigned</th>\
            <th scope="col">Visits</th><th scope="col">Share</th></tr></thead><tbody>\(coverage)</tbody></table>
            \(reasons.isEmpty ? "<p>Every visit is assigned.</p>" : """
            <table><caption>Unassigned visits by reason</caption><thead><tr><th scope="col">Reason</th><th scope="col">Visits</th></tr></thead>\
            <tbody>\(reasons)</tbody></table>
            """)
            \(clients.isEmpty ? "" : "<h3>Clients seeing the most carers</h3><ul>\(clients)</ul>")
            """
    }

    static func warnings(_ h: Handout, payroll: [Payroll.Line], week: HubWeek) -> String {
        let working = Set(h.carers)
        let time = WorkingTimeWarnings.warnings(problem: h.problem, roster: h.roster).filter { working.contains($0.carer) }
        let wage = payroll.filter(\.belowLivingWage)
        let timeItems = time.prefix(50).map { w in
            #"<li><a href="\#(week.path)/carers/\#(HTML.escape(w.carer))">\#(HTML.escape(w.carer))</a>: \#(HTML.escape(w.text))</li>"#
        }.joined()
        let wageItems = wage.prefix(50).map { l in
            #"<li><a href="\#(week.path)/carers/\#(HTML.escape(l.carer))">\#(HTML.escape(l.carer))</a> on \#(l.date): "#
                + "paid below the National Living Wage</li>"
        }.joined()
        return """
            <h2>Warnings</h2>
            <h3>Working time (\(time.count))</h3>\(time.isEmpty ? "<p>None.</p>" : "<ul class=\"warnings\">\(timeItems)</ul>")
            <h3>Minimum wage (\(wage.count) carer-days)</h3>\(wage.isEmpty ? "<p>None.</p>" : "<ul class=\"warnings\">\(wageItems)</ul>")
            """
    }

    static func downloads(_ week: HubWeek, version: Int, handout h: Handout) -> String {
        let base = "\(week.path)/v/\(version)"
        let calendars = h.carers.map { c in
            #"<li><a href="\#(base)/calendars/\#(HTML.escape(c)).ics" download>\#(HTML.escape(h.carerNames[c] ?? c))</a></li>"#
        }.joined()
        return """
            <h2>Hand-outs</h2>
            <ul class="noprint"><li><a href="\(base)/payroll.csv" download>Payroll CSV</a></li>\
            <li><a href="\(week.path)/sheets.html?v=\(version)">Printable sheets (hub overview)</a></li></ul>
            <details><summary>Calendars, one per carer (\(h.carers.count))</summary><ul class="columns">\(calendars)</ul></details>
            """
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded())) %"
    }
}

/// The week picker: a labelled `<input type="week">` (a calendar in browsers that have one)
/// and links to the weeks either side.
enum WeekPicker {
    static func render(hub: String, week: ISOWeek, error: String? = nil) -> String {
        let before = ISOWeek(containing: week.monday.adding(days: -7))
        let after = ISOWeek(containing: week.monday.adding(days: 7))
        let message = error.map { #"<span class="error" id="week-error">\#(HTML.escape($0))</span>"# } ?? ""
        return """
            <form method="get" action="/hubs/\(HTML.escape(hub))/week" class="weekpicker noprint">
            <a href="\(HubWeek.path(hub, before))" rel="prev">← \(before)</a>
            <label for="week">Week</label> <input id="week" name="week" type="week" value="\(week)"\
            \(error == nil ? "" : #" aria-describedby="week-error" aria-invalid="true""#)> <button type="submit">Show</button> \(message)
            <a href="\(HubWeek.path(hub, after))" rel="next">\(after) →</a></form>
            """
    }
}
