import CareModel
import CareStore

/// `/people/{client}`: one person's record as the reader may see it: who they are, their lead
/// professional, a handover waiting, the shared record and notes (with a form to add one), the
/// care plan and the journey. Parts the reader does not reach say so.
enum PersonPage {
    /// What a form sent and the answer beside its field, when it is shown again.
    struct Answers: Sendable {
        var noteError: String?
        var noteDraft = ""
        var handoverError: String?
        var handoverTo = ""
        var handoverNote = ""
        var episodeError: String?
        var episodeKind = ""
        var episodeAt = ""
        var episodeGoals = ""
    }

    static func render(_ p: PersonRecord, session: WebSession, answers a: Answers = Answers(), notice: String? = nil) -> String {
        let (noteError, noteDraft) = (a.noteError, a.noteDraft)
        let notShared = #"<p class="muted">Not shared with you: no consent covers it (a lead professional, or break-glass access, reaches it).</p>"#
        var body = """
            <h1>\(HTML.escape(p.person.name)) <span class="muted">(\(HTML.escape(p.clientID)), \(HTML.escape(p.person.hubCode)))</span></h1>
            <p>Born \(HTML.escape(p.person.dateOfBirth?.description ?? "not recorded")) · postcode \(HTML.escape(p.person.postcode))</p>
            <p class="muted">Reading this page is recorded in the audit trail.</p>
            """
        if let notice { body += #"<p class="notice" role="status">\#(HTML.escape(notice))</p>"# }
        body += leads(p, session: session) + (p.mayHandOver ? handoverForm(p, session, a) : "")
        if let stored = p.record {
            body += RecordSections.record(stored, notes: p.notes, extra: p.writes.notes ? noteForm(p, session, noteError, noteDraft) : "")
        } else {
            body += #"<section class="client-record" aria-labelledby="record"><h2 id="record">Record</h2>\#(notShared)"#
            body += RecordSections.notes(p.notes) + (p.writes.notes ? noteForm(p, session, noteError, noteDraft) : "") + "</section>"
        }
        body += #"<h2 id="care-plan">Care plan</h2>"# + (p.plan.map { plan(p, $0) } ?? notShared)
        body += #"<h2 id="journey">Journey</h2>"# + (p.journey.map { journey($0) + (p.writes.record ? episodeForm(p, session, a) : "") } ?? notShared)
        return Layout.page(title: p.person.name, session: session, body: body)
    }

    /// The lead now and before, and a handover waiting (with the receiver's accept button).
    private static func leads(_ p: PersonRecord, session: WebSession) -> String {
        let current = p.leads.last(where: { $0.until == nil })
        var html = #"<h2 id="lead">Lead professional</h2>"#
        html +=
            current.map { #"<p id="lead-now">\#(HTML.escape($0.name ?? "someone who has left the hub")), since \#($0.from)</p>"# }
            ?? #"<p id="lead-now"><strong>Needs a lead professional.</strong></p>"#
        let earlier = p.leads.filter { $0.until != nil }
        if !earlier.isEmpty {
            let items = earlier.map {
                "<li>\(HTML.escape($0.name ?? "someone who has left the hub")), \($0.from) to \($0.until?.description ?? "")</li>"
            }
            html += "<details><summary>Earlier leads</summary><ul>\(items.joined())</ul></details>"
        }
        if let waiting = p.handovers.last(where: \.isWaiting) {
            let mine = waiting.toPersonID == session.person.id
            html += """
                <p id="handover-waiting">Handover waiting: \(HTML.escape(waiting.fromName)) to \(HTML.escape(waiting.toName)), \
                since \(HTML.escape(waiting.handedAt.description))\(waiting.note.map { ": " + HTML.escape($0) } ?? "")</p>
                """
            if mine { html += PeoplePage.acceptForm(waiting, session) }
        }
        return html
    }

    private static func noteForm(_ p: PersonRecord, _ session: WebSession, _ error: String?, _ draft: String) -> String {
        let described = error == nil ? "" : #" aria-invalid="true" aria-describedby="note-error""#
        let message = error.map { #"<p class="error" id="note-error" role="alert">\#(HTML.escape($0))</p>"# } ?? ""
        return """
            <form method="post" action="\(PersonRecord.path(p.clientID))/notes" class="note-form">
            <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">
            <label for="note-body">Add a note (never edited: to correct one, give its number)</label>
            <textarea id="note-body" name="body" rows="4" maxlength="4000"\(described)>\(HTML.escape(draft))</textarea>\(message)
            <label for="note-corrects">Corrects note number (optional)</label>
            <input id="note-corrects" name="corrects" inputmode="numeric" size="6">
            <button type="submit">Add note</button></form>
            """
    }

    /// Hand the person over: to a member of their hub's staff (the choices the reader sees, or any
    /// e-mail), with a note for the receiver.
    private static func handoverForm(_ p: PersonRecord, _ session: WebSession, _ a: Answers) -> String {
        let options = p.receivers.map { r in
            #"<option value="\#(HTML.escape(r.email))">\#(HTML.escape(r.name))\#(r.service.map { ", " + HTML.escape($0.title) } ?? "")</option>"#
        }.joined()
        let invalid = a.handoverError == nil ? "" : #" aria-invalid="true" aria-describedby="handover-error""#
        let error = a.handoverError.map { #"<p class="error" id="handover-error" role="alert">\#(HTML.escape($0))</p>"# } ?? ""
        return """
            <details\(a.handoverError == nil ? "" : " open")><summary>Hand over to another member of staff</summary>
            <form method="post" action="\(PersonRecord.path(p.clientID))/handover" class="handover-form">
            <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">
            <label for="handover-to">To (e-mail of active staff of the person's hub)</label>
            <input id="handover-to" name="to" list="handover-staff" value="\(HTML.escape(a.handoverTo))" required\(invalid)>
            <datalist id="handover-staff">\(options)</datalist>\(error)
            <label for="handover-note">A note for them (optional)</label>
            <textarea id="handover-note" name="note" rows="3" maxlength="2000">\(HTML.escape(a.handoverNote))</textarea>
            <button type="submit">Hand over</button></form></details>
            """
    }

    /// Record an episode of the journey: what, when (the hub's local time), reablement's goals.
    private static func episodeForm(_ p: PersonRecord, _ session: WebSession, _ a: Answers) -> String {
        let kinds = JourneyEpisode.Kind.allCases.map { kind in
            let chosen = kind.rawValue == a.episodeKind ? " selected" : ""
            return #"<option value="\#(kind.rawValue)"\#(chosen)>\#(HTML.escape(kind.label))</option>"#
        }.joined()
        let invalid = a.episodeError == nil ? "" : #" aria-invalid="true" aria-describedby="episode-error""#
        let error = a.episodeError.map { #"<p class="error" id="episode-error" role="alert">\#(HTML.escape($0))</p>"# } ?? ""
        return """
            <details\(a.episodeError == nil ? "" : " open")><summary>Record an episode</summary>
            <form method="post" action="\(PersonRecord.path(p.clientID))/episodes" class="episode-form">
            <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">
            <label for="episode-kind">What happened</label>
            <select id="episode-kind" name="kind">\(kinds)</select>
            <label for="episode-at">When (\(HTML.escape(p.person.hubCode))'s local time)</label>
            <input id="episode-at" name="at" type="datetime-local" value="\(HTML.escape(a.episodeAt))" required\(invalid)>\(error)
            <label for="episode-goals">Reablement goals (reablement only)</label>
            <textarea id="episode-goals" name="goals" rows="2" maxlength="2000">\(HTML.escape(a.episodeGoals))</textarea>
            <button type="submit">Record</button></form></details>
            """
    }

    private static func plan(_ p: PersonRecord, _ plan: CarePlan) -> String {
        guard !plan.items.isEmpty else { return "<p>No care plan yet (<code>carehub import care-plans</code>).</p>" }
        let tasks = plan.items.filter(\.kind.isForCarers).map { item in
            "<tr><td>\(HTML.escape(item.kind.label))</td><td>\(HTML.escape(item.call ?? "every call"))</td>"
                + "<td>\(HTML.escape(item.description))</td></tr>"
        }.joined()
        let outcomes = plan.items.filter { $0.kind == .outcome }.map { item in
            let due = item.reviewOn.map { $0 <= p.person.today ? "<strong>review due since \($0)</strong>" : "review on \($0)" } ?? ""
            return "<li>\(HTML.escape(item.description)) (\(due))</li>"
        }.joined()
        return """
            <table id="plan-tasks"><thead><tr><th>Task</th><th>Call</th><th>What to do</th></tr></thead><tbody>\(tasks)</tbody></table>
            \(outcomes.isEmpty ? "" : #"<h3>Outcomes</h3><ul id="plan-outcomes">\#(outcomes)</ul>"#)
            """
    }

    private static func journey(_ episodes: [JourneyEpisode]) -> String {
        guard !episodes.isEmpty else { return "<p>No episodes recorded (<code>carehub journey add</code>).</p>" }
        let rows = episodes.map { e in
            var what = HTML.escape(e.kind.label)
            if let d = e.dischargeID { what += " (discharge \(HTML.escape(d)))" }
            if let goals = e.goals { what += "<br><span class=\"muted\">Goals: \(HTML.escape(goals))</span>" }
            let end = e.endedAt.map { HTML.escape($0.description) + (e.outcome.map { ", \($0.rawValue)" } ?? "") } ?? (e.kind.lasts ? "ongoing" : "")
            return
                "<tr><td>\(HTML.escape(e.startedAt.description))</td><td>\(what)</td><td>\(end)</td><td>\(HTML.escape(e.recordedBy ?? ""))</td></tr>"
        }.joined()
        return """
            <table id="journey-episodes"><thead><tr><th>From</th><th>What</th><th>Until</th><th>Recorded by</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }
}
