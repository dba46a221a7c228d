import CareStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The manager's carer page and the carer's own link: who may open them, that they show what
/// the database holds, and that a link shows one carer's week until it is revoked.
@Suite("Carer pages")
struct CarerPageTests {
    static let week = "2026-W48"

    /// The STAF carer with the most visits in STAF's published roster, and that count.
    static func busiestCarer(_ county: WebCounty) throws -> (id: String, visits: Int) {
        let row = try county.owner.query(
            """
            SELECT c.external_id, count(*) AS n FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id
            JOIN hubs h ON h.id = r.hub_id JOIN carers c ON c.id = a.carer_id
            WHERE h.code = 'STAF' AND r.iso_week = \(week) AND r.status = 'published' AND c.hub_id = h.id
            GROUP BY c.external_id ORDER BY n DESC, c.external_id LIMIT 1
            """
        ).rows[0]
        return (try row.decode("external_id"), try row.decode("n"))
    }

    static func page(_ carer: String, hub: String = "STAF", week: String = week) -> String { "/hubs/\(hub)/weeks/\(week)/carers/\(carer)" }

    /// The manager's page answers with the carer's published visits, as many as the database has;
    /// another hub's manager, an unknown week and HR are refused.
    @Test func managerSeesTheirCarerOthersDoNot() async throws {
        let county = try WebCounty()
        let (carer, visits) = try Self.busiestCarer(county)
        #expect(visits > 0)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let page = try await manager.get(Self.page(carer))
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<span id="visit-count">\#(visits)</span>"#))
            #expect(page.body.components(separatedBy: #"<li class="carer-visit""#).count - 1 == visits)
            #expect(page.body.contains("Published roster, version 1"))
            #expect(page.body.contains("Pay check") && page.body.contains("Changes at short notice"))
            #expect(page.body.contains(#"href="/hubs/STAF/weeks/2026-W48/clients/"#))
            #expect(try await manager.get(Self.page(carer, week: "2026-48")).status == .notFound)
            #expect(try await manager.get(Self.page(carer, week: "2026-W60")).status == .notFound)
            #expect(try await manager.get(Self.page("no-such-carer")).status == .notFound)
            #expect(try await manager.get(Self.page(carer) + "?version=9").status == .notFound)

            let cannock = try await WebVisitor.signIn(client, "cann-manager@web.example")
            let other = try await cannock.get(Self.page(carer))
            #expect(other.status == .notFound && !other.body.contains(carer))
            #expect(try await cannock.get(Self.page(carer, hub: "CANN")).status == .notFound)

            let hr = try await WebVisitor.signIn(client, WebCounty.email(.hr))
            #expect(try await hr.get(Self.page(carer)).status == .forbidden)
        }
    }

    /// A link is issued with the anti-forgery token only, shown once; it opens that carer's week
    /// and calendar without a cookie, every read is audited, and after revoking both are 404.
    @Test func carersOwnLinkShowsOnlyTheirWeekUntilRevoked() async throws {
        let county = try WebCounty()
        let (carer, visits) = try Self.busiestCarer(county)
        let visitIDs: Set<String> = Set(
            try county.owner.query(
                """
                SELECT a.visit_id::text AS v FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id JOIN carers c ON c.id = a.carer_id
                WHERE c.external_id = \(carer) AND r.status = 'published'
                """
            ).rows.map { try $0.decode("v") })
        // Clients this carer never visits, by first names no client of theirs shares.
        let strangers: [String] = try county.owner.query(
            """
            SELECT DISTINCT k.given_name FROM clients k WHERE k.given_name NOT IN (
                SELECT k2.given_name FROM roster_assignments a JOIN visits v ON v.id = a.visit_id JOIN clients k2 ON k2.id = v.client_id
                JOIN carers c ON c.id = a.carer_id WHERE c.external_id = \(carer))
            """
        ).rows.map { try $0.decode("given_name") }
        #expect(!strangers.isEmpty)
        // A change by rebalance at 5 hours' notice, whose reason names another carer's absence.
        try county.owner.execute(
            """
            INSERT INTO roster_changes (roster_id, hub_id, visit_id, carer_id, action, reason, actor, notice_minutes)
            SELECT a.roster_id, r.hub_id, a.visit_id, a.carer_id, 'added', 'sickness of C-OTHER-9', 'test', 300
            FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id JOIN carers c ON c.id = a.carer_id
            WHERE c.external_id = \(carer) AND r.status = 'published' LIMIT 1
            """)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let refused = try await manager.post(Self.page(carer) + "/link", ["csrf": "forged"])
            #expect(refused.status == .forbidden)
            let page = try await manager.get(Self.page(carer))
            #expect(page.body.contains(#"<span id="short-notice-count">1</span>"#) && page.body.contains("sickness of C-OTHER-9"))
            let issued = try await manager.post(Self.page(carer) + "/link", [:])
            #expect(issued.status == .ok)
            let token = try #require(issued.body.firstMatch(of: /id="issued-link" href="\/my\/([A-Za-z0-9_-]+)"/)?.1).description
            #expect(token.count >= 22)
            // Shown once: the page afterwards says a link is live but not where.
            let later = try await manager.get(Self.page(carer))
            #expect(later.body.contains("A link is live") && !later.body.contains(token))

            let phone = WebVisitor(client: client, cookie: nil)
            let mine = try await phone.get("/my/\(token)")
            #expect(mine.status == .ok)
            let shown = Set(mine.body.matches(of: /data-visit="([^"]+)"/).map { String($0.1) })
            #expect(shown == visitIDs && shown.count == visits)
            for name in strangers { #expect(!mine.body.contains(">\(name) ("), "\(name)") }
            #expect(mine.body.contains(#"href="webcal://"#) && mine.body.contains("/my/\(token)/calendar.ics"))
            #expect(!mine.body.contains("Sign out"))
            // The change, at short notice, without its reason (another carer's absence).
            #expect(mine.body.contains("Visit added") && mine.body.contains("(short notice)") && !mine.body.contains("C-OTHER-9"))

            let ics = try await phone.get("/my/\(token)/calendar.ics")
            #expect(ics.status == .ok && ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.body.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.body.hasSuffix("END:VCALENDAR\r\n"))
            #expect(ics.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == visits)
            #expect(ics.body.components(separatedBy: "\r\n").contains("REFRESH-INTERVAL;VALUE=DURATION:PT60M"))
            for id in visitIDs { #expect(ics.body.contains("UID:visit-\(id)-\(carer)@carehub")) }

            let revoked = try await manager.post(Self.page(carer) + "/link/revoke", [:])
            #expect(revoked.status == .seeOther)
            let gone = try await phone.get("/my/\(token)")
            #expect(gone.status == .notFound && !gone.body.contains(carer))
            #expect(try await phone.get("/my/\(token)/calendar.ics").status == .notFound)
            #expect(try await phone.get("/my/not-a-token").status == .notFound)
        }
        // The page's week and changes, the calendar's week (no care plans here, so no plan was read);
        // reads of the revoked link find nothing to record.
        let reads: Int = try county.owner.query("SELECT count(*) AS n FROM audit_log WHERE action = 'carer-link-read'").rows[0].decode("n")
        #expect(reads == 3)
        let audited: Int = try county.owner.query(
            "SELECT count(*) AS n FROM audit_log WHERE table_name = 'carer_links' AND action IN ('insert', 'update')"
        ).rows[0].decode("n")
        #expect(audited == 2)  // issued, revoked
    }

    /// Issuing a new link revokes the old one; a lent or another hub's carer gets none.
    @Test func newLinkReplacesTheOld() async throws {
        let county = try WebCounty()
        let (carer, _) = try Self.busiestCarer(county)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let first = try await manager.post(Self.page(carer) + "/link", [:])
            let second = try await manager.post(Self.page(carer) + "/link", [:])
            let one = try #require(first.body.firstMatch(of: /id="issued-link" href="\/my\/([A-Za-z0-9_-]+)"/)?.1).description
            let two = try #require(second.body.firstMatch(of: /id="issued-link" href="\/my\/([A-Za-z0-9_-]+)"/)?.1).description
            #expect(one != two)
            let phone = WebVisitor(client: client, cookie: nil)
            #expect(try await phone.get("/my/\(one)").status == .notFound)
            #expect(try await phone.get("/my/\(two)").status == .ok)
            let cannock = try await WebVisitor.signIn(client, "cann-manager@web.example")
            #expect(try await cannock.post(Self.page(carer, hub: "CANN") + "/link", [:]).status == .notFound)
        }
        let stored: [String] = try county.owner.query("SELECT token_hash FROM carer_links").rows.map { try $0.decode("token_hash") }
        #expect(stored.count == 2 && stored.allSatisfy { $0.count == 64 })
    }

    /// Without a published version the page shows the newest draft, labelled as such; a
    /// published roster can be viewed version by version.
    @Test func draftIsLabelled() async throws {
        let county = try WebCounty(publish: false)
        let (carer, _) = try Self.busiestDraftCarer(county)
        try await county.app().test(.router) { client in
            let manager = try await WebVisitor.signIn(client, WebCounty.email(.manager))
            let page = try await manager.get(Self.page(carer))
            #expect(page.status == .ok && page.body.contains("Draft, version 1: not published"))
            #expect(try await manager.get(Self.page(carer) + "?version=1").status == .ok)
            #expect(try await manager.get(Self.page(carer) + "?version=x").status == .notFound)
        }
    }

    static func busiestDraftCarer(_ county: WebCounty) throws -> (id: String, visits: Int) {
        let row = try county.owner.query(
            """
            SELECT c.external_id, count(*) AS n FROM roster_assignments a JOIN rosters r ON r.id = a.roster_id
            JOIN hubs h ON h.id = r.hub_id JOIN carers c ON c.id = a.carer_id
            WHERE h.code = 'STAF' AND r.iso_week = \(week) AND c.hub_id = h.id
            GROUP BY c.external_id ORDER BY n DESC, c.external_id LIMIT 1
            """
        ).rows[0]
        return (try row.decode("external_id"), try row.decode("n"))
    }

    /// The link's group role reads no table: only the two link functions answer it.
    @Test func linkRoleReadsNoTable() throws {
        let county = try WebCounty(generate: false)
        for table in ["carers", "clients", "rosters", "roster_documents", "carer_links", "audit_log"] {
            #expect(throws: (any Error).self, "\(table)") {
                try county.owner.transaction { db in
                    try db.execute(SQLQuery(unsafeSQL: "SET LOCAL ROLE carehub_carer_link"))
                    _ = try db.query(SQLQuery(unsafeSQL: "SELECT 1 FROM \(table) LIMIT 0"))
                }
            }
        }
        #expect(try CarerLinkReader(county.owner).read(token: RandomToken.make()) == nil)
    }
}
