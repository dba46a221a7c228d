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
            let record = try await pool.acting(for: session) { db in try PersonRecord.load(db, clientID: client) }
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
                let record = try await pool.acting(for: session) { db in try PersonRecord.load(db, clientID: client) }
                return Pages.html(PersonPage.render(record, session: session, noteError: problem, noteDraft: body), status: .unprocessableContent)
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
        default: nil
        }
    }
}
