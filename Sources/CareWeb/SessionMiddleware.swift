import CareStore
import Foundation
import HTTPTypes
import Hummingbird

/// Finds the session the request's cookie names (one query on the pool; a half-open one, whose
/// second factor is due, reaches only the code page and sign-out), and refuses any request
/// that changes something unless it comes from a page of this server: its `Origin` (or, failing
/// that, `Referer`) must name the host it was sent to. Forms also carry the session's
/// anti-forgery token, checked by each handler (`Forms.requireToken`).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pool: DatabasePool
    let limits: WebSessionRepository.Limits

    static let cookieName = "carehub_session"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if request.method != .get && request.method != .head && !Self.sameOrigin(request) {
            throw HTTPError(.forbidden, message: "This form must be sent from a carehub page.")
        }
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, !token.isEmpty, token.utf8.count <= 64 {
            let limits = self.limits
            let found = try await pool.withConnection { db in try WebSessionRepository(db).find(token: token, limits: limits) }
            context.sessionToken = found == nil ? nil : token
            if let found, found.secondFactorDue {
                context.halfOpenSession = found
                if !Self.openBeforeSecondFactor(request.uri.path) { return Pages.redirect(SecondFactorRoutes.path) }
            } else {
                context.session = found
            }
        }
        return try await next(request, context)
    }

    /// What a half-open session (second factor still due) may reach: the code page, sign-out,
    /// the stylesheet and script those pages load, and the health check. Everything else sends
    /// it to the code page.
    static func openBeforeSecondFactor(_ path: String) -> Bool {
        path == SecondFactorRoutes.path || path == "/signout" || path == "/healthz" || path.hasPrefix("/static/")
    }

    /// True when the request's Origin (or Referer) is this server as the browser addressed it.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let claimed =
            request.headers[.origin]
            ?? request.headers[.referer].flatMap { referer in
                URL(string: referer).flatMap { url in url.host.map { "\(url.scheme ?? "http")://\($0)\(url.port.map { ":\($0)" } ?? "")" } }
            }
        guard let claimed, let url = URL(string: claimed), let claimedHost = url.host else { return false }
        let authority = claimedHost + (url.port.map { ":\($0)" } ?? "")
        return authority == host
    }
}
