import CareModel
import CareRostering
import CareSolver
import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Generating a draft from the web: the POST starts the run in the background and answers
/// with its progress page at once; the page follows the run through server-sent events
/// (`/events`), or, without JavaScript, by reloading itself every two seconds.
enum GenerateRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool, jobs: GenerateJobs, logger: Logger) {
        router.post("/hubs/:hub/weeks/:week/generate") { request, context -> Response in
            let (session, form, hub, week) = try await ActionRoutes.posted(request, context)
            let text = (form["seconds"] ?? "").trimmingCharacters(in: .whitespaces)
            guard let seconds = Int(text), (1...600).contains(seconds) else {
                let (loaded, payroll) = try await HubRoutes.weekWithPayroll(pool, session, hub: hub, week: week, version: nil)
                let page = GenerateFormError.render(loaded, payroll: payroll, value: text, session: session)
                return Pages.html(page, status: .badRequest)
            }
            let planned = try await pool.acting(for: session) { db -> Int in
                guard try HubWeekRepository(db).actingHubs().contains(hub) else { throw notFound("hub") }
                return try HubWeekRepository(db).plannedVisits(hub: hub, week: week)
            }
            let id: String
            do {
                id = try jobs.start(person: session.person.id, hub: hub, week: week, visits: planned)
            } catch GenerateJobs.Refusal.alreadyRunning(let running, let person) {
                guard person == session.person.id else {
                    throw HTTPError(.conflict, message: "Someone else is generating a draft for this week; try again when it has finished.")
                }
                return Pages.redirect("\(HubWeek.path(hub, week))/generate/\(running)")
            } catch GenerateJobs.Refusal.busy where jobs.limit == 0 {
                throw HTTPError(
                    .serviceUnavailable,
                    message: "This server keeps its few database connections for pages; generate drafts with carehub roster generate.")
            } catch {
                throw HTTPError(.serviceUnavailable, message: "Other drafts are being generated; try again in a minute.")
            }
            let started = ContinuousClock.now
            Task.detached {
                do {
                    let generated = try await pool.acting(for: session) { db in
                        try RosterWorkflow.generate(
                            db, hubs: [hub], week: week, search: .init(seed: 1, seconds: Double(seconds)), actor: ActionRoutes.actor(session)
                        ) { jobs.progress(id, $0) }
                    }
                    let group = generated.groups.first
                    jobs.finish(
                        id, version: generated.versions.first { $0.hub == hub }?.version, objective: group?.roster.objective.total,
                        assigned: group?.roster.assignments.count, visits: group.map { $0.roster.assignments.count + $0.roster.unassigned.count },
                        elapsed: GenerateTimings.seconds(since: started), notices: generated.notices)
                } catch {
                    // Logged by kind only (no ids of people); the page shows the message.
                    logger.warning("generate failed", metadata: ["error": .string(String(describing: type(of: error)))])
                    jobs.fail(id, message: GenerateFailure.message(error))
                }
            }
            return Pages.redirect("\(HubWeek.path(hub, week))/generate/\(id)")
        }
        router.get("/hubs/:hub/weeks/:week/generate/:job") { _, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            guard let job = jobs.job(context.parameters.get("job") ?? "", person: session.person.id), job.hub == hub, job.week == week else {
                throw notFound("generate run")
            }
            return Pages.html(GeneratePage.render(job, session: session))
        }
        router.get("/hubs/:hub/weeks/:week/generate/:job/events") { _, context -> Response in
            let session = try context.require(.manager)
            let (hub, week) = try context.parameters.hubWeek()
            let id = context.parameters.get("job") ?? ""
            guard let job = jobs.job(id, person: session.person.id), job.hub == hub, job.week == week else { throw notFound("generate run") }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    // Two updates a second until the run ends; a browser that goes away ends the write.
                    while let job = jobs.job(id, person: session.person.id) {
                        let done = job.snapshot.state != .running
                        try await writer.write(ByteBuffer(string: GeneratePage.event(job.snapshot, done: done)))
                        if done { break }
                        try await Task.sleep(for: .milliseconds(500))
                    }
                    try await writer.finish(nil)
                })
        }
    }
}

/// What a failed run says: store and engine refusals are written for people and name ids only;
/// anything else is a fault of carehub's, described by its kind.
enum GenerateFailure {
    static func message(_ error: any Error) -> String {
        switch error {
        case let refusal as RosterRefusal: refusal.description
        case let http as HTTPError: http.body ?? "refused"
        case is AccessRefused: "Your role may not generate this hub's rosters."
        default: "The run failed (\(String(describing: type(of: error)))); nothing was stored."
        }
    }
}
