import CareModel
import CareStore

/// The parts of a person's record as HTML, shared by the client page and the person page.
enum RecordSections {
    /// The shared record: risks first (what a visitor must know), then who to call, what matters
    /// to the person, and their consent to share; `extra` closes the section.
    static func record(_ stored: ClientRecord?, notes: [ClientNote]?, extra: String = "") -> String {
        guard let record = stored else {
            return #"<section class="client-record" aria-labelledby="record"><h2 id="record">Record</h2>"#
                + "<p>No shared record yet (<code>carehub import records</code>).</p>\(Self.notes(notes))\(extra)</section>"
        }
        var risks: [String] = []
        if record.risks.falls { risks.append("Falls") }
        if record.risks.hoist { risks.append("Hoist") }
        if !record.risks.allergies.isEmpty { risks.append("Allergies: \(HTML.escape(record.risks.allergies))") }
        if let place = record.risks.dnacprLocation { risks.append("DNACPR held: \(HTML.escape(place))") }
        func row(_ label: String, _ id: String, _ value: String) -> String {
            #"<tr><th scope="row">\#(label)</th><td id="record-\#(id)">\#(value.isEmpty ? "not recorded" : HTML.escape(value))</td></tr>"#
        }
        let consent = record.consent.map {
            "\($0.covers.sorted().map(\.label).joined(separator: ", ")); recorded by \($0.recordedBy) on \($0.recordedOn)"
        }
        return """
            <section class="client-record" aria-labelledby="record">
            <h2 id="record">Record</h2>
            <p id="record-risks"><strong>Risks:</strong> \(risks.isEmpty ? "none recorded" : risks.joined(separator: "; "))</p>
            <table class="record"><tbody>
            \(row("NHS number", "nhs", record.nhsNumber?.description ?? ""))\(row("Address", "address", record.address))\
            \(row("Next of kin", "kin", record.nextOfKin))\(row("GP practice", "gp", record.gpPractice))\
            \(row("Communication needs", "communication", record.communicationNeeds))\(row("What matters to me", "matters", record.whatMatters))\
            \(row("Consent to share (health and social care)", "consent", consent ?? ""))
            </tbody></table>
            \(Self.notes(notes))\(extra)
            </section>
            """
    }

    /// The record's notes, oldest first: who wrote each, in which role and service, when, and
    /// which note corrects which (notes are never edited; `carehub record note` adds them).
    static func notes(_ notes: [ClientNote]?) -> String {
        guard let notes else {
            return #"<h3 id="notes">Notes</h3><p class="muted" id="notes-not-shared">Not shared with you: no consent covers them.</p>"#
        }
        guard !notes.isEmpty else { return #"<h3 id="notes">Notes</h3><p>No notes yet.</p>"# }
        let correctedBy = ClientNote.corrections(in: notes)
        let items = notes.map { note in
            let service = note.authorService.map { ", \($0.title)" } ?? ""
            var head = "\(HTML.escape(note.authorName)) (\(HTML.escape(note.authorRole))\(service)), \(HTML.escape(note.writtenAt))"
            if let earlier = note.corrects { head += ##", correcting <a href="#note-\##(earlier)">note \##(earlier)</a>"## }
            for later in correctedBy[note.id] ?? [] { head += ##", corrected by <a href="#note-\##(later)">note \##(later)</a>"## }
            return #"<li id="note-\#(note.id)"><p class="muted">\#(head)</p><p>\#(HTML.escape(note.body))</p></li>"#
        }.joined()
        return #"<h3 id="notes">Notes</h3><ol class="notes">\#(items)</ol>"#
    }

}
