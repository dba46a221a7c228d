import CareModel
import CareStore
import HTTPTypes
import Hummingbird

/// The manager's carer page with its link actions, and the carer's own link (no session).
enum CarerRoutes {
    static let page = "/hubs/:hub/weeks/:week/carers/:carer"

    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get(RouterPath(page)) { request, context -> Response in
            let (session, hub, week, carer) = try scope(context)
            let version = request.uri.queryParameters.get("version").map { Int($0) ?? -1 }
            if let version, version < 1 { throw notFound("roster version") }
            let loaded = try await pool.acting(for: session) { db in
                try CarerWeek.load(db, hub: hub, week: week, carer: carer, version: version)
            }
            guard let loaded else { throw notFound("carer") }
            return Pages.html(CarerPage.render(loaded, session: session))
        }
        router.post(RouterPath(page + "/link")) { request, context -> Response in
            let (session, hub, week, carer) = try scope(context)
            try Forms.requireToken(try await Forms.read(request, context: context), session)
            let outcome = try await pool.acting(for: session) { db -> (CarerWeek, String) in
                // Only the carer's own hub hands out their week: a carer lent here is not found, and
                // carer_links' policy would refuse the insert anyway (403).
                guard try CarerRepository(db).hubCode(of: carer) == hub, let token = try CarerLinkRepository(db).issue(carer: carer) else {
                    throw notFound("carer")
                }
                // Thrown, not returned: a link nobody was shown must not stay live (the transaction rolls back).
                guard let loaded = try CarerWeek.load(db, hub: hub, week: week, carer: carer, version: nil) else { throw notFound("carer") }
                return (loaded, token)
            }
            // The token is in this answer only: a page, not a redirect whose address would keep it.
            let issued = IssuedLink(token: outcome.1, origin: origin(request))
            return Pages.html(CarerPage.render(outcome.0, session: session, issued: issued))
        }
        router.post(RouterPath(page + "/link/revoke")) { request, context -> Response in
            let (session, hub, week, carer) = try scope(context)
            try Forms.requireToken(try await Forms.read(request, context: context), session)
            let known = try await pool.acting(for: session) { db -> Bool in
                guard try CarerRepository(db).hubCode(of: carer) == hub else { return false }
                try CarerLinkRepository(db).revoke(carer: carer)
                return true
            }
            guard known else { throw notFound("carer") }
            return Pages.redirect(CarerPaths.carer(hub: hub, week: week.description, carer: carer))
        }
        MyWeekRoutes.add(to: router, pool: pool)
    }

    /// The manager's session and the address's hub, week and carer; a hub that is not theirs or
    /// a week not written `2026-W48` is not found.
    private static func scope(_ context: WebContext) throws -> (WebSession, String, ISOWeek, String) {
        let session = try context.require(.manager)
        guard let hub = context.parameters.get("hub"), session.hubCodes.contains(hub) else { throw notFound("hub") }
        guard let week = context.parameters.get("week").flatMap(CarerPaths.week) else { throw notFound("week") }
        guard let carer = context.parameters.get("carer"), !carer.isEmpty, carer.utf8.count <= 64 else { throw notFound("carer") }
        return (session, hub, week, carer)
    }

    /// `scheme://host[:port]` as the browser addressed this server (a proxy's `X-Forwarded-Proto`
    /// says when it was HTTPS).
    static func origin(_ request: Request) -> String {
        "\(isSecure(request) ? "https" : "http")://\(request.head.authority ?? "localhost")"
    }

    static func isSecure(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}
