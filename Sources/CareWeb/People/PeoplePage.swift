import CareModel
import CareStore

/// `/people`: a practitioner's or manager's people: those they lead (their caseload), handovers
/// waiting for them to accept, and the people of their hubs with their lead, those needing one
/// flagged.
enum PeoplePage {
    struct View: Sendable {
        let caseload: [LeadRepository.CaseloadEntry]
        let waiting: [Handover]
        /// Per hub of theirs, its people with their lead now.
        let hubs: [(hub: String, leads: [CurrentLead])]
        let now: Instant
    }

    static func render(_ v: View, session: WebSession, notice: String? = nil) -> String {
        var body = "<h1>People</h1>"
        if let notice { body += #"<p class="notice" role="status">\#(HTML.escape(notice))</p>"# }
        body += #"<h2 id="caseload">Your caseload</h2>"#
        if v.caseload.isEmpty {
            body += "<p>You lead no one at the moment.</p>"
        } else {
            let items = v.caseload.map {
                #"<li><a href="\#(PersonRecord.path($0.clientID))">\#(HTML.escape($0.name))</a> "#
                    + #"(\#(HTML.escape($0.hubCode))), since \#($0.since)</li>"#
            }
            body += #"<ul id="caseload-list">\#(items.joined())</ul>"#
        }
        let mine = v.waiting.filter { $0.toPersonID == session.person.id }
        body += #"<h2 id="handovers">Handovers waiting</h2>"#
        if v.waiting.isEmpty { body += "<p>None.</p>" }
        let items = v.waiting.map { h -> String in
            let overdue = h.isOverdue(at: v.now) ? #" <strong class="overdue">over 24 hours</strong>"# : ""
            let accept = mine.contains(h) ? acceptForm(h, session) : ""
            return """
                <li><a href="\(PersonRecord.path(h.clientID))">\(HTML.escape(h.clientID))</a>: \(HTML.escape(h.fromName)) to \
                \(HTML.escape(h.toName)), since \(HTML.escape(h.handedAt.description))\(overdue)\(accept)</li>
                """
        }
        if !items.isEmpty { body += #"<ul id="handover-list">\#(items.joined())</ul>"# }
        for (hub, leads) in v.hubs {
            let rows = leads.map { line -> String in
                let lead = line.lead.map { ($0.name ?? "someone who left the hub") + ($0.active ? "" : ", disabled") } ?? "none"
                let flag = line.needsLead ? #" <strong class="needs-lead">needs a lead</strong>"# : ""
                return #"<li><a href="\#(PersonRecord.path(line.clientID))">\#(HTML.escape(line.clientID))</a>: \#(HTML.escape(lead))\#(flag)</li>"#
            }.joined()
            body += #"<h2>\#(HTML.escape(hub))'s people</h2><ul class="hub-people">\#(rows)</ul>"#
        }
        return Layout.page(title: "People", session: session, body: body)
    }

    /// The receiver's button to accept a handover (and become the lead).
    static func acceptForm(_ h: Handover, _ session: WebSession) -> String {
        """
        <form method="post" action="/handovers/\(h.id)/accept" class="inline">\
        <input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">\
        <button type="submit" id="accept-\(h.id)">Accept and become the lead</button></form>
        """
    }
}
