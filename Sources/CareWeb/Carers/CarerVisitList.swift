import CareModel
import CareReports

/// A carer's visits as lists per day (time, client, length, partners, travel), from one or more
/// rosters' hand-outs: the manager's carer page and the carer's own phone page show the same.
enum CarerVisitList {
    /// `clientLink` gives the address of a client's page (the manager's view), or nil for text only.
    static func render(_ handouts: [Handout], carer: String, clientLink: ((Handout, String) -> String?)? = nil) -> String {
        var days: [(date: LocalDate, rows: [String])] = []
        for handout in handouts {
            for item in handout.items(for: carer) {
                let start = handout.local(item.start)
                let row = visit(item, handout: handout, start: start.time, end: handout.local(item.end).time, link: clientLink)
                if let last = days.last, last.date == start.date {
                    days[days.count - 1].rows.append(row)
                } else {
                    days.append((start.date, [row]))
                }
            }
        }
        guard !days.isEmpty else { return #"<p class="muted">No visits.</p>"# }
        return days.map { day in
            """
            <section class="carer-day" aria-labelledby="day-\(day.date)"><h3 id="day-\(day.date)">\(day.date.weekday.fullName) \(day.date)</h3>
            <ol class="carer-visits">\(day.rows.joined())</ol></section>
            """
        }.joined(separator: "\n")
    }

    private static func visit(
        _ item: Handout.Item, handout: Handout, start: String, end: String, link: ((Handout, String) -> String?)?
    ) -> String {
        let label = HTML.escape(handout.clientLabel(item.visit.client))
        let client = link?(handout, item.visit.client).map { #"<a href="\#(HTML.escape($0))">\#(label)</a>"# } ?? label
        var details = ["\(item.visit.durationMinutes) min"]
        if !item.partners.isEmpty {
            details.append("with " + item.partners.map { HTML.escape(handout.carerNames[$0] ?? $0) }.joined(separator: ", "))
        }
        details.append(item.paidTravel ? "\(item.travel) min travel (paid)" : "\(item.travel) min from home")
        if item.waiting > 0 { details.append("\(item.waiting) min waiting") }
        if !item.visit.skills.isEmpty { details.append("needs " + item.visit.skills.map(HTML.escape).joined(separator: ", ")) }
        return """
            <li class="carer-visit" data-visit="\(HTML.escape(item.visit.id))"><span class="time">\(start)–\(end)</span> \
            <span class="client">\(client)</span> <span class="details">\(details.joined(separator: " · "))</span></li>
            """
    }
}
