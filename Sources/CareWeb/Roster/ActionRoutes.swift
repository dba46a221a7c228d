import CareModel
import CareReports
import CareRostering
import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// What a manager does to a week: plan its visits, generate a draft (with progress), pin and
/// unpin, publish. Each is a POST with the session's anti-forgery token, one transaction
/// acting for the manager, and a redirect to a page that says what happened.
enum ActionRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool, jobs: GenerateJobs, logger: Logger) {
        router.post("/hubs/:hub/weeks/:week/plan") { request, context -> Response in
            let (session, form, hub, week) = try await posted(request, context)
            _ = form
            let outcome = try await pool.acting(for: session) { db -> VisitPlanner.Outcome in
                guard try HubWeekRepository(db).actingHubs().contains(hub) else { throw notFound("hub") }
                return try VisitPlanner(db).plan(week: week, hubCode: hub)
            }
            let (loaded, payroll) = try await HubRoutes.weekWithPayroll(pool, session, hub: hub, week: week, version: nil)
            return Pages.html(HubWeekPage.render(loaded, payroll: payroll, session: session, message: Notices.planned(outcome)))
        }
        router.post("/hubs/:hub/weeks/:week/pin") { request, context -> Response in
            try await pin(request, context, pool: pool, unpin: false)
        }
        router.post("/hubs/:hub/weeks/:week/unpin") { request, context -> Response in
            try await pin(request, context, pool: pool, unpin: true)
        }
        router.post("/hubs/:hub/weeks/:week/publish") { request, context -> Response in
            let (session, form, hub, week) = try await posted(request, context)
            guard let version = form["version"].flatMap(Int.init), version >= 1 else { throw notFound("roster version") }
            let force = form["force"] == "yes"
            do {
                try await pool.acting(for: session) { db in
                    guard try HubWeekRepository(db).actingHubs().contains(hub) else { throw notFound("hub") }
                    try RosterWorkflow.publish(db, hub: hub, week: week, version: version, force: force, actor: actor(session))
                }
            } catch let refusal as RosterRefusal {
                return Pages.html(
                    PublishRefusedPage.render(hub: hub, week: week, version: version, refusal: refusal, session: session), status: .conflict)
            }
            return Pages.redirect(HubWeek.path(hub, week) + "?notice=published")
        }
        GenerateRoutes.add(to: router, pool: pool, jobs: jobs, logger: logger)
    }

    /// The signed-in manager, the form (its token checked) and the hub week of the path.
    static func posted(_ request: Request, _ context: WebContext) async throws -> (WebSession, [String: String], String, ISOWeek) {
        let session = try context.require(.manager)
        let form = try await Forms.read(request, context: context)
        try Forms.requireToken(form, session)
        let (hub, week) = try context.parameters.hubWeek()
        return (session, form, hub, week)
    }

    static func pin(_ request: Request, _ context: WebContext, pool: DatabasePool, unpin: Bool) async throws -> Response {
        let (session, form, hub, week) = try await posted(request, context)
        guard let visitText = form["visit"], let visit = Int(visitText), let carer = form["carer"], ExternalID.isValid(carer) else {
            throw notFound("visit")
        }
        let changed: Bool
        do {
            changed = try await pool.acting(for: session) { db -> Bool in
                guard try HubWeekRepository(db).actingHubs().contains(hub) else { throw notFound("hub") }
                let roster = RosterRepository(db)
                return unpin
                    ? try roster.unpin(visit: visit, carer: carer, actor: actor(session))
                    : try roster.pin(visit: visit, carer: carer, actor: actor(session))
            }
        } catch let refusal as RosterRefusal {
            throw HTTPError(.conflict, message: refusal.description)
        }
        let notice = unpin ? (changed ? "unpinned" : "not-pinned") : (changed ? "pinned" : "already-pinned")
        let version = form["v"].flatMap(Int.init).map { "v=\($0)&" } ?? ""
        return Pages.redirect("\(HubWeek.path(hub, week))/visits/\(visit)?\(version)notice=\(notice)")
    }

    /// Who made a change, for `roster_changes` and `rosters.created_by`: the person's id, not
    /// their name or e-mail (the audit log ties the id to the person).
    static func actor(_ session: WebSession) -> String { "web:person:\(session.person.id)" }
}

/// A publish the database refused: a stale draft asks for confirmation; anything else says why.
enum PublishRefusedPage {
    static func render(hub: String, week: ISOWeek, version: Int, refusal: RosterRefusal, session: WebSession) -> String {
        let path = HubWeek.path(hub, week)
        let confirm =
            refusal.isStale
            ? """
            <form method="post" action="\(path)/publish"><input type="hidden" name="csrf" value="\(HTML.escape(session.csrfToken))">\
            <input type="hidden" name="version" value="\(version)"><input type="hidden" name="force" value="yes">\
            <button type="submit">Publish draft \(version) anyway</button></form>
            <p>Or <a href="\(path)">go back and generate a new draft</a> from today's data.</p>
            """
            : #"<p><a href="\#(path)">Back to the week</a></p>"#
        let body = """
            <h1>\(refusal.isStale ? "This draft is out of date" : "Not published")</h1>
            <p class="error" role="alert" id="publish-refused">\(HTML.escape(refusal.description))</p>
            \(confirm)
            """
        return Layout.page(title: "Publish \(hub) \(week)", session: session, body: body)
    }
}
