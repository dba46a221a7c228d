import CareModel
import CareReports
import CareStore
import Foundation

/// The progress of a draft being generated: elapsed time, the best objective so far and the
/// visits assigned, then a link to the new draft.
enum GeneratePage {
    static func render(_ job: GenerateJobs.Job, session: WebSession) -> String {
        let s = job.snapshot
        let path = HubWeek.path(job.hub, job.week)
        let running = s.state == .running
        let outcome: String
        switch s.state {
        case .running: outcome = "Searching…"
        case .finished:
            let done = s.version.map { #"Done: <a id="draft-link" href="\#(path)?v=\#($0)">draft version \#($0)</a>."# } ?? "Done."
            outcome = done + (s.message.map { #" <span class="notice">\#(HTML.escape($0))</span>"# } ?? "")
        case .failed: outcome = #"<span class="error">\#(HTML.escape(s.message ?? "The run failed."))</span>"#
        }
        let body = """
            <h1>Generating a draft for \(HTML.escape(job.hub)), week \(job.week)</h1>
            <div id="progress" data-events="\(path)/generate/\(job.id)/events" data-week="\(path)">
            <dl class="facts" aria-live="polite">
            <dt>Elapsed</dt><dd id="elapsed">\(String(format: "%.1f", s.elapsed)) s</dd>
            <dt>Best objective</dt><dd id="objective">\(s.bestObjective.map { String(format: "%.1f", $0) } ?? "–")</dd>
            <dt>Visits assigned</dt><dd id="assigned">\(s.assigned) of \(s.visits)</dd>
            <dt>Iterations</dt><dd id="iterations">\(s.iterations)</dd>
            </dl>
            <progress id="bar" max="\(max(1, s.visits))" value="\(s.assigned)">\(s.assigned) of \(s.visits)</progress>
            <p id="outcome" role="status">\(outcome)</p>
            </div>
            <p><a href="\(path)">Back to the week</a></p>
            """
        var page = Layout.page(title: "Generating \(job.hub) \(job.week)", session: session, body: body)
        if running {
            // Without JavaScript the page reloads itself; with it, carehub.js follows the events instead.
            page = page.replacingOccurrences(
                of: "</head>", with: #"<noscript><meta http-equiv="refresh" content="2"></noscript></head>"#)
        }
        return page
    }

    /// One server-sent event with the snapshot as JSON (`progress`, then `done` at the end).
    static func event(_ s: GenerateJobs.Snapshot, done: Bool) -> String {
        struct Event: Encodable {
            let state: String
            let elapsed: Double
            let assigned, visits, iterations: Int
            let objective: Double?
            let version: Int?
            let message: String?
        }
        func tenths(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        let event = Event(
            state: s.state.rawValue, elapsed: tenths(s.elapsed), assigned: s.assigned, visits: s.visits, iterations: s.iterations,
            objective: s.bestObjective.map(tenths), version: s.version, message: s.message)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // An encoder cannot fail on these fields; an empty object keeps the stream well-formed if it ever did.
        let json = (try? encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(done ? "done" : "progress")\ndata: \(json)\n\n"
    }
}

/// The hub week page again with the generate form's message beside its field.
enum GenerateFormError {
    static func render(_ week: HubWeek, payroll: [Payroll.Line], value: String, session: WebSession) -> String {
        let page = HubWeekPage.render(week, payroll: payroll, session: session)
        let message = #"<span class="error" id="seconds-error">Enter whole seconds from 1 to 600.</span>"#
        return page.replacingOccurrences(
            of: #"inputmode="numeric">"#,
            with: #"inputmode="numeric" aria-invalid="true" aria-describedby="seconds-error"> \#(message)"#
        ).replacingOccurrences(
            of: #"name="seconds" type="number" min="1" max="600" value="10""#,
            with: #"name="seconds" type="number" min="1" max="600" value="\#(HTML.escape(value))""#)
    }
}
