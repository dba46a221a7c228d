import CareStore
import HTTPTypes
import Hummingbird

/// `/my/{token}` and its calendar: no password, no session. The token is the only key, checked
/// by PostgreSQL (`CarerLinkReader`); an unknown or revoked one is a 404 that names nothing. The
/// access log records the route pattern, never the token.
enum MyWeekRoutes {
    static func add(to router: Router<WebContext>, pool: DatabasePool) {
        router.get("/my/:token") { request, context -> Response in
            let token = try token(context)
            let week = try await pool.withConnection { db in try MyWeek.load(db, token: token, changes: 20, tasks: true) }
            guard let week else { throw HTTPError(.notFound) }
            let page = MyWeekPage.render(
                week, token: token, authority: request.head.authority ?? "localhost", secure: CarerRoutes.isSecure(request))
            return Pages.html(page)
        }
        router.get("/my/:token/calendar.ics") { _, context -> Response in
            let token = try token(context)
            let week = try await pool.withConnection { db in try MyWeek.load(db, token: token, changes: 0) }
            guard let week else { throw HTTPError(.notFound) }
            var headers = HTTPFields()
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.contentDisposition] = #"inline; filename="carehub.ics""#
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: week.calendar())))
        }
    }

    private static func token(_ context: WebContext) throws -> String {
        guard let token = context.parameters.get("token"), CarerPaths.isTokenShaped(token) else { throw HTTPError(.notFound) }
        return token
    }
}
