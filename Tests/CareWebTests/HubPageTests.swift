import CareModel
import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The manager's hub week, board, visit, comparison and hand-outs over HTTP, against the real
/// PostgreSQL: what the pages show is counted against the database, and another hub's pages
/// are not found.
@Suite("Hub pages")
struct HubPageTests {
    static let week = "/hubs/STAF/weeks/2026-W48"

    static func count(_ db: Connection, _ query: SQLQuery) throws -> Int {
        try db.query("SELECT count(*) AS n FROM (\(query)) q").rows[0].decode("n")
    }

    /// Assignments (visits) of STAF's published week, and its unassigned visits.
    static func published(_ db: Connection) throws -> (assigned: Int, unassigned: Int) {
        let roster = "SELECT r.id FROM rosters r JOIN hubs h ON h.id = r.hub_id WHERE h.code = 'STAF' AND r.status = 'published'"
        let assigned = try count(db, SQLQuery(unsafeSQL: "SELECT DISTINCT visit_id FROM roster_assignments WHERE roster_id IN (\(roster))"))
        let unassigned = try count(db, SQLQuery(unsafeSQL: "SELECT visit_id FROM roster_unassigned WHERE roster_id IN (\(roster))"))
        return (assigned, unassigned)
    }

    /// The hub week lists the people who need a lead professional, from the database: all of
    /// STAF's people but the one given a lead, each linking to their client page.
    @Test func hubWeekListsPeopleWithoutALead() async throws {
        let county = try WebCounty()
        let clients: [String] = try county.owner.query(
            "SELECT c.external_id FROM clients c JOIN hubs h ON h.id = c.hub_id WHERE h.code = 'STAF' ORDER BY 1"
        ).rows.map { try $0.decode("external_id") }
        let led = try #require(clients.first)
        try county.owner.execute(
            """
            INSERT INTO client_leads (client_id, person_id)
            SELECT c.id, p.id FROM clients c, people p WHERE c.external_id = \(led) AND lower(p.email) = lower(\(WebCounty.email(.manager)))
            """)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let week = try await manager.get(Self.week)
            #expect(week.body.contains(#"<p id="leads-needed"><strong>\#(clients.count - 1)</strong> of \#(clients.count) people need a lead"#))
            let list = try #require(week.body.firstMatch(of: /<ul class="needs-lead">(.*?)<\/ul>/)).1
            #expect(list.matches(of: /<li>/).count == clients.count - 1 && !list.contains(#"/clients/\#(led)""#))
            #expect(week.body.contains(#"<a href="\#(Self.week)/clients/\#(clients[1])">\#(clients[1])</a> (no lead)"#))
        }
    }

    @Test func boardShowsTheDatabasesVisits() async throws {
        let county = try WebCounty()
        let expected = try Self.published(county.owner)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let hubs = try await manager.get("/hubs")
            #expect(hubs.status == .ok && hubs.body.contains(#"<th scope="row">STAF</th>"#) && !hubs.body.contains("CANN"))
            let week = try await manager.get(Self.week)
            #expect(week.status == .ok)
            #expect(week.body.contains(#"<span class="badge published">published</span>"#))
            #expect(
                week.body.contains(#"<span class="value" id="assigned">\#(expected.assigned) of \#(expected.assigned + expected.unassigned)</span>"#))
            let board = try await manager.get(Self.week + "/board")
            #expect(board.status == .ok)
            let visits = Set(board.body.matches(of: /class="visit [^"]*" data-visit="([^"]+)"/).map { String($0.1) })
            #expect(visits.count == expected.assigned)
            #expect(board.body.matches(of: /<li data-unassigned=/).count == expected.unassigned)
            #expect(!board.body.contains("style=\"") && !board.body.contains("<script>"))
            // One day: only visits starting that day.
            let monday = try await manager.get(Self.week + "/board?day=2026-11-23")
            let mondayVisits = Set(monday.body.matches(of: /class="visit [^"]*" data-visit="([^"]+)"/).map { String($0.1) })
            #expect(!mondayVisits.isEmpty && mondayVisits.isSubset(of: visits) && mondayVisits.count < visits.count)
        }
    }

    /// The board is kept rendered per version, names and filters: a carer renamed in the
    /// database shows under the new name at the next load, and a publish changes the badge.
    @Test func aKeptBoardFollowsNamesAndStatus() async throws {
        let county = try WebCounty(publish: false)
        nonisolated(unsafe) let owner = county.owner
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let first = try await manager.get(Self.week + "/board")
            #expect(first.body.contains(#"<span class="badge draft">draft</span>"#))
            let carer: String = try owner.query(
                """
                SELECT c.external_id FROM roster_assignments a JOIN carers c ON c.id = a.carer_id JOIN hubs h ON h.id = c.hub_id
                WHERE h.code = 'STAF' ORDER BY c.external_id LIMIT 1
                """
            ).rows[0].decode("external_id")
            try owner.execute("UPDATE carers SET given_name = 'Renamed', family_name = 'Person' WHERE external_id = \(carer)")
            let second = try await manager.get(Self.week + "/board")
            #expect(second.body.contains("Renamed Person") && !first.body.contains("Renamed Person"))
            // The rename makes the draft stale (names are in the problem): published anyway.
            _ = try await manager.post(Self.week + "/publish", ["version": "1", "force": "yes"])
            let third = try await manager.get(Self.week + "/board")
            #expect(third.body.contains(#"<span class="badge published">published</span>"#))
        }
    }

    @Test func anotherHubsPagesAreNotFoundAndOtherRolesRefused() async throws {
        let county = try WebCounty()
        try await county.app().test(.router) { client in
            let cannock = try await WebVisitor.signIn(client, "cann-manager@web.example")
            for path in [Self.week, Self.week + "/board", Self.week + "/compare", Self.week + "/v/1/payroll.csv", Self.week + "/sheets.html"] {
                let page = try await cannock.get(path)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
            }
            let own = try await cannock.get("/hubs/CANN/weeks/2026-W48/board")
            #expect(own.status == .ok)
            let pin = try await cannock.post(Self.week + "/pin", ["visit": "1", "carer": "x"])
            #expect(pin.status == .notFound)
            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            #expect(try await hr.get(Self.week).status == .forbidden)
            #expect(try await hr.get("/rebalance").status == .forbidden)
            let anonymous = WebVisitor(client: client, cookie: nil)
            let redirected = try await anonymous.get(Self.week)
            #expect(redirected.status == .seeOther && redirected.headers[.location] == "/signin")
        }
    }

    @Test func badAddressesAndFormsAnswerBesideTheField() async throws {
        let county = try WebCounty()
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            for path in [
                "/hubs/STAF/weeks/2026-W99", "/hubs/STAF/weeks/nonsense/board", Self.week + "?v=abc", Self.week + "?v=99",
                Self.week + "/visits/999999", Self.week + "/v/1/calendars/nobody.ics",
            ] {
                let page = try await manager.get(path)
                #expect(page.status == .notFound, "\(path) answered \(page.status)")
                #expect(page.body.contains("<h1>Not Found</h1>"))
            }
            let picker = try await manager.get("/hubs/STAF/week?week=last+tuesday")
            #expect(picker.status == .badRequest && picker.body.contains(#"aria-describedby="week-error""#))
            #expect(try await manager.get("/hubs/STAF/week?week=2026-W49").headers[.location] == "/hubs/STAF/weeks/2026-W49")
            let generate = try await manager.post(Self.week + "/generate", ["seconds": "lots"], tokenFrom: Self.week)
            #expect(generate.status == .badRequest)
            #expect(generate.body.contains(#"aria-describedby="seconds-error""#) && generate.body.contains(#"value="lots""#))
            let forged = try await manager.post(Self.week + "/generate", ["seconds": "1", "csrf": "forged"])
            #expect(forged.status == .forbidden)
        }
        #expect(try Self.count(county.owner, "SELECT 1 FROM rosters WHERE version > 1") == 0)
    }

    @Test func pinGenerateComparePublishAndDownload() async throws {
        let county = try WebCounty()
        nonisolated(unsafe) let owner = county.owner
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            // A visit's page explains its carers and offers pins.
            let board = try await manager.get(Self.week + "/board")
            let visit = try #require(board.body.firstMatch(of: /class="visit [^"]*" data-visit="([^"]+)"/).map { String($0.1) })
            let page = try await manager.get(Self.week + "/visits/\(visit)")
            #expect(page.status == .ok && page.body.contains("has this visit"))
            let pinForms = page.body.matches(of: #/name="carer" value="([^"]+)"><input type="hidden" name="v" value="1"><button type="submit">Pin /#)
            let carer = try #require(pinForms.first.map { String($0.1) })
            let pinned = try await manager.post(Self.week + "/pin", ["visit": visit, "carer": carer, "v": "1"])
            #expect(pinned.status == .seeOther && pinned.headers[.location] == "\(Self.week)/visits/\(visit)?v=1&notice=pinned")
            #expect(try Self.count(owner, "SELECT 1 FROM visit_pins") == 1)
            #expect(try Self.count(owner, "SELECT 1 FROM roster_changes WHERE action = 'pinned' AND actor LIKE 'web:person:%'") == 1)
            // Generate a draft and follow its events to the end.
            let started = try await manager.post(Self.week + "/generate", ["seconds": "1"])
            #expect(started.status == .seeOther)
            let progress = try #require(started.headers[.location])
            let events = try await manager.get(progress + "/events")
            #expect(events.headers[.contentType] == "text/event-stream")
            #expect(events.body.contains("event: done") && events.body.contains(#""state":"finished""#) && events.body.contains(#""version":2"#))
            let finished = try await manager.get(progress)
            #expect(finished.body.contains(#"id="draft-link" href="\#(Self.week)?v=2""#))
            // The draft priced against the published version, then published.
            let compare = try await manager.get(Self.week + "/compare")
            #expect(compare.status == .ok && compare.body.contains(#"id="carers-told""#) && compare.body.contains("Publish draft 2"))
            let published = try await manager.post(Self.week + "/publish", ["version": "2"], tokenFrom: Self.week + "/compare")
            #expect(published.status == .seeOther && published.headers[.location] == Self.week + "?notice=published")
            let statuses = try owner.query(
                "SELECT r.status FROM rosters r JOIN hubs h ON h.id = r.hub_id WHERE h.code = 'STAF' ORDER BY r.version"
            ).rows.map { try $0.decode("status", as: String.self) }
            #expect(statuses == ["superseded", "published"])
            // Hand-outs of the published version.
            let csv = try await manager.get(Self.week + "/v/2/payroll.csv")
            #expect(csv.status == .ok && csv.headers[.contentDisposition]?.hasPrefix("attachment") == true && csv.body.hasPrefix("carer,"))
            let week = try await manager.get(Self.week)
            let calendar = try #require(
                week.body.firstMatch(of: /href="(\/hubs\/STAF\/weeks\/2026-W48\/v\/2\/calendars\/[^"]+\.ics)"/).map { String($0.1) })
            let ics = try await manager.get(calendar)
            #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8" && ics.body.hasPrefix("BEGIN:VCALENDAR"))
            #expect(ics.body.components(separatedBy: "BEGIN:VEVENT").count > 1)
            let sheets = try await manager.get(Self.week + "/sheets.html?v=2")
            #expect(sheets.body.contains(#"href="/static/sheets.css""#) && !sheets.body.contains("<style>"))
        }
    }

    @Test func aStaleDraftAsksBeforePublishing() async throws {
        let county = try WebCounty(generate: false)
        nonisolated(unsafe) let owner = county.owner
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let started = try await manager.post(Self.week + "/generate", ["seconds": "1"])
            _ = try await manager.get(try #require(started.headers[.location]) + "/events")
            // The week's data changes after the draft: a visit is moved by an hour.
            try owner.execute(
                """
                UPDATE visits SET window_start = window_start + interval '1 hour', window_end = window_end + interval '1 hour'
                WHERE id = (SELECT v.id FROM visits v JOIN clients c ON c.id = v.client_id JOIN hubs h ON h.id = c.hub_id
                            WHERE h.code = 'STAF' ORDER BY v.id LIMIT 1)
                """)
            let refused = try await manager.post(Self.week + "/publish", ["version": "1"])
            #expect(refused.status == .conflict && refused.body.contains("out of date") && refused.body.contains(#"name="force" value="yes""#))
            #expect(try Self.count(owner, "SELECT 1 FROM rosters WHERE status = 'published'") == 0)
            let forced = try await manager.post(Self.week + "/publish", ["version": "1", "force": "yes"])
            #expect(forced.status == .seeOther)
            #expect(try Self.count(owner, "SELECT 1 FROM rosters WHERE status = 'published'") == 1)
        }
    }

    @Test func rebalanceLogShowsPinsOfOwnHubsOnly() async throws {
        let county = try WebCounty()
        try county.owner.execute(
            """
            INSERT INTO roster_changes (hub_id, visit_id, carer_id, action, reason, actor, notice_minutes)
            SELECT h.id, NULL, NULL, 'moved', 'test move in ' || h.code, 'rebalance', 600 FROM hubs h WHERE h.code IN ('STAF', 'CANN')
            """)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let log = try await manager.get("/rebalance")
            #expect(log.status == .ok && log.body.contains("test move in STAF") && !log.body.contains("test move in CANN"))
            #expect(log.body.contains("<strong>short notice</strong>"))
            let scheduler = try await WebVisitor.signIn(client, WebCounty.email(.scheduler))
            #expect(try await scheduler.get("/rebalance").status == .ok)
        }
    }
}
