import CareModel
import CareStore
import Foundation
import Hummingbird

/// People's records on the web (issue 15), for managers and practitioners: `/people` (caseload,
/// handovers waiting, the hubs' people), `/people/{client}` (the record as the database lets the
/// reader see it), adding a note, and accepting a handover. Every read and write acts for the
/// signed-in person in one transaction; row-level security decides what is there.
enum PeopleRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/people") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let view = try await pool.acting(for: session) { db in try people(db, session) }
            return Pages.html(PeoplePage.render(view, session: session, notice: notice(request)))
        }
        router.get("/people/:client") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let client = try clientParameter(context)
            let record = try await pool.acting(for: session) { db in try PersonRecord.load(db, clientID: client, session: session) }
            return Pages.html(PersonPage.render(record, session: session, notice: notice(request)))
        }
        router.post("/people/:client/notes") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let form = try await Forms.read(request, context: context)
            try Forms.requireToken(form, session)
            let client = try clientParameter(context)
            let body = (form["body"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let correctsText = (form["corrects"] ?? "").trimmingCharacters(in: .whitespaces)
            let corrects = Int(correctsText)
            // Answered beside the field, with what was typed kept.
            func again(_ problem: String) async throws -> Response {
                try await answer(pool, session, client, PersonPage.Answers(noteError: problem, noteDraft: body))
            }
            if body.isEmpty { return try await again("Write the note first.") }
            if body.unicodeScalars.count > 4000 { return try await again("A note holds at most 4,000 characters.") }
            if !correctsText.isEmpty && corrects == nil { return try await again("The note to correct is a number, as shown beside it.") }
            do {
                let id = try await pool.acting(for: session) { db in
                    try ClientNoteRepository(db).add(clientExternalID: client, body: body, corrects: corrects)
                }
                guard id != nil else { throw notFound("person") }
            } catch let error as StoreError where error.code == .checkViolation {
                return try await again("Note \(correctsText) is not an earlier note about this person.")
            } catch is AccessRefused {
                throw HTTPError(.forbidden, message: "You may not add notes to this person's record.")
            }
            return Pages.redirect(PersonRecord.path(client) + "?notice=note-added#notes")
        }
        router.post("/people/:client/handover") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let form = try await Forms.read(request, context: context)
            try Forms.requireToken(form, session)
            let client = try clientParameter(context)
            let to = (form["to"] ?? "").trimmingCharacters(in: .whitespaces)
            let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var answers = PersonPage.Answers(handoverTo: to, handoverNote: note)
            func again(_ problem: String) async throws -> Response {
                answers.handoverError = problem
                return try await answer(pool, session, client, answers)
            }
            if !to.contains("@") { return try await again("Give the e-mail of the member of staff who takes the person on.") }
            if note.unicodeScalars.count > 2000 { return try await again("A note holds at most 2,000 characters.") }
            do {
                _ = try await pool.acting(for: session) { db in
                    try JourneyRepository(db).handOver(clientExternalID: client, toEmail: to, note: note.isEmpty ? nil : note)
                }
            } catch JourneyError.notReceiver {
                return try await again("\(to) is not active staff of the person's hub, or is you or their lead already.")
            } catch JourneyError.notLeadOrManager {
                throw HTTPError(.forbidden, message: "Only the person's lead professional or a manager of their hub hands them over.")
            } catch JourneyError.unknownClient {
                throw notFound("person")
            }
            return Pages.redirect(PersonRecord.path(client) + "?notice=handed-over#lead")
        }
        router.post("/people/:client/episodes") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let form = try await Forms.read(request, context: context)
            try Forms.requireToken(form, session)
            let client = try clientParameter(context)
            let kindText = form["kind"] ?? ""
            let at = (form["at"] ?? "").trimmingCharacters(in: .whitespaces)
            let goals = (form["goals"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var answers = PersonPage.Answers(episodeKind: kindText, episodeAt: at, episodeGoals: goals)
            func again(_ problem: String) async throws -> Response {
                answers.episodeError = problem
                return try await answer(pool, session, client, answers)
            }
            guard let kind = JourneyEpisode.Kind(rawValue: kindText) else { return try await again("Choose what happened.") }
            // A browser's datetime-local: YYYY-MM-DDTHH:MM (seconds, if sent, are dropped).
            let parts = at.split(separator: "T", maxSplits: 1).map(String.init)
            guard parts.count == 2, let date = LocalDate(iso: parts[0]), let time = LocalTime(iso: String(parts[1].prefix(5))) else {
                return try await again("Give the date and time it happened.")
            }
            if !goals.isEmpty && kind != .reablement { return try await again("Goals belong to reablement only.") }
            if goals.unicodeScalars.count > 2000 { return try await again("Goals hold at most 2,000 characters.") }
            do {
                try await pool.acting(for: session) { db in
                    let journeys = JourneyRepository(db)
                    guard let start = try journeys.instant(clientExternalID: client, date: date, time: time) else { throw notFound("person") }
                    try journeys.add(JourneyEpisode(kind: kind, startedAt: start, goals: goals.isEmpty ? nil : goals), clientExternalID: client)
                }
            } catch is AccessRefused {
                throw HTTPError(.forbidden, message: "You may not add to this person's journey.")
            }
            return Pages.redirect(PersonRecord.path(client) + "?notice=episode-recorded#journey")
        }
        router.post("/handovers/:id/accept") { request, context -> Response in
            let session = try context.require(.manager, .practitioner)
            let form = try await Forms.read(request, context: context)
            try Forms.requireToken(form, session)
            guard let id = context.parameters.get("id").flatMap(Int.init) else { throw notFound("handover") }
            do {
                try await pool.acting(for: session) { db in try JourneyRepository(db).accept(handoverID: id) }
            } catch JourneyError.notWaiting {
                throw notFound("handover waiting for you")
            }
            return Pages.redirect("/people?notice=handover-accepted")
        }
    }

    private static func people(_ db: Connection, _ session: WebSession) throws -> PeoplePage.View {
        let leads = LeadRepository(db)
        let hubs = try HubWeekRepository(db).actingHubs().map { hub in
            (hub: hub, leads: (try? leads.current(hubCode: hub)) ?? [])
        }
        return PeoplePage.View(
            caseload: try leads.caseload(personID: session.person.id), waiting: try JourneyRepository(db).handovers(waitingOnly: true),
            hubs: hubs, now: Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)))
    }

    /// The person page again with a form's answer beside its field (422).
    private static func answer(_ pool: DatabasePool, _ session: WebSession, _ client: String, _ answers: PersonPage.Answers) async throws
        -> Response
    {
        let record = try await pool.acting(for: session) { db in try PersonRecord.load(db, clientID: client, session: session) }
        return Pages.html(PersonPage.render(record, session: session, answers: answers), status: .unprocessableContent)
    }

    private static func clientParameter(_ context: WebContext) throws -> String {
        guard let client = context.parameters.get("client")?.removingPercentEncoding, ExternalID.isValid(client) else {
            throw notFound("person")
        }
        return client
    }

    private static func notice(_ request: Request) -> String? {
        switch request.uri.queryParameters.get("notice") {
        case "note-added": "Note added."
        case "handover-accepted": "Handover accepted: you are now the lead."
        case "handed-over": "Handed over: it waits for them to accept."
        case "episode-recorded": "Episode recorded."
        default: nil
        }
    }
}
