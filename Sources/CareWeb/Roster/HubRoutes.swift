import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// The manager's pages of a hub's week: the list of hubs, the week, the board, a visit, the
/// comparison before publishing, and the printable sheets and downloads.
enum HubRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/hubs") { _, context -> Response in
            let session = try context.require(.manager)
            let hubs = try await pool.acting(for: session) { db in try HubWeekRepository(db).actingHubs() }
            return Pages.html(HubListPage.render(hubs: hubs, today: LocalDate.today(), session: session))
        }
        // The week picker's GET form: to the week's own address, or the form again beside the field.
        router.get("/hubs/:hub/week") { request, context -> Response in
            let session = try context.require(.manager)
            guard let hub = context.parameters.get("hub"), ExternalID.isValid(hub) else { throw notFound("hub") }
            let text = request.uri.queryParameters.get("week") ?? ""
            guard let week = ISOWeek(iso: text) else {
                let today = ISOWeek(containing: LocalDate.today())
                let page = Layout.page(
                    title: "Pick a week", session: session,
                    body: "<h1>\(HTML.escape(hub))</h1>" + WeekPicker.render(hub: hub, week: today, error: "Enter a week as 2026-W48."))
                return Pages.html(page, status: .badRequest)
            }
            return Pages.redirect(HubWeek.path(hub, week))
        }
        router.get("/hubs/:hub/weeks/:week") { request, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let version = try request.version()
            let (loaded, payroll) = try await weekWithPayroll(pool, session, hub: hub, week: week, version: version)
            // Who needs a lead professional: a manager's own hubs only (RLS); none visible, none listed.
            let (leads, handovers) = try await pool.acting(for: session) { db -> ([CurrentLead], [Handover]) in
                let waiting = try JourneyRepository(db).handovers(waitingOnly: true, hubCode: hub)
                do { return (try LeadRepository(db).current(hubCode: hub), waiting) } catch LeadError.noPeople { return ([], waiting) }
            }
            return Pages.html(
                HubWeekPage.render(
                    loaded, payroll: payroll, session: session, message: Notices.text(request), leads: leads, handovers: handovers))
        }
        router.get("/hubs/:hub/weeks/:week/board") { request, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let version = try request.version()
            let loaded = try await pool.acting(for: session) { db in try HubWeek.load(db, hub: hub, week: week, version: version, cache: pool.decoded)
            }
            guard let shown = loaded.shown else { throw notFound("roster for this week") }
            return Pages.html(BoardPage.render(loaded, shown: shown, filter: BoardFilter(request), session: session, cache: pool.decoded))
        }
        router.get("/hubs/:hub/weeks/:week/visits/:visit") { request, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let version = try request.version()
            let visit = context.parameters.get("visit") ?? ""
            let loaded = try await pool.acting(for: session) { db in try HubWeek.load(db, hub: hub, week: week, version: version, cache: pool.decoded)
            }
            guard let shown = loaded.shown, let candidates = VisitCandidates(handout: shown.handout, visitID: visit) else {
                throw notFound("visit")
            }
            return Pages.html(VisitPage.render(loaded, shown: shown, candidates: candidates, session: session, message: Notices.text(request)))
        }
        router.get("/hubs/:hub/weeks/:week/compare") { _, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let (loaded, published) = try await pool.acting(for: session) { db -> (HubWeek, HubWeek.Shown?) in
                let first = try HubWeek.load(db, hub: hub, week: week, version: nil, cache: pool.decoded)
                guard let draft = first.pendingDraft, let published = first.published else { return (first, nil) }
                let loaded =
                    draft.version == first.shown?.summary.version
                    ? first : try HubWeek.load(db, hub: hub, week: week, version: draft.version, cache: pool.decoded)
                return (loaded, try HubWeek.load(db, hub: hub, week: week, version: published.version, cache: pool.decoded).shown)
            }
            guard let draft = loaded.shown, loaded.pendingDraft != nil, let published else {
                return Pages.redirect(loaded.path + "?notice=nothing-to-compare")
            }
            let comparison = RosterComparison(old: published.handout, new: draft.handout, now: Instant.now())
            return Pages.html(ComparePage.render(loaded, published: published, draft: draft, comparison: comparison, session: session))
        }
        HandoutRoutes.add(to: router, pool: pool)
    }

    /// A hub week and the payroll lines of its shown version (for the minimum-wage warnings).
    static func weekWithPayroll(
        _ pool: DatabasePool, _ session: WebSession, hub: String, week: ISOWeek, version: Int?
    ) async throws -> (HubWeek, [Payroll.Line]) {
        try await pool.acting(for: session) { db -> (HubWeek, [Payroll.Line]) in
            let loaded = try HubWeek.load(db, hub: hub, week: week, version: version, cache: pool.decoded)
            return (loaded, try loaded.shown.map { try RosterWorkflow.payroll(db, $0.handout) } ?? [])
        }
    }
}

/// Short fixed messages shown after an action's redirect (`?notice=`): never text from the
/// address itself, so a link cannot put words on a carehub page.
enum Notices {
    static let all: [String: String] = [
        "pinned": "Pinned. The next generated draft keeps this carer on the visit.",
        "unpinned": "Unpinned. The next generated draft may give the visit to anyone.",
        "already-pinned": "That carer was already pinned to the visit.",
        "not-pinned": "That carer was not pinned to the visit.",
        "published": "Published. Carers see this version; hand-outs below are ready to send.",
        "nothing-to-compare": "There is no newer draft to compare with the published version.",
    ]

    static func text(_ request: Request) -> String? {
        request.uri.queryParameters.get("notice").flatMap { all[$0] }
    }

    /// "Planned: 3 visits added, …" after planning (numbers only).
    static func planned(_ o: VisitPlanner.Outcome) -> String {
        "Planned: \(o.added) visits added, \(o.updated) updated, \(o.cancelled) cancelled; \(o.planned) visits in the week."
    }
}

/// The manager's hubs, each with this week and the next two.
enum HubListPage {
    static func render(hubs: [String], today: LocalDate, session: WebSession) -> String {
        let weeks = (0..<3).map { ISOWeek(containing: today.adding(days: 7 * $0)) }
        let rows = hubs.map { hub in
            "<tr><th scope=\"row\">\(HTML.escape(hub))</th>"
                + weeks.map { #"<td><a href="\#(HubWeek.path(hub, $0))">\#($0)</a></td>"# }.joined() + "</tr>"
        }.joined()
        let body = """
            <h1>Your hubs</h1>
            \(hubs.isEmpty ? "<p>You manage no hub yet; an administrator adds you to one.</p>" : """
            <table><caption>Hub weeks</caption><thead><tr><th scope="col">Hub</th><th scope="col">This week</th>\
            <th scope="col">Next week</th><th scope="col">The week after</th></tr></thead><tbody>\(rows)</tbody></table>
            """)
            """
        return Layout.page(title: "Your hubs", session: session, body: body)
    }
}

extension LocalDate {
    /// Today in England (the hubs' zone), for default weeks.
    static func today() -> LocalDate {
        LocalClock(zone: "Europe/London").local(Instant.now()).date
    }
}
